//! UAX #29 word and sentence boundaries for Latin text, without tables.
//!
//! Most news text is ASCII after normalisation, with a few accented names
//! ("Orbán", "Élysée") and signs ("€", "°"). Segmentation was the
//! tokenizer's largest cost, and in the browser `Intl.Segmenter`'s first use
//! costs ~45 ms. These functions implement exactly the UAX #29 rules that can
//! apply to the chars they know, and answer `None` for any other text, which
//! then goes to the full implementation. Property tests compare them with
//! `unicode-segmentation`.

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

/// Latin letters of Latin-1 and Latin Extended-A: ALetter for words, Upper
/// or Lower for sentences.
fn is_latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{17F}') && !matches!(c, '\u{D7}' | '\u{F7}')
}

/// Signs that are `Other` for both word and sentence boundaries.
fn is_latin_sign(c: char) -> bool {
    matches!(
        c,
        '\u{A1}'
            ..='\u{A7}'
                | '\u{A9}'
                | '\u{AC}'
                | '\u{AE}'
                | '\u{B0}'
                | '\u{B1}'
                | '\u{B6}'
                | '\u{BF}'
                | '\u{D7}'
                | '\u{F7}'
                | '\u{20AC}'
                | '\u{2022}'
    )
}

/// The class of an ASCII byte: the common case, kept apart so that it
/// compiles to a table look-up.
#[inline(always)]
fn ascii_word_class(b: u8) -> Word {
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

fn word_class(c: char) -> Option<Word> {
    Some(match c {
        c if c.is_ascii() => ascii_word_class(c as u8),
        '\u{B7}' => Word::MidLetter,
        c if is_latin_sign(c) => Word::Other,
        c if is_latin_letter(c) => Word::Letter,
        _ => return None,
    })
}

/// Each char's class, and its byte offset unless the text is ASCII (where
/// offsets are indices), or `None` if a char has no class.
fn classify<T>(
    text: &str,
    ascii: impl Fn(u8) -> T,
    class: impl Fn(char) -> Option<T>,
) -> Option<(Option<Vec<usize>>, Vec<T>)> {
    if text.is_ascii() {
        return Some((None, text.bytes().map(ascii).collect()));
    }
    let mut offsets = Vec::with_capacity(text.len());
    let mut classes = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        offsets.push(offset);
        classes.push(class(c)?);
    }
    Some((Some(offsets), classes))
}

fn byte_offset(offsets: &Option<Vec<usize>>, index: usize) -> usize {
    offsets.as_ref().map_or(index, |o| o[index])
}

/// Byte offsets where UAX #29 words start in `text`; `None` unless every
/// char is ASCII or Latin.
pub fn word_starts(text: &str) -> Option<Vec<usize>> {
    let (offsets, b) = classify(text, ascii_word_class, word_class)?;
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
            starts.push(byte_offset(&offsets, i));
        }
    }
    Some(starts)
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

