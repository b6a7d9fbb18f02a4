//! Scoring a candidate mention: the evidence found, as features, and the
//! dataset's fitted logistic model over them.
//!
//! The features are the same for every claim, so a claim needs no training
//! data of its own: the weights say how much a missing role, a supporting
//! concept or a negation is worth in general, and `claimlens fit` learns
//! them from the claims' examples, the evaluation set's dev half and
//! off-topic text. Their names and order are [`FEATURES`].

use crate::dataset::{RoleKind, ScoreModel, FEATURES};

/// The evidence for one claim in one sentence, in the order of [`FEATURES`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Features(pub [f32; FEATURE_COUNT]);

pub const FEATURE_COUNT: usize = 12;
const _: () = assert!(FEATURES.len() == FEATURE_COUNT);

/// What [`Features::new`] is built from.
pub struct Evidence {
    pub core_roles: usize,
    pub core_found: usize,
    /// The kind of the core role missing, if one is.
    pub missing: Option<RoleKind>,
    /// The sentence names a year before the claim's time.
    pub earlier_year: bool,
    /// Tokens of required evidence in the span, and the span's length.
    pub covered: usize,
    pub span: usize,
    pub support_found: usize,
    pub against_found: usize,
    pub negated: bool,
    pub has_numbers: bool,
    /// Punctuation breaks (comma, colon, quote, dash) between the roles.
    pub breaks: usize,
}

impl Features {
    pub fn new(e: &Evidence) -> Features {
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        Features([
            flag(e.core_found == e.core_roles),
            flag(e.missing == Some(RoleKind::Actor)),
            flag(e.missing == Some(RoleKind::Stance)),
            flag(e.missing == Some(RoleKind::Other)),
            e.covered as f32 / e.span.max(1) as f32,
            e.support_found.min(2) as f32,
            e.against_found.min(2) as f32,
            flag(e.negated),
            flag(e.has_numbers),
            e.core_found.min(5) as f32,
            flag(e.earlier_year),
            e.breaks.min(3) as f32,
        ])
    }
}

/// The model's probability that the features are a mention.
pub fn probability(model: &ScoreModel, features: &Features) -> f32 {
    let z = model.bias
        + model
            .weights
            .iter()
            .zip(features.0.iter())
            .map(|(w, f)| w * f)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}
