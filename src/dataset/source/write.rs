//! Writing a claim back as its source file (`claimlens import`).

use super::super::{Claim, Evidence};

/// Writes `claim` as a source file that [`SourceFiles::parse`] reads back to
/// the same claim. Used by `claimlens import`.
pub fn to_toml(claim: &Claim) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let key = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(out, "{name} = {}", toml_string(value));
    };
    key(&mut out, "id", &claim.id);
    key(&mut out, "claim_reviewed", &claim.claim_reviewed);
    key(&mut out, "rating", claim.rating.slug());
    if let Some(label) = &claim.rating_label {
        key(&mut out, "rating_label", label);
    }
    key(&mut out, "summary", &claim.summary);
    key(&mut out, "context", &claim.context);
    key(&mut out, "as_of", &claim.as_of.to_string());
    key(&mut out, "reviewed", &claim.reviewed.to_string());
    key(&mut out, "modified", &claim.modified.to_string());
    key(&mut out, "language", &claim.language);
    let list = |items: &[String]| -> String {
        let parts: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
        format!("[{}]", parts.join(", "))
    };
    let _ = writeln!(out, "examples = {}", list(&claim.examples));
    if !claim.counterexamples.is_empty() {
        let _ = writeln!(out, "counterexamples = {}", list(&claim.counterexamples));
    }
    for a in &claim.appearances {
        out.push_str("\n[[appearance]]\n");
        key(&mut out, "title", &a.title);
        key(&mut out, "url", &a.url);
        if let Some(date) = a.date {
            key(&mut out, "date", &date.to_string());
        }
    }
    for s in &claim.sources {
        out.push_str("\n[[sources]]\n");
        key(&mut out, "title", &s.title);
        key(&mut out, "publisher", &s.publisher);
        if let Some(date) = s.date {
            key(&mut out, "date", &date.to_string());
        }
        key(&mut out, "url", &s.url);
    }
    for p in &claim.timeline {
        out.push_str("\n[[timeline]]\n");
        key(&mut out, "from", &p.from.to_string());
        if let Some(until) = p.until {
            key(&mut out, "until", &until.to_string());
        }
        key(&mut out, "rating", p.rating.slug());
        key(&mut out, "note", &p.note);
    }
    out.push_str("\n[match]\n");
    let evidence = |e: &Evidence| match &e.concept {
        Some(id) => toml_string(id),
        None => list(&e.words),
    };
    let roles = |items: &[Evidence]| -> String {
        let parts: Vec<String> = items.iter().map(evidence).collect();
        format!("[{}]", parts.join(", "))
    };
    let pattern = &claim.pattern;
    let _ = writeln!(out, "core = {}", roles(&pattern.core));
    if !pattern.support.is_empty() {
        let _ = writeln!(out, "support = {}", roles(&pattern.support));
    }
    if !pattern.against.is_empty() {
        let _ = writeln!(out, "against = {}", roles(&pattern.against));
    }
    if !pattern.none_of.is_empty() {
        let _ = writeln!(out, "none_of = {}", list(&pattern.none_of));
    }
    if !pattern.numbers.is_empty() {
        let numbers: Vec<String> = pattern
            .numbers
            .iter()
            .map(|&n| milli_to_string(n))
            .collect();
        let _ = writeln!(out, "numbers = [{}]", numbers.join(", "));
    }
    if !pattern.counts.is_empty() {
        let counts: Vec<String> = pattern
            .counts
            .iter()
            .map(|c| {
                format!(
                    "{{ number = {}, of = {} }}",
                    milli_to_string(c.number),
                    evidence(&c.of)
                )
            })
            .collect();
        let _ = writeln!(out, "counts = [{}]", counts.join(", "));
    }
    out
}

/// Thousandths as the TOML number an editor wrote: 26000 is `26`, 3500 `3.5`.
fn milli_to_string(n: u64) -> String {
    match n % 1000 {
        0 => (n / 1000).to_string(),
        fraction => format!(
            "{}.{}",
            n / 1000,
            format!("{fraction:03}").trim_end_matches('0')
        ),
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
