//! Compiled patterns as a string, so a large dataset loads by decoding
//! instead of normalising and stemming every pattern word again.
//!
//! Format: a header naming the format and the dataset's content hash (an
//! index never pairs with other data), then the phrases, then the rest of
//! the arena as `;`-terminated decimals and length-prefixed strings.
//!
//! The phrases are written as text, one line per group, alternatives
//! separated by `|` and terms by spaces, because that is what compresses
//! best: gzip finds the same wording in many concepts and claims. A term is
//! written out the first time it appears (a word, `#` and a number, or `@`
//! for a day of the month), and after that as `^` and the number it got
//! then, so loading assigns ids in one pass without looking a word up; `!`
//! after a term marks an acronym that only matches in capitals.

use super::vocabulary::{TermRef, Vocabulary};
use super::{Arena, CompiledPattern, Matcher, PatternTerm, UnicodeText};
use crate::dataset::{Dataset, RoleKind};

const FORMAT: &str = "claimlens-index-4";

/// Bytes that structure the phrase text; no stem contains them.
const RESERVED: &[char] = &[' ', '|', '\n', '^', '!', '#', '@', ';'];

pub fn encode(matcher: &Matcher) -> String {
    let mut out = format!("{FORMAT}\n{}\n", matcher.dataset.info.content_hash);
    let arena = &matcher.arena;
    let vocabulary: Vec<TermRef> = matcher.vocabulary.terms().collect();
    let mut used = vec![false; vocabulary.len()];
    for t in &arena.terms {
        used[t.id as usize] = true;
    }
    let unused: Vec<usize> = (0..vocabulary.len()).filter(|&id| !used[id]).collect();
    // Ids in order of first use; `None` until a term has been written.
    let mut new_id: Vec<Option<u64>> = vec![None; vocabulary.len()];
    let mut next = 0u64;
    let mut write_term = |out: &mut String, id: usize| {
        if let Some(known) = new_id[id] {
            out.push('^');
            out.push_str(&known.to_string());
            return;
        }
        new_id[id] = Some(next);
        next += 1;
        match vocabulary[id] {
            TermRef::Word(w) => {
                assert!(
                    !w.is_empty() && !w.contains(RESERVED),
                    "index: the pattern word {w:?} holds a byte the index format reserves"
                );
                out.push_str(w);
            }
            TermRef::Number(n) => {
                out.push('#');
                out.push_str(&n.to_string());
            }
            TermRef::Day => out.push('@'),
        }
    };
    num(&mut out, u64::from(arena.groups()));
    for group in 0..arena.groups() {
        for (k, alternative) in arena.alternatives(group).enumerate() {
            if k > 0 {
                out.push('|');
            }
            for (j, term) in alternative.iter().enumerate() {
                if j > 0 {
                    out.push(' ');
                }
                write_term(&mut out, term.id as usize);
                if term.acronym_only {
                    out.push('!');
                }
            }
        }
        out.push('\n');
    }
    // Terms no phrase uses (none today) keep their place after the rest.
    num(&mut out, unused.len() as u64);
    for id in unused {
        write_term(&mut out, id);
        out.push('\n');
    }
    for &gap in &arena.group_gaps {
        num(&mut out, gap.into());
    }
    // Only concepts have a label and a kind other than `Other`: they are
    // few, and a claim's own words, numbers and vetoes are most groups.
    let named: Vec<u32> = (0..arena.groups())
        .filter(|&g| !arena.label(g).is_empty() || arena.group_kinds[g as usize] != RoleKind::Other)
        .collect();
    num(&mut out, named.len() as u64);
    let mut previous = 0;
    for group in named {
        num(&mut out, (group - previous).into());
        previous = group;
        string(&mut out, arena.label(group));
        let kind = RoleKind::ALL
            .iter()
            .position(|k| *k == arena.group_kinds[group as usize]);
        num(&mut out, kind.unwrap_or(0) as u64);
    }
    num(&mut out, matcher.patterns.len() as u64);
    for p in &matcher.patterns {
        for range in [&p.core, &p.support, &p.against, &p.hard] {
            let roles = arena.roles(range);
            num(&mut out, roles.len() as u64);
            for &group in roles {
                num(&mut out, group.into());
            }
        }
        num(&mut out, p.vetoes.into());
    }
    out
}

