//! Text normalisation that remembers where every char came from.
//!
//! The matcher compares normalised text — NFKC, plain quotes and dashes, no soft hyphens or zero-width characters, no-break-space thousands
//! separators removed, "3½" as "3.5" — but must report spans in chars of
//! the caller's original text. So normalisation works per grapheme cluster
//! and records, for each normalised char, the original cluster it came from.

use super::text::{segments, UnicodeText};

/// Normalised text plus, for each of its chars, the original char range
/// `[start, end)` of the cluster that produced it.
pub struct Normalized {
    pub text: String,
    /// Chars before this index come from the input char at the same index:
    /// for ASCII text that is all of them, and recording nothing for them
    /// saves writing 16 bytes per char.
    identical: usize,
    /// The origin of each char from `identical` on.
    origin: Vec<(usize, usize)>,
}

impl Normalized {
    /// The original char range of normalised char `index`.
    pub fn origin(&self, index: usize) -> (usize, usize) {
        if index < self.identical {
            (index, index + 1)
        } else {
            self.origin[index - self.identical]
        }
    }

    fn push(&mut self, c: char, range: (usize, usize)) {
        self.text.push(c);
        if self.origin.is_empty() && range == (self.identical, self.identical + 1) {
            self.identical += 1;
        } else {
            self.origin.push(range);
        }
    }

    /// Pushes ASCII chars that are each a whole cluster, starting at input
    /// char `position`, as a block.
    fn push_ascii(&mut self, run: &str, position: usize) {
        if run.contains('`') {
            for (k, c) in run.chars().enumerate() {
                self.push(plain(c).unwrap_or(c), (position + k, position + k + 1));
            }
            return;
        }
        // No other ASCII char has a plain replacement.
        self.text.push_str(run);
        if self.origin.is_empty() && position == self.identical {
            self.identical += run.len();
        } else {
            let positions = position..position + run.len();
            self.origin.extend(positions.map(|p| (p, p + 1)));
        }
    }

    fn pop(&mut self) {
        self.text.pop();
        if self.origin.pop().is_none() {
            self.identical -= 1;
        }
    }
}

