//! The claims dataset: what ClaimLens knows, and which version of it.
//!
//! The model here is plain data with no serde and no I/O, because the same
//! types are built three ways: parsed from TOML sources by the CLI
//! ([`source`]), parsed and validated by `build.rs`, and decoded inside the
//! widget from the [`compact`] string `build.rs` wrote (`crate::bundled`),
//! so the widget carries no TOML or JSON parser. This module must not mention `crate::`
//! in code: `build.rs` compiles it as a module of its own.

#[cfg(not(target_arch = "wasm32"))]
pub mod claimreview;
pub mod compact;
mod date;
mod rating;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;

pub use date::Date;
pub use rating::Rating;

/// A whole dataset release.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub info: DatasetInfo,
    pub claims: Vec<Claim>,
}

/// Identifies a release, so every card can say which data it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetInfo {
    /// Editor-chosen release name, e.g. `2026.11.0`.
    pub version: String,
    /// The source format version; the build refuses schemas it doesn't know.
    pub schema: u32,
    /// The release date; no claim may be "as of" a later day.
    pub released: Date,
    /// SHA-256 of the source files, hex; changes whenever any byte of data does.
    pub content_hash: String,
}

impl DatasetInfo {
    /// The prefix of the content hash shown on cards: long enough to tell
    /// releases apart, short enough to read aloud.
    pub fn short_hash(&self) -> &str {
        &self.content_hash[..self.content_hash.len().min(12)]
    }
}

/// One reviewed claim and everything its card shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Stable slug; never reused for a different claim.
    pub id: String,
    /// The claim in canonical, short wording.
    pub claim_reviewed: String,
    /// The rating as of [`Claim::as_of`].
    pub rating: Rating,
    /// The publisher's own rating wording, kept when a claim is imported
    /// from another fact-checker's ClaimReview; `None` for our own claims.
    pub rating_label: Option<String>,
    /// The card's one-line headline.
    pub summary: String,
    /// A short plain-language paragraph.
    pub context: String,
    /// The day the context was last known to be true.
    pub as_of: Date,
    pub reviewed: Date,
    pub modified: Date,
    /// BCP 47 language tag of the claim's wording, e.g. `en`.
    pub language: String,
    /// Where the claim was seen (articles, speeches); shown in exports.
    pub appearances: Vec<Appearance>,
    pub sources: Vec<Source>,
    /// For claims whose truth changes over time: how the claim rated in each
    /// period, oldest first, never overlapping. Empty for timeless claims.
    pub timeline: Vec<Period>,
    pub pattern: MatchPattern,
    /// Sentences that must match this claim: the dataset's own regression tests.
    pub examples: Vec<String>,
    /// Sentences that must not match this claim.
    pub counterexamples: Vec<String>,
}

/// How a time-dependent claim rated between two dates.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub from: Date,
    /// Inclusive; `None` means "still so as of the claim's `as_of`".
    pub until: Option<Date>,
    pub rating: Rating,
    /// One line on what held in this period.
    pub note: String,
}

impl Period {
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }
}

impl Claim {
    /// The period covering `day`, if the claim has a timeline that covers it.
    pub fn period_on(&self, day: Date) -> Option<&Period> {
        self.timeline.iter().find(|p| p.contains(day))
    }

    /// The rating that applied on `day`: from the timeline where it covers
    /// `day`, else the claim's overall rating for timeless claims, else
    /// `None` (the dataset does not say).
    pub fn rating_on(&self, day: Date) -> Option<Rating> {
        match self.period_on(day) {
            Some(period) => Some(period.rating),
            None if self.timeline.is_empty() => Some(self.rating),
            None => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Appearance {
    pub url: String,
    pub title: String,
    pub date: Option<Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub date: Option<Date>,
    /// Always `https://`; validation rejects anything else.
    pub url: String,
}

/// What a sentence must contain to be this claim. Written by editors in the
/// claim's file; interpreted by the [`crate::matcher`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MatchPattern {
    /// Every group must be present in one sentence; the words inside a group
    /// are alternatives (synonyms). Each alternative may be several words.
    pub all_of: Vec<Vec<String>>,
    /// Words or phrases that, anywhere in the sentence, mean it is about
    /// something else (another mission, another treaty): no match.
    pub none_of: Vec<String>,
    /// Numbers that must appear, exactly, in the same sentence, in
    /// thousandths (26 is 26000, 3.5 is 3500) so halves compare exactly.
    pub numbers: Vec<u64>,
    /// Numbers that must count a given thing: the number, then within two
    /// words one of `of` ("26 Western countries"). "26 August, two
    /// countries" or "35 drones ... coalition members" then do not match.
    pub counts: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// In thousandths, like [`MatchPattern::numbers`].
    pub number: u64,
    /// The counted nouns (alternatives; phrases allowed).
    pub of: Vec<String>,
}

impl Dataset {
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}
