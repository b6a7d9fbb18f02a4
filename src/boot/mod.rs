//! The boot room: finds the article, runs the engine, hands the result to
//! the page and ui rooms, and keeps the public contract:
//!
//! - highlights carry `data-claimlens-claim="<claim id>"`;
//! - when done, the article element gets `data-claimlens-state="ready"` and
//!   `data-claimlens-matches="<count>"`, and `document` receives a
//!   `claimlens:ready` `CustomEvent` whose `detail` lists
//!   `{ claimId, text }` per match.
//!
//! One module per job: [`api`] (the JS API), [`schedule`] (matching and
//! drawing in time slices, the one path every annotation takes),
//! [`highlighter`] (marks or paint), [`attach`] (the UI and the contract),
//! [`cards`] (card text fetched when a claim matched),
//! [`added`] (content the page adds later, found by [`live`]), and
//! `test_hooks` (test builds only).

mod added;
mod api;
mod attach;
mod cards;
mod highlighter;
mod live;
mod options;
mod schedule;
#[cfg(feature = "test-hooks")]
mod test_hooks;

pub use api::{is_mounted, mount_from_js, unmount};
pub use cards::{CardStatus, Cards};
pub use options::{ModeOption, Options, Theme};
pub use schedule::{MAX_ARTICLE_BYTES, PIECE_CHARS};

use crate::dataset::Rating;
use crate::matcher::Matcher;
use crate::ui::{App, Report};
use highlighter::Highlighter;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Attributes of the public contract, set on the annotated element.
const STATE_ATTR: &str = "data-claimlens-state";
const COUNT_ATTR: &str = "data-claimlens-matches";
/// Which highlighter ran: `marks` or `paint` (after any fallback).
const MODE_ATTR: &str = "data-claimlens-mode-used";

thread_local! {
    static CURRENT: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    /// Bumped by `unmount()`, so work still running in pieces knows to stop.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// A live annotation; dropping it does nothing, [`Mounted::unmount`] undoes it.
pub struct Mounted {
    container: Element,
    ui_host: Element,
    /// Shared with content added later, which draws in pieces too.
    highlighter: Rc<RefCell<Highlighter>>,
    app: yew::AppHandle<App>,
    report: Rc<Report>,
    ratings: Option<Vec<Rating>>,
    /// Watches for content the page adds later; `None` if the browser
    /// refused an observer (the first annotation stands on its own).
    live: Option<live::Live>,
}

impl Mounted {
    /// Restores the page as it was before it was mounted.
    pub fn unmount(mut self) {
        self.live.take();
        self.app.destroy();
        self.ui_host.remove();
        self.highlighter.borrow_mut().remove();
        for attribute in [STATE_ATTR, COUNT_ATTR, MODE_ATTR] {
            let _ = self.container.remove_attribute(attribute);
        }
    }
}

/// How highlights are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Wrap text in focusable `claimlens-mark` elements: keyboard-reachable.
    /// The default for publishers.
    Marks,
    /// The CSS Custom Highlight API: no node of the page changes. For pages
    /// whose frameworks own the DOM; falls back to marks where unsupported.
    Paint,
}

/// How one mount looks, what it shows and which matcher finds the claims:
/// the one way to mount, for the JS API and for tests alike.
///
/// ```ignore
/// let mounted = Settings::default().mode(Mode::Paint).mount(&article).await?;
/// ```
pub struct Settings {
    mode: Mode,
    /// Forces a theme; otherwise the article's `data-claimlens-theme` or the
    /// reader's colour scheme decides.
    theme: Option<Theme>,
    /// Only claims with these ratings are highlighted; `None` shows all.
    ratings: Option<Vec<Rating>>,
    panel: bool,
    /// Whether the panel may keep the reader's choice in `localStorage`.
    remember_panel: bool,
    /// `None`: the bundled dataset with the browser's Unicode services.
    matcher: Option<Matcher>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            mode: Mode::Marks,
            theme: None,
            ratings: None,
            panel: true,
            remember_panel: false,
            matcher: None,
        }
    }
}

impl Settings {
    pub fn mode(self, mode: Mode) -> Settings {
        Settings { mode, ..self }
    }

    pub fn theme(self, theme: Option<Theme>) -> Settings {
        Settings { theme, ..self }
    }

    pub fn ratings(self, ratings: Option<Vec<Rating>>) -> Settings {
        Settings { ratings, ..self }
    }

    pub fn panel(self, panel: bool) -> Settings {
        Settings { panel, ..self }
    }

    pub fn remember_panel(self, remember_panel: bool) -> Settings {
        Settings {
            remember_panel,
            ..self
        }
    }

    pub fn matcher(self, matcher: Matcher) -> Settings {
        Settings {
            matcher: Some(matcher),
            ..self
        }
    }

    /// Annotates `container` in time slices, as `ClaimLens.mount()` does
    /// (but without making it the page's current mount). Fails if the
    /// article is declined or `unmount()` is called meanwhile.
    pub async fn mount(self, container: &Element) -> Result<Mounted, JsValue> {
        let generation = GENERATION.with(Cell::get);
        schedule::annotate(container, self, generation)
            .await?
            .ok_or_else(|| "ClaimLens did not mount".into())
    }
}