/// Format characters that print as nothing and may sit inside words.
pub(super) fn is_invisible(c: char) -> bool {
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

/// Non-ASCII chars that normalise without Unicode tables: Latin letters and
/// signs NFKC leaves alone, the punctuation [`plain`] replaces, the ellipsis,
/// "½", and the invisible format chars, which are controls to grapheme
/// segmentation. None of them joins a grapheme cluster with a neighbour
/// from this set or ASCII (only a rare prepended mark before one could),
/// so in news text the browser's NFKC and
/// segmenter are rarely called (their first use costs tens of ms).
fn is_simple(c: char) -> bool {
    match c {
        // Latin-1 and Latin Extended-A, but for compatibility forms and
        // the emoji-like (C) and (R), which a zero-width joiner binds.
        '\u{A1}'..='\u{A7}'
        | '\u{AC}'
        | '\u{B0}'
        | '\u{B1}'
        | '\u{B6}'
        | '\u{B7}'
        | '\u{BF}'..='\u{17F}' => !matches!(
            c,
            '\u{132}' | '\u{133}' | '\u{13F}' | '\u{140}' | '\u{149}' | '\u{17F}'
        ),
        '\u{20AC}' | '\u{2022}' | '\u{2026}' | '\u{BD}' | '\u{AD}' | '\u{200B}' | '\u{FEFF}' => {
            true
        }
        c => c.is_ascii() || plain(c).is_some(),
    }
}

/// The byte length of the char at `at` if it is ASCII or `simple`.
fn simple_len(input: &str, at: usize, simple: fn(char) -> bool) -> Option<usize> {
    match *input.as_bytes().get(at)? {
        b if b.is_ascii() => Some(1),
        _ => input[at..]
            .chars()
            .next()
            .filter(|&c| simple(c))
            .map(char::len_utf8),
    }
}

/// Whether the char at `at` is simple and so is the next (or it is last):
/// then it is a whole grapheme cluster.
fn simple_cluster_len(input: &str, at: usize, simple: fn(char) -> bool) -> Option<usize> {
    let len = simple_len(input, at, simple)?;
    (at + len == input.len() || simple_len(input, at + len, simple).is_some()).then_some(len)
}

pub fn normalize(input: &str, unicode: &dyn UnicodeText) -> Normalized {
    normalize_with(input, unicode, is_simple)
}

/// [`normalize`], with `simple` choosing the chars that skip the Unicode
/// services; tests pass ASCII alone, the reference behaviour.
fn normalize_with(input: &str, unicode: &dyn UnicodeText, simple: fn(char) -> bool) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(input.len()),
        identical: 0,
        origin: Vec::new(),
    };
    let mut position = 0; // in chars of `input`
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: ASCII runs, the bulk of news text, as blocks; other
        // simple chars one by one, each a cluster of its own.
        let mut run = i;
        while run < bytes.len()
            && bytes[run].is_ascii()
            && bytes.get(run + 1).is_none_or(u8::is_ascii)
        {
            run += 1;
        }
        if run > i {
            out.push_ascii(&input[i..run], position);
            position += run - i;
            i = run;
            continue;
        }
        if let Some(len) = simple_cluster_len(input, i, simple) {
            let cluster = &input[i..i + len];
            push_cluster(
                &mut out,
                cluster,
                (position, position + 1),
                &input[i + len..],
                unicode,
                simple,
            );
            position += 1;
            i += len;
            continue;
        }
        // Otherwise segment up to the next simple cluster.
        let mut j = i + input[i..].chars().next().map_or(1, char::len_utf8);
        while j < bytes.len() && simple_cluster_len(input, j, simple).is_none() {
            j += input[j..].chars().next().map_or(1, char::len_utf8);
        }
        let region = &input[i..j];
        let starts = unicode.grapheme_starts(region);
        for (offset, cluster) in segments(region, &starts) {
            let len = cluster.chars().count();
            let after = &input[i + offset + cluster.len()..];
            push_cluster(
                &mut out,
                cluster,
                (position, position + len),
                after,
                unicode,
                simple,
            );
            position += len;
        }
        i = j;
    }
    out
}

/// Normalises one grapheme cluster that covers `range` of the input;
/// `after` is the input that follows it.
fn push_cluster(
    out: &mut Normalized,
    cluster: &str,
    range: (usize, usize),
    after: &str,
    unicode: &dyn UnicodeText,
    simple: fn(char) -> bool,
) {
    // Case is kept: sentence segmentation needs capitals; the tokenizer
    // lower-cases each word.
    let push = |out: &mut Normalized, c: char| out.push(c, range);
    let mut chars = cluster.chars().filter(|c| !is_invisible(*c)).peekable();
    let Some(&first) = chars.peek() else { return };
    // "26 000" with a no-break or thin space is one number.
    if is_thin_or_nbsp(first)
        && out.text.ends_with(|c: char| c.is_ascii_digit())
        && thousands_follow(after)
    {
        return;
    }
    if first == '½' {
        // "3 ½" (often with a no-break space) is 3.5, like "3½".
        let spaced_digit = out
            .text
            .strip_suffix(' ')
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()));
        if spaced_digit {
            out.pop();
        }
        let prefix = if out.text.ends_with(|c: char| c.is_ascii_digit()) {
            ""
        } else {
            "0"
        };
        for c in prefix.chars().chain(".5".chars()) {
            push(out, c);
        }
        return;
    }
    if let Some(replacement) = plain(first) {
        push(out, replacement);
        return;
    }
    if cluster.len() == first.len_utf8() && simple(first) {
        // NFKC leaves every simple char alone but the ellipsis.
        if first == '\u{2026}' {
            "...".chars().for_each(|c| push(out, c));
        } else {
            push(out, first);
        }
        return;
    }
    let visible: String = chars.collect();
    for c in unicode.nfkc(&visible).chars() {
        push(out, c);
    }
}

