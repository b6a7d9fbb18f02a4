//! The matcher's measured quality on the synthetic evaluation set in
//! `tests/eval/*.toml`, kept as a regression set since the real-reporting
//! set (`eval_real.rs`) took its place: precision and recall per claim and
//! overall, and how often the highlighted span is exactly the labelled one.
//! Fails below the floor measured when the matcher was rebuilt over the
//! concept lexicon; prints whether issue 12's bar is met.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::{Dataset, Matcher};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Issue 12's bar for this regression set.
const TARGET_PRECISION: f64 = 0.97;
const TARGET_RECALL: f64 = 0.90;
/// Below this, the test fails: measured 0.959 / 0.898 with dataset
/// 2026.12.0, a little margin below. Raise it as the matcher improves.
const FLOOR_PRECISION: f64 = 0.95;
const FLOOR_RECALL: f64 = 0.88;

#[derive(Deserialize)]
struct EvalFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    expect: Vec<Expected>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
struct Expected {
    claim: String,
    span: String,
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    exact_spans: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }
    fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Char range of the first occurrence of `needle` in `text`.
fn char_range(text: &str, needle: &str) -> Option<(usize, usize)> {
    let byte = text.find(needle)?;
    let start = text[..byte].chars().count();
    Some((start, start + needle.chars().count()))
}

fn load_cases() -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: EvalFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        cases.extend(file.case.into_iter().map(|c| (name.clone(), c)));
    }
    cases
}

#[test]
fn precision_and_recall_on_the_evaluation_set() {
    let matcher = Matcher::new(Dataset::bundled());
    let cases = load_cases();
    assert!(
        cases.len() >= 100,
        "the evaluation set is missing or too small"
    );
    let mut per_claim: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for (file, case) in &cases {
        let mut expected: Vec<(&str, (usize, usize), bool)> = case
            .expect
            .iter()
            .map(|e| {
                let range = char_range(&case.text, &e.span)
                    .unwrap_or_else(|| panic!("{file}: span {:?} is not in its text", e.span));
                (e.claim.as_str(), range, false)
            })
            .collect();
        let chars: Vec<char> = case.text.chars().collect();
        for found in matcher.find(&case.text) {
            let id = matcher.claim(&found).id.clone();
            let (s, e) = (found.span.start, found.span.end);
            let hit = expected
                .iter_mut()
                .find(|(claim, (es, ee), used)| !*used && *claim == id && s < *ee && *es < e);
            let tally = per_claim.entry(id.clone()).or_default();
            match hit {
                Some(entry) => {
                    entry.2 = true;
                    tally.true_positives += 1;
                    if (s, e) == entry.1 {
                        tally.exact_spans += 1;
                    }
                }
                None => {
                    tally.false_positives += 1;
                    let span: String = chars[s..e].iter().collect();
                    failures.push(format!("FP {id} on {span:?} [{file}: {}]", case.note));
                }
            }
        }
        for (claim, (s, e), used) in expected {
            if !used {
                per_claim
                    .entry(claim.to_string())
                    .or_default()
                    .false_negatives += 1;
                let span: String = chars[s..e].iter().collect();
                failures.push(format!("FN {claim} on {span:?} [{file}: {}]", case.note));
            }
        }
    }

    let mut total = Tally::default();
    println!(
        "\n{:<52} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
        "claim", "TP", "FP", "FN", "precision", "recall", "exact"
    );
    for (claim, t) in &per_claim {
        println!(
            "{claim:<52} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6}",
            t.true_positives,
            t.false_positives,
            t.false_negatives,
            t.precision(),
            t.recall(),
            t.exact_spans
        );
        total.true_positives += t.true_positives;
        total.false_positives += t.false_positives;
        total.false_negatives += t.false_negatives;
        total.exact_spans += t.exact_spans;
    }
    println!(
        "{:<52} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6}",
        "OVERALL",
        total.true_positives,
        total.false_positives,
        total.false_negatives,
        total.precision(),
        total.recall(),
        total.exact_spans
    );
    println!(
        "{} cases; exact spans {:.1}% of true positives",
        cases.len(),
        100.0 * ratio(total.exact_spans, total.true_positives)
    );
    for failure in &failures {
        println!("  {failure}");
    }
    let met = total.precision() >= TARGET_PRECISION && total.recall() >= TARGET_RECALL;
    println!(
        "issue 12's bar for this set, precision {TARGET_PRECISION} / recall {TARGET_RECALL}: {}",
        if met { "met" } else { "NOT met" }
    );
    assert!(
        total.precision() >= FLOOR_PRECISION && total.recall() >= FLOOR_RECALL,
        "below the floor: precision {:.3} (floor {FLOOR_PRECISION}), recall {:.3} (floor {FLOOR_RECALL})",
        total.precision(),
        total.recall()
    );
}
