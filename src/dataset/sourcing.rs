//! Which checkable statements of a card no source vouches for.
//!
//! A card's reader-visible text states numbers, dates and quotations, and a
//! reader trusts each one. An editor records, per source, the card's own
//! words that source backs (`supports` in `[[sources]]`); `claimlens check`
//! then names every number and quotation no source backs, so an audit can
//! see at a glance what still rests on nothing. Matching by the card's own
//! words, not by meaning, keeps the rule mechanical and the record honest:
//! a `supports` entry must be a fragment of the card's text.

/// A number (digits, with `,` or `.` between digits) or a quotation (the
/// text inside “…” or "…") of `text`, in order of appearance.
pub fn checkable(text: &str) -> Vec<String> {
    let mut out = numbers(text);
    out.extend(quotations(text));
    out
}

/// The numbers of `text`: "4", "2025", "26,000", "3.5".
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        // A number glued to letters ("F-16", "G7", "Art. 42(7)" stays) is a
        // name, not a figure a source must back.
        let glued = |c: Option<&char>| c.is_some_and(|c| c.is_alphabetic());
        if !glued(start.checked_sub(1).and_then(|s| chars.get(s))) && !glued(chars.get(i)) {
            out.push(chars[start..i].iter().collect());
        }
    }
    out
}

/// The quotations of `text`, without their marks.
fn quotations(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [('“', '”'), ('"', '"')] {
        let mut rest = text;
        while let Some(start) = rest.find(open) {
            let after = &rest[start + open.len_utf8()..];
            let Some(end) = after.find(close) else { break };
            let quoted = after[..end].trim();
            if !quoted.is_empty() {
                out.push(quoted.to_string());
            }
            rest = &after[end + close.len_utf8()..];
        }
    }
    out
}

/// The statements of `card` (its reader-visible texts) that no entry of
/// `supports` backs: a number backs a number when the entry holds the same
/// number, a quotation when the entry holds the quoted words.
pub fn unsupported(card: &[&str], supports: &[&str]) -> Vec<String> {
    let backed_numbers: Vec<String> = supports.iter().flat_map(|s| numbers(s)).collect();
    let mut out: Vec<String> = Vec::new();
    for text in card {
        for number in numbers(text) {
            if !backed_numbers.contains(&number) && !out.contains(&number) {
                out.push(number);
            }
        }
        for quote in quotations(text) {
            let quoted = format!("“{quote}”");
            if !supports.iter().any(|s| s.contains(&quote)) && !out.contains(&quoted) {
                out.push(quoted);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_quotations_are_checkable_names_are_not() {
        let cases: [(&str, &[&str]); 5] = [
            ("On 4 September 2025, 26 countries", &["4", "2025", "26"]),
            ("26,000 troops and 3.5 years.", &["26,000", "3.5"]),
            ("F-16 jets and the G7", &["16"]),
            ("He said “in the coming days”.", &["in the coming days"]),
            ("no figure at all", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(checkable(text), expected, "{text}");
        }
    }

    #[test]
    fn a_statement_is_backed_only_by_a_source_that_holds_it() {
        let card = ["On 6 January 2026 Merz said “nothing is excluded”; 26 countries signed."];
        assert_eq!(
            unsupported(&card, &[]),
            ["6", "2026", "26", "“nothing is excluded”"]
        );
        assert_eq!(
            unsupported(
                &card,
                &["On 6 January 2026 Merz said “nothing is excluded”"]
            ),
            ["26"]
        );
        // "2" inside "2026" backs nothing: numbers compare whole.
        assert_eq!(unsupported(&["2 leaders"], &["in 2026"]), ["2"]);
    }
}
