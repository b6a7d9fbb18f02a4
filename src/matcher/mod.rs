//! Finding dataset claims in article text.
//!
//! # Algorithm
//!
//! 1. The text is split into tokens (lower-cased words and numbers, with
//!    spelled-out numbers folded to digits) grouped into sentences; each token
//!    remembers its char span in the input.
//! 2. A claim's [`MatchPattern`](crate::dataset::MatchPattern) lists groups
//!    of alternative terms and the numbers it requires. A sentence is a
//!    candidate only if **every** group and **every** number occurs in it;
//!    numbers compare by value, so 25 or 26,000 never stand in for 26.
//! 3. Within a candidate sentence the span is the smallest window of tokens
//!    that covers one occurrence of each group and number.
//! 4. The score is the share of the window's tokens that are required terms.
//!    Windows scoring below [`MIN_SCORE`] are dropped: required words spread
//!    across a long sentence are keyword soup, not a statement of the claim.
//! 5. Overlapping candidates keep the best score (ties: the shorter span,
//!    then the earlier claim), so each mention gets one card.
//!
//! Everything is deterministic: the same text and dataset give the same
//! matches in the same order, natively and in wasm.

mod tokens;

pub use tokens::Span;
use tokens::{tokenize, Term, Token};

use crate::dataset::{Claim, Dataset};

/// Below this share of required tokens in the span, the matcher abstains.
/// 0.3 admits "26 Western countries are ready to deploy troops" (4 of 8) and
/// passive voice, while rejecting the same words spread over a long sentence.
pub const MIN_SCORE: f32 = 0.3;

/// One mention of a dataset claim in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Index of the claim in [`Matcher::dataset`]'s claims.
    pub claim_index: usize,
    /// Where to highlight, in chars of the input.
    pub span: Span,
    /// In `(0, 1]`; higher means the span is denser in required terms.
    pub score: f32,
    /// The text of each required term found, in text order: why it matched.
    pub explanation: Vec<String>,
}

/// A dataset with its patterns compiled for matching.
pub struct Matcher {
    dataset: Dataset,
    patterns: Vec<CompiledPattern>,
}

/// One requirement of a pattern: any of its alternatives (token sequences).
struct Requirement {
    alternatives: Vec<Vec<Term>>,
}

struct CompiledPattern {
    requirements: Vec<Requirement>,
}

impl Matcher {
    pub fn new(dataset: Dataset) -> Matcher {
        let patterns = dataset.claims.iter().map(compile).collect();
        Matcher { dataset, patterns }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn claim(&self, m: &Match) -> &Claim {
        &self.dataset.claims[m.claim_index]
    }

    /// All claim mentions in `text`, sorted by position, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let tokens = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        let mut candidates = Vec::new();
        for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
            for (claim_index, pattern) in self.patterns.iter().enumerate() {
                if let Some(m) = best_window(pattern, sentence, &chars, claim_index) {
                    candidates.push(m);
                }
            }
        }
        resolve_overlaps(candidates)
    }
}

/// Every example that does not find its claim and every counterexample that
/// does, matching against the whole dataset (as the widget would).
#[cfg(not(target_arch = "wasm32"))]
pub fn regressions(dataset: &Dataset) -> Vec<crate::dataset::source::RegressionFailure> {
    use crate::dataset::source::RegressionFailure;
    let matcher = Matcher::new(dataset.clone());
    let finds =
        |text: &str, claim: usize| matcher.find(text).iter().any(|m| m.claim_index == claim);
    let mut failures = Vec::new();
    for (claim, c) in dataset.claims.iter().enumerate() {
        for (index, text) in c.examples.iter().enumerate() {
            if !finds(text, claim) {
                failures.push(RegressionFailure {
                    claim,
                    counterexample: false,
                    index,
                });
            }
        }
        for (index, text) in c.counterexamples.iter().enumerate() {
            if finds(text, claim) {
                failures.push(RegressionFailure {
                    claim,
                    counterexample: true,
                    index,
                });
            }
        }
    }
    failures
}

fn compile(claim: &Claim) -> CompiledPattern {
    let mut requirements: Vec<Requirement> = claim
        .pattern
        .all_of
        .iter()
        .map(|group| Requirement {
            alternatives: group
                .iter()
                .map(|alt| {
                    tokenize(alt)
                        .into_iter()
                        .map(|t| t.term)
                        .collect::<Vec<_>>()
                })
                .filter(|alt| !alt.is_empty())
                .collect(),
        })
        .collect();
    requirements.extend(claim.pattern.numbers.iter().map(|&n| Requirement {
        alternatives: vec![vec![Term::Number(n)]],
    }));
    CompiledPattern { requirements }
}

/// `[start, end)` in token indices of one sentence.
type TokenRange = (usize, usize);

/// Token ranges within `sentence` where `req` occurs.
fn occurrences(req: &Requirement, sentence: &[Token]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for start in 0..sentence.len() {
        for alt in &req.alternatives {
            let end = start + alt.len();
            if end <= sentence.len()
                && sentence[start..end]
                    .iter()
                    .zip(alt)
                    .all(|(t, a)| &t.term == a)
            {
                found.push((start, end));
                break;
            }
        }
    }
    found
}

fn best_window(
    pattern: &CompiledPattern,
    sentence: &[Token],
    chars: &[char],
    claim_index: usize,
) -> Option<Match> {
    let per_requirement: Vec<Vec<(usize, usize)>> = pattern
        .requirements
        .iter()
        .map(|r| occurrences(r, sentence))
        .collect();
    if per_requirement.iter().any(Vec::is_empty) {
        return None;
    }
    // The optimal window starts at some occurrence; from each candidate left
    // edge, every requirement takes its earliest-ending occurrence after it.
    let mut best: Option<(usize, usize, Vec<TokenRange>)> = None;
    for &(left, _) in per_requirement.iter().flatten() {
        let chosen: Option<Vec<(usize, usize)>> = per_requirement
            .iter()
            .map(|occ| {
                occ.iter()
                    .filter(|(s, _)| *s >= left)
                    .min_by_key(|(_, e)| *e)
                    .copied()
            })
            .collect();
        let Some(chosen) = chosen else { continue };
        let right = chosen.iter().map(|(_, e)| *e).max().unwrap_or(left);
        if best.as_ref().is_none_or(|(l, r, _)| right - left < r - l) {
            best = Some((left, right, chosen));
        }
    }
    let (left, right, mut chosen) = best?;
    chosen.sort_unstable();
    chosen.dedup();
    let required: usize = chosen.iter().map(|(s, e)| e - s).sum();
    let score = required as f32 / (right - left) as f32;
    if score < MIN_SCORE {
        return None;
    }
    let text_of = |span: Span| chars[span.start..span.end].iter().collect::<String>();
    let explanation = chosen
        .iter()
        .map(|&(s, e)| {
            text_of(Span {
                start: sentence[s].span.start,
                end: sentence[e - 1].span.end,
            })
        })
        .collect();
    Some(Match {
        claim_index,
        span: Span {
            start: sentence[left].span.start,
            end: sentence[right - 1].span.end,
        },
        score,
        explanation,
    })
}

fn resolve_overlaps(mut candidates: Vec<Match>) -> Vec<Match> {
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then((a.span.end - a.span.start).cmp(&(b.span.end - b.span.start)))
            .then(a.claim_index.cmp(&b.claim_index))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Match> = Vec::new();
    for m in candidates {
        if kept
            .iter()
            .all(|k| m.span.end <= k.span.start || k.span.end <= m.span.start)
        {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.span.start);
    kept
}
