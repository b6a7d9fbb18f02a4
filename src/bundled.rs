//! The dataset compiled into this build by `build.rs`, which validated it
//! first: a broken dataset never builds.

use crate::dataset::{compact, Dataset};

const ENCODED: &str = include_str!(concat!(env!("OUT_DIR"), "/bundled_dataset.txt"));

pub fn dataset() -> Dataset {
    compact::decode(ENCODED).expect("build.rs wrote this with compact::encode")
}
