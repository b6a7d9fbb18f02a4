//! Property tests over arbitrary Unicode input: the matcher never panics, and
//! every span is in bounds, on char boundaries (spans are char indices),
//! sorted and non-overlapping. Invisible characters inside words never change
//! what matches.
//!
//! The default run generates 256 inputs per property; the documented long run
//! sets `PROPTEST_CASES` (see BENCHMARKS.md).
#![cfg(not(target_arch = "wasm32"))]

use claimlens::dataset::compact;
use claimlens::{Dataset, Matcher};
use proptest::prelude::*;
use std::sync::OnceLock;

fn matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(Dataset::bundled()))
}

/// Words and characters that stress the pipeline: claim vocabulary, number
/// words, abbreviations, dashes, quotes, invisible and combining characters,
/// astral-plane characters (surrogate pairs in UTF-16), line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "26", "twenty", "six", "-", "countries", "nations", "ready", "to", "deploy", "troops", "Druzhba",
            "oil", "Hungary", "and", "a", "half", "three", "years", "invasion", "No", "countries", "have",
            "committed", "U.S.", "Mr.", "August", "26,000", "3½", "1.5", "million", "not", "yet", "Germany",
            "n't", "Putin", "Zelensky", "meeting", "EU", "NATO", "Article", "42(7)",
        ]).prop_map(str::to_string),
        3 => prop::sample::select(vec![
            " ", " ", ". ", ", ", "\n", "\n\n", "! ", "? ", "…", "—", "–", "\u{00A0}", "\u{202F}", "\u{2009}",
            "\u{00AD}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{0301}", "\u{0308}", "’", "“", "”",
            "\"", "'", "ﬁ", "Ⅻ", "²", "½", "😀", "👩‍👩‍👧", "𝟐𝟔", "İ", "ß", "\u{202E}", "\r\n",
        ]).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "\\PC{0,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.concat())
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let found = matcher().find(text);
    let length = text.chars().count();
    for m in &found {
        prop_assert!(m.span.start < m.span.end, "empty span {:?}", m.span);
        prop_assert!(m.span.end <= length, "span {:?} past end {length}", m.span);
        prop_assert!(m.score > 0.0 && m.score <= 1.0);
        prop_assert!(!m.explanation.is_empty());
    }
    for pair in found.windows(2) {
        prop_assert!(
            pair[0].span.end <= pair[1].span.start,
            "unsorted or overlapping: {:?}",
            (pair[0].span, pair[1].span)
        );
    }
    Ok(())
}

proptest! {
    #[test]
    fn spans_are_in_bounds_sorted_and_disjoint(text in text()) {
        check_spans(&text)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check_spans(&text)?;
    }

    /// Soft hyphens and zero-width characters inside an example's words do
    /// not change which claims it matches, and the span still covers the
    /// same words of the (longer) input.
    #[test]
    fn invisible_characters_do_not_change_matches(
        claim in 0..Dataset::bundled().claims.len(),
        example in 0usize..8,
        seed in prop::collection::vec((0usize..400, prop::sample::select(vec!['\u{00AD}', '\u{200B}', '\u{2060}', '\u{FEFF}'])), 1..6),
    ) {
        let dataset = matcher().dataset();
        let examples = &dataset.claims[claim].examples;
        prop_assume!(!examples.is_empty());
        let original = &examples[example % examples.len()];
        let chars: Vec<char> = original.chars().collect();
        let mut noisy: Vec<char> = chars.clone();
        let mut inserted: Vec<usize> = Vec::new(); // positions in `noisy`
        for (at, c) in seed {
            // Only inside words: between two alphanumeric characters.
            let at = at % (noisy.len().max(2) - 1) + 1;
            if noisy[at - 1].is_alphanumeric() && noisy.get(at).is_some_and(|n| n.is_alphanumeric()) {
                noisy.insert(at, c);
                inserted.push(at);
            }
        }
        let noisy: String = noisy.into_iter().collect();
        let strip = |s: &str| s.chars().filter(|c| !matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')).collect::<String>();
        let plain_ids: Vec<(String, String)> = matcher().find(original).iter().map(|m| {
            (matcher().claim(m).id.clone(), chars[m.span.start..m.span.end].iter().collect())
        }).collect();
        let noisy_chars: Vec<char> = noisy.chars().collect();
        let noisy_ids: Vec<(String, String)> = matcher().find(&noisy).iter().map(|m| {
            (matcher().claim(m).id.clone(), strip(&noisy_chars[m.span.start..m.span.end].iter().collect::<String>()))
        }).collect();
        prop_assert_eq!(plain_ids, noisy_ids, "noisy input: {:?}", noisy);
    }

    /// Arbitrary text is not a dataset: refused, never a panic.
    #[test]
    fn compact_decode_rejects_garbage(text in any::<String>()) {
        prop_assert!(compact::decode(&text).is_none(), "decoded {:?}", text);
    }
}

/// The bundled dataset in its compact encoding, as `build.rs` writes it.
fn encoded() -> &'static str {
    static ENCODED: OnceLock<String> = OnceLock::new();
    ENCODED.get_or_init(|| compact::encode(&Dataset::bundled()))
}