#[inline(always)]
fn ascii_sentence_class(b: u8) -> Sentence {
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

fn sentence_class(c: char) -> Option<Sentence> {
    Some(match c {
        c if c.is_ascii() => ascii_sentence_class(c as u8),
        c if is_latin_sign(c) || c == '\u{B7}' => Sentence::Other,
        c if is_latin_letter(c) && c.is_uppercase() => Sentence::Upper,
        c if is_latin_letter(c) && c.is_lowercase() => Sentence::Lower,
        _ => return None,
    })
}

/// Byte offsets where UAX #29 sentences start in `text`; `None` unless
/// every char is ASCII or Latin.
pub fn sentence_starts(text: &str) -> Option<Vec<usize>> {
    let (offsets, b) = classify(text, ascii_sentence_class, sentence_class)?;
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
            starts.push(byte_offset(&offsets, i));
        }
    }
    Some(starts)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    /// Strings of up to `most` pieces drawn from `parts`.
    pub(in crate::matcher) fn strings_of(
        parts: Vec<&'static str>,
        most: usize,
    ) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(parts), 0..most).prop_map(|p| p.concat())
    }

    fn ascii_text() -> impl Strategy<Value = String> {
        strings_of(
            vec![
                "a", "b", "Z", "Mr", "U", "S", "e", "0", "7", ".", ",", ";", ":", "'", "\"", "_",
                "-", "!", "?", "(", ")", "[", "]", " ", " ", "\t", "\n", "\r", "\r\n", "\x0B",
                "\x0C", "x", "#", "/", "&", "*", "~",
            ],
            40,
        )
    }

    fn mixed_text() -> impl Strategy<Value = String> {
        strings_of(
            vec![
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
            ],
            40,
        )
    }

    fn latin_text() -> impl Strategy<Value = String> {
        strings_of(
            vec![
                "a", "Mr", "U", "S", "0", "7", ".", ",", ";", ":", "'", "\"", "-", "!", "?", "(",
                ")", " ", "\n", "\r\n", "_", "é", "É", "Orbán", "ß", "ł", "Ł", "ĸ", "ŉ", "ÿ", "Ž",
                "·", "×", "÷", "€", "£", "°", "©", "¿", "¡", "•", "§",
            ],
            40,
        )
    }

    fn crate_words(text: &str) -> Vec<usize> {
        text.split_word_bound_indices().map(|(i, _)| i).collect()
    }

    fn crate_sentences(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .map(|(i, _)| i)
            .collect()
    }

    /// Every non-ASCII char with a class, in contexts where each rule that
    /// could see it applies: a wrong class shows as a different boundary.
    #[test]
    fn every_latin_char_is_classed_as_the_crate_would() {
        let contexts = [
            "a{}b",
            "1{}2",
            "{}",
            "a{}",
            "{}a",
            "{}{}",
            ". {}a",
            "a. {}",
            "{}. A",
            "{}. a",
            "x.{}",
            "{}.5",
            "A{}. B",
            "a {} b",
            "a' {}",
            "{}'s",
            "\"{}\" he",
            "{}? no",
        ];
        let mut checked = 0;
        for c in ('\u{80}'..='\u{17F}').chain(['\u{20AC}', '\u{2022}', '\u{2019}', '\u{301}']) {
            for context in contexts {
                let text = context.replace("{}", &c.to_string());
                if let Some(words) = word_starts(&text) {
                    assert_eq!(words, crate_words(&text), "words of {text:?}");
                    checked += 1;
                }
                if let Some(sentences) = sentence_starts(&text) {
                    assert_eq!(sentences, crate_sentences(&text), "sentences of {text:?}");
                }
            }
        }
        // Latin-1 and Latin Extended-A letters and the signs are covered.
        assert!(
            checked >= 200 * contexts.len(),
            "only {checked} texts had a Latin class"
        );
        // Anything else goes to the full implementation.
        for other in [
            "e\u{301}", "\u{2019}", "\u{0627}", "\u{85}", "\u{A0}", "\u{2026}",
        ] {
            assert_eq!(word_starts(other), None, "{other:?}");
            assert_eq!(sentence_starts(other), None, "{other:?}");
        }
    }

    proptest! {
        #[test]
        fn word_starts_equal_the_crate(text in ascii_text()) {
            let expected: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(word_starts(&text), Some(expected), "{:?}", text);
        }

        #[test]
        fn sentence_starts_equal_the_crate(text in ascii_text()) {
            let expected: Vec<usize> = text.split_sentence_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(sentence_starts(&text), Some(expected), "{:?}", text);
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
        fn latin_text_agrees_with_the_crate(text in latin_text()) {
            prop_assert_eq!(word_starts(&text), Some(crate_words(&text)), "{:?}", text);
            prop_assert_eq!(sentence_starts(&text), Some(crate_sentences(&text)), "{:?}", text);
        }

        #[test]
        fn arbitrary_ascii_agrees_too(text in "[\\x00-\\x7F]{0,60}") {
            let words: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).collect();
            let sentences: Vec<usize> = text.split_sentence_bound_indices().map(|(i, _)| i).collect();
            prop_assert_eq!(word_starts(&text), Some(words), "{:?}", text);
            prop_assert_eq!(sentence_starts(&text), Some(sentences), "{:?}", text);
        }
    }
}
