//! Turning text into comparable tokens that remember where they came from.
//!
//! Pipeline: [`normalize`] (NFKC, quotes, dashes, invisible chars), Unicode
//! word and sentence segmentation (UAX #29, from `unicode-segmentation`),
//! Snowball English stemming (from `rust-stemmers`), then folding of
//! spelled-out numbers and dates. Every token keeps its span in chars of
//! the *original* input.

use super::fnv::FnvMap;
use super::latin;
use super::normalize::normalize;
use super::text::{segments, UnicodeText};
use rust_stemmers::{Algorithm, Stemmer};

/// A half-open range of chars (Unicode scalar values) in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// What a token means for matching. Words are stems (`String`) in
/// patterns; the tokenizer itself numbers them (see [`Words`]), and `find`
/// numbers them by vocabulary id, so a text word's stem is only needed if a
/// pattern may use it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Term<W = String> {
    /// A stemmed word.
    Word(W),
    /// A quantity in thousandths, so 3.5 and "three and a half" are 3500.
    Number(u64),
    /// A day of the month next to a month name: "26 August" is not 26 of anything.
    Day,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<W = String> {
    pub term: Term<W>,
    /// What number folding and dates read of the word; other words need
    /// no text, and keeping none spares an allocation per token.
    pub fold: Fold,
    /// Written in capitals in the input ("US", "EU"), as acronyms are.
    pub acronym: bool,
    pub span: Span,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}

/// How the tokenizer turns a lower-case word into the number in its
/// [`Term::Word`]: a vocabulary id when matching, an index into a list of
/// stems when compiling. One number type keeps one copy of the tokenizer in
/// the widget's wasm.
pub trait Words {
    /// `word` needs stemming.
    fn word(&mut self, word: &str) -> u32;
    /// `stem` is already a stem.
    fn stemmed(&mut self, stem: &str) -> u32;
    /// The term of a hyphenated compound ("peace-keeping") written as one
    /// word ("peacekeeping"), if that word is one the matcher looks for.
    /// Compiling patterns never joins: a pattern says what it means.
    fn compound(&mut self, _first: &str, _second: &str) -> Option<u32> {
        None
    }
}

/// Each word's stem, listed in the order the tokenizer asks.
struct StemList {
    stems: Stems,
    list: Vec<String>,
}

impl Words for StemList {
    fn word(&mut self, word: &str) -> u32 {
        let stem = self.stems.stem(word);
        self.stemmed(&stem)
    }
    fn stemmed(&mut self, stem: &str) -> u32 {
        self.list.push(stem.to_string());
        self.list.len() as u32 - 1
    }
}

/// Abbreviations after which UAX #29 wrongly ends a sentence in news text.
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.",
    "capt.", "sgt.", "u.s.", "u.k.", "u.n.", "e.u.", "e.g.", "i.e.", "vs.", "no.", "jan.", "feb.",
    "aug.", "sept.", "oct.", "nov.", "dec.",
];

/// What [`fold_numbers`] reads of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fold {
    Other,
    /// "zero" to "ninety".
    Unit(u64),
    /// "hundred" to "billion".
    Multiplier(u64),
    /// A month name or abbreviation other than "may".
    Month,
    /// "may": a number after it is not a day, since "may" is mostly the verb.
    May,
    And,
    A,
    Half,
}

impl Fold {
    fn of(word: &str) -> Fold {
        if let Some(n) = small_number(word) {
            Fold::Unit(n)
        } else if let Some(m) = multiplier(word) {
            Fold::Multiplier(m)
        } else if word == "may" {
            Fold::May
        } else if is_month(word) {
            Fold::Month
        } else {
            match word {
                "and" => Fold::And,
                "a" => Fold::A,
                "half" => Fold::Half,
                _ => Fold::Other,
            }
        }
    }

    fn unit(self) -> Option<u64> {
        match self {
            Fold::Unit(n) => Some(n),
            _ => None,
        }
    }

    fn month(self) -> bool {
        matches!(self, Fold::Month | Fold::May)
    }
}

/// Splits `text` into stemmed word and number tokens grouped into sentences.
pub fn tokenize(text: &str, unicode: &dyn UnicodeText) -> Vec<Token> {
    let mut words = StemList {
        stems: Stems::new(),
        list: Vec::new(),
    };
    let tokens = tokenize_with(text, unicode, &mut words);
    tokens
        .into_iter()
        .map(|t| Token {
            term: match t.term {
                Term::Word(index) => Term::Word(words.list[index as usize].clone()),
                Term::Number(n) => Term::Number(n),
                Term::Day => Term::Day,
            },
            fold: t.fold,
            acronym: t.acronym,
            span: t.span,
            sentence: t.sentence,
        })
        .collect()
}

