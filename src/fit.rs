//! Fitting the scoring model: `claimlens fit`.
//!
//! Every candidate the matcher raises on labelled text becomes a sample:
//! its features, and whether the text mentions that claim. The labelled
//! text is the claims' own examples (a candidate for the claim is a
//! mention) and counterexamples (it is not), and the dev half of the
//! real-reporting evaluation set with its off-topic sentences (every
//! candidate is labelled). A logistic model shared by all claims is fitted
//! to them by Newton's method with a small L2 penalty, in a fixed order and
//! in f64, so the same data always gives the same model. The threshold is
//! then the lowest score at which the dev half's candidates keep
//! [`TARGET_PRECISION`], never below [`MIN_THRESHOLD`].

use crate::dataset::{Dataset, ScoreModel, FEATURES};
use crate::evalset::{Sentence, Split};
use crate::matcher::resolve_overlaps;
use crate::matcher::score::{probability, FEATURE_COUNT};
use crate::{Match, Matcher, Span};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The precision the threshold is chosen for, on the dev half.
pub const TARGET_PRECISION: f64 = 0.97;
/// A floor, so a small dev half cannot talk the model into matching on a
/// coin toss.
pub const MIN_THRESHOLD: f64 = 0.5;
/// The L2 penalty on the weights (not the bias).
const L2: f64 = 1.0;
const ITERATIONS: usize = 30;

/// One candidate with its label.
#[derive(Clone, Debug)]
pub struct Sample {
    pub features: [f32; FEATURE_COUNT],
    pub mention: bool,
    /// For a candidate from the dev half of the evaluation set (the
    /// threshold is chosen on these): its sentence, claim and span, so
    /// overlapping candidates can be resolved as `find` resolves them.
    pub dev: Option<(u32, u32, Span)>,
}

/// The samples of `dataset`'s examples and the dev half of `eval`.
pub fn samples(dataset: &Dataset, eval: &[Sentence]) -> Vec<Sample> {
    let matcher = Matcher::new(dataset.clone());
    let mut out = Vec::new();
    for (index, claim) in dataset.claims.iter().enumerate() {
        for (texts, mention) in [(&claim.examples, true), (&claim.counterexamples, false)] {
            for text in texts {
                for c in matcher.candidates(text) {
                    if c.claim_index == index {
                        out.push(Sample {
                            features: c.features.0,
                            mention,
                            dev: None,
                        });
                    }
                }
            }
        }
    }
    for (n, sentence) in eval.iter().filter(|s| s.split == Split::Dev).enumerate() {
        for c in matcher.candidates(&sentence.text) {
            let id = &dataset.claims[c.claim_index].id;
            out.push(Sample {
                features: c.features.0,
                mention: sentence.mentions.contains(id),
                dev: Some((n as u32, c.claim_index as u32, c.span)),
            });
        }
    }
    out
}

