//! The terms that patterns use, numbered in order of first use.
//!
//! Words live back to back in one string, found through an open-addressing
//! table of ids: loading 100,000 claims' vocabulary used to cost one string
//! allocation per word, and `find` can look a word up by `&str` without
//! building a term for it.
//!
//! The vocabulary also answers "could this text word stem into any pattern
//! word?" without stemming it. Stemming was the largest cost of `find`, and
//! most words of an article are in no pattern. Snowball English only ever
//! rewrites the end of a word, never its first char, and what it writes
//! after the part of the word it keeps is one of "", "e", "i", "y", "l",
//! "ie" or "le" ("rating" → "rat" + "e", "happy" → "happ" + "i", "skies" →
//! "sk" + "y", "probability" → "probab" + "l", "dying" → "d" + "ie",
//! "ability" → "ab" + "le"): those are all its rewrites (`slice_from` and
//! `insert` in rust-stemmers' `english.rs`), chained. So a stem can come
//! from a word only if [`stem_key`] of the stem is a prefix of the word; a
//! property test checks this against the stemmer.

use super::fnv::{self, FnvMap};

/// A vocabulary term, borrowed.
pub enum TermRef<'a> {
    Word(&'a str),
    Number(u64),
    Day,
}

#[derive(Clone, Copy)]
enum Entry {
    Word { start: u32, end: u32 },
    Number(u64),
    Day,
}

const EMPTY: u32 = u32::MAX;

#[derive(Default)]
pub struct Vocabulary {
    /// Every word term's text, back to back.
    text: String,
    /// Per term id.
    entries: Vec<Entry>,
    /// Word ids by hash of their text, linear probing; a power of two long
    /// and at most half full. `EMPTY` marks a free slot.
    slots: Vec<u32>,
    words: usize,
    numbers: FnvMap<u64, u32>,
    day: Option<u32>,
    /// Hashes of every word's [`stem_key`], as long as `slots` (0 is free).
    /// Colliding keys only cost a needless stemming.
    keys: Vec<u32>,
    /// Longest [`stem_key`] in bytes: longer prefixes need no look-up.
    longest_key: usize,
    /// A bit for the first two bytes of every word, and one for the byte
    /// of every one-byte [`stem_key`]: small enough to stay in cache, they
    /// turn away most absent words before the large tables above, whose
    /// cache misses dominate `find` at 100,000 claims.
    pairs: Vec<u64>,
    short_keys: [u64; 4],
}

fn pair(word: &[u8]) -> usize {
    usize::from(word[0]) << 8 | usize::from(word[1])
}

fn bit(bits: &[u64], index: usize) -> bool {
    bits[index / 64] & (1 << (index % 64)) != 0
}

/// The prefix that any word stemming to `stem` must start with: `stem`
/// without the longest of Snowball's possible written endings (see the
/// module comment), but never without its first char.
pub fn stem_key(stem: &str) -> &str {
    let first = stem.chars().next().map_or(0, char::len_utf8);
    let written = if stem.ends_with("ie") || stem.ends_with("le") {
        2
    } else if stem.ends_with(['e', 'i', 'y', 'l']) {
        1
    } else {
        0
    };
    // The endings are ASCII, so the cut is on a char boundary.
    &stem[..(stem.len() - written).max(first)]
}

/// Slot for `hash` in a table of `len` (a power of two) slots.
fn home(hash: u64, len: usize) -> usize {
    // The high bits: FNV's low bits mix poorly for short keys.
    ((hash >> 32) ^ hash) as usize & (len - 1)
}

/// A key's entry in `keys`: never 0, which marks a free slot.
fn key_hash(hash: u64) -> u32 {
    (((hash >> 32) ^ hash) as u32).max(1)
}

/// The hash of `word`, and the hash and length of its [`stem_key`].
fn hashes(word: &str) -> (u64, u64, usize) {
    let key = stem_key(word).len();
    let bytes = word.as_bytes();
    let key_hash = fnv::hash(&bytes[..key]);
    let hash = bytes[key..].iter().fold(key_hash, |h, &b| fnv::step(h, b));
    (hash, key_hash, key)
}

