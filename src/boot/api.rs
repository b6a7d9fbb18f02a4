//! The JS API: `ClaimLens.mount(options)`, `unmount()` and `mounted()`.

use super::options::{ModeOption, Options};
use super::{schedule, Mode, Settings, CURRENT, GENERATION};
use crate::matcher::Matcher;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Marks the element that `trunk serve`'s preview (or a publisher) wants annotated.
const ARTICLE_ATTR: &str = "data-claimlens-article";

thread_local! {
    /// True while `mount()` matches in pieces.
    static MOUNTING: Cell<bool> = const { Cell::new(false) };
}

/// `ClaimLens.mount(options)`: annotates the page once. Mounting again while
/// mounted (or mounting) does nothing and resolves to `false`. Bad options, a
/// selector that matches nothing, or a failure while mounting reject with a
/// one-line message and leave the page as it was.
///
/// Long articles are matched in pieces and drawn in batches, yielding to the
/// page between them (see `schedule`), so that no task blocks the reader.
#[wasm_bindgen(js_name = mount)]
pub async fn mount_from_js(options: JsValue) -> Result<bool, JsError> {
    // Options are checked first, so a typo is reported even when mounted.
    let options = Options::from_js(options).map_err(|e| JsError::new(&e))?;
    if is_mounted() || MOUNTING.with(Cell::get) {
        return Ok(false);
    }
    let document = gloo::utils::document();
    let container = crate::page::find_article(&document, options.article.as_deref())
        .map_err(|e| JsError::new(&e))?;
    let mode = match options.mode {
        Some(ModeOption::Paint) => Mode::Paint,
        // The preview's `data-claimlens-article="paint"` asks for paint mode.
        None if container.get_attribute(ARTICLE_ATTR).as_deref() == Some("paint") => Mode::Paint,
        _ => Mode::Marks,
    };
    let settings = Settings::default()
        .mode(mode)
        .theme(options.theme)
        .ratings(options.allowed_ratings().map_err(|e| JsError::new(&e))?)
        .panel(options.panel.unwrap_or(true))
        .remember_panel(options.remember_panel.unwrap_or(false));
    MOUNTING.with(|m| m.set(true));
    let generation = GENERATION.with(Cell::get);
    let result = schedule::annotate(&container, settings, generation).await;
    MOUNTING.with(|m| m.set(false));
    match result {
        Ok(Some(mounted)) => {
            CURRENT.with(|c| *c.borrow_mut() = Some(mounted));
            Ok(true)
        }
        // Declined, or `unmount()` was called meanwhile: nothing stays.
        Ok(None) => Ok(false),
        Err(error) => Err(JsError::new(&format!(
            "ClaimLens could not start: {}",
            error
                .as_string()
                .or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| e.message().into()))
                .unwrap_or_else(|| "an error in the page".into())
        ))),
    }
}

/// `ClaimLens.mounted()`: whether ClaimLens is annotating this page.
#[wasm_bindgen(js_name = mounted)]
pub fn is_mounted() -> bool {
    CURRENT.with(|c| c.borrow().is_some())
}

/// `ClaimLens.unmount()`: removes everything ClaimLens added, restoring
/// the page exactly. Does nothing when not mounted.
#[wasm_bindgen]
pub fn unmount() {
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    if let Some(mounted) = CURRENT.with(|c| c.borrow_mut().take()) {
        mounted.unmount();
    }
}

/// The widget's matcher: the bundled dataset, with the browser's Unicode
/// services (see `platform`).
pub(super) fn bundled_matcher() -> Matcher {
    #[cfg(feature = "test-hooks")]
    if let Some(matcher) = super::test_hooks::sentence_matcher() {
        return matcher;
    }
    Matcher::bundled(Box::new(crate::platform::BrowserUnicode))
}
