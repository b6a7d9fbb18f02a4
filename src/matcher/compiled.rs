//! Compiled patterns as a string, so a large dataset loads by decoding
//! instead of normalising and stemming every pattern word again.
//!
//! Format: a header naming the format and the dataset's content hash (an
//! index never pairs with other data), then the vocabulary and the arena as
//! `;`-terminated decimals and length-prefixed strings.

use super::vocabulary::{TermRef, Vocabulary};
use super::{Arena, CompiledPattern, Matcher, PatternTerm, UnicodeText};
use crate::dataset::Dataset;

const FORMAT: &str = "claimlens-index-1";

pub fn encode(matcher: &Matcher) -> String {
    let mut out = format!("{FORMAT}\n{}\n", matcher.dataset.info.content_hash);
    num(&mut out, matcher.vocabulary.len() as u64);
    for term in matcher.vocabulary.terms() {
        match term {
            TermRef::Word(w) => {
                out.push('w');
                out.push_str(&w.len().to_string());
                out.push(':');
                out.push_str(w);
            }
            TermRef::Number(n) => {
                out.push('n');
                num(&mut out, n);
            }
            TermRef::Day => out.push('d'),
        }
    }
    let arena = &matcher.arena;
    num(&mut out, arena.terms.len() as u64);
    for t in &arena.terms {
        num(&mut out, u64::from(t.id) * 2 + u64::from(t.acronym_only));
    }
    for list in [&arena.alternative_ends, &arena.group_ends] {
        num(&mut out, list.len() as u64);
        for &v in list.iter() {
            num(&mut out, v.into());
        }
    }
    for &gap in &arena.group_gaps {
        num(&mut out, gap.into());
    }
    num(&mut out, matcher.patterns.len() as u64);
    for p in &matcher.patterns {
        num(&mut out, p.requirements.start.into());
        num(&mut out, p.requirements.end.into());
        num(&mut out, p.vetoes.into());
    }
    out
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
    let term_count = r.num()? as usize;
    let mut vocabulary = Vocabulary::with_capacity(term_count.min(rest.len()));
    for _ in 0..term_count {
        let term = match r.byte()? {
            b'w' => TermRef::Word(r.str()?),
            b'n' => TermRef::Number(r.num()?),
            b'd' => TermRef::Day,
            _ => return None,
        };
        // A term twice is damage: `encode` numbers each term once.
        if !vocabulary.push_new(term) {
            return None;
        }
    }
    let id = |v: u64| u32::try_from(v).ok().filter(|&v| (v as usize) < term_count);
    let terms: Vec<PatternTerm> = r.list(|r| {
        let v = r.num()?;
        Some(PatternTerm {
            id: id(v / 2)?,
            acronym_only: v % 2 == 1,
        })
    })?;
    let alternative_ends: Vec<u32> = r.list(|r| u32::try_from(r.num()?).ok())?;
    let group_ends: Vec<u32> = r.list(|r| u32::try_from(r.num()?).ok())?;
    let group_gaps: Vec<u8> = (0..group_ends.len())
        .map(|_| u8::try_from(r.num()?).ok())
        .collect::<Option<_>>()?;
    let groups = group_ends.len() as u32;
    let patterns: Vec<CompiledPattern> = r.list(|r| {
        let (start, end, vetoes) = (r.num()?, r.num()?, r.num()?);
        let (start, end, vetoes) = (
            u32::try_from(start).ok()?,
            u32::try_from(end).ok()?,
            u32::try_from(vetoes).ok()?,
        );
        (start <= end && end <= groups && vetoes < groups).then_some(CompiledPattern {
            requirements: start..end,
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
    };
    Some(Matcher::assemble(
        dataset, unicode, patterns, arena, vocabulary,
    ))
}

struct Reader<'a>(&'a [u8], &'a str);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn num(&mut self) -> Option<u64> {
        // One tight pass: loading a large index is mostly parsing these.
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
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = usize::try_from(self.num()?).ok()?;
        let mut items = Vec::with_capacity(count.min(self.0.len()));
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }
}
