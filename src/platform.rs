//! The browser's own Unicode services for the matcher: NFKC from
//! `String.prototype.normalize`, UAX #29 segmentation from `Intl.Segmenter`
//! and lowercasing from `String.prototype.toLowerCase`. They cost the widget
//! no bytes, where the equivalent crates and `str::to_lowercase`'s tables
//! would cost ~100 KB gzip. `tests/browser.rs` checks that matches
//! are identical to the pure-Rust services on the whole evaluation set.

use crate::matcher::text::UnicodeText;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const segmenters = {};
export function claimlens_nfkc(text) { return text.normalize('NFKC'); }
export function claimlens_lower(text) { return text.toLowerCase(); }
export function claimlens_starts(text, granularity) {
  const segmenter = segmenters[granularity] ??= new Intl.Segmenter('en', { granularity });
  const starts = [];
  for (const { index } of segmenter.segment(text)) starts.push(index);
  return Uint32Array.from(starts);
}
"#)]
extern "C" {
    fn claimlens_nfkc(text: &str) -> String;
    fn claimlens_lower(text: &str) -> String;
    /// Segment starts in UTF-16 code units.
    fn claimlens_starts(text: &str, granularity: &str) -> Vec<u32>;
}

pub struct BrowserUnicode;

/// Converts ascending UTF-16 offsets into `text` to byte offsets.
fn utf16_to_bytes(text: &str, utf16: &[u32]) -> Vec<usize> {
    let mut out = Vec::with_capacity(utf16.len());
    let mut wanted = utf16.iter().peekable();
    let mut units = 0u32;
    for (byte, c) in text.char_indices() {
        while wanted.peek().is_some_and(|&&w| w <= units) {
            wanted.next();
            out.push(byte);
        }
        units += c.len_utf16() as u32;
    }
    out
}

impl BrowserUnicode {
    fn starts(&self, text: &str, granularity: &str) -> Vec<usize> {
        if text.is_empty() {
            return Vec::new();
        }
        let mut starts = utf16_to_bytes(text, &claimlens_starts(text, granularity));
        starts.dedup();
        starts
    }
}

impl UnicodeText for BrowserUnicode {
    fn nfkc(&self, text: &str) -> String {
        if text.is_ascii() {
            return text.to_string();
        }
        claimlens_nfkc(text)
    }
    fn grapheme_starts(&self, text: &str) -> Vec<usize> {
        self.starts(text, "grapheme")
    }
    fn word_starts(&self, text: &str) -> Vec<usize> {
        self.starts(text, "word")
    }
    fn sentence_starts(&self, text: &str) -> Vec<usize> {
        self.starts(text, "sentence")
    }
    fn lowercase(&self, text: &str) -> String {
        // Most words of a page that is not all ASCII still are.
        if text.is_ascii() {
            return text.to_ascii_lowercase();
        }
        claimlens_lower(text)
    }
}
