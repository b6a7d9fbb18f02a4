//! Text normalisation that remembers where every char came from.
//!
//! The matcher compares normalised text — NFKC, plain quotes and dashes, no soft hyphens or zero-width characters, no-break-space thousands
//! separators removed, "3½" as "3.5" — but must report spans in chars of
//! the caller's original text. So normalisation works per grapheme cluster
//! and records, for each normalised char, the original cluster it came from.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Normalised text plus, for each of its chars, the original char range
/// `[start, end)` of the cluster that produced it.
pub struct Normalized {
    pub text: String,
    pub origin: Vec<(usize, usize)>,
}

/// Format characters that print as nothing and may sit inside words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

fn is_thin_or_nbsp(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{2007}' | '\u{2009}' | '\u{202F}')
}

/// The replacement for chars whose NFKC form still differs in ways that
/// matter for matching (typographic quotes, dashes, spaces).
fn plain(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        c if is_thin_or_nbsp(c) => ' ',
        _ => return None,
    })
}

pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut origin = Vec::with_capacity(input.len());
    let mut position = 0; // in chars of `input`
    let clusters: Vec<&str> = input.graphemes(true).collect();
    for (k, cluster) in clusters.iter().enumerate() {
        let len = cluster.chars().count();
        let range = (position, position + len);
        position += len;
        // Case is kept: sentence segmentation needs capitals; the tokenizer
        // lower-cases each word.
        let mut push = |text: &mut String, c: char| {
            text.push(c);
            origin.push(range);
        };
        let mut chars = cluster.chars().filter(|c| !is_invisible(*c)).peekable();
        let Some(&first) = chars.peek() else { continue };
        // "26 000" with a no-break or thin space is one number.
        if is_thin_or_nbsp(first)
            && text.ends_with(|c: char| c.is_ascii_digit())
            && thousands_follow(&clusters[k + 1..])
        {
            continue;
        }
        if first == '½' {
            let prefix = if text.ends_with(|c: char| c.is_ascii_digit()) {
                ""
            } else {
                "0"
            };
            for c in prefix.chars().chain(".5".chars()) {
                push(&mut text, c);
            }
            continue;
        }
        if let Some(replacement) = plain(first) {
            push(&mut text, replacement);
            continue;
        }
        let visible: String = chars.collect();
        for c in visible.nfkc() {
            push(&mut text, c);
        }
    }
    Normalized { text, origin }
}

/// Exactly three digits, then no digit: the rest of a thousands group.
fn thousands_follow(rest: &[&str]) -> bool {
    let digit = |i: usize| {
        rest.get(i)
            .is_some_and(|g| g.len() == 1 && g.as_bytes()[0].is_ascii_digit())
    };
    digit(0) && digit(1) && digit(2) && !digit(3)
}
