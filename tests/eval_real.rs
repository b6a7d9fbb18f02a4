//! The matcher on real reporting: the real-reporting evaluation set in
//! `tests/eval/real/` (see its README), scored per split, per part and per
//! claim. The test half is for aggregate numbers only: this test prints no
//! test-half sentence, and its floors are the measured level, so a change
//! that loses real mentions fails. `CLAIMLENS_EVAL_MISSES=1` prints the dev
//! half's misses and wrong cards for study.
//!
//! Needs `../shared/corpus` (or `$CLAIMLENS_SHARED`): under CI a missing
//! corpus fails the test; elsewhere it is skipped with the reason.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::evalset::{self, Part, Sentence, Split};
use claimlens::{Dataset, Matcher};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Issue 12's bars for the test half (printed as met or not).
const BAR_PRECISION: f64 = 0.95;
const BAR_RECALL: f64 = 0.85;
const BAR_CLAIM_RECALL: f64 = 0.60;
/// What this test enforces: the level measured when the set was made, a
/// little below, so that real mentions cannot be lost unnoticed. Raise it
/// as the matcher improves; the bars above are the goal.
/// Raised after test-half run 9 (BENCHMARKS.md), which measured
/// precision 0.925, recall 0.676.
const FLOOR_PRECISION: f64 = 0.90;
const FLOOR_RECALL: f64 = 0.64;

#[path = "support/shared.rs"]
mod support;

/// The shared folder, if its corpus is there (see `support`).
fn shared() -> Option<PathBuf> {
    support::require_in_shared("corpus/open-news", "the shared corpus").map(|_| support::dir())
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn add(&mut self, o: Tally) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Per claim, the tally of one sentence.
fn score(matcher: &Matcher, s: &Sentence) -> BTreeMap<String, Tally> {
    let mut found: Vec<String> = matcher
        .find(&s.text)
        .iter()
        .map(|m| matcher.claim(m).id.clone())
        .collect();
    found.sort();
    found.dedup();
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    for id in &found {
        let t = out.entry(id.clone()).or_default();
        if s.mentions.contains(id) {
            t.tp += 1;
        } else {
            t.fp += 1;
        }
    }
    for id in s.mentions.iter().filter(|id| !found.contains(id)) {
        out.entry(id.clone()).or_default().fn_ += 1;
    }
    out
}

#[test]
fn precision_and_recall_on_real_reporting() {
    let Some(shared) = shared() else { return };
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let sentences = evalset::load(&project, &shared).unwrap_or_else(|e| panic!("{e}"));
    let matcher = Matcher::new(Dataset::bundled());
    let ids: Vec<&str> = matcher
        .dataset()
        .claims
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for s in &sentences {
        for id in s.mentions.iter().chain(&s.close_to) {
            assert!(
                ids.contains(&id.as_str()),
                "{}: unknown claim `{id}`",
                s.document
            );
        }
    }
    let misses = std::env::var_os("CLAIMLENS_EVAL_MISSES").is_some();
    // While tuning, the test half stays unseen: only dev is scored and shown.
    let dev_only = std::env::var_os("CLAIMLENS_EVAL_DEV_ONLY").is_some();
    let sentences: Vec<Sentence> = sentences
        .into_iter()
        .filter(|s| !dev_only || s.split == Split::Dev)
        .collect();
    let mut per: BTreeMap<(Split, String), Tally> = BTreeMap::new();
    let mut parts: BTreeMap<(Split, Part), Tally> = BTreeMap::new();
    let mut counts: BTreeMap<(Split, Part), (usize, usize)> = BTreeMap::new();
    for s in &sentences {
        let c = counts.entry((s.split, s.part)).or_default();
        c.0 += 1;
        c.1 += s.mentions.len();
        for (id, t) in score(&matcher, s) {
            if misses && s.split == Split::Dev && (t.fp > 0 || t.fn_ > 0) {
                let what = if t.fp > 0 { "WRONG CARD" } else { "MISSED" };
                println!("  {what} {id} [{}]: {}", s.part.name(), s.text);
            }
            per.entry((s.split, id)).or_default().add(t);
            parts.entry((s.split, s.part)).or_default().add(t);
        }
    }
    let mut totals: BTreeMap<Split, Tally> = BTreeMap::new();
    for ((split, _), t) in &parts {
        totals.entry(*split).or_default().add(*t);
    }
    println!("\nReal-reporting evaluation set (tests/eval/real):");
    for ((split, part), (n, m)) in &counts {
        let t = parts.get(&(*split, *part)).copied().unwrap_or_default();
        println!(
            "  {split:?} {:<11} {n:>4} sentences, {m:>4} mentions: TP {:>4} FP {:>3} FN {:>4}  P {:.3} R {:.3}",
            part.name(),
            t.tp,
            t.fp,
            t.fn_,
            t.precision(),
            t.recall()
        );
    }
    println!(
        "\n  {:<56} {:>14} {:>14}",
        "claim", "dev P / R", "test P / R"
    );
    for id in &ids {
        let dev = per
            .get(&(Split::Dev, id.to_string()))
            .copied()
            .unwrap_or_default();
        let test = per
            .get(&(Split::Test, id.to_string()))
            .copied()
            .unwrap_or_default();
        println!(
            "  {id:<56} {:.2} / {:.2} ({:>2}) {:.2} / {:.2} ({:>2})",
            dev.precision(),
            dev.recall(),
            dev.tp + dev.fn_,
            test.precision(),
            test.recall(),
            test.tp + test.fn_
        );
    }
    let test = totals.get(&Split::Test).copied().unwrap_or_default();
    let dev = totals.get(&Split::Dev).copied().unwrap_or_default();
    let weak: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| {
            let t = per
                .get(&(Split::Test, id.to_string()))
                .copied()
                .unwrap_or_default();
            t.tp + t.fn_ >= 10 && t.recall() < BAR_CLAIM_RECALL
        })
        .collect();
    println!(
        "\n  dev:  TP {} FP {} FN {}  precision {:.3} recall {:.3}",
        dev.tp,
        dev.fp,
        dev.fn_,
        dev.precision(),
        dev.recall()
    );
    // The dev half alone says nothing about the test half or the bars, and
    // holds fewer mentions than the whole set's floor.
    if dev_only {
        return;
    }
    println!(
        "  test: TP {} FP {} FN {}  precision {:.3} recall {:.3}",
        test.tp,
        test.fp,
        test.fn_,
        test.precision(),
        test.recall()
    );
    let met = test.precision() >= BAR_PRECISION && test.recall() >= BAR_RECALL && weak.is_empty();
    println!(
        "  issue 12's bars (test P >= {BAR_PRECISION}, R >= {BAR_RECALL}, every claim with 10+ test mentions R >= {BAR_CLAIM_RECALL}): {}; claims below: {weak:?}",
        if met { "met" } else { "NOT met" }
    );
    assert!(
        counts.values().map(|c| c.1).sum::<usize>() >= 500,
        "the evaluation set lost its mentions"
    );
    assert!(
        test.precision() >= FLOOR_PRECISION && test.recall() >= FLOOR_RECALL,
        "test half below the floor: precision {:.3} (floor {FLOOR_PRECISION}), recall {:.3} (floor {FLOOR_RECALL})",
        test.precision(),
        test.recall()
    );
}

