//! The JS API: `ClaimLens.mount(options)`, `refresh()`, `unmount()` and
//! `mounted()`, and `article()` for the loader's navigation watch.

use super::options::{ModeOption, Options};
use super::{schedule, Mode, Settings, CURRENT, GENERATION};
use crate::matcher::Matcher;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Marks the element that `trunk serve`'s preview (or a publisher) wants annotated.
const ARTICLE_ATTR: &str = "data-claimlens-article";

thread_local! {
    /// True while `mount()` matches in pieces.
    static MOUNTING: Cell<bool> = const { Cell::new(false) };
    /// The options of the last `mount()`, until `unmount()`: what
    /// `refresh()` mounts with again after the page navigated.
    static OPTIONS: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Whether the article was located (no publisher's selector), so that
    /// a better one may appear later.
    static LOCATED: Cell<bool> = const { Cell::new(false) };
}

/// `ClaimLens.mount(options)`: annotates the page once. Mounting again while
/// mounted (or mounting) does nothing and resolves to `false`. Bad options, a
/// selector that matches nothing, or a failure while mounting reject with a
/// one-line message and leave the page as it was.
///
/// Long articles are matched in pieces and drawn in batches, yielding to the
/// page between them (see `schedule`), so that no task blocks the reader.
#[wasm_bindgen(js_name = mount)]
pub async fn mount_from_js(js_options: JsValue) -> Result<bool, JsError> {
    // Options are checked first, so a typo is reported even when mounted.
    let options = Options::from_js(js_options.clone()).map_err(|e| JsError::new(&e))?;
    if is_mounted() || MOUNTING.with(Cell::get) {
        return Ok(false);
    }
    // The engine may have just started in this task: locating the article,
    // a walk of the whole page, gets a task of its own.
    MOUNTING.with(|m| m.set(true));
    let generation = GENERATION.with(Cell::get);
    schedule::yield_to_page().await;
    let document = gloo::utils::document();
    let located = crate::page::find_article(&document, options.article.as_deref())
        .and_then(|container| Ok((options.allowed_ratings()?, container)));
    let (ratings, container) = match located {
        Ok(found) => found,
        Err(error) => {
            MOUNTING.with(|m| m.set(false));
            return Err(JsError::new(&error));
        }
    };
    OPTIONS.with(|o| *o.borrow_mut() = Some(js_options));
    LOCATED.with(|l| l.set(options.article.is_none()));
    let mode = match options.mode {
        Some(ModeOption::Paint) => Mode::Paint,
        // The preview's `data-claimlens-article="paint"` asks for paint mode.
        None if container.get_attribute(ARTICLE_ATTR).as_deref() == Some("paint") => Mode::Paint,
        _ => Mode::Marks,
    };
    let settings = Settings::default()
        .mode(mode)
        .theme(options.theme)
        .ratings(ratings)
        .panel(options.panel.unwrap_or(true))
        .remember_panel(options.remember_panel.unwrap_or(false));
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
    OPTIONS.with(|o| o.borrow_mut().take());
    take_down();
}

/// Stops any annotation in progress and removes the current one.
fn take_down() {
    GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
    if let Some(mounted) = CURRENT.with(|c| c.borrow_mut().take()) {
        mounted.unmount();
    }
}

/// `ClaimLens.refresh()`: after the page navigated (a client-side router
/// replaced the article), removes what belonged to the old article and
/// locates and annotates the article again, with the options of the last
/// `mount()`. Resolves to false when `mount()` was never called (or
/// `unmount()` was) or the new article is declined.
#[wasm_bindgen]
pub async fn refresh() -> Result<bool, JsError> {
    let Some(options) = OPTIONS.with(|o| o.borrow().clone()) else {
        return Ok(false);
    };
    take_down();
    MOUNTING.with(|m| m.set(false));
    mount_from_js(options).await
}

/// Whether content the page added makes another element the article: a
/// page that showed a placeholder ("Loading…", where nothing was better
/// than `<body>`) and then rendered its article. If so, annotates that
/// article instead, in the background.
pub(super) fn relocated(container: &web_sys::Element) -> bool {
    let document = gloo::utils::document();
    let placeholder = LOCATED.with(Cell::get)
        && document
            .body()
            .is_some_and(|body| body.is_same_node(Some(container)));
    if !placeholder
        || crate::page::find_article(&document, None).is_ok_and(|a| a.is_same_node(Some(container)))
    {
        return false;
    }
    wasm_bindgen_futures::spawn_local(async {
        let _ = refresh().await;
    });
    true
}

/// Why the last `mount()` declined the page's article, if it did: the
/// bookmarklet shows it, so the reader is not left with nothing.
#[wasm_bindgen]
pub fn declined() -> Option<String> {
    schedule::DECLINED.with(|d| d.borrow().clone())
}

/// The element ClaimLens annotates, if mounted: the loader watches whether
/// it leaves the document.
#[wasm_bindgen]
pub fn article() -> Option<web_sys::Element> {
    CURRENT.with(|c| c.borrow().as_ref().map(|m| m.container.clone()))
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
