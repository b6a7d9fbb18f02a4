//! UAX #29 word and sentence boundaries for ASCII text, without tables.
//!
//! Most news text is ASCII after normalisation, and segmentation was the
//! tokenizer's largest cost (and, in the browser, a call into JavaScript).
//! These functions implement exactly the UAX #29 rules that can apply to
//! ASCII; property tests compare them with `unicode-segmentation` on random
//! ASCII strings.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Other,
}

fn word_class(b: u8) -> Word {
    match b {
        b'\r' => Word::Cr,
        b'\n' => Word::Lf,
        0x0B | 0x0C => Word::Newline,
        b' ' => Word::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Word::Letter,
        b'0'..=b'9' => Word::Numeric,
        b':' => Word::MidLetter,
        b',' | b';' => Word::MidNum,
        b'.' => Word::MidNumLet,
        b'\'' => Word::SingleQuote,
        b'_' => Word::ExtendNumLet,
        _ => Word::Other,
    }
}

/// Byte offsets where UAX #29 words start in ASCII `text`.
pub fn word_starts(text: &str) -> Vec<usize> {
    debug_assert!(text.is_ascii());
    let b: Vec<Word> = text.bytes().map(word_class).collect();
    let mid_letter_q = |c: Word| matches!(c, Word::MidLetter | Word::MidNumLet | Word::SingleQuote);
    let mid_num_q = |c: Word| matches!(c, Word::MidNum | Word::MidNumLet | Word::SingleQuote);
    let mut starts = Vec::new();
    if !b.is_empty() {
        starts.push(0);
    }
    for i in 1..b.len() {
        let (prev, cur) = (b[i - 1], b[i]);
        // Inside a run of letters, digits or spaces: the common case.
        if prev == cur && matches!(cur, Word::Letter | Word::Numeric | Word::Space) {
            continue;
        }
        let before = i.checked_sub(2).map(|k| b[k]);
        let after = b.get(i + 1).copied();
        let keep = match (prev, cur) {
            (Word::Cr, Word::Lf) => true,
            (Word::Cr | Word::Lf | Word::Newline, _) | (_, Word::Cr | Word::Lf | Word::Newline) => {
                false
            }
            (Word::Space, Word::Space) => true,
            (Word::Letter, Word::Letter) => true,
            (Word::Letter, c) if mid_letter_q(c) && after == Some(Word::Letter) => true,
            (p, Word::Letter) if mid_letter_q(p) && before == Some(Word::Letter) => true,
            (Word::Numeric, Word::Numeric)
            | (Word::Letter, Word::Numeric)
            | (Word::Numeric, Word::Letter) => true,
            (p, Word::Numeric) if mid_num_q(p) && before == Some(Word::Numeric) => true,
            (Word::Numeric, c) if mid_num_q(c) && after == Some(Word::Numeric) => true,
            (Word::Letter | Word::Numeric | Word::ExtendNumLet, Word::ExtendNumLet) => true,
            (Word::ExtendNumLet, Word::Letter | Word::Numeric) => true,
            _ => false,
        };
        if !keep {
            starts.push(i);
        }
    }
    starts
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sentence {
    Cr,
    Lf,
    Space,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn sentence_class(b: u8) -> Sentence {
    match b {
        b'\r' => Sentence::Cr,
        b'\n' => Sentence::Lf,
        b' ' | b'\t' | 0x0B | 0x0C => Sentence::Space,
        b'a'..=b'z' => Sentence::Lower,
        b'A'..=b'Z' => Sentence::Upper,
        b'0'..=b'9' => Sentence::Numeric,
        b'.' => Sentence::ATerm,
        b'!' | b'?' => Sentence::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sentence::Close,
        b',' | b'-' | b':' | b';' => Sentence::SContinue,
        _ => Sentence::Other,
    }
}

/// Byte offsets where UAX #29 sentences start in ASCII `text`.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    debug_assert!(text.is_ascii());
    let b: Vec<Sentence> = text.bytes().map(sentence_class).collect();
    let para = |c: Sentence| matches!(c, Sentence::Cr | Sentence::Lf);
    let saterm = |c: Sentence| matches!(c, Sentence::ATerm | Sentence::STerm);
    let mut starts = Vec::new();
    if !b.is_empty() {
        starts.push(0);
    }
    for i in 1..b.len() {
        let (prev, cur) = (b[i - 1], b[i]);
        // Only a paragraph separator or "SATerm Close* Sp*" ends a sentence.
        if !matches!(
            prev,
            Sentence::Cr
                | Sentence::Lf
                | Sentence::Space
                | Sentence::ATerm
                | Sentence::STerm
                | Sentence::Close
        ) {
            continue;
        }
        let breaks = if prev == Sentence::Cr && cur == Sentence::Lf {
            false // SB3
        } else if para(prev) {
            true // SB4
        } else {
            // Looking back: SATerm Close* Sp* | here.
            let mut spaces_from = i;
            while spaces_from > 0 && b[spaces_from - 1] == Sentence::Space {
                spaces_from -= 1;
            }
            let mut closes_from = spaces_from;
            while closes_from > 0 && b[closes_from - 1] == Sentence::Close {
                closes_from -= 1;
            }
            match closes_from.checked_sub(1).map(|k| b[k]) {
                Some(term) if saterm(term) => {
                    let no_spaces = spaces_from == i;
                    let directly_after_term = closes_from == i;
                    let letter_before_term = closes_from >= 2
                        && matches!(b[closes_from - 2], Sentence::Upper | Sentence::Lower);
                    let sb6 =
                        term == Sentence::ATerm && directly_after_term && cur == Sentence::Numeric;
                    let sb7 = term == Sentence::ATerm
                        && directly_after_term
                        && letter_before_term
                        && cur == Sentence::Upper;
                    let sb8 = term == Sentence::ATerm
                        && b[i..].iter().find(|&&c| {
                            matches!(c, Sentence::Upper | Sentence::Lower) || para(c) || saterm(c)
                        }) == Some(&Sentence::Lower);
                    let sb8a = matches!(cur, Sentence::SContinue) || saterm(cur);
                    let sb9 = no_spaces
                        && (cur == Sentence::Close || cur == Sentence::Space || para(cur));
                    let sb10 = cur == Sentence::Space || para(cur);
                    // SB11: otherwise a sentence ends here.
                    !(sb6 || sb7 || sb8 || sb8a || sb9 || sb10)
                }
                _ => false, // SB998
            }
        };
        if breaks {
            starts.push(i);
        }
    }
    starts
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn ascii_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "b", "Z", "Mr", "U", "S", "e", "0", "7", ".", ",", ";", ":", "'", "\"", "_",
                "-", "!", "?", "(", ")", "[", "]", " ", " ", "\t", "\n", "\r", "\r\n", "\x0B",
                "\x0C", "x", "#", "/", "&", "*", "~",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "Mr",
                "U",
                ".",
                ",",
                "'",
                "\"",
                " ",
                "\n",
                "\r\n",
                "\r",
                "\u{2029}",
                "é",
                "e\u{301}",
                "\u{2019}",
                "\u{201C}",
                "\u{200D}",
                "\u{85}",
                "26",
                "?",
                "!",
                ")",
                "\u{1F600}",
                "\u{0627}",
                "\u{3002}",
                "\u{00A0}",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn word_starts_equal_the_crate(text in ascii_text()) {
            let expected: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(word_starts(&text), expected, "{:?}", text);
        }

        #[test]
        fn sentence_starts_equal_the_crate(text in ascii_text()) {
            let expected: Vec<usize> = text.split_sentence_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(sentence_starts(&text), expected, "{:?}", text);
        }

        /// Mixed text, segmented line by line as the tokenizer does (ASCII
        /// lines here, other lines by the crate), equals the crate on the
        /// whole text.
        #[test]
        fn line_by_line_equals_the_whole_text(text in mixed_text()) {
            let crate_words = |t: &str| t.split_word_bound_indices().map(|(i, _)| i).collect::<Vec<_>>();
            let crate_sentences = |t: &str| t.split_sentence_bound_indices().map(|(i, _)| i).collect::<Vec<_>>();
            let words = crate::matcher::tokens::line_by_line(&text, word_starts, crate_words);
            let sentences = crate::matcher::tokens::line_by_line(&text, sentence_starts, crate_sentences);
            prop_assert_eq!(words, crate_words(&text), "{:?}", text);
            prop_assert_eq!(sentences, crate_sentences(&text), "{:?}", text);
        }

        #[test]
        fn arbitrary_ascii_agrees_too(text in "[\\x00-\\x7F]{0,60}") {
            let words: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            let sentences: Vec<usize> = text.split_sentence_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(word_starts(&text), words, "{:?}", text);
            prop_assert_eq!(sentence_starts(&text), sentences, "{:?}", text);
        }
    }
}
