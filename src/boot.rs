//! The boot room: finds the article, runs the engine, hands the result to
//! the page and ui rooms, and keeps the public contract:
//!
//! - highlights carry `data-claimlens-claim="<claim id>"`;
//! - when done, the article element gets `data-claimlens-state="ready"` and
//!   `data-claimlens-matches="<count>"`, and `document` receives a
//!   `claimlens:ready` `CustomEvent` whose `detail` lists
//!   `{ claimId, text }` per match.

use crate::dataset::Dataset;
use crate::matcher::Matcher;
use crate::page::highlight_spec;
use crate::page::{Highlights, Paint, TextMap};
use crate::ui::{App, AppProps, Report, CARD_CSS};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, ShadowRootInit, ShadowRootMode,
};

/// Attributes of the public contract, set on the annotated element.
const STATE_ATTR: &str = "data-claimlens-state";
const COUNT_ATTR: &str = "data-claimlens-matches";
/// Forces the card's theme: `light` or `dark`.
const THEME_ATTR: &str = "data-claimlens-theme";
/// Which highlighter ran: `marks` or `paint` (after any fallback).
const MODE_ATTR: &str = "data-claimlens-mode-used";
/// Marks the element that `trunk serve`'s preview (or a publisher) wants annotated.
const ARTICLE_ATTR: &str = "data-claimlens-article";

/// A live annotation; dropping it does nothing, [`Mounted::unmount`] undoes it.
pub struct Mounted {
    container: Element,
    ui_host: Element,
    highlighter: Highlighter,
    app: yew::AppHandle<App>,
}

enum Highlighter {
    Marks(Highlights),
    Paint(Rc<Paint>),
}

