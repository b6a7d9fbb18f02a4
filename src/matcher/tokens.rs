//! Turning text into comparable tokens that remember where they came from.
//!
//! Every token keeps its span in chars of the *original* input, so spans the
//! matcher reports can be highlighted without re-deriving anything from the
//! normalised form.

/// A half-open range of chars (Unicode scalar values) in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Number(u64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub term: Term,
    pub span: Span,
    /// Index of the sentence the token belongs to.
    pub sentence: usize,
}

/// Characters that are invisible in print and must not split or join words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Splits `text` into word and number tokens, grouped into sentences.
///
/// Sentence rule: a terminator followed by whitespace and then a character
/// that is not lowercase, or a line break. Abbreviations such as "U.S." are
/// kept whole because no whitespace follows their inner full stops.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut sentence = 0;
    let mut i = 0;
    let mut pending_break = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            if pending_break && !c.is_lowercase() {
                sentence += 1;
            }
            pending_break = false;
            let (token, next) = read_token(&chars, i, sentence);
            tokens.push(token);
            i = next;
            continue;
        }
        if c == '\n' || c == '\u{2029}' {
            if !tokens.is_empty() {
                sentence += 1;
            }
            pending_break = false;
        } else if is_sentence_end(c)
            && chars
                .get(i + 1)
                .is_none_or(|n| n.is_whitespace() || is_closing_quote(*n))
        {
            pending_break = true;
        }
        i += 1;
    }
    combine_number_words(&mut tokens);
    tokens
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | ')')
}

/// Reads one word or number starting at `start`; returns it and the index after it.
fn read_token(chars: &[char], start: usize, sentence: usize) -> (Token, usize) {
    let mut end = start;
    let mut raw = String::new();
    let numeric = chars[start].is_ascii_digit();
    while end < chars.len() {
        let c = chars[end];
        if c.is_alphanumeric() && (!numeric || c.is_ascii_digit()) {
            raw.extend(c.to_lowercase());
        } else if is_invisible(c) {
            // Soft hyphens and zero-width characters sit inside words.
        } else if numeric && c == ',' && digits_follow(chars, end + 1, 3) {
            // Thousands separator: "26,000" is one number.
        } else {
            break;
        }
        end += 1;
    }
    // A trailing invisible character belongs to the gap, not the word.
    while end > start + 1 && is_invisible(chars[end - 1]) {
        end -= 1;
    }
    let term = if numeric {
        raw.parse().map(Term::Number).unwrap_or(Term::Word(raw))
    } else {
        Term::Word(raw)
    };
    (
        Token {
            term,
            span: Span { start, end },
            sentence,
        },
        end,
    )
}

fn digits_follow(chars: &[char], from: usize, count: usize) -> bool {
    chars.len() >= from + count
        && chars[from..from + count].iter().all(|c| c.is_ascii_digit())
        && chars.get(from + count).is_none_or(|c| !c.is_ascii_digit())
}

fn number_word(word: &str) -> Option<(u64, bool)> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = UNITS.iter().position(|u| *u == word) {
        return Some((n as u64, false));
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|n| ((n as u64 + 2) * 10, true))
}

/// Folds spelled-out numbers below one hundred ("twenty-six", "twenty six")
/// into number tokens, so "26" and "twenty-six" compare equal.
fn combine_number_words(tokens: &mut Vec<Token>) {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut iter = std::mem::take(tokens).into_iter().peekable();
    while let Some(token) = iter.next() {
        let Term::Word(word) = &token.term else {
            out.push(token);
            continue;
        };
        let Some((value, is_tens)) = number_word(word) else {
            out.push(token);
            continue;
        };
        let mut merged = Token {
            term: Term::Number(value),
            ..token
        };
        if is_tens {
            let unit = iter.peek().and_then(|next| match &next.term {
                Term::Word(w)
                    if next.sentence == merged.sentence
                        && next.span.start <= merged.span.end + 1 =>
                {
                    number_word(w).filter(|(v, tens)| !tens && (1..10).contains(v))
                }
                _ => None,
            });
            if let Some((unit, _)) = unit {
                let next = iter.next().expect("peeked");
                merged.term = Term::Number(value + unit);
                merged.span.end = next.span.end;
            }
        }
        out.push(merged);
    }
    *tokens = out;
}
