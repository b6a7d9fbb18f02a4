//! The dataset compiled into this build by `build.rs`, which validated it
//! first: a broken dataset never builds.

use crate::dataset::cards::ShardTable;
use crate::dataset::{compact, Dataset};
use crate::matcher::text::UnicodeText;
use crate::Matcher;

const ENCODED: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_dataset.txt"));
/// The matcher's index for this dataset, compiled by `build.rs`.
const INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_index.txt"));
/// Which shard file holds each claim's card; empty when the cards are in
/// the dataset itself (native builds, `bundled-cards`).
const CARDS: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_cards.txt"));

pub fn dataset() -> Dataset {
    compact::decode(ENCODED).expect("build.rs wrote this with compact::encode")
}

pub fn matcher(unicode: Box<dyn UnicodeText>) -> Matcher {
    Matcher::from_compiled(dataset(), unicode, INDEX)
        .expect("build.rs compiled this index for this dataset")
}

/// `None` when this build's claims carry their own card text.
pub fn shard_table() -> Option<ShardTable> {
    if CARDS.is_empty() {
        return None;
    }
    Some(ShardTable::decode(CARDS).expect("build.rs wrote this with ShardTable::encode"))
}