/// [`tokenize`], with `words` turning each word into a term.
pub fn tokenize_with(
    text: &str,
    unicode: &dyn UnicodeText,
    words: &mut dyn Words,
) -> Vec<Token<u32>> {
    let normalized = normalize(text, unicode);
    let norm = &normalized.text;
    // ASCII text (most news) takes the table-free UAX #29 path, and its
    // bytes are its chars.
    let ascii = norm.is_ascii();
    let sentence_starts = sentence_starts(norm, unicode);
    let raw_word_starts = line_by_line(norm, latin::word_starts, |line| unicode.word_starts(line));
    let word_starts = join_word_parts(norm, raw_word_starts);

    let mut tokens: Vec<Token<u32>> = Vec::with_capacity(word_starts.len() / 2);
    let mut buffer = String::new();
    let mut sentence = 0;
    let mut char_index = 0; // in chars of `norm`
    let mut byte_cursor = 0;
    // Where the last word pushed as one token lies in `norm`, for joining
    // hyphenated compounds (rare: its text is only read then).
    let mut last_word: Option<(usize, usize)> = None;
    for (byte, word) in segments(norm, &word_starts) {
        let len = if ascii {
            if !word.bytes().any(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            char_index = byte;
            word.len()
        } else {
            char_index += norm[byte_cursor..byte].chars().count();
            byte_cursor = byte;
            if !word.chars().any(is_word_char) {
                continue;
            }
            word.chars().count()
        };
        let span = Span {
            start: normalized.origin(char_index).0,
            end: normalized.origin(char_index + len - 1).1,
        };
        while sentence_starts
            .get(sentence + 1)
            .is_some_and(|&s| s <= byte)
        {
            sentence += 1;
        }
        let acronym = if ascii {
            word.bytes().filter(u8::is_ascii_alphabetic).count() >= 2
                && !word.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        };
        let lower: &str = if !ascii {
            buffer = unicode.lowercase(word);
            &buffer
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            buffer.clear();
            buffer.extend(word.chars().map(|c| c.to_ascii_lowercase()));
            &buffer
        } else {
            word
        };
        let joined = last_word.and_then(|(start, end)| {
            let hyphenated = end + 1 == byte && norm.as_bytes()[end] == b'-';
            let letters = |w: &str| w.chars().all(char::is_alphabetic);
            let first = &norm[start..end];
            (hyphenated && letters(first) && letters(lower))
                .then(|| words.compound(&unicode.lowercase(first), lower))
                .flatten()
        });
        if let (Some(id), Some(previous)) = (joined, tokens.last_mut()) {
            if previous.sentence == sentence {
                previous.term = Term::Word(id);
                previous.span.end = span.end;
                last_word = None;
                continue;
            }
        }
        let before = tokens.len();
        push_word(&mut tokens, lower, span, sentence, acronym, words);
        last_word = (tokens.len() == before + 1).then_some((byte, byte + word.len()));
    }
    fold_numbers(&mut tokens);
    tokens
}

/// Applies UAX #29's mid-word rules (WB6/7, WB11/12) uniformly: "U.S",
/// "Ukraine's", "26,000" and "3.5" are one word. ICU, behind the browser's
/// `Intl.Segmenter`, splits initialisms such as "U.S" where the Rust crate
/// does not; joining here makes both give the same tokens.
/// A letter or an ASCII digit: what a word is made of. Normalisation (NFKC)
/// has already turned full-width, superscript and other compatibility
/// digits into ASCII ones; other scripts' digits are outside the languages
/// the dataset is written in, and Unicode's numeric table is not worth
/// shipping to every reader for them.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_ascii_digit()
}

