//! Card shards (`dataset::cards`): what the widget fetches when a claim
//! matched must give back exactly the card the dataset has, and a damaged
//! or foreign file must be refused with one line, never a panic.

use claimlens::dataset::cards::{self, CardText, ShardTable, SHARD_BYTES};
use claimlens::Dataset;

#[test]
fn every_card_comes_back_exactly_from_its_shard() {
    let dataset = Dataset::bundled();
    let shards = cards::split(&dataset);
    let table = ShardTable::decode(&ShardTable::of(&shards, dataset.claims.len()).encode())
        .expect("the table round-trips");
    for (index, claim) in dataset.claims.iter().enumerate() {
        let shard = &shards[table.shard_of(index).expect("every claim has a shard")];
        let found = cards::decode(&shard.text, &dataset.info)
            .expect("a shard the build wrote decodes")
            .into_iter()
            .find(|card| card.id == claim.id)
            .unwrap_or_else(|| panic!("{} is not in {}", claim.id, shard.name));
        assert_eq!(found, CardText::of(claim));
        // A stripped claim made whole again is the claim.
        let mut stripped = claim.clone();
        cards::strip(&mut stripped);
        assert!(stripped.summary.is_empty() && stripped.sources.is_empty());
        found.fill(&mut stripped);
        stripped.appearances = claim.appearances.clone();
        assert_eq!(&stripped, claim);
    }
}

#[test]
fn the_shard_rule_is_stable_and_shards_stay_small() {
    let dataset = Dataset::bundled();
    let shards = cards::split(&dataset);
    assert_eq!(
        shards,
        cards::split(&dataset),
        "the same dataset, the same shards"
    );
    assert!(
        shards.len() > 1,
        "the shipped dataset is more than one shard"
    );
    let mut seen: Vec<usize> = shards.iter().flat_map(|s| s.claims.clone()).collect();
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..dataset.claims.len()).collect::<Vec<_>>(),
        "each claim in exactly one shard"
    );
    // In id order: a shard holds a run of consecutive ids.
    let ids: Vec<&str> = shards
        .iter()
        .flat_map(|s| s.claims.iter().map(|&i| dataset.claims[i].id.as_str()))
        .collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "claims packed in id order"
    );
    let largest_card = dataset
        .claims
        .iter()
        .map(|c| cards::encode(&dataset.info, &[CardText::of(c)]).len())
        .max()
        .unwrap();
    for shard in &shards {
        assert!(
            shard.text.len() < SHARD_BYTES + largest_card,
            "{} is {} bytes",
            shard.name,
            shard.text.len()
        );
        let hex = shard
            .name
            .strip_prefix("cards-")
            .and_then(|n| n.strip_suffix(".txt"))
            .unwrap();
        assert!(
            hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            "{}",
            shard.name
        );
    }
    let mut names: Vec<&str> = shards.iter().map(|s| s.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), shards.len(), "names differ with content");
}

#[test]
fn a_damaged_shard_is_refused_with_one_line() {
    let dataset = Dataset::bundled();
    let shard = &cards::split(&dataset)[0];
    // Cut anywhere (on a char boundary), the file is refused.
    for cut in (0..shard.text.len()).filter(|&i| shard.text.is_char_boundary(i)) {
        let error = cards::decode(&shard.text[..cut], &dataset.info).expect_err("truncated");
        assert!(!error.contains('\n'), "{error}");
    }
    // A length prefix that runs past the end, a bad number, trailing bytes.
    let fourth = shard.text.match_indices(':').nth(3).unwrap().0;
    let grown = format!("{}9999{}", &shard.text[..fourth], &shard.text[fourth..]);
    let error = cards::decode(&grown, &dataset.info).unwrap_err();
    assert!(
        error.starts_with("the card file is damaged (at byte "),
        "{error}"
    );
    assert!(cards::decode(&format!("{}x", shard.text), &dataset.info).is_err());
    assert!(ShardTable::decode("1;11:cards-x.txt1;0;").is_some());
    assert_eq!(
        cards::decode("<!doctype html><p>not found</p>", &dataset.info).unwrap_err(),
        "not a ClaimLens card file"
    );
    let mut other = dataset.info.clone();
    other.content_hash = "0".repeat(64);
    assert_eq!(
        cards::decode(&shard.text, &other).unwrap_err(),
        "the card file is from another dataset release"
    );
    // Any byte changed: refused or decoded, never a panic.
    let bytes = shard.text.as_bytes();
    for at in (0..bytes.len()).step_by(7) {
        let mut changed = bytes.to_vec();
        changed[at] = b"9:;x"[at % 4];
        if let Ok(text) = String::from_utf8(changed) {
            let _ = cards::decode(&text, &dataset.info);
        }
    }
    assert_eq!(
        ShardTable::decode("1;11:cards-x.txt1;5;"),
        None,
        "a claim in a shard that does not exist"
    );
}
