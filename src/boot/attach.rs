//! Over drawn highlights: the UI in its shadow root, the public contract
//! (`data-claimlens-*` on the article, the `claimlens:ready` event), and
//! the watch for content the page adds later.

use super::highlighter::Highlighter;
use super::{
    live, schedule, Cards, Mounted, Settings, Theme, COUNT_ATTR, GENERATION, MODE_ATTR, STATE_ATTR,
};
use crate::matcher::{Match, Matcher};
use crate::page::TextMap;
use crate::ui::{card_css, App, AppProps, Report};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, ShadowRootInit, ShadowRootMode,
};

/// Forces the card's theme: `light` or `dark`.
const THEME_ATTR: &str = "data-claimlens-theme";

/// Renders the UI over drawn highlights and announces `ready` (built from
/// them by [`matches_event`]), keeping `live`, the watch on the page
/// started when drawing ended; on failure, leaves no trace.
/// `None` when `unmount()` was called meanwhile (nothing stays then either).
#[allow(clippy::too_many_arguments)]
pub(super) async fn attach_or_undo(
    container: &Element,
    matcher: Matcher,
    matches: Vec<Match>,
    ready: CustomEvent,
    highlighter: Rc<RefCell<Highlighter>>,
    live: Option<live::Live>,
    settings: &Settings,
    sharded: bool,
    generation: u32,
) -> Result<Option<Mounted>, JsValue> {
    let paint = highlighter.borrow().paint();
    let attached = attach(
        container,
        matcher,
        matches,
        ready,
        paint,
        live.as_ref(),
        settings,
        sharded,
        generation,
    );
    match attached.await {
        Ok(Some((ui_host, app, report))) => Ok(Some(Mounted {
            container: container.clone(),
            ui_host,
            highlighter,
            app,
            report,
            ratings: settings.ratings.clone(),
            live,
        })),
        failed_or_cancelled => {
            highlighter.borrow_mut().remove();
            for attribute in [STATE_ATTR, COUNT_ATTR, MODE_ATTR] {
                let _ = container.remove_attribute(attribute);
            }
            failed_or_cancelled.map(|_| None)
        }
    }
}

/// One entry of a public event's `detail`, as the page reads it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct EventMatch<'a> {
    claim_id: &'a str,
    text: String,
}

/// The public event listing matches found in `map`: `detail` is an array
/// of `{ claimId, text }`.
pub(super) fn matches_event(
    name: &str,
    map: &TextMap,
    matcher: &Matcher,
    matches: &[Match],
) -> Result<CustomEvent, JsValue> {
    let chars: Vec<char> = map.text().chars().collect();
    let detail: Vec<EventMatch> = matches
        .iter()
        .map(|found| EventMatch {
            claim_id: &matcher.claim(found).id,
            text: chars[found.span.start..found.span.end].iter().collect(),
        })
        .collect();
    let init = CustomEventInit::new();
    init.set_detail(&serde_wasm_bindgen::to_value(&detail)?);
    CustomEvent::new_with_event_init_dict(name, &init)
}

/// Renders the UI and announces readiness; on failure, or when
/// `unmount()` is called meanwhile (`None`), removes the UI host.
#[allow(clippy::too_many_arguments)]
async fn attach(
    container: &Element,
    matcher: Matcher,
    matches: Vec<Match>,
    ready: CustomEvent,
    paint: Option<Rc<crate::page::Paint>>,
    live: Option<&live::Live>,
    settings: &Settings,
    sharded: bool,
    generation: u32,
) -> Result<Option<(Element, yew::AppHandle<App>, Rc<Report>)>, JsValue> {
    let document = gloo::utils::document();
    container.set_attribute(MODE_ATTR, if paint.is_some() { "paint" } else { "marks" })?;

    let ui_host = document.create_element("claimlens-ui")?;
    ui_host.set_attribute("data-claimlens-ui", "")?;
    // The `theme` option, else `data-claimlens-theme="light|dark"` on the
    // article, forces a theme; anything else follows the reader's scheme.
    let theme = match settings.theme {
        Some(Theme::Light) => Some("light".to_string()),
        Some(Theme::Dark) => Some("dark".to_string()),
        Some(Theme::Auto) => None,
        None => container
            .get_attribute(THEME_ATTR)
            .filter(|t| t == "light" || t == "dark"),
    };
    if let Some(theme) = theme {
        ui_host.set_attribute("data-theme", &theme)?;
    }
    let shadow = ui_host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?;
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(&card_css())?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    document
        .body()
        .ok_or("the page has no body")?
        .append_child(&ui_host)?;
    // When the article is `<body>`, the watch on the page saw that: it is
    // ClaimLens's own change, not new content.
    if let Some(live) = live {
        live.observer().take_records();
    }

    let count = matches.len();
    let cards = Rc::new(Cards::new(sharded, &matcher));
    let report = Rc::new(Report {
        cards,
        matcher,
        matches: RefCell::new(matches),
        container: container.clone(),
        ui_host: ui_host.clone(),
        published: crate::page::publication_date(&document, container),
        paint,
        refresh: RefCell::new(None),
    });
    // yew's first render runs in a microtask after `render()`, and most of
    // its cost is the browser compiling the UI's code on first call: a task
    // of its own, not one added to what came before or after.
    schedule::yield_to_page().await;
    if GENERATION.with(Cell::get) != generation {
        ui_host.remove();
        return Ok(None);
    }
    let app = yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            report: report.clone(),
            panel: settings.panel,
            remember_panel: settings.remember_panel,
        },
    )
    .render();
    // The page hears `ready` once the UI is up, in the task after: the
    // first render is long enough without the page's listeners.
    schedule::yield_to_page().await;
    if GENERATION.with(Cell::get) != generation {
        app.destroy();
        ui_host.remove();
        return Ok(None);
    }
    let announce = || -> Result<(), JsValue> {
        container.set_attribute(STATE_ATTR, "ready")?;
        container.set_attribute(COUNT_ATTR, &count.to_string())?;
        document.dispatch_event(&ready)?;
        Ok(())
    };
    match announce() {
        Ok(()) => {
            super::cards::fetch_for(&report, &report.matches.borrow());
            Ok(Some((ui_host, app, report)))
        }
        Err(error) => {
            app.destroy();
            ui_host.remove();
            Err(error)
        }
    }
}
