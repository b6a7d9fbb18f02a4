//! The claims dataset: what ClaimLens knows, and which version of it.
//!
//! The model here is plain data with no serde and no I/O, because the same
//! types are built three ways: parsed from TOML sources by the CLI
//! ([`source`]), parsed and validated by `build.rs`, and decoded inside the
//! widget from the [`compact`] string `build.rs` wrote (`crate::bundled`),
//! so the widget carries no TOML or JSON parser. This module must not mention `crate::`
//! in code: `build.rs` compiles it as a module of its own.

pub mod cards;
#[cfg(not(target_arch = "wasm32"))]
pub mod claimreview;
pub mod compact;
mod date;
#[cfg(not(target_arch = "wasm32"))]
mod lexicon;
#[cfg(not(target_arch = "wasm32"))]
pub mod model_file;
mod rating;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
#[cfg(not(target_arch = "wasm32"))]
pub mod sourcing;

pub use date::Date;
pub use rating::Rating;

/// A whole dataset release.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub info: DatasetInfo,
    pub claims: Vec<Claim>,
    /// The shared concepts the claims' patterns were written over; the
    /// patterns already hold their words, so only editor tools need this.
    pub lexicon: Vec<Concept>,
    pub model: ScoreModel,
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
    /// Absent from the shipped widget's build, whose claims are decoded
    /// without patterns (it loads the compiled index instead): with no field
    /// to read, a matcher compiled from those claims, which would silently
    /// match nothing, cannot be built there. Test builds keep it, with the
    /// real patterns (`build.rs`).
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
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

/// What a sentence must state to be this claim, written by editors over the
/// shared concept lexicon (`dataset/lexicon/`) and resolved to words when
/// the dataset is read; interpreted by the [`crate::matcher`], which scores
/// the evidence it finds with the dataset's fitted [`ScoreModel`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MatchPattern {
    /// The roles a mention states (actor, stance, object…). A sentence with
    /// all of them is a strong candidate; with three or more roles, one may
    /// be missing if the rest of the evidence is strong.
    pub core: Vec<Evidence>,
    /// Evidence that makes a mention likelier but is not needed.
    pub support: Vec<Evidence>,
    /// Evidence that the sentence makes another statement: it lowers the
    /// score instead of blocking.
    pub against: Vec<Evidence>,
    /// Words or phrases that, anywhere in the sentence, mean it is another
    /// story (another pipeline, another treaty article): no match.
    pub none_of: Vec<String>,
    /// Numbers that must appear, exactly, in the same sentence, in
    /// thousandths (26 is 26000, 3.5 is 3500) so halves compare exactly.
    pub numbers: Vec<u64>,
    /// Numbers that must count a given thing: the number, then within two
    /// words one of `of` ("26 Western countries"). "26 August, two
    /// countries" or "35 drones ... coalition members" then do not match.
    pub counts: Vec<Count>,
}

/// One role of a claim: a lexicon concept or the claim's own words.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Evidence {
    /// The lexicon concept's id; `None` for words written in the claim.
    pub concept: Option<String>,
    pub kind: RoleKind,
    /// What the card's explanation calls it ("rejects", "NATO troops").
    pub label: String,
    /// Every wording, all languages, `include`d concepts folded in.
    pub words: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// In thousandths, like [`MatchPattern::numbers`].
    pub number: u64,
    /// The counted nouns.
    pub of: Evidence,
}

/// What part of a statement a role fills. A missing actor ("London" where
/// the claim says "Europe", a spokesman for the leader) weighs differently
/// from a missing stance, so the model scores them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RoleKind {
    /// Who: countries, leaders, institutions (`lexicon/actors.toml`).
    Actor,
    /// What they do or say (`lexicon/stances.toml`).
    Stance,
    /// Everything else: objects, places, times, a claim's own words.
    #[default]
    Other,
}

impl RoleKind {
    pub const ALL: [RoleKind; 3] = [RoleKind::Actor, RoleKind::Stance, RoleKind::Other];

    /// The kind of the concepts in a lexicon file, by its name.
    pub fn of_file(stem: &str) -> RoleKind {
        match stem {
            "actors" => RoleKind::Actor,
            "stances" => RoleKind::Stance,
            _ => RoleKind::Other,
        }
    }
}

/// One shared concept of the lexicon, as editors wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub kind: RoleKind,
    pub label: String,
    /// `(language, wordings)`, languages in the order written.
    pub words: Vec<(String, Vec<String>)>,
    /// Other concepts folded into this one.
    pub include: Vec<String>,
}

/// The names of the evidence features the matcher scores, in the order of
/// [`ScoreModel::weights`]. They are part of the model file's format, so
/// they live with the data; `matcher::score` computes them.
pub const FEATURES: &[&str] = &[
    "all_core",
    "missing_actor",
    "missing_stance",
    "missing_other",
    "density",
    "support",
    "against",
    "negated",
    "numbers",
    "core_roles",
    "earlier_year",
    "breaks",
];

/// The fitted logistic model shared by all claims: a candidate's score is
/// `1 / (1 + e^-(bias + weights · features))`, and it matches at or above
/// `threshold`. Written by `claimlens fit`, never by hand.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreModel {
    pub bias: f32,
    /// One per entry of [`FEATURES`], in that order.
    pub weights: Vec<f32>,
    pub threshold: f32,
    /// Reporting often states two claims in one sentence ("Moscow rules out
    /// foreign troops as part of any guarantees"): a candidate for another
    /// claim that overlaps a card still gets its own card at or above this
    /// score. 1 turns companions off.
    pub companion: f32,
}

impl Default for ScoreModel {
    /// Before any fit: all core roles present is enough, nothing else is;
    /// between overlapping candidates the denser span wins.
    fn default() -> ScoreModel {
        let mut weights = vec![0.0; FEATURES.len()];
        weights[0] = 3.0;
        weights[4] = 2.0;
        ScoreModel {
            bias: -2.0,
            weights,
            threshold: 0.5,
            companion: 1.0,
        }
    }
}

impl Dataset {
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}
