//! ClaimLens finds the claims a bundled, versioned dataset knows in news text
//! and explains them on context cards.
//!
//! The crate has two halves. The **engine** — [`dataset`] and [`matcher`] —
//! is pure Rust: no DOM, no I/O in the browser, the same code in the native
//! `claimlens` CLI and in the WebAssembly widget. The **widget** — `page`,
//! `ui` and `boot` — exists only on `wasm32` and turns matches into
//! highlights and cards on a live page.
//!
//! ```
//! use claimlens::{Dataset, Matcher};
//!
//! let matcher = Matcher::new(Dataset::bundled());
//! let text = "Only 26 Western countries are ready to deploy troops to secure a ceasefire.";
//! let found = matcher.find(text);
//! assert_eq!(found.len(), 1);
//! let claim = matcher.claim(&found[0]);
//! assert_eq!(claim.id, "coalition-26-countries-ready-to-deploy");
//! let span: String = text.chars().skip(found[0].span.start).take(found[0].span.end - found[0].span.start).collect();
//! assert_eq!(span, "26 Western countries are ready to deploy troops");
//! ```

mod bundled;
pub mod card_text;
pub mod dataset;
pub mod locate;
pub mod matcher;
pub mod text_rules;

pub use dataset::Dataset;
pub use matcher::{Match, Matcher, Span};

impl Dataset {
    /// The dataset compiled into this build (see `build.rs`). The shipped
    /// widget's claims have no `pattern` field (it loads the compiled index):
    /// match with [`Matcher::bundled`], which is the only matcher there.
    pub fn bundled() -> Dataset {
        bundled::dataset()
    }

    /// Where the bundled claims' cards are when this build left them out
    /// (the widget's default build: cards on demand, see
    /// [`dataset::cards`]); `None` when the claims carry their card text.
    pub fn bundled_shards() -> Option<dataset::cards::ShardTable> {
        bundled::shard_table()
    }
}

impl Matcher {
    /// The bundled dataset's matcher, decoded from the index `build.rs`
    /// compiled: nothing is normalised or stemmed at load.
    pub fn bundled(unicode: Box<dyn matcher::text::UnicodeText>) -> Matcher {
        bundled::matcher(unicode)
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub mod evalset;
#[cfg(not(target_arch = "wasm32"))]
pub mod fit;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod boot;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
mod ui;

/// The card's hover timings, public so tests can wait on them.
#[cfg(target_arch = "wasm32")]
pub mod ui_timing {
    pub use crate::ui::{HOVER_DWELL_MS, HOVER_GRACE_MS};
}
