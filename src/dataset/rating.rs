//! The closed rating vocabulary.
//!
//! Ratings are a closed set on purpose: a card's badge, colour and icon must
//! mean the same thing on every page, so an editor cannot invent a rating in a
//! data file. Each rating has a distinct icon *shape* as well as a colour, so
//! readers who cannot tell the colours apart still can tell the ratings apart.

/// How a claim holds up, as shown on its card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rating {
    Accurate,
    NeedsContext,
    Misleading,
    Outdated,
    False,
    Unverifiable,
}

impl Rating {
    pub const ALL: [Rating; 6] = [
        Rating::Accurate,
        Rating::NeedsContext,
        Rating::Misleading,
        Rating::Outdated,
        Rating::False,
        Rating::Unverifiable,
    ];

    /// The identifier used in dataset files and in JSON output.
    pub fn slug(self) -> &'static str {
        match self {
            Rating::Accurate => "accurate",
            Rating::NeedsContext => "needs-context",
            Rating::Misleading => "misleading",
            Rating::Outdated => "outdated",
            Rating::False => "false",
            Rating::Unverifiable => "unverifiable",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::Accurate => "Accurate",
            Rating::NeedsContext => "Needs context",
            Rating::Misleading => "Misleading",
            Rating::Outdated => "Outdated",
            Rating::False => "False",
            Rating::Unverifiable => "Unverifiable",
        }
    }

    /// One line a reader can understand without a glossary.
    pub fn meaning(self) -> &'static str {
        match self {
            Rating::Accurate => "The claim is supported by the sources.",
            Rating::NeedsContext => "Broadly right, but missing facts change how it reads.",
            Rating::Misleading => "Contains some truth but leaves a wrong impression.",
            Rating::Outdated => "Was true once; the facts have since changed.",
            Rating::False => "The sources contradict the claim.",
            Rating::Unverifiable => "Public sources can neither confirm nor refute it.",
        }
    }

    /// A glyph whose shape differs per rating, so colour is never the only cue.
    pub fn icon(self) -> &'static str {
        match self {
            Rating::Accurate => "✓",
            Rating::NeedsContext => "ℹ",
            Rating::Misleading => "◐",
            Rating::Outdated => "⌛",
            Rating::False => "✕",
            Rating::Unverifiable => "?",
        }
    }

    /// Okabe–Ito palette colours, chosen to stay distinct for the common
    /// colour-vision deficiencies and readable on light and dark pages.
    pub fn colour(self) -> &'static str {
        match self {
            Rating::Accurate => "#009E73",
            Rating::NeedsContext => "#0072B2",
            Rating::Misleading => "#E69F00",
            Rating::Outdated => "#CC79A7",
            Rating::False => "#D55E00",
            Rating::Unverifiable => "#7F7F7F",
        }
    }

    /// The highlight's underline style: a second cue besides colour.
    pub fn underline(self) -> &'static str {
        match self {
            Rating::Accurate => "solid",
            Rating::NeedsContext => "dotted",
            Rating::Misleading => "wavy",
            Rating::Outdated => "double",
            Rating::False => "wavy",
            Rating::Unverifiable => "dotted",
        }
    }

    /// Text colour on a [`Rating::colour`] background with at least 4.5:1
    /// contrast (WCAG AA for small text): only the blue needs white.
    pub fn text_on_colour(self) -> &'static str {
        match self {
            Rating::NeedsContext => "#ffffff",
            _ => "#111111",
        }
    }
}