impl Highlighter {
    fn remove(&mut self) {
        match self {
            Highlighter::Marks(marks) => marks.remove(),
            Highlighter::Paint(paint) => paint.remove(),
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// Runs when the module loads: annotates `[data-claimlens-article]` if the
/// page has one. Pages without it (such as test pages) are left alone.
#[wasm_bindgen(start)]
pub fn start() {
    let document = gloo::utils::document();
    let Ok(Some(container)) = document.query_selector(&format!("[{ARTICLE_ATTR}]")) else {
        return;
    };
    // `data-claimlens-article="paint"` asks for paint mode.
    let mode = match container.get_attribute(ARTICLE_ATTR).as_deref() {
        Some("paint") => Mode::Paint,
        _ => Mode::Marks,
    };
    match mount_in_mode(&container, bundled_matcher(), mode) {
        Ok(mounted) => CURRENT.with(|c| *c.borrow_mut() = Some(mounted)),
        Err(error) => web_sys::console::warn_2(&"ClaimLens could not start:".into(), &error),
    }
}

/// Removes the annotation started by [`start`], restoring the page.
#[wasm_bindgen]
pub fn unmount() {
    if let Some(mounted) = CURRENT.with(|c| c.borrow_mut().take()) {
        mounted.unmount();
    }
}

/// The widget's matcher: the bundled dataset, with the browser's Unicode
/// services (see `platform`).
fn bundled_matcher() -> Matcher {
    Matcher::with_unicode(
        Dataset::bundled(),
        Box::new(crate::platform::BrowserUnicode),
    )
}

/// Annotates `container` with the bundled dataset.
pub fn mount(container: &Element) -> Result<Mounted, JsValue> {
    mount_with(container, bundled_matcher())
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

/// Annotates `container` with any matcher, in marks mode.
pub fn mount_with(container: &Element, matcher: Matcher) -> Result<Mounted, JsValue> {
    mount_in_mode(container, matcher, Mode::Marks)
}

/// Annotates `container` with any matcher in the given mode.
pub fn mount_in_mode(
    container: &Element,
    matcher: Matcher,
    mode: Mode,
) -> Result<Mounted, JsValue> {
    if container.has_attribute(STATE_ATTR) {
        return Err("this element is already annotated by ClaimLens".into());
    }
    let document = gloo::utils::document();
    let map = TextMap::from_container(container);
    let matches = matcher.find(map.text());

    let mut highlighter = draw(&document, &map, &matcher, &matches, mode)?;
    // From here on a failure must leave no trace: undo the highlights.
    match attach(container, &document, &map, matcher, matches, &highlighter) {
        Ok((ui_host, app)) => Ok(Mounted {
            container: container.clone(),
            ui_host,
            highlighter,
            app,
        }),
        Err(error) => {
            highlighter.remove();
            for attribute in [STATE_ATTR, COUNT_ATTR, MODE_ATTR] {
                let _ = container.remove_attribute(attribute);
            }
            Err(error)
        }
    }
}

/// Draws the highlights; on failure, removes what it drew.
fn draw(
    document: &web_sys::Document,
    map: &TextMap,
    matcher: &Matcher,
    matches: &[crate::matcher::Match],
    mode: Mode,
) -> Result<Highlighter, JsValue> {
    if mode == Mode::Paint && Paint::supported() {
        let spans: Vec<_> = matches
            .iter()
            .map(|m| (m.span.start, m.span.end, matcher.claim(m).rating))
            .collect();
        return Ok(Highlighter::Paint(Rc::new(Paint::new(
            document, map, &spans,
        )?)));
    }
    let mut highlights = Highlights::new(document);
    for (index, found) in matches.iter().enumerate().rev() {
        let claim = matcher.claim(found);
        if let Err(error) = highlights.wrap(
            map,
            found.span.start,
            found.span.end,
            &highlight_spec(claim, index),
        ) {
            highlights.remove();
            return Err(error);
        }
    }
    Ok(Highlighter::Marks(highlights))
}

/// Renders the UI and announces readiness; on failure, removes the UI host.
fn attach(
    container: &Element,
    document: &web_sys::Document,
    map: &TextMap,
    matcher: Matcher,
    matches: Vec<crate::matcher::Match>,
    highlighter: &Highlighter,
) -> Result<(Element, yew::AppHandle<App>), JsValue> {
    let paint = match highlighter {
        Highlighter::Paint(paint) => Some(paint.clone()),
        Highlighter::Marks(_) => None,
    };
    container.set_attribute(MODE_ATTR, if paint.is_some() { "paint" } else { "marks" })?;
    // Everything that can fail without side effects comes first.
    let detail = js_sys::Array::new();
    let chars: Vec<char> = map.text().chars().collect();
    for found in &matches {
        let item = js_sys::Object::new();
        js_sys::Reflect::set(
            &item,
            &"claimId".into(),
            &matcher.claim(found).id.as_str().into(),
        )?;
        let text: String = chars[found.span.start..found.span.end].iter().collect();
        js_sys::Reflect::set(&item, &"text".into(), &text.into())?;
        detail.push(&item);
    }
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    let ready = CustomEvent::new_with_event_init_dict("claimlens:ready", &init)?;

    let ui_host = document.create_element("claimlens-ui")?;
    ui_host.set_attribute("data-claimlens-ui", "")?;
    // `data-claimlens-theme="light|dark"` on the article forces a theme;
    // anything else follows the reader's colour scheme.
    if let Some(theme) = container
        .get_attribute(THEME_ATTR)
        .filter(|t| t == "light" || t == "dark")
    {
        ui_host.set_attribute("data-theme", &theme)?;
    }
    let shadow = ui_host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CARD_CSS)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    document
        .body()
        .ok_or("the page has no body")?
        .append_child(&ui_host)?;

    let count = matches.len();
    let report = Rc::new(Report {
        matcher,
        matches,
        container: container.clone(),
        ui_host: ui_host.clone(),
        published: crate::page::publication_date(document, container),
        paint,
    });
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { report }).render();
    let announce = || -> Result<(), JsValue> {
        container.set_attribute(STATE_ATTR, "ready")?;
        container.set_attribute(COUNT_ATTR, &count.to_string())?;
        document.dispatch_event(&ready)?;
        Ok(())
    };
    match announce() {
        Ok(()) => Ok((ui_host, app)),
        Err(error) => {
            app.destroy();
            ui_host.remove();
            Err(error)
        }
    }
}

impl Mounted {
    /// Restores the page as it was before [`mount`].
    pub fn unmount(mut self) {
        self.app.destroy();
        self.ui_host.remove();
        self.highlighter.remove();
        for attribute in [STATE_ATTR, COUNT_ATTR, MODE_ATTR] {
            let _ = self.container.remove_attribute(attribute);
        }
    }
}
