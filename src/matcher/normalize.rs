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

pub fn normalize(input: &str, unicode: &dyn UnicodeText) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(input.len()),
        identical: 0,
        origin: Vec::new(),
    };
    let mut position = 0; // in chars of `input`
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: an ASCII char followed by ASCII (or the end) is a whole
        // grapheme cluster that NFKC leaves alone, and most news text is ASCII.
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
        // Otherwise segment up to the next safe ASCII boundary.
        let mut j = i + 1;
        while j < bytes.len() && !(bytes[j].is_ascii() && bytes.get(j + 1).is_none_or(u8::is_ascii))
        {
            j += 1;
        }
        while !input.is_char_boundary(j) {
            j += 1;
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