/// The matcher's index, as `build.rs` writes it (about 58,000 chars).
fn compiled() -> &'static str {
    static COMPILED: OnceLock<String> = OnceLock::new();
    COMPILED.get_or_init(|| matcher().compiled())
}

/// `text` damaged at `at` (a share of its length, so every part of it is
/// hit): `garbage` replaces `len` chars there. The position is returned.
fn damage(text: &str, at: prop::sample::Index, len: usize, garbage: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let at = at.index(chars.len());
    let end = (at + len).min(chars.len());
    let damaged = chars[..at]
        .iter()
        .copied()
        .chain(garbage.chars())
        .chain(chars[end..].iter().copied())
        .collect();
    (damaged, at)
}

proptest! {
    /// Damage anywhere in the encoding never panics; cut short or followed
    /// by anything, it is refused.
    #[test]
    fn compact_decode_of_damaged_data_never_panics_and_refuses_cuts(
        at in any::<prop::sample::Index>(), len in 0usize..8, garbage in "\\PC{0,8}", tail in "\\PC{1,8}",
    ) {
        let text = encoded();
        let (damaged, _) = damage(text, at, len, &garbage);
        let _ = compact::decode(&damaged);
        let cut: String = text.chars().take(at.index(text.chars().count())).collect();
        prop_assert!(compact::decode(&cut).is_none(), "a prefix of {} chars decoded", cut.chars().count());
        prop_assert!(compact::decode(&format!("{text}{tail}")).is_none(), "decoded with {:?} appended", tail);
    }

    /// Damage anywhere in the index never panics, and whatever still
    /// decodes is a matcher that runs: `find` on the claims' own examples and
    /// on arbitrary text neither panics nor returns spans outside the text.
    /// Cut short or followed by anything, the index is refused.
    #[test]
    fn compiled_index_decoding_never_panics(
        at in any::<prop::sample::Index>(), len in 0usize..8, garbage in "\\PC{0,8}",
        // Same-length ASCII damage keeps every length prefix right, so much
        // of it still decodes and reaches `find`.
        same_length in any::<bool>(),
        tail in "\\PC{1,8}", text in "\\PC{0,80}",
    ) {
        use claimlens::matcher::text::RustUnicode;
        let index = compiled();
        let load = |s: &str| Matcher::from_compiled(Dataset::bundled(), Box::new(RustUnicode), s);
        let (damaged, position) = if same_length {
            let ascii: String = garbage.chars().map(|c| char::from(b'0' + (c as u32 % 75) as u8)).collect();
            damage(index, at, ascii.chars().count(), &ascii)
        } else {
            damage(index, at, len, &garbage)
        };
        if let Some(loaded) = load(&damaged) {
            let examples = matcher().dataset().claims.iter().flat_map(|c| c.examples.first());
            for sentence in examples.map(String::as_str).chain([text.as_str()]) {
                let chars = sentence.chars().count();
                for m in loaded.find(sentence) {
                    prop_assert!(m.span.start < m.span.end && m.span.end <= chars,
                        "span {:?} in {:?} (index damaged at {})", m.span, sentence, position);
                    prop_assert!(m.claim_index < loaded.dataset().claims.len());
                }
            }
        }
        let cut: String = index.chars().take(position).collect();
        prop_assert!(load(&cut).is_none(), "a prefix of {position} chars loaded");
        prop_assert!(load(&format!("{index}{tail}")).is_none(), "loaded with {:?} appended", tail);
    }
}
