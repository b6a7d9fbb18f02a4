//! ClaimReview JSON-LD export and import.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::dataset::claimreview::{export, import};
use claimlens::dataset::source::{to_toml, SourceFiles};
use claimlens::dataset::{Claim, Rating};
use claimlens::Dataset;
use serde_json::Value;

const BASE: &str = "https://claimlens.test/dataset.html";

#[test]
fn export_uses_the_schema_org_claimreview_vocabulary() {
    let dataset = Dataset::bundled();
    let text = serde_json::to_string(&export(&dataset, BASE)).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["@context"], "https://schema.org");
    let reviews = json["@graph"].as_array().unwrap();
    assert_eq!(reviews.len(), dataset.claims.len());
    for (review, claim) in reviews.iter().zip(&dataset.claims) {
        assert_eq!(review["@type"], "ClaimReview");
        assert_eq!(review["claimReviewed"], claim.claim_reviewed.as_str());
        assert_eq!(review["url"], format!("{BASE}#{}", claim.id));
        assert_eq!(review["datePublished"], claim.reviewed.to_string());
        assert_eq!(review["author"]["@type"], "Organization");
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert!(review["itemReviewed"]["appearance"].is_array());
        let rating = &review["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["alternateName"], claim.rating.label());
        assert_eq!(
            (
                rating["bestRating"].as_u64(),
                rating["worstRating"].as_u64()
            ),
            (Some(5), Some(1))
        );
        let value = rating["ratingValue"].as_u64();
        assert_eq!(
            value.is_none(),
            claim.rating == Rating::Unverifiable,
            "{}",
            claim.id
        );
        assert!(value.is_none_or(|v| (1..=5).contains(&v)));
    }
}

#[test]
fn import_of_export_keeps_ids_wording_ratings_dates_and_sources() {
    let dataset = Dataset::bundled();
    let text = serde_json::to_string(&export(&dataset, BASE)).unwrap();
    let imported = import(&text, &[]).unwrap();
    assert_eq!(imported.len(), dataset.claims.len());
    for (back, original) in imported.iter().zip(&dataset.claims) {
        assert_eq!(back.id, original.id);
        assert_eq!(back.claim_reviewed, original.claim_reviewed);
        assert_eq!(back.rating, original.rating, "{}", original.id);
        assert_eq!(back.rating_label, original.rating_label, "{}", original.id);
        assert_eq!(
            (back.reviewed, back.modified, back.as_of),
            (original.reviewed, original.modified, original.as_of)
        );
        assert_eq!(back.sources, original.sources, "{}", original.id);
        assert_eq!(
            (&back.summary, &back.context, &back.language),
            (&original.summary, &original.context, &original.language)
        );
    }
}

/// A fresh dataset directory under the temp dir, with its `dataset.toml`
/// and an empty `claims/`.
fn empty_dataset(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlens-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(
        dir.join("dataset.toml"),
        "version = \"t\"\nschema = 2\nreleased = \"2026-11-27\"\n",
    )
    .unwrap();
    dir
}

/// Imported claims written as TOML read back identically and validate,
/// including their drafted match pattern against their own wording.
#[test]
fn imported_claims_write_valid_source_files() {
    let text = serde_json::to_string(&export(&Dataset::bundled(), BASE)).unwrap();
    let imported = import(&text, &[]).unwrap();
    let dir = empty_dataset(&format!("import-{}", std::process::id()));
    for claim in &imported {
        std::fs::write(
            dir.join("claims").join(format!("{}.toml", claim.id)),
            to_toml(claim),
        )
        .unwrap();
    }
    // Drafts without a lexicon are rough (whether they find their wording is
    // the next test's question); they must still be valid source files.
    let parsed = SourceFiles::read(&dir).unwrap().parse();
    std::fs::remove_dir_all(&dir).unwrap();
    let parsed = parsed.unwrap_or_else(|e| panic!("{e}"));
    let mut sorted: Vec<Claim> = imported.clone();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(parsed.claims, sorted);
}

