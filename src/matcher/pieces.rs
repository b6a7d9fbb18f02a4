//! A long article in pieces: the widget matches it piece by piece and
//! yields to the page in between, so that no single task blocks the
//! reader. The pieces end at line breaks, which always end a sentence
//! (UAX #29 breaks after them, and the widget puts one between blocks), and
//! a match never crosses a sentence, so piecewise matching finds exactly
//! what [`Matcher::find`] finds in the whole text (`tests/matcher.rs`
//! checks this on the seed article and the evaluation set).

use super::{Match, Matcher};

/// Splits `text` after line breaks into pieces of at least `target_chars`
/// chars each (the last may be shorter), with each piece's char offset.
/// A piece is whole lines, so one very long line is one piece.
pub fn pieces(text: &str, target_chars: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut piece_start_byte, mut piece_start_char, mut chars) = (0, 0, 0);
    for (byte, c) in text.char_indices() {
        chars += 1;
        if c == '\n' && chars - piece_start_char >= target_chars {
            let end = byte + 1;
            out.push((piece_start_char, &text[piece_start_byte..end]));
            piece_start_byte = end;
            piece_start_char = chars;
        }
    }
    if piece_start_byte < text.len() {
        out.push((piece_start_char, &text[piece_start_byte..]));
    }
    out
}

impl Matcher {
    /// [`Matcher::find`] on a piece that starts `offset` chars into the
    /// whole text, with spans in chars of the whole text.
    pub fn find_in_piece(&self, piece: &str, offset: usize) -> Vec<Match> {
        let mut found = self.find(piece);
        for m in &mut found {
            m.span.start += offset;
            m.span.end += offset;
        }
        found
    }
}
