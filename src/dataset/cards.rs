//! Card text as separate shard files, fetched only for claims that matched.
//!
//! A card's text (summary, context, sources, timeline) is most of what a
//! claim weighs, and a reader needs it only for the few claims an article
//! states. So the widget's build keeps in the wasm only what matching and
//! highlighting use (id, rating, the `as_of` date the matcher reads) plus,
//! per claim, which shard file holds its card; the shards are plain files
//! next to the engine, named by a hash of their content so that any host
//! may cache them for ever.
//!
//! **The shard rule:** claims in id order, packed into a shard until its
//! text reaches [`SHARD_BYTES`]. The same dataset always gives the same
//! shards and names; a new claim moves only the claims after it.
//!
//! A shard starts with the dataset's content hash, so a shard from another
//! release is refused instead of showing another release's words.

use super::compact::Reader;
#[cfg(not(target_arch = "wasm32"))]
use super::compact::Writer;
#[cfg(not(target_arch = "wasm32"))]
use super::Dataset;
use super::{Claim, DatasetInfo, Period, Source};

/// Raw bytes a shard grows to before the next one starts: about 2 KB over
/// gzip, so that an article's cards cost a few small requests while a
/// single match never pulls in much more than its own card.
pub const SHARD_BYTES: usize = 6_000;

/// What a shard starts with, so that a file of another kind is refused.
const MAGIC: &str = "claimlens-cards 1";

/// Everything only a card shows about one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    pub id: String,
    pub claim_reviewed: String,
    pub rating_label: Option<String>,
    pub summary: String,
    pub context: String,
    pub sources: Vec<Source>,
    pub timeline: Vec<Period>,
}

impl CardText {
    pub fn of(claim: &Claim) -> CardText {
        CardText {
            id: claim.id.clone(),
            claim_reviewed: claim.claim_reviewed.clone(),
            rating_label: claim.rating_label.clone(),
            summary: claim.summary.clone(),
            context: claim.context.clone(),
            sources: claim.sources.clone(),
            timeline: claim.timeline.clone(),
        }
    }

    /// `claim` with this card's text (a claim the build stripped, made whole).
    pub fn fill(self, claim: &mut Claim) {
        claim.claim_reviewed = self.claim_reviewed;
        claim.rating_label = self.rating_label;
        claim.summary = self.summary;
        claim.context = self.context;
        claim.sources = self.sources;
        claim.timeline = self.timeline;
    }
}

/// Takes out of `claim` what only its card shows (and the appearances,
/// which only exports show), leaving what matching and highlighting use.
pub fn strip(claim: &mut Claim) {
    claim.claim_reviewed.clear();
    claim.rating_label = None;
    claim.summary.clear();
    claim.context.clear();
    claim.sources.clear();
    claim.timeline.clear();
    claim.appearances.clear();
}

/// One shard file: its name, its text and which claims (dataset indexes) it holds.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub struct ShardFile {
    pub name: String,
    pub text: String,
    pub claims: Vec<usize>,
}

/// The dataset's cards as shard files, by the rule at the top of this module.
#[cfg(not(target_arch = "wasm32"))]
pub fn split(dataset: &Dataset) -> Vec<ShardFile> {
    let mut order: Vec<usize> = (0..dataset.claims.len()).collect();
    order.sort_by(|&a, &b| dataset.claims[a].id.cmp(&dataset.claims[b].id));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut size = 0;
    for index in order {
        let card = encode_card(&CardText::of(&dataset.claims[index]));
        match groups.last_mut() {
            Some(group) if size < SHARD_BYTES => group.push(index),
            _ => {
                groups.push(vec![index]);
                size = 0;
            }
        }
        size += card.len();
    }
    groups
        .into_iter()
        .map(|claims| {
            let cards: Vec<CardText> = claims
                .iter()
                .map(|&i| CardText::of(&dataset.claims[i]))
                .collect();
            let text = encode(&dataset.info, &cards);
            ShardFile {
                name: name_of(&text),
                text,
                claims,
            }
        })
        .collect()
}

/// `cards-<16 hex digits of the SHA-256 of the text>.txt`.
#[cfg(not(target_arch = "wasm32"))]
fn name_of(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    format!("cards-{hex}.txt")
}

/// A shard's text: the magic line, the dataset's content hash, the cards.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(info: &DatasetInfo, cards: &[CardText]) -> String {
    let mut w = Writer(String::new());
    w.str(MAGIC);
    w.str(&info.content_hash);
    w.num(cards.len() as u64);
    let mut text = w.0;
    for card in cards {
        text.push_str(&encode_card(card));
    }
    text
}

#[cfg(not(target_arch = "wasm32"))]
fn encode_card(card: &CardText) -> String {
    let mut w = Writer(String::new());
    w.str(&card.id);
    w.str(&card.claim_reviewed);
    w.opt_str(card.rating_label.as_deref());
    w.str(&card.summary);
    w.str(&card.context);
    w.sources_and_timeline(&card.sources, &card.timeline);
    w.0
}

/// Reads a shard for the dataset `info` describes. A damaged or truncated
/// file, or one from another release, is refused with one line saying so.
pub fn decode(text: &str, info: &DatasetInfo) -> Result<Vec<CardText>, String> {
    let mut r = Reader(text);
    if r.str().as_deref() != Some(MAGIC) {
        return Err("not a ClaimLens card file".into());
    }
    if r.str().as_deref() != Some(info.content_hash.as_str()) {
        return Err("the card file is from another dataset release".into());
    }
    let cards = r.list(|r| {
        Some(CardText {
            id: r.str()?,
            claim_reviewed: r.str()?,
            rating_label: r.opt_str()?,
            summary: r.str()?,
            context: r.str()?,
            sources: r.list(Reader::source)?,
            timeline: r.list(Reader::period)?,
        })
    });
    match cards {
        Some(cards) if r.0.is_empty() => Ok(cards),
        _ => Err(format!(
            "the card file is damaged (at byte {} of {})",
            text.len() - r.0.len(),
            text.len()
        )),
    }
}

/// What the widget's build keeps of the shards: their names, and for each
/// claim (in dataset order) which one holds its card.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ShardTable {
    pub names: Vec<String>,
    pub of_claim: Vec<u32>,
}

impl ShardTable {
    /// The table for `shards` of a dataset with `claims` claims.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn of(shards: &[ShardFile], claims: usize) -> ShardTable {
        let mut of_claim = vec![0; claims];
        for (shard, file) in shards.iter().enumerate() {
            for &claim in &file.claims {
                of_claim[claim] = shard as u32;
            }
        }
        ShardTable {
            names: shards.iter().map(|s| s.name.clone()).collect(),
            of_claim,
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn encode(&self) -> String {
        let mut w = Writer(String::new());
        w.strs(&self.names);
        w.num(self.of_claim.len() as u64);
        for &shard in &self.of_claim {
            w.num(shard.into());
        }
        w.0
    }

    /// `None` unless `text` is what [`ShardTable::encode`] wrote and every
    /// claim's shard exists.
    pub fn decode(text: &str) -> Option<ShardTable> {
        let mut r = Reader(text);
        let names = r.list(Reader::str)?;
        let of_claim = r.list(|r| u32::try_from(r.num()?).ok())?;
        (r.0.is_empty() && of_claim.iter().all(|&s| (s as usize) < names.len()))
            .then_some(ShardTable { names, of_claim })
    }

    /// The shard file holding claim `index`'s card; `None` for a claim the
    /// table does not know (one made at run time carries its own text).
    pub fn shard_of(&self, index: usize) -> Option<usize> {
        self.of_claim.get(index).map(|&s| s as usize)
    }
}