fn join_word_parts(norm: &str, starts: Vec<usize>) -> Vec<usize> {
    let pieces: Vec<(usize, &str)> = segments(norm, &starts).collect();
    let is_word = |p: Option<&(usize, &str)>| p.is_some_and(|(_, w)| w.chars().all(is_word_char));
    let is_digits = |p: Option<&(usize, &str)>| {
        p.is_some_and(|(_, w)| w.ends_with(|c: char| c.is_ascii_digit()))
    };
    let starts_digit = |p: Option<&(usize, &str)>| {
        p.is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut joined = Vec::with_capacity(starts.len());
    let mut k = 0;
    while k < pieces.len() {
        joined.push(pieces[k].0);
        let mut end = k;
        // Absorb "<sep><word>" pairs while the rule holds.
        while end + 2 < pieces.len() + 1 {
            let (sep, next) = (pieces.get(end + 1), pieces.get(end + 2));
            let joins = match sep.map(|(_, s)| *s) {
                Some(".") | Some("'") => is_word(pieces.get(end)) && is_word(next),
                Some(",") => is_digits(pieces.get(end)) && starts_digit(next),
                _ => false,
            };
            if !joins {
                break;
            }
            end += 2;
        }
        k = end + 1;
    }
    joined
}

/// UAX #29 segment starts of `norm`, one line at a time: a line feed always
/// ends a word and a sentence (WB3a, SB4), so the lines can be segmented
/// apart, and every ASCII or Latin line takes the table-free path even when
/// another line quotes Ukrainian. In the browser that keeps most articles
/// from calling `Intl.Segmenter` at all (its first use costs ~45 ms).
pub(super) fn line_by_line(
    norm: &str,
    latin: fn(&str) -> Option<Vec<usize>>,
    unicode: impl Fn(&str) -> Vec<usize>,
) -> Vec<usize> {
    if let Some(starts) = latin(norm) {
        return starts;
    }
    let mut starts = Vec::new();
    let mut offset = 0;
    for line in norm.split_inclusive('\n') {
        let line_starts = latin(line).unwrap_or_else(|| unicode(line));
        starts.extend(line_starts.into_iter().map(|start| start + offset));
        offset += line.len();
    }
    starts
}

/// Byte offsets in `norm` where sentences start, abbreviations repaired.
fn sentence_starts(norm: &str, unicode: &dyn UnicodeText) -> Vec<usize> {
    let mut starts = vec![0];
    let raw = line_by_line(norm, latin::sentence_starts, |line| {
        unicode.sentence_starts(line)
    });
    for (byte, sentence) in segments(norm, &raw) {
        if byte == 0 {
            continue;
        }
        let previous = &norm[*starts.last().unwrap_or(&0)..byte];
        let last_word = previous
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let abbreviation = if last_word.is_ascii() {
            ABBREVIATIONS
                .iter()
                .any(|a| a.eq_ignore_ascii_case(last_word))
        } else {
            ABBREVIATIONS.contains(&unicode.lowercase(last_word).as_str())
        };
        let paragraph_break = previous.ends_with('\n');
        if !paragraph_break && abbreviation && sentence.starts_with(|c: char| !c.is_whitespace()) {
            continue;
        }
        if !paragraph_break && read_together(previous, sentence) {
            continue;
        }
        starts.push(byte);
    }
    starts
}

/// Words a question may have and still be read with any answer.
const SHORT_QUESTION_WORDS: usize = 6;
/// Words an answer may have and still be read with any question.
const SHORT_ANSWER_WORDS: usize = 8;

/// "NATO troops in Ukraine? Never, says Moscow." and "Who trains Ukraine's
/// soldiers under the plan? Europe's armies.": a question and the sentence
/// that answers it state one claim together, as a reader reads them, so
/// they are one sentence for matching when either is short. A long question
/// followed by a long sentence is usually a new thought.
fn read_together(question: &str, answer: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    question
        .trim_end()
        .trim_end_matches(['"', '\'', ')'])
        .ends_with('?')
        && (words(question) <= SHORT_QUESTION_WORDS || words(answer) <= SHORT_ANSWER_WORDS)
}

/// The terms of a pattern phrase made only of ASCII letters and spaces,
/// with no number words, exactly as [`tokenize`] would produce them, but
/// without normalising and segmenting: most pattern phrases are like this,
/// and compiling a large dataset spends its time here. `None` otherwise.
pub fn simple_phrase(text: &str, stems: &mut Stems) -> Option<Vec<(Term, bool)>> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
        return None;
    }
    text.split(' ')
        .filter(|w| !w.is_empty())
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            if small_number(&lower).is_some() || multiplier(&lower).is_some() {
                return None;
            }
            let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
            Some((Term::Word(stems.stem(&lower)), acronym))
        })
        .collect()
}

fn push_word(
    tokens: &mut Vec<Token<u32>>,
    word: &str,
    span: Span,
    sentence: usize,
    acronym: bool,
    words: &mut dyn Words,
) {
    let token = |term, text: &str| Token {
        term,
        fold: Fold::of(text),
        acronym,
        span,
        sentence,
    };
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(value) = parse_number(word) {
            tokens.push(Token {
                term: Term::Number(value),
                fold: Fold::Other,
                acronym,
                span,
                sentence,
            });
            return;
        }
    }
    // "hasn't" is "has" + "not": negation must stay visible to patterns.
    if let Some(stem) = word.strip_suffix("n't").filter(|s| !s.is_empty()) {
        let base = match stem {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            other => other,
        };
        tokens.push(token(Term::Word(words.word(base)), base));
        tokens.push(token(Term::Word(words.stemmed("not")), "not"));
        return;
    }
    // "u.s" is "us"; Snowball strips the possessive "'s" itself.
    if word.contains('.') {
        let plain = word.replace('.', "");
        tokens.push(token(Term::Word(words.word(&plain)), &plain));
    } else {
        tokens.push(token(Term::Word(words.word(word)), word));
    }
}