/// The writer quotes what editors and publishers really write: quotes of
/// both kinds, backslashes, line breaks, TOML's own delimiters, control
/// characters, right-to-left and astral text; every one reads back as is.
#[test]
fn written_claims_read_back_whatever_their_text() {
    let awkward = [
        r#"He said "no" and 'never'"#,
        r"C:\path\ and \n not a newline",
        "two\nlines\r\nand a\ttab",
        r#"''' and """ inside"#,
        "bell \u{7}, delete \u{7f} and escape \u{1b}[0m",
        "عربي עברית \u{202e}reversed",
        "emoji 👩‍👩‍👧 and 𝟐𝟔 and ﬁ",
        "= [match] # not a comment",
    ];
    let mut claim = import(FOREIGN, &[]).unwrap().remove(0);
    for (i, text) in awkward.iter().enumerate() {
        claim.claim_reviewed = format!("Claim {text}");
        claim.summary = format!("Summary {text}");
        claim.context = format!("Context {text}");
        claim.rating_label = Some(format!("Label {text}"));
        claim.sources[0].title = format!("Title {text}");
        claim.examples = vec![format!("Example {text}")];
        claim.counterexamples = vec![format!("Counter {text}")];
        claim.pattern.none_of = vec![format!("none {text}")];
        let dir = empty_dataset(&format!("write-{}-{i}", std::process::id()));
        let written = to_toml(&claim);
        std::fs::write(dir.join("claims").join("c.toml"), &written).unwrap();
        let parsed = SourceFiles::read(&dir).unwrap().parse();
        std::fs::remove_dir_all(&dir).unwrap();
        let parsed = parsed.unwrap_or_else(|e| panic!("{e}\n{written}"));
        assert_eq!(parsed.claims, vec![claim.clone()], "{written}");
    }
}

const FOREIGN: &str = r#"{
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  "url": "https://factcheck.example.org/reviews/42",
  "claimReviewed": "The moon is made of cheese, said 26 ministers.",
  "author": {"@type": "Organization", "name": "Example Checks"},
  "datePublished": "2025-09-10T08:00:00+02:00",
  "reviewRating": {"@type": "Rating", "alternateName": "Pants on Fire", "ratingValue": "1", "bestRating": "6", "worstRating": "1"},
  "itemReviewed": {"@type": "Claim", "appearance": {"@type": "CreativeWork", "url": "https://news.example.org/a", "headline": "Cheese moon"}}
}"#;

