//! FNV-1a hashing for the matcher's own tables. Keys are words from the
//! dataset and the page, not attacker-chosen in a way that matters here (a
//! slow page only slows its own reader), and the std hasher's DoS
//! resistance costs a third of index load time.

use std::hash::{BuildHasherDefault, Hasher};

pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One FNV-1a step; exposed so that a word's prefixes hash in one pass.
pub fn step(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(OFFSET, |h, &b| step(h, b))
}

#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let start = if self.0 == 0 { OFFSET } else { self.0 };
        self.0 = bytes.iter().fold(start, |h, &b| step(h, b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FnvMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