/// Stems words, remembering each: articles repeat their words, and stemming
/// is the tokenizer's single largest cost.
pub struct Stems {
    stemmer: Stemmer,
    cache: FnvMap<Box<str>, Box<str>>,
}

impl Stems {
    pub fn new() -> Stems {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            cache: FnvMap::default(),
        }
    }

    pub fn stem(&mut self, word: &str) -> String {
        self.stem_ref(word).to_string()
    }

    /// True if Snowball surely leaves `word` as it is.
    pub fn is_own_stem(word: &str) -> bool {
        // Snowball never changes words of one or two letters.
        word.len() <= 2 || !snowball_may_change(word)
    }

    /// The stem of `word`, borrowed: a repeated word costs no allocation.
    pub fn stem_ref<'a>(&'a mut self, word: &'a str) -> &'a str {
        if Self::is_own_stem(word) {
            return word;
        }
        if !self.cache.contains_key(word) {
            let stem = self.stemmer.stem(word).into_owned();
            self.cache.insert(word.into(), stem.into());
        }
        &self.cache[word]
    }
}

/// Endings that cover every suffix Snowball English rewrites: each of its
/// rules (and exception words) needs one of these at the end of the word,
/// so a word with none of them, and no leading apostrophe (which Snowball
/// drops), is its own stem.
const STEMMED_ENDINGS: &[&str] = &[
    "'", "s", "ed", "ing", "y", "ci", "gi", "li", "iti", "e", "l", "ic", "ism", "ion", "er",
    "ator", "ant", "ent",
];

/// False if Snowball leaves `word` as it is; stemming is the tokenizer's
/// largest cost, and names and many other words need none.
fn snowball_may_change(word: &str) -> bool {
    let ends = |endings: &[&str]| endings.iter().any(|e| word.ends_with(e));
    // By last byte first: this runs for every word of an article.
    word.starts_with('\'')
        || match word.as_bytes().last() {
            Some(b'\'' | b's' | b'y' | b'e' | b'l') => true,
            Some(b'd' | b'g' | b'i' | b'c' | b'm' | b'n' | b'r' | b't') => ends(STEMMED_ENDINGS),
            _ => false,
        }
}

/// "26", "26,000", "3.5" in thousandths; `None` for things like "3d".
fn parse_number(word: &str) -> Option<u64> {
    // Commas are read as if absent.
    let mut digits = word.bytes().filter(|&b| b != b',');
    let mut whole = Some(0u64);
    let mut whole_digits = 0;
    for b in digits.by_ref() {
        if b == b'.' {
            break;
        }
        if !b.is_ascii_digit() {
            return None;
        }
        whole_digits += 1;
        whole = whole.and_then(|w| w.checked_mul(10)?.checked_add(u64::from(b - b'0')));
    }
    if whole_digits == 0 {
        return None;
    }
    let mut thousandths = 0;
    for (i, b) in digits.enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        if i < 3 {
            thousandths += u64::from(b - b'0') * [100, 10, 1][i];
        }
    }
    whole?.checked_mul(1000)?.checked_add(thousandths)
}