/// Exactly three digits, then no digit: the rest of a thousands group.
fn thousands_follow(after: &str) -> bool {
    let mut chars = after.chars();
    (0..3).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()))
        && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::matcher::text::RustUnicode;
    use proptest::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The crates, counting how often the normaliser asks them.
    #[derive(Default)]
    struct Counting(AtomicUsize);

    impl UnicodeText for Counting {
        fn nfkc(&self, text: &str) -> String {
            self.0.fetch_add(1, Ordering::Relaxed);
            RustUnicode.nfkc(text)
        }
        fn grapheme_starts(&self, text: &str) -> Vec<usize> {
            self.0.fetch_add(1, Ordering::Relaxed);
            RustUnicode.grapheme_starts(text)
        }
        fn word_starts(&self, text: &str) -> Vec<usize> {
            RustUnicode.word_starts(text)
        }
        fn sentence_starts(&self, text: &str) -> Vec<usize> {
            RustUnicode.sentence_starts(text)
        }
        fn lowercase(&self, text: &str) -> String {
            RustUnicode.lowercase(text)
        }
    }

    fn origins(n: &Normalized) -> Vec<(usize, usize)> {
        (0..n.text.chars().count()).map(|k| n.origin(k)).collect()
    }

    fn news_text() -> impl Strategy<Value = String> {
        crate::matcher::latin::tests::strings_of(
            vec![
                "a",
                "Orbán",
                "Élysée",
                " ",
                "26",
                "3",
                ".",
                ",",
                "`",
                "\u{2019}",
                "\u{201C}",
                "\u{2014}",
                "\u{2026}",
                "\u{A0}",
                "000",
                "\u{BD}",
                "\u{AD}",
                "\u{200B}",
                "€",
                "·",
                "ß",
                "ł",
                "×",
                "©",
                "°",
                "•",
                // Not simple: they join clusters or NFKC changes them.
                "e\u{301}",
                "\u{301}",
                "\u{200D}",
                "\u{1F600}",
                "\u{1F1FA}",
                "\u{1100}",
                "\u{1161}",
                "\u{FB01}",
                "\u{2122}",
                "\u{132}",
                "\u{17F}",
                "\u{B2}",
                "\u{FF21}",
                "\u{0627}",
                "\r\n",
                "\n",
            ],
            30,
        )
    }

    proptest! {
        /// The table-free path gives exactly the text and origins that
        /// segmenting every non-ASCII stretch and NFKC gave before it.
        #[test]
        fn simple_chars_normalise_as_nfkc_would(text in news_text()) {
            let fast = normalize(&text, &RustUnicode);
            let reference = normalize_with(&text, &RustUnicode, |c| c.is_ascii());
            prop_assert_eq!(&fast.text, &reference.text, "{:?}", text);
            prop_assert_eq!(origins(&fast), origins(&reference), "{:?}", text);
        }
    }

    #[test]
    fn news_text_needs_no_unicode_service() {
        let counting = Counting::default();
        let text = "Orbán\u{2019}s aide said \u{201C}26\u{A0}000 troops\u{201D} \u{2014} at the Élysée\u{2026} 3\u{BD} years, €5bn, co\u{AD}operation · 12°C ¿qué?";
        let normalized = normalize(text, &counting);
        assert_eq!(
            normalized.text,
            "Orbán's aide said \"26000 troops\" - at the Élysée... 3.5 years, €5bn, cooperation · 12°C ¿qué?"
        );
        assert_eq!(counting.0.load(Ordering::Relaxed), 0);
        // A combining accent still goes to the services.
        normalize("Orba\u{301}n", &counting);
        assert!(counting.0.load(Ordering::Relaxed) > 0);
    }
}