#[test]
fn no_card_on_off_topic_pages() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("corpus/readability");
    let matcher = Matcher::new(Dataset::bundled());
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    assert!(pages.len() >= 100, "only {} Readability pages", pages.len());
    let mut cards = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page.join("source.html")).unwrap_or_default();
        let text = claimlens::html::article_text(&html);
        for m in matcher.find(&text) {
            let span: String = text
                .chars()
                .skip(m.span.start)
                .take(m.span.end - m.span.start)
                .collect();
            cards.push(format!(
                "{}: {} — {span}",
                page.display(),
                matcher.claim(&m).id
            ));
        }
    }
    println!("{} Readability pages, {} cards", pages.len(), cards.len());
    assert!(
        cards.is_empty(),
        "cards on off-topic pages:\n{}",
        cards.join("\n")
    );
}

/// The shipped model is what `claimlens fit` gives on the shipped data: no
/// weight was set by hand, and none is stale after a change to the lexicon,
/// the claims or the dev half.
#[test]
fn the_shipped_model_is_what_fitting_gives() {
    let Some(shared) = shared() else { return };
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dataset = claimlens::dataset::source::SourceFiles::read(&project.join("dataset"))
        .unwrap()
        .parse()
        .unwrap_or_else(|e| panic!("{e}"));
    let sentences = evalset::load(&project, &shared).unwrap_or_else(|e| panic!("{e}"));
    let samples = claimlens::fit::samples(&dataset, &sentences);
    let fitted = claimlens::fit::fit(&samples).expect("there is data to fit");
    let shipped = &Dataset::bundled().model;
    let close = |a: f32, b: f32| (a - b).abs() <= 1e-4 * a.abs().max(1.0);
    assert!(
        close(fitted.bias, shipped.bias)
            && close(fitted.threshold, shipped.threshold)
            && close(fitted.companion, shipped.companion)
            && fitted.weights.iter().zip(&shipped.weights).all(|(a, b)| close(*a, *b)),
        "dataset/model.toml is stale: fitting now gives {fitted:?}, the build ships {shipped:?}; run scripts/fit and commit it"
    );
}
