//! The dataset's TOML files as serde reads them: every field optional and
//! spanned, so the checker can say what is missing and on which line,
//! rather than serde stopping at the first problem.

use serde::Deserialize;
use toml::Spanned;

use super::super::lexicon::RawEvidence;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawManifest {
    pub(super) version: Option<Spanned<String>>,
    pub(super) schema: Option<Spanned<u32>>,
    pub(super) released: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClaim {
    pub(super) id: Option<Spanned<String>>,
    pub(super) claim_reviewed: Option<Spanned<String>>,
    pub(super) rating: Option<Spanned<String>>,
    pub(super) rating_label: Option<Spanned<String>>,
    pub(super) summary: Option<Spanned<String>>,
    pub(super) context: Option<Spanned<String>>,
    pub(super) as_of: Option<Spanned<String>>,
    pub(super) reviewed: Option<Spanned<String>>,
    pub(super) modified: Option<Spanned<String>>,
    pub(super) language: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) appearance: Vec<Spanned<RawAppearance>>,
    #[serde(default)]
    pub(super) sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub(super) timeline: Vec<Spanned<RawPeriod>>,
    #[serde(rename = "match")]
    pub(super) pattern: Option<Spanned<RawPattern>>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) counterexamples: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) title: Option<Spanned<String>>,
    pub(super) publisher: Option<Spanned<String>>,
    pub(super) date: Option<Spanned<String>>,
    pub(super) url: Option<Spanned<String>>,
    /// The card's own words this source backs (see `sourcing`).
    #[serde(default)]
    pub(super) supports: Vec<Spanned<String>>,
}

impl RawClaim {
    /// The reader-visible texts whose statements need a source.
    pub(super) fn card_texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = [&self.summary, &self.context]
            .into_iter()
            .flatten()
            .map(|t| t.get_ref().as_str())
            .collect();
        texts.extend(
            self.timeline
                .iter()
                .filter_map(|p| p.get_ref().note.as_ref())
                .map(|n| n.get_ref().as_str()),
        );
        texts
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPeriod {
    pub(super) from: Option<Spanned<String>>,
    pub(super) until: Option<Spanned<String>>,
    pub(super) rating: Option<Spanned<String>>,
    pub(super) note: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAppearance {
    pub(super) url: Option<Spanned<String>>,
    pub(super) title: Option<Spanned<String>>,
    pub(super) date: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPattern {
    /// Retired with schema 2's concept lexicon; read only to say so.
    pub(super) all_of: Option<toml::Value>,
    pub(super) core: Option<Vec<RawEvidence>>,
    #[serde(default)]
    pub(super) support: Vec<RawEvidence>,
    #[serde(default)]
    pub(super) against: Vec<RawEvidence>,
    #[serde(default)]
    pub(super) none_of: Vec<String>,
    #[serde(default)]
    pub(super) numbers: Vec<f64>,
    #[serde(default)]
    pub(super) counts: Vec<RawCount>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCount {
    pub(super) number: f64,
    pub(super) of: RawEvidence,
}