#[test]
fn import_accepts_the_shapes_publishers_embed_and_keeps_their_label() {
    let single: Value = serde_json::from_str(FOREIGN).unwrap();
    let shapes = [
        FOREIGN.to_string(),
        format!("[{FOREIGN}]"),
        format!(
            r#"{{"@context": "https://schema.org", "@graph": [{{"@type": "WebPage", "name": "x"}}, {FOREIGN}]}}"#
        ),
        format!(r#"[[{{"@type": "NewsArticle"}}], [{FOREIGN}]]"#),
        serde_json::to_string(&{
            let mut v = single.clone();
            v["@type"] = serde_json::json!(["ClaimReview", "Review"]);
            v
        })
        .unwrap(),
    ];
    for shape in &shapes {
        let claims = import(shape, &[]).unwrap_or_else(|e| panic!("{e}: {shape}"));
        assert_eq!(claims.len(), 1, "{shape}");
        let c = &claims[0];
        assert_eq!(c.rating, Rating::False);
        assert_eq!(c.rating_label.as_deref(), Some("Pants on Fire"));
        assert_eq!(c.reviewed.to_string(), "2025-09-10");
        assert_eq!(c.sources[0].url, "https://factcheck.example.org/reviews/42");
        assert_eq!(c.sources[0].publisher, "Example Checks");
        assert_eq!(c.appearances[0].title, "Cheese moon");
        assert_eq!(c.pattern.numbers, vec![26_000]);
        assert_eq!(c.examples, vec![c.claim_reviewed.clone()]);
    }
}

/// `FOREIGN` with its `reviewRating` replaced by `rating`.
fn with_rating(rating: &str) -> String {
    FOREIGN.replace(
        r#"{"@type": "Rating", "alternateName": "Pants on Fire", "ratingValue": "1", "bestRating": "6", "worstRating": "1"}"#,
        rating,
    )
}

/// The labels fact-checkers publish (PolitiFact, the Washington Post's
/// Pinocchios, Snopes, Full Fact, AFP, Reuters, AAP, Africa Check, Lead
/// Stories), as they appear in `alternateName`. The first four rows are the
/// ones the old word search got wrong: it found "true" in "Not true" and
/// "correct" in "Not correct", "mostly" in "Mostly False", and refused
/// "Four Pinocchios" as having "neither a label nor a ratingValue".
const PUBLISHED_LABELS: &[(&str, Rating)] = &[
    ("Not true", Rating::False),
    ("Not correct", Rating::False),
    ("Mostly False", Rating::Misleading),
    ("Four Pinocchios", Rating::False),
    // PolitiFact's Truth-O-Meter (and its old "Barely True").
    ("True", Rating::Accurate),
    ("Mostly True", Rating::NeedsContext),
    ("Half True", Rating::Misleading),
    ("Half-True", Rating::Misleading),
    ("Barely True", Rating::Misleading),
    ("False", Rating::False),
    ("Pants on Fire!", Rating::False),
    ("pants-on-fire", Rating::False),
    // The Washington Post's Fact Checker: One ~ "mostly true", Two ~ "half
    // true", Three ~ "mostly false", in the Post's own words.
    ("One Pinocchio", Rating::NeedsContext),
    ("Two Pinocchios", Rating::Misleading),
    ("Three Pinocchios", Rating::Misleading),
    ("4 Pinocchios", Rating::False),
    ("Bottomless Pinocchio", Rating::False),
    ("Geppetto Checkmark", Rating::Accurate),
    // Snopes.
    ("Mixture", Rating::Misleading),
    ("Unproven", Rating::Unverifiable),
    ("Unfounded", Rating::Unverifiable),
    ("Outdated", Rating::Outdated),
    ("Miscaptioned", Rating::Misleading),
    ("Misattributed", Rating::False),
    ("Correct Attribution", Rating::Accurate),
    ("Labeled Satire", Rating::False),
    ("Originated as Satire", Rating::False),
    ("Scam", Rating::False),
    // Full Fact, Africa Check, Lead Stories: words and short sentences.
    ("Incorrect", Rating::False),
    ("Correct", Rating::Accurate),
    ("Mostly correct", Rating::NeedsContext),
    ("Exaggerated", Rating::Misleading),
    ("This is an exaggeration", Rating::Misleading),
    ("There's no evidence for this", Rating::Unverifiable),
    ("No Evidence", Rating::Unverifiable),
    ("Fake", Rating::False),
    ("Fake news", Rating::False),
    ("Wrong", Rating::False),
    ("Untrue", Rating::False),
    ("Inaccurate", Rating::False),
    ("No longer true", Rating::Outdated),
    // AFP, Reuters, AAP, USA Today.
    ("Misleading", Rating::Misleading),
    ("Missing context", Rating::NeedsContext),
    ("Lacks context", Rating::NeedsContext),
    ("Partly false", Rating::Misleading),
    ("Partly True", Rating::Misleading),
    ("Somewhat False", Rating::Misleading),
    ("Somewhat True", Rating::NeedsContext),
    ("Altered", Rating::False),
    ("Altered photo", Rating::False),
    ("Satire", Rating::False),
    ("Unsubstantiated", Rating::Unverifiable),
    ("Unsupported", Rating::Unverifiable),
    ("Verdict: False", Rating::False),
    // ClaimLens's own labels and slugs, as export writes them.
    ("Accurate", Rating::Accurate),
    ("Needs context", Rating::NeedsContext),
    ("needs-context", Rating::NeedsContext),
    ("Unverifiable", Rating::Unverifiable),
];

#[test]
fn import_maps_published_labels_by_an_explicit_table() {
    let mut wrong = Vec::new();
    for (label, expected) in PUBLISHED_LABELS {
        // A ratingValue that disagrees: the label must decide, not the number.
        let json = with_rating(&format!(
            r#"{{"@type": "Rating", "alternateName": "{label}", "ratingValue": 3, "bestRating": 5, "worstRating": 1}}"#
        ));
        match import(&json, &[]) {
            Ok(claims) if claims[0].rating == *expected => {
                assert_eq!(
                    claims[0]
                        .rating_label
                        .as_deref()
                        .unwrap_or(expected.label()),
                    *label
                );
            }
            Ok(claims) => wrong.push(format!(
                "{label:?}: {:?}, not {expected:?}",
                claims[0].rating
            )),
            Err(e) => wrong.push(format!("{label:?}: refused ({e}), not {expected:?}")),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} labels mapped wrongly:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn import_falls_back_to_the_rating_scale_only_for_unknown_labels() {
    let cases = [
        (
            r#"{"ratingValue": 5, "bestRating": 5, "worstRating": 1}"#,
            Rating::Accurate,
        ),
        (
            r#"{"ratingValue": 1, "bestRating": 5, "worstRating": 1}"#,
            Rating::False,
        ),
        (
            r#"{"ratingValue": 3, "bestRating": 5, "worstRating": 1}"#,
            Rating::NeedsContext,
        ),
        (r#"{"ratingValue": 2}"#, Rating::Misleading),
        (
            r#"{"alternateName": "Full Flop", "ratingValue": "1", "bestRating": "6", "worstRating": "1"}"#,
            Rating::False,
        ),
        // A label the table knows wins over the number.
        (
            r#"{"alternateName": "Not true", "ratingValue": 5, "bestRating": 5, "worstRating": 1}"#,
            Rating::False,
        ),
    ];
    for (rating, expected) in cases {
        let claims = import(&with_rating(rating), &[]).unwrap_or_else(|e| panic!("{rating}: {e}"));
        assert_eq!(claims[0].rating, expected, "{rating}");
    }
}

/// A review nothing decides is refused, and the message names its label:
/// an unknown label, a negation the table has no row for ("Not false" must
/// not become False), labels that disagree, a number off its own scale.
#[test]
fn import_refuses_a_rating_it_cannot_place_and_names_the_label() {
    let cases = [
        (r#"{"alternateName": "Full Flop"}"#, "\"Full Flop\""),
        (
            r#"{"alternateName": "Upside-Down Pinocchio"}"#,
            "\"Upside-Down Pinocchio\"",
        ),
        (r#"{"alternateName": "Not false"}"#, "\"Not false\""),
        (
            r#"{"alternateName": "True but misleading"}"#,
            "\"True but misleading\"",
        ),
        (
            r#"{"alternateName": "Research In Progress"}"#,
            "\"Research In Progress\"",
        ),
        (
            r#"{"alternateName": "Faux", "ratingValue": 9, "bestRating": 5, "worstRating": 1}"#,
            "\"Faux\"",
        ),
        (
            r#"{"alternateName": "Faux", "ratingValue": 1, "bestRating": 1, "worstRating": 1}"#,
            "\"Faux\"",
        ),
        (
            r#"{"@type": "Rating"}"#,
            "neither a label nor a ratingValue",
        ),
    ];
    for (rating, expected) in cases {
        let error = import(&with_rating(rating), &[]).unwrap_err();
        assert!(error.starts_with("ClaimReview #1 "), "{error}");
        assert!(error.contains(expected), "{rating}: {error}");
        assert!(!error.contains('\n'), "{error}");
    }
}

#[test]
fn malformed_input_is_refused_with_a_reason() {
    let cases = [
        ("{not json", "not valid JSON"),
        (r#"{"@type": "NewsArticle"}"#, "no ClaimReview found"),
        (
            &FOREIGN.replace(
                r#""claimReviewed": "The moon is made of cheese, said 26 ministers.","#,
                "",
            ),
            "ClaimReview #1 has no claimReviewed",
        ),
        (
            &FOREIGN.replace("2025-09-10T08:00:00+02:00", "last Tuesday"),
            "no valid datePublished",
        ),
        (
            &FOREIGN.replace(
                "https://factcheck.example.org/reviews/42",
                "http://factcheck.example.org/42",
            ),
            "no https url",
        ),
    ];
    for (json, expected) in cases {
        let error = import(json, &[]).unwrap_err();
        assert!(error.contains(expected), "{error}");
    }
}

/// Import drafts each claim's `[match]` over the lexicon: the roles its
/// wording names become concepts, so the draft finds paraphrases, not just
/// the wording. Most drafts must find their own wording with the default
/// model; a few are left for the editor (`claimlens explain`).
#[test]
fn imported_claims_are_drafted_over_the_lexicon() {
    let dataset = Dataset::bundled();
    let text = serde_json::to_string(&export(&dataset, BASE)).unwrap();
    let imported = import(&text, &dataset.lexicon).unwrap();
    let concepts = imported
        .iter()
        .flat_map(|c| &c.pattern.core)
        .filter(|e| e.concept.is_some())
        .count();
    let roles: usize = imported.iter().map(|c| c.pattern.core.len()).sum();
    assert!(
        concepts * 10 >= roles * 8,
        "only {concepts} of {roles} drafted roles are lexicon concepts"
    );
    let finds_itself = imported
        .iter()
        .filter(|c| {
            let mut alone = dataset.clone();
            alone.claims = vec![(*c).clone()];
            alone.model = Default::default();
            !claimlens::Matcher::new(alone)
                .find(&c.examples[0])
                .is_empty()
        })
        .count();
    assert!(
        finds_itself >= 18,
        "only {finds_itself} of {} drafts find their own wording",
        imported.len()
    );
}