fn string(out: &mut String, s: &str) {
    out.push_str(&s.len().to_string());
    out.push(':');
    out.push_str(s);
}

fn num(out: &mut String, n: u64) {
    out.push_str(&n.to_string());
    out.push(';');
}

/// The matcher `encode` described, for `dataset`; `None` if `text` is not an
/// index of exactly this dataset, or is damaged.
pub fn decode(dataset: Dataset, unicode: Box<dyn UnicodeText>, text: &str) -> Option<Matcher> {
    let rest = text.strip_prefix(FORMAT)?.strip_prefix('\n')?;
    let (hash, rest) = rest.split_once('\n')?;
    if hash != dataset.info.content_hash {
        return None;
    }
    let mut r = Reader(rest.as_bytes(), rest);
    let groups = usize::try_from(r.num()?).ok()?;
    // A first guess at the room needed; the text rarely outgrows a quarter
    // of the index.
    let mut vocabulary = Vocabulary::with_capacity(groups.min(rest.len()), rest.len() / 4);
    let mut terms: Vec<PatternTerm> = Vec::new();
    let mut alternative_ends: Vec<u32> = Vec::new();
    let mut group_ends: Vec<u32> = Vec::with_capacity(groups.min(rest.len()));
    for _ in 0..groups {
        // An empty line is a group without alternatives.
        if r.0.first() != Some(&b'\n') {
            loop {
                terms.push(r.term(&mut vocabulary)?);
                match r.byte()? {
                    b' ' => continue,
                    b'|' => alternative_ends.push(u32::try_from(terms.len()).ok()?),
                    b'\n' => {
                        alternative_ends.push(u32::try_from(terms.len()).ok()?);
                        break;
                    }
                    _ => return None,
                }
            }
        } else {
            r.byte()?;
        }
        group_ends.push(u32::try_from(alternative_ends.len()).ok()?);
    }
    for _ in 0..r.num()? {
        r.term(&mut vocabulary)?;
        if r.byte()? != b'\n' {
            return None;
        }
    }
    // A word written out twice is damage: `encode` writes each once.
    if !vocabulary.index_words() {
        return None;
    }
    let group_gaps: Vec<u8> = (0..group_ends.len())
        .map(|_| u8::try_from(r.num()?).ok())
        .collect::<Option<_>>()?;
    let groups = group_ends.len() as u32;
    let mut group_kinds = vec![RoleKind::Other; groups as usize];
    let mut label_text = String::new();
    let mut label_ends = vec![0u32; groups as usize];
    let (mut group, mut next) = (0u32, 0u32);
    for k in 0..r.num()? {
        group = group.checked_add(u32::try_from(r.num()?).ok()?)?;
        if group >= groups || (k > 0 && group < next) {
            return None;
        }
        // Groups before this one have empty labels: they end where the text does.
        let end = u32::try_from(label_text.len()).ok()?;
        label_ends[next as usize..group as usize].fill(end);
        label_text.push_str(r.str()?);
        label_ends[group as usize] = u32::try_from(label_text.len()).ok()?;
        group_kinds[group as usize] = *RoleKind::ALL.get(usize::try_from(r.num()?).ok()?)?;
        next = group + 1;
    }
    let end = u32::try_from(label_text.len()).ok()?;
    label_ends[next as usize..].fill(end);
    let mut roles: Vec<u32> = Vec::new();
    let patterns: Vec<CompiledPattern> = r.list(|r| {
        let mut range = |r: &mut Reader| {
            let start = roles.len() as u32;
            for _ in 0..r.num()? {
                roles.push(u32::try_from(r.num()?).ok().filter(|&g| g < groups)?);
            }
            Some(start..roles.len() as u32)
        };
        let (core, support, against, hard) = (range(r)?, range(r)?, range(r)?, range(r)?);
        let vetoes = u32::try_from(r.num()?).ok().filter(|&v| v < groups)?;
        Some(CompiledPattern {
            core,
            support,
            against,
            hard,
            vetoes,
        })
    })?;
    // Every offset must stay inside the arrays it points into, and ascend.
    let ascending = |v: &[u32], limit: usize| {
        v.windows(2).all(|w| w[0] <= w[1]) && v.last().is_none_or(|&l| l as usize <= limit)
    };
    let well_formed = r.0.is_empty()
        && patterns.len() == dataset.claims.len()
        && ascending(&alternative_ends, terms.len())
        && ascending(&group_ends, alternative_ends.len())
        && alternative_ends.windows(2).all(|w| w[0] < w[1])
        && alternative_ends.first().is_none_or(|&f| f > 0);
    if !well_formed {
        return None;
    }
    let arena = Arena {
        terms,
        alternative_ends,
        group_ends,
        group_gaps,
        label_text,
        label_ends,
        group_kinds,
        roles,
    };
    Some(Matcher::assemble(
        dataset, unicode, patterns, arena, vocabulary,
    ))
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Where the term at the start of `bytes` ends: the first space, `|`,
/// newline or `!`. Loading a large index is mostly this scan, so it looks
/// at eight bytes at once.
fn term_end(bytes: &[u8]) -> Option<usize> {
    let ends = |b: &u8| matches!(b, b' ' | b'|' | b'\n' | b'!');
    let mut at = 0;
    while let Some(&chunk) = bytes[at..].first_chunk::<8>() {
        let chunk = u64::from_le_bytes(chunk);
        // A byte equal to `d` is a zero byte of `chunk ^ d…d`; the classic
        // test sets its high bit (and may set it in a byte above a zero
        // byte, which only matters after the first hit, so never here).
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & (ONES * 0x80);
        let hits = [b' ', b'|', b'\n', b'!']
            .iter()
            .fold(0, |h, &d| h | zero(chunk ^ (ONES * u64::from(d))));
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    bytes[at..].iter().position(ends).map(|k| at + k)
}

/// How many of the (little-endian) bytes of `chunk` are ASCII digits
/// before the first one that is not; 8 if all are.
fn digit_count(chunk: u64) -> usize {
    let high = ONES * 0x80;
    let low = chunk & !high;
    // Per byte, without carries between bytes: bit 7 of `low + 0x46` is set
    // from ':' (0x3A) up; bit 7 of `low + 0x50` from '0' (0x30) up.
    let above_nine = (low + ONES * 0x46) & high;
    let from_zero = (low + ONES * 0x50) & high;
    let not_digit = (chunk & high) | above_nine | (!from_zero & high);
    not_digit.trailing_zeros() as usize / 8
}

/// The value of the first `digits` (1 to 7) bytes of `chunk`, all ASCII
/// digits, most significant first.
fn swar_value(chunk: u64, digits: usize) -> u64 {
    // Right-align the digits in eight places, padded with zero digits.
    let shift = 8 * (8 - digits);
    let chunk = ((chunk << shift) | (ONES * 0x30) >> (64 - shift)) - ONES * 0x30;
    // Pairs, then fours, then eight: each byte, pair and four holds a value.
    let chunk = (chunk * 10 + (chunk >> 8)) & 0x00ff_00ff_00ff_00ff;
    let chunk = (chunk * 100 + (chunk >> 16)) & 0x0000_ffff_0000_ffff;
    (chunk * 10_000 + (chunk >> 32)) & 0xffff_ffff
}

struct Reader<'a>(&'a [u8], &'a str);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn num(&mut self) -> Option<u64> {
        // Loading a large index is mostly parsing these: most have at most
        // seven digits and take the eight-bytes-at-once path.
        if let Some(&chunk) = self.0.first_chunk::<8>() {
            let chunk = u64::from_le_bytes(chunk);
            let digits = digit_count(chunk);
            if (1..8).contains(&digits) && self.0[digits] == b';' {
                self.0 = &self.0[digits + 1..];
                return Some(swar_value(chunk, digits));
            }
        }
        let mut value = 0u64;
        let mut k = 0;
        while let Some(digit) = self
            .0
            .get(k)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|&d| d <= 9)
        {
            value = value.wrapping_mul(10).wrapping_add(u64::from(digit));
            k += 1;
        }
        if k == 0 || k > 19 || self.0.get(k) != Some(&b';') {
            return None;
        }
        self.0 = &self.0[k + 1..];
        Some(value)
    }
    fn str(&mut self) -> Option<&'a str> {
        let colon = self.0.iter().position(|&b| b == b':')?;
        // The length as `str::parse::<usize>` reads it.
        let digits = &self.0[..colon];
        let digits = digits.strip_prefix(b"+").unwrap_or(digits);
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let len = digits.iter().try_fold(0usize, |n, &d| {
            n.checked_mul(10)?.checked_add(usize::from(d - b'0'))
        })?;
        let start = self.1.len() - self.0.len() + colon + 1;
        let text = self.1.get(start..start.checked_add(len)?)?;
        self.0 = &self.0[colon + 1 + len..];
        Some(text)
    }
    /// One term of the phrase text: a new one is added to `vocabulary`
    /// under the next id, `^id` names one added before.
    fn term(&mut self, vocabulary: &mut Vocabulary) -> Option<PatternTerm> {
        let end = term_end(self.0)?;
        let start = self.1.len() - self.0.len();
        let text = self.1.get(start..start + end)?;
        let id = match text.as_bytes().first()? {
            b'^' => {
                // Most terms after the first mention of a concept are these.
                let digits = &text.as_bytes()[1..];
                if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
                    return None;
                }
                let id = digits
                    .iter()
                    .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
                ((id as usize) < vocabulary.len()).then_some(id)?
            }
            b'#' => {
                let n = text[1..].parse::<u64>().ok()?;
                vocabulary.push_new(TermRef::Number(n)).then_some(())?;
                vocabulary.len() as u32 - 1
            }
            b'@' if text.len() == 1 => {
                vocabulary.push_new(TermRef::Day).then_some(())?;
                vocabulary.len() as u32 - 1
            }
            b'@' | b';' | b':' => return None,
            _ => {
                vocabulary.push_word_unindexed(text);
                vocabulary.len() as u32 - 1
            }
        };
        self.0 = &self.0[end..];
        let acronym_only = self.0.first() == Some(&b'!');
        if acronym_only {
            self.0 = &self.0[1..];
        }
        Some(PatternTerm { id, acronym_only })
    }
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = usize::try_from(self.num()?).ok()?;
        let mut items = Vec::with_capacity(count.min(self.0.len()));
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Reader;
    use proptest::prelude::*;

    proptest! {
        /// The eight-bytes-at-once scan finds what a plain scan finds.
        #[test]
        fn term_end_is_the_first_delimiter(bytes in proptest::collection::vec(
            prop_oneof![Just(b' '), Just(b'|'), Just(b'\n'), Just(b'!'), any::<u8>(), b'a'..=b'z'], 0..40)
        ) {
            let plain = bytes.iter().position(|b| matches!(b, b' ' | b'|' | b'\n' | b'!'));
            prop_assert_eq!(super::term_end(&bytes), plain);
        }
    }

    /// What `num` reads, written plainly.
    fn reference(bytes: &[u8]) -> Option<(u64, usize)> {
        let end = bytes.iter().position(|&b| b == b';')?;
        let digits = &bytes[..end];
        if digits.is_empty() || digits.len() > 19 || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = digits.iter().fold(0, |n, &d| n * 10 + u64::from(d - b'0'));
        Some((value, end + 1))
    }

    proptest! {
        #[test]
        fn numbers_read_as_written(text in "[0-9]{0,21}[;:0-9a\\u{e9}]{0,12}") {
            let bytes = text.as_bytes();
            let mut reader = Reader(bytes, &text);
            let read = reader.num().map(|v| (v, bytes.len() - reader.0.len()));
            prop_assert_eq!(read, reference(bytes), "{:?}", text);
        }
    }
}