fn small_number(word: &str) -> Option<u64> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn multiplier(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

fn is_month(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Folds number phrases into single number tokens — "twenty-six",
/// "twenty six thousand", "3 and a half", "1.5 million" — and marks days of
/// the month ("26 August", "August 26") so they never count as quantities.
fn fold_numbers<W: Clone>(tokens: &mut Vec<Token<W>>) {
    let input = std::mem::take(tokens);
    tokens.reserve(input.len());
    let mut i = 0;
    while i < input.len() {
        match read_number(&input, i) {
            Some((value, next)) => {
                let mut merged = input[i].clone();
                merged.span.end = input[next - 1].span.end;
                // A number phrase is never a month: nothing reads more of it.
                merged.fold = Fold::Other;
                let day = value % 1000 == 0 && (1..=31).contains(&(value / 1000)) && next - i == 1;
                let next_is_month = input
                    .get(next)
                    .is_some_and(|t| t.sentence == merged.sentence && t.fold.month());
                let previous_is_month = tokens.last().is_some_and(|t: &Token<W>| {
                    t.sentence == merged.sentence && t.fold == Fold::Month
                });
                merged.term = if day && (next_is_month || previous_is_month) {
                    Term::Day
                } else {
                    Term::Number(value)
                };
                tokens.push(merged);
                i = next;
            }
            None => {
                tokens.push(input[i].clone());
                i += 1;
            }
        }
    }
}

/// The number starting at `start`, in thousandths, and the index after it.
fn read_number<W>(tokens: &[Token<W>], start: usize) -> Option<(u64, usize)> {
    let sentence = tokens[start].sentence;
    let word_at = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.sentence == sentence)
            .map(|t| t.fold)
    };
    let (mut total, mut current, mut i) = match &tokens[start].term {
        Term::Number(v) => (0u64, *v, start + 1),
        _ => (0, word_at(start)?.unit()? * 1000, start + 1),
    };
    while let Some(word) = word_at(i) {
        if let Some(n) = word.unit().filter(|_| {
            current % 1000 == 0 && (current / 1000) % 10 == 0 && current / 1000 % 100 >= 20
        }) {
            // "twenty six": a unit after a tens word.
            current += n * 1000;
            i += 1;
        } else if let Fold::Multiplier(m) = word {
            current = current.saturating_mul(m);
            if m >= 1000 {
                total = total.saturating_add(current);
                current = 0;
            }
            i += 1;
        } else if word == Fold::And
            && word_at(i + 1) == Some(Fold::A)
            && word_at(i + 2) == Some(Fold::Half)
        {
            current += 500;
            i += 3;
        } else if word == Fold::And
            && word_at(i + 1).and_then(Fold::unit).is_some()
            && total + current >= 100_000
        {
            // "one hundred and five"
            i += 1;
        } else {
            break;
        }
    }
    Some((total.saturating_add(current), i))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::matcher::text::RustUnicode;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Skipping Snowball for words without a rewritten ending loses nothing.
        #[test]
        fn words_without_stemmed_endings_are_their_own_stems(word in "[a-z']{0,4}(|y|e|l|s|d|g|i|n|r|c|t|m|a|o|u|k|'|é)(|[a-z])") {
            let stemmer = Stemmer::create(Algorithm::English);
            if !snowball_may_change(&word) {
                prop_assert_eq!(stemmer.stem(&word), word.as_str());
            }
        }
    }

    proptest! {
        /// The compile-time shortcut gives exactly what the full pipeline gives.
        #[test]
        fn simple_phrase_agrees_with_tokenize(words in prop::collection::vec("[A-Za-z]{1,12}", 1..5)) {
            let phrase = words.join(" ");
            if let Some(fast) = simple_phrase(&phrase, &mut Stems::new()) {
                let full: Vec<(Term, bool)> = tokenize(&phrase, &RustUnicode).into_iter().map(|t| (t.term, t.acronym)).collect();
                prop_assert_eq!(fast, full, "phrase {:?}", phrase);
            }
        }
    }

    #[test]
    fn numbers_dates_and_negations_become_the_right_terms() {
        let terms = |text: &str| -> Vec<Term> {
            tokenize(text, &RustUnicode)
                .into_iter()
                .map(|t| t.term)
                .collect()
        };
        let cases: &[(&str, Vec<Term>)] = &[
            ("twenty-six", vec![Term::Number(26_000)]),
            ("twenty six thousand", vec![Term::Number(26_000_000)]),
            ("26,000", vec![Term::Number(26_000_000)]),
            ("26\u{00A0}000", vec![Term::Number(26_000_000)]),
            ("3½", vec![Term::Number(3_500)]),
            (
                "3\u{00A0}½ years",
                vec![Term::Number(3_500), Term::Word("year".into())],
            ),
            ("three and a half", vec![Term::Number(3_500)]),
            ("1.5 million", vec![Term::Number(1_500_000_000)]),
            ("26 August", vec![Term::Day, Term::Word("august".into())]),
            ("August 26", vec![Term::Word("august".into()), Term::Day]),
            (
                "won't",
                vec![Term::Word("will".into()), Term::Word("not".into())],
            ),
            (
                "hasn’t",
                vec![Term::Word("has".into()), Term::Word("not".into())],
            ),
            ("Ukraine’s", vec![Term::Word("ukrain".into())]),
            (
                "de\u{00AD}ploy\u{200B}ment",
                vec![Term::Word("deploy".into())],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&terms(text), expected, "{text:?}");
        }
    }
}