impl Vocabulary {
    /// An empty vocabulary with room for about `terms` terms of `text`
    /// bytes in all.
    pub fn with_capacity(terms: usize, text: usize) -> Vocabulary {
        Vocabulary {
            entries: Vec::with_capacity(terms),
            text: String::with_capacity(text),
            ..Vocabulary::default()
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The terms in id order.
    pub fn terms(&self) -> impl Iterator<Item = TermRef<'_>> {
        self.entries.iter().map(|entry| match *entry {
            Entry::Word { start, end } => TermRef::Word(&self.text[start as usize..end as usize]),
            Entry::Number(n) => TermRef::Number(n),
            Entry::Day => TermRef::Day,
        })
    }

    fn word_text(&self, id: u32) -> &str {
        match self.entries[id as usize] {
            Entry::Word { start, end } => &self.text[start as usize..end as usize],
            _ => unreachable!("only word ids are in the word table"),
        }
    }

    /// The id of the word term `word`, if any pattern uses it.
    pub fn word(&self, word: &str) -> Option<u32> {
        if self.slots.is_empty() || (word.len() >= 2 && !bit(&self.pairs, pair(word.as_bytes()))) {
            return None;
        }
        let mut slot = home(fnv::hash(word.as_bytes()), self.slots.len());
        loop {
            match self.slots[slot] {
                EMPTY => return None,
                id if self.word_text(id) == word => return Some(id),
                _ => slot = (slot + 1) & (self.slots.len() - 1),
            }
        }
    }

    pub fn number(&self, n: u64) -> Option<u32> {
        self.numbers.get(&n).copied()
    }

    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// The id of `term`, adding it if new.
    pub fn intern(&mut self, term: TermRef) -> u32 {
        let existing = match term {
            TermRef::Word(w) => self.word(w),
            TermRef::Number(n) => self.number(n),
            TermRef::Day => self.day,
        };
        existing.unwrap_or_else(|| {
            self.push_new(term);
            self.len() as u32 - 1
        })
    }

    /// Adds `term` under the next id, unless it is already there (false).
    pub fn push_new(&mut self, term: TermRef) -> bool {
        let id = self.entries.len() as u32;
        match term {
            TermRef::Word(w) => {
                if (self.words + 1) * 2 > self.slots.len() {
                    self.resize(self.words + 1);
                }
                let (hash, key, key_len) = hashes(w);
                let mut slot = home(hash, self.slots.len());
                loop {
                    match self.slots[slot] {
                        EMPTY => break,
                        old if self.word_text(old) == w => return false,
                        _ => slot = (slot + 1) & (self.slots.len() - 1),
                    }
                }
                self.slots[slot] = id;
                self.add_key(w, key, key_len);
                let start = self.text.len() as u32;
                self.text.push_str(w);
                let end = self.text.len() as u32;
                self.entries.push(Entry::Word { start, end });
                self.words += 1;
            }
            TermRef::Number(n) => {
                if self.numbers.contains_key(&n) {
                    return false;
                }
                self.entries.push(Entry::Number(n));
                self.numbers.insert(n, id);
            }
            TermRef::Day => {
                if self.day.is_some() {
                    return false;
                }
                self.entries.push(Entry::Day);
                self.day = Some(id);
            }
        }
        true
    }

    /// Adds word `w` under the next id without indexing it: loading adds
    /// every word first, then [`Vocabulary::index_words`] indexes them all.
    pub fn push_word_unindexed(&mut self, w: &str) {
        let start = self.text.len() as u32;
        self.text.push_str(w);
        let end = self.text.len() as u32;
        self.entries.push(Entry::Word { start, end });
        self.words += 1;
    }

    /// Builds the word and key tables for all words at once, filling each
    /// table in slot order: placing 190,000 words at random slots of 2 MB
    /// tables cost more in cache misses than all the hashing. False if a
    /// word is there twice.
    pub fn index_words(&mut self) -> bool {
        let size = (self.words * 2).next_power_of_two().max(16);
        self.slots = vec![EMPTY; size];
        self.keys = vec![0; size];
        self.pairs = vec![0; 1 << 10];
        let mut words: Vec<(u64, u32)> = Vec::with_capacity(self.words);
        let mut keys: Vec<u64> = Vec::with_capacity(self.words);
        let text = std::mem::take(&mut self.text);
        for (id, entry) in self.entries.iter().enumerate() {
            if let Entry::Word { start, end } = *entry {
                let w = &text[start as usize..end as usize];
                let (hash, key_hash, key_len) = hashes(w);
                words.push((hash, id as u32));
                keys.push(key_hash);
                self.longest_key = self.longest_key.max(key_len);
                if w.len() >= 2 {
                    let index = pair(w.as_bytes());
                    self.pairs[index / 64] |= 1 << (index % 64);
                }
                if key_len == 1 {
                    let index = usize::from(w.as_bytes()[0]);
                    self.short_keys[index / 64] |= 1 << (index % 64);
                }
            }
        }
        self.text = text;
        let mask = size - 1;
        // The full hash of each slot's word, to compare before the text.
        let mut tags = vec![0u64; size];
        for (hash, id) in sort_by_home(words, |&(hash, _)| home(hash, size), size) {
            let mut slot = home(hash, size);
            while self.slots[slot] != EMPTY {
                let old = self.slots[slot];
                if tags[slot] == hash && self.word_text(old) == self.word_text(id) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = id;
            tags[slot] = hash;
        }
        for hash in sort_by_home(keys, |&hash| home(hash, size), size) {
            let key = key_hash(hash);
            let mut slot = home(hash, size);
            while self.keys[slot] != 0 && self.keys[slot] != key {
                slot = (slot + 1) & mask;
            }
            self.keys[slot] = key;
        }
        true
    }

    fn add_key(&mut self, word: &str, hash: u64, len: usize) {
        self.longest_key = self.longest_key.max(len);
        if word.len() >= 2 {
            let index = pair(word.as_bytes());
            self.pairs[index / 64] |= 1 << (index % 64);
        }
        if len == 1 {
            let index = usize::from(word.as_bytes()[0]);
            self.short_keys[index / 64] |= 1 << (index % 64);
        }
        let key = key_hash(hash);
        let mut slot = home(hash, self.keys.len());
        loop {
            match self.keys[slot] {
                0 => {
                    self.keys[slot] = key;
                    return;
                }
                k if k == key => return,
                _ => slot = (slot + 1) & (self.keys.len() - 1),
            }
        }
    }

    /// Makes the tables big enough for `words` words, placing every word
    /// again.
    fn resize(&mut self, words: usize) {
        let size = (words * 2).next_power_of_two().max(16);
        self.slots = vec![EMPTY; size];
        self.keys = vec![0; size];
        self.pairs = vec![0; 1 << 10];
        let text = std::mem::take(&mut self.text);
        for id in 0..self.entries.len() {
            if let Entry::Word { start, end } = self.entries[id] {
                let w = &text[start as usize..end as usize];
                let (hash, key, key_len) = hashes(w);
                let mut slot = home(hash, size);
                while self.slots[slot] != EMPTY {
                    slot = (slot + 1) & (size - 1);
                }
                self.slots[slot] = id as u32;
                self.add_key(w, key, key_len);
            }
        }
        self.text = text;
    }

    /// False when no word of the vocabulary can be the stem of `word`, so
    /// that `word` need not be stemmed. Hash collisions only ever say true.
    pub fn may_stem_into(&self, word: &str) -> bool {
        if self.words == 0 {
            return false;
        }
        // Snowball drops a leading apostrophe: such a word keeps no prefix.
        if word.starts_with('\'') {
            return true;
        }
        // A key that is a prefix of `word` shares its first byte, and its
        // first two if it has two.
        let bytes = word.as_bytes();
        let short = bytes
            .first()
            .is_some_and(|&b| bit(&self.short_keys, b.into()));
        let paired = bytes.len() >= 2 && bit(&self.pairs, pair(bytes));
        if !(short || paired) {
            return false;
        }
        let mut hash = fnv::OFFSET;
        for (k, &b) in word.as_bytes().iter().enumerate().take(self.longest_key) {
            hash = fnv::step(hash, b);
            if word.is_char_boundary(k + 1) && self.has_key(hash) {
                return true;
            }
        }
        false
    }

    fn has_key(&self, hash: u64) -> bool {
        let key = key_hash(hash);
        let mut slot = home(hash, self.keys.len());
        loop {
            match self.keys[slot] {
                0 => return false,
                k if k == key => return true,
                _ => slot = (slot + 1) & (self.keys.len() - 1),
            }
        }
    }
}

/// `items` ordered by `home` (below `size`, a power of two), by radix sort:
/// sequential passes, where a comparison sort would take longer than the
/// cache misses it saves.
fn sort_by_home<T: Copy>(mut items: Vec<T>, home: impl Fn(&T) -> usize, size: usize) -> Vec<T> {
    const BITS: u32 = 11;
    let mut sorted = items.clone();
    let mut shift = 0;
    while (1usize << shift) < size {
        let mut counts = vec![0usize; (1 << BITS) + 1];
        let digit = |item: &T| (home(item) >> shift) & ((1 << BITS) - 1);
        for item in &items {
            counts[digit(item) + 1] += 1;
        }
        for d in 0..1 << BITS {
            counts[d + 1] += counts[d];
        }
        for item in &items {
            let d = digit(item);
            sorted[counts[d]] = *item;
            counts[d] += 1;
        }
        std::mem::swap(&mut items, &mut sorted);
        shift += BITS;
    }
    items
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn holds(stemmer: &Stemmer, word: &str) -> bool {
        word.starts_with(stem_key(&stemmer.stem(word)))
    }

    #[test]
    fn every_rewrite_keeps_the_key() {
        let stemmer = Stemmer::create(Algorithm::English);
        for word in [
            "rating",
            "happy",
            "happily",
            "skies",
            "skis",
            "probability",
            "ability",
            "dying",
            "lying",
            "tying",
            "idly",
            "gently",
            "ugly",
            "early",
            "only",
            "singly",
            "crying",
            "hoping",
            "hopping",
            "ties",
            "cries",
            "agreed",
            "generalizations",
            "relational",
            "conditional",
            "valency",
            "hesitancy",
            "probably",
            "digitizer",
            "operator",
            "feudalism",
            "formality",
            "hopefulness",
            "callously",
            "decisiveness",
            "sensitivity",
            "analogy",
            "beautifully",
            "needlessly",
            "complicating",
            "normalizing",
            "electricity",
            "electrical",
            "activate",
            "caresses",
            "ponies",
            "ukraine's",
            "seller's'",
            "yelling",
            "sayings",
            "boyish",
            "mystery",
            "troubling",
            "ennobled",
            "sizing",
            "generously",
            "arsenal",
            "communism",
            "generate",
            "exceed",
            "canning",
            "news",
            "howe",
            "atlas",
            "cosmos",
            "bias",
            "andes",
            "zelenskyy",
            "café",
            "naïvely",
        ] {
            assert!(holds(&stemmer, word), "{word} → {}", stemmer.stem(word));
        }
    }

    fn word() -> impl Strategy<Value = String> {
        let part = prop::sample::select(vec![
            "a", "b", "c", "d", "e", "i", "l", "o", "u", "y", "s", "t", "n", "g", "r", "z", "at",
            "bl", "iz", "ed", "ing", "ly", "ies", "ied", "s'", "'s", "eed", "al", "ion", "ic",
            "ful", "ness", "ment", "ent", "ence", "ance", "able", "ible", "ate", "ive", "ize",
            "iti", "biliti", "abli", "ousli", "ation", "ator", "alism", "logi", "li", "tional",
            "ical", "icate", "alize", "ative", "er", "ous", "ism", "ant", "é", "ï",
        ]);
        prop::collection::vec(part, 1..7).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn a_stem_key_is_a_prefix_of_the_word(word in word()) {
            let stemmer = Stemmer::create(Algorithm::English);
            prop_assume!(!word.starts_with('\''));
            prop_assert!(holds(&stemmer, &word), "{} → {}", word, stemmer.stem(&word));
        }
    }
}
