//! `dataset/model.toml`: the fitted scoring model, read and written.
//!
//! `claimlens fit` writes it; editors never edit it by hand, but the build
//! still checks it like any other data file, because a model with a
//! missing feature or a threshold of 2 would silently match nothing.

use super::source::Checker;
use super::{ScoreModel, FEATURES};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModel {
    bias: Option<Spanned<f64>>,
    threshold: Option<Spanned<f64>>,
    /// Absent in models fitted before companions existed: off.
    companion: Option<Spanned<f64>>,
    weights: Option<Spanned<BTreeMap<String, f64>>>,
    fitted_on: Option<String>,
}

pub(super) fn read(check: &mut Checker) -> Option<ScoreModel> {
    let raw: RawModel = check.parse_toml()?;
    let finite = |check: &mut Checker, value: Option<Spanned<f64>>, field: &str| {
        let line = value.as_ref().map_or(1, |v| check.line_of(v.span().start));
        match value.map(Spanned::into_inner) {
            Some(x) if x.is_finite() => Some((x as f32, line)),
            _ => {
                check.report(
                    line,
                    field,
                    "missing or not a finite number; run `claimlens fit` to write the model again",
                );
                None
            }
        }
    };
    let bias = finite(check, raw.bias, "bias");
    let threshold = finite(check, raw.threshold, "threshold").and_then(|(t, line)| {
        if t > 0.0 && t < 1.0 {
            Some(t)
        } else {
            check.report(
                line,
                "threshold",
                "must be between 0 and 1; run `claimlens fit` again",
            );
            None
        }
    });
    let companion = match raw.companion {
        None => Some(1.0),
        some => finite(check, some, "companion").and_then(|(c, line)| {
            if threshold.is_some_and(|t| c >= t) && c <= 1.0 {
                Some(c)
            } else {
                check.report(
                    line,
                    "companion",
                    "must be between the threshold and 1; run `claimlens fit` again",
                );
                None
            }
        }),
    };
    let _ = raw.fitted_on;
    let line = raw
        .weights
        .as_ref()
        .map_or(1, |w| check.line_of(w.span().start));
    let weights = raw.weights.map(Spanned::into_inner).unwrap_or_default();
    let mut ok = true;
    for name in weights.keys() {
        if !FEATURES.contains(&name.as_str()) {
            check.report(
                line,
                &format!("weights.{name}"),
                format!("unknown feature; this build scores {}", FEATURES.join(", ")),
            );
            ok = false;
        }
    }
    let weights: Vec<f32> = FEATURES
        .iter()
        .map(|name| match weights.get(*name) {
            Some(w) if w.is_finite() => *w as f32,
            _ => {
                check.report(
                    line,
                    &format!("weights.{name}"),
                    "missing or not finite; run `claimlens fit` again",
                );
                ok = false;
                0.0
            }
        })
        .collect();
    Some(ScoreModel {
        bias: bias?.0,
        weights,
        threshold: threshold?,
        companion: companion?,
    })
    .filter(|_| ok)
}

/// The model file for `model`, fitted on data whose hash is `fitted_on`.
pub fn to_toml(model: &ScoreModel, fitted_on: &str, summary: &str) -> String {
    let mut out =
        String::from("# Written by `claimlens fit` (scripts/fit); do not edit by hand.\n");
    for line in summary.lines() {
        let _ = writeln!(out, "# {line}");
    }
    let _ = writeln!(out, "fitted_on = \"{fitted_on}\"");
    let _ = writeln!(out, "bias = {:?}", model.bias);
    let _ = writeln!(out, "threshold = {:?}", model.threshold);
    let _ = writeln!(out, "companion = {:?}", model.companion);
    out.push_str("\n[weights]\n");
    for (name, w) in FEATURES.iter().zip(&model.weights) {
        let _ = writeln!(out, "{name} = {w:?}");
    }
    out
}