/// A hash of the samples: what the model in `model.toml` was fitted on.
pub fn fingerprint(samples: &[Sample]) -> String {
    let mut hasher = Sha256::new();
    for s in samples {
        for f in s.features {
            hasher.update(f.to_bits().to_le_bytes());
        }
        hasher.update([u8::from(s.mention), u8::from(s.dev.is_some())]);
    }
    hasher.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Fits the model; `None` if there is nothing to fit on.
pub fn fit(samples: &[Sample]) -> Option<ScoreModel> {
    if !samples.iter().any(|s| s.mention) || samples.iter().all(|s| s.mention) {
        return None;
    }
    const N: usize = FEATURE_COUNT + 1;
    let row = |s: &Sample| {
        let mut x = [1.0f64; N];
        for (k, f) in s.features.iter().enumerate() {
            x[k + 1] = f64::from(*f);
        }
        x
    };
    let mut w = [0.0f64; N];
    for _ in 0..ITERATIONS {
        let mut gradient = [0.0f64; N];
        let mut hessian = [[0.0f64; N]; N];
        for s in samples {
            let x = row(s);
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if s.mention { 1.0 } else { 0.0 };
            for i in 0..N {
                gradient[i] += (p - y) * x[i];
                for j in 0..N {
                    hessian[i][j] += p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..N {
            gradient[i] += L2 * w[i];
            hessian[i][i] += L2;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, gradient)?;
        for i in 0..N {
            w[i] -= step[i];
        }
    }
    let mut model = ScoreModel {
        bias: w[0] as f32,
        weights: w[1..].iter().map(|&x| x as f32).collect(),
        threshold: MIN_THRESHOLD as f32,
        companion: 1.0,
    };
    let sentences = dev_candidates(&model, samples);
    model.threshold = threshold(&sentences) as f32;
    model.companion = companion(&sentences, model.threshold) as f32;
    Some(model)
}

/// A dev sentence's candidates as `find` sees them, with whether each is a
/// mention.
type DevSentence = Vec<(Match, bool)>;

/// The dev half's candidates, scored by `model`, per sentence.
fn dev_candidates(model: &ScoreModel, samples: &[Sample]) -> Vec<DevSentence> {
    let mut sentences: BTreeMap<u32, DevSentence> = BTreeMap::new();
    for s in samples {
        let Some((sentence, claim, span)) = s.dev else {
            continue;
        };
        let features = crate::matcher::score::Features(s.features);
        let card = Match {
            claim_index: claim as usize,
            span,
            score: probability(model, &features),
            explanation: Vec::new(),
        };
        sentences
            .entry(sentence)
            .or_default()
            .push((card, s.mention));
    }
    sentences.into_values().collect()
}

/// The cards `find` raises in each sentence at `threshold` and `companion`,
/// each with whether it is a mention.
fn cards(sentences: &[DevSentence], threshold: f64, companion: f32) -> Vec<Vec<(Match, bool)>> {
    sentences
        .iter()
        .map(|candidates| {
            let above: Vec<Match> = candidates
                .iter()
                .filter(|(c, _)| f64::from(c.score) >= threshold)
                .map(|(c, _)| c.clone())
                .collect();
            resolve_overlaps(above, companion)
                .into_iter()
                .map(|card| {
                    let right = candidates.iter().any(|(c, m)| *m && *c == card);
                    (card, right)
                })
                .collect()
        })
        .collect()
}

/// What `model` does on the dev half's candidates: right and wrong cards
/// as `find` raises them (with companions). Printed by `claimlens fit`, so
/// an editor sees what a lexicon change did without another build.
pub fn dev_cards(model: &ScoreModel, samples: &[Sample]) -> (usize, usize) {
    let sentences = dev_candidates(model, samples);
    cards(&sentences, f64::from(model.threshold), model.companion)
        .iter()
        .flatten()
        .fold(
            (0, 0),
            |(r, w), (_, ok)| if *ok { (r + 1, w) } else { (r, w + 1) },
        )
}

/// The candidate scores at or above `floor`, ascending: the levels a
/// threshold can sit at.
fn levels(sentences: &[DevSentence], floor: f64) -> Vec<f64> {
    let mut levels: Vec<f64> = sentences
        .iter()
        .flatten()
        .map(|(c, _)| f64::from(c.score))
        .filter(|&p| p >= floor)
        .collect();
    levels.sort_by(f64::total_cmp);
    levels.dedup();
    levels
}

/// The lowest score at which the dev half's cards, resolved by `find`'s own
/// `resolve_overlaps` without companions, keep the target precision; never
/// below the floor.
fn threshold(sentences: &[DevSentence]) -> f64 {
    levels(sentences, MIN_THRESHOLD)
        .into_iter()
        .find(|&t| {
            let (right, all) = cards(sentences, t, 1.0)
                .iter()
                .flatten()
                .fold((0, 0), |(r, a), (_, ok)| (r + usize::from(*ok), a + 1));
            all > 0 && right as f64 / all as f64 >= TARGET_PRECISION
        })
        .unwrap_or(1.0 - 1e-6)
        .clamp(MIN_THRESHOLD, 1.0 - 1e-6)
}

/// The fewest companion cards on dev worth turning companions on for.
const MIN_COMPANIONS: usize = 5;

/// The lowest score at which the companions `resolve_overlaps` adds on the
/// dev half (cards beyond one per mention) keep the target precision on
/// their own, or 1 (off) when none does with at least [`MIN_COMPANIONS`].
fn companion(sentences: &[DevSentence], threshold: f32) -> f64 {
    let single = cards(sentences, f64::from(threshold), 1.0);
    levels(sentences, f64::from(threshold))
        .into_iter()
        .find(|&c| {
            let with = cards(sentences, f64::from(threshold), c as f32);
            let (mut right, mut all) = (0, 0);
            for (one, both) in single.iter().zip(&with) {
                for (card, ok) in both {
                    if !one.iter().any(|(k, _)| k == card) {
                        all += 1;
                        right += usize::from(*ok);
                    }
                }
            }
            all >= MIN_COMPANIONS && right as f64 / all as f64 >= TARGET_PRECISION
        })
        .unwrap_or(1.0)
}

/// Gaussian elimination with partial pivoting.
fn solve<const N: usize>(mut a: [[f64; N]; N], mut b: [f64; N]) -> Option<[f64; N]> {
    for col in 0..N {
        let pivot = (col..N).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for r in col + 1..N {
            let f = a[r][col] / a[col][col];
            let pivot_row = a[col];
            for (x, p) in a[r].iter_mut().zip(pivot_row).skip(col) {
                *x -= f * p;
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0f64; N];
    for r in (0..N).rev() {
        let s: f64 = (r + 1..N).map(|c| a[r][c] * x[c]).sum();
        x[r] = (b[r] - s) / a[r][r];
    }
    Some(x)
}

/// One line per feature, for the model file's header and the CLI.
pub fn describe(model: &ScoreModel) -> String {
    let mut out = format!("bias {:.3}, threshold {:.3}\n", model.bias, model.threshold);
    for (name, w) in FEATURES.iter().zip(&model.weights) {
        out.push_str(&format!("{name}: {w:.3}\n"));
    }
    out
}
