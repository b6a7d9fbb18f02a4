//! The Unicode services the tokenizer needs: NFKC, UAX #29 segmentation and
//! full lowercasing.
//!
//! Natively they come from the `unicode-normalization` and
//! `unicode-segmentation` crates and `str::to_lowercase` ([`RustUnicode`]).
//! In the browser the same standards are built in
//! (`String.prototype.normalize`, `Intl.Segmenter`,
//! `String.prototype.toLowerCase`), and the Rust tables would cost readers
//! about 100 KB gzip, so the widget passes its own implementation instead. A
//! browser test checks that both give identical matches on the whole
//! evaluation set.

/// Unicode text services. Boundaries are byte offsets into the given text,
/// ascending, starting with 0, not including the text's length.
pub trait UnicodeText: Send + Sync {
    fn nfkc(&self, text: &str) -> String;
    fn grapheme_starts(&self, text: &str) -> Vec<usize>;
    fn word_starts(&self, text: &str) -> Vec<usize>;
    fn sentence_starts(&self, text: &str) -> Vec<usize>;
    /// Unicode's full lowercase mapping of `text`, final sigma included,
    /// as `str::to_lowercase` gives it.
    fn lowercase(&self, text: &str) -> String;
}

/// `text` cut at `starts` (as returned by a [`UnicodeText`] method), with
/// each piece's byte offset.
pub fn segments<'a>(
    text: &'a str,
    starts: &'a [usize],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    starts.iter().enumerate().map(move |(k, &start)| {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        (start, &text[start..end])
    })
}

/// The pure-Rust implementation, from well-kept crates.
#[cfg(any(not(target_arch = "wasm32"), feature = "rust-unicode"))]
pub struct RustUnicode;

#[cfg(any(not(target_arch = "wasm32"), feature = "rust-unicode"))]
impl UnicodeText for RustUnicode {
    fn nfkc(&self, text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfkc().collect()
    }
    fn grapheme_starts(&self, text: &str) -> Vec<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        text.grapheme_indices(true).map(|(i, _)| i).collect()
    }
    fn word_starts(&self, text: &str) -> Vec<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        text.split_word_bound_indices().map(|(i, _)| i).collect()
    }
    fn sentence_starts(&self, text: &str) -> Vec<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        text.split_sentence_bound_indices()
            .map(|(i, _)| i)
            .collect()
    }
    fn lowercase(&self, text: &str) -> String {
        text.to_lowercase()
    }
}
