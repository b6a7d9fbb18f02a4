//! Writing a claim back as its source file (`claimlens import`), through
//! `toml_edit`, so quoting and escaping are the TOML library's, not ours.

use super::super::{Claim, Evidence};
use toml_edit::{value, Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// Writes `claim` as a source file that [`SourceFiles::parse`] reads back to
/// the same claim. Used by `claimlens import`.
///
/// [`SourceFiles::parse`]: super::SourceFiles::parse
pub fn to_toml(claim: &Claim) -> String {
    let mut doc = DocumentMut::new();
    doc["id"] = value(&claim.id);
    doc["claim_reviewed"] = value(&claim.claim_reviewed);
    doc["rating"] = value(claim.rating.slug());
    if let Some(label) = &claim.rating_label {
        doc["rating_label"] = value(label);
    }
    doc["summary"] = value(&claim.summary);
    doc["context"] = value(&claim.context);
    doc["as_of"] = value(claim.as_of.to_string());
    doc["reviewed"] = value(claim.reviewed.to_string());
    doc["modified"] = value(claim.modified.to_string());
    doc["language"] = value(&claim.language);
    doc["examples"] = value(strings(&claim.examples));
    if !claim.counterexamples.is_empty() {
        doc["counterexamples"] = value(strings(&claim.counterexamples));
    }
    let tables = |rows: Vec<Table>| {
        let mut list = ArrayOfTables::new();
        for mut row in rows {
            row.decor_mut().set_prefix("\n");
            list.push(row);
        }
        Item::ArrayOfTables(list)
    };
    if !claim.appearances.is_empty() {
        doc["appearance"] = tables(
            claim
                .appearances
                .iter()
                .map(|a| {
                    let mut t = Table::new();
                    t["title"] = value(&a.title);
                    t["url"] = value(&a.url);
                    if let Some(date) = a.date {
                        t["date"] = value(date.to_string());
                    }
                    t
                })
                .collect(),
        );
    }
    doc["sources"] = tables(
        claim
            .sources
            .iter()
            .map(|s| {
                let mut t = Table::new();
                t["title"] = value(&s.title);
                t["publisher"] = value(&s.publisher);
                if let Some(date) = s.date {
                    t["date"] = value(date.to_string());
                }
                t["url"] = value(&s.url);
                t
            })
            .collect(),
    );
    if !claim.timeline.is_empty() {
        doc["timeline"] = tables(
            claim
                .timeline
                .iter()
                .map(|p| {
                    let mut t = Table::new();
                    t["from"] = value(p.from.to_string());
                    if let Some(until) = p.until {
                        t["until"] = value(until.to_string());
                    }
                    t["rating"] = value(p.rating.slug());
                    t["note"] = value(&p.note);
                    t
                })
                .collect(),
        );
    }
    let pattern = &claim.pattern;
    let mut table = Table::new();
    table.decor_mut().set_prefix("\n");
    table["core"] = value(roles(&pattern.core));
    if !pattern.support.is_empty() {
        table["support"] = value(roles(&pattern.support));
    }
    if !pattern.against.is_empty() {
        table["against"] = value(roles(&pattern.against));
    }
    if !pattern.none_of.is_empty() {
        table["none_of"] = value(strings(&pattern.none_of));
    }
    if !pattern.numbers.is_empty() {
        table["numbers"] = value(
            pattern
                .numbers
                .iter()
                .map(|&n| number(n))
                .collect::<Array>(),
        );
    }
    if !pattern.counts.is_empty() {
        let counts: Array = pattern
            .counts
            .iter()
            .map(|c| {
                let mut count = InlineTable::new();
                count.insert("number", number(c.number));
                count.insert("of", evidence(&c.of));
                Value::InlineTable(count)
            })
            .collect();
        table["counts"] = value(counts);
    }
    doc["match"] = Item::Table(table);
    doc.to_string()
}

fn strings(items: &[String]) -> Array {
    items.iter().map(String::as_str).collect()
}

/// A concept by its id, or a claim's own words as a list.
fn evidence(e: &Evidence) -> Value {
    match &e.concept {
        Some(id) => Value::from(id.as_str()),
        None => Value::Array(strings(&e.words)),
    }
}

fn roles(items: &[Evidence]) -> Array {
    items.iter().map(evidence).collect()
}

/// Thousandths as the number an editor wrote: 26000 is `26`, 3500 `3.5`.
fn number(n: u64) -> Value {
    match n % 1000 {
        0 => Value::from((n / 1000) as i64),
        _ => Value::from(n as f64 / 1000.0),
    }
}
