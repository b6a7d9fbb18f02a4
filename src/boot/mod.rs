//! The boot room: finds the article, runs the engine, hands the result to
//! the page and ui rooms, and keeps the public contract:
//!
//! - highlights carry `data-claimlens-claim="<claim id>"`;
//! - when done, the article element gets `data-claimlens-state="ready"` and
//!   `data-claimlens-matches="<count>"`, and `document` receives a
//!   `claimlens:ready` `CustomEvent` whose `detail` lists
//!   `{ claimId, text }` per match.

mod live;
mod options;

pub use options::{ModeOption, Options, Theme};

use crate::dataset::Rating;
use crate::matcher::Matcher;
use crate::page::highlight_spec;
use crate::page::{Highlights, Paint, TextMap};
use crate::ui::{card_css, App, AppProps, Report};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, Node, ShadowRootInit, ShadowRootMode,
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
    report: Rc<Report>,
    ratings: Option<Vec<Rating>>,
    /// Watches for content the page adds later; `None` if the browser
    /// refused an observer (the first annotation stands on its own).
    live: Option<live::Live>,
}

enum Highlighter {
    Marks(Highlights),
    Paint(Rc<Paint>),
}

impl Highlighter {
    /// Highlights `matches`, found in `map`; their match indexes (which
    /// cards and the panel use) start at `first_index`.
    fn add(
        &mut self,
        map: &TextMap,
        matcher: &Matcher,
        matches: &[crate::matcher::Match],
        first_index: usize,
    ) -> Result<(), JsValue> {
        match self {
            Highlighter::Paint(paint) => {
                let spans: Vec<_> = matches
                    .iter()
                    .map(|m| (m.span.start, m.span.end, matcher.claim(m).rating))
                    .collect();
                paint.add(map, &spans)
            }
            // Last first: splitting a text node keeps earlier offsets valid.
            // A companion card shares the highlight of the match it overlaps:
            // marks cannot nest.
            Highlighter::Marks(highlights) => {
                let host = hosts(matches);
                matches.iter().enumerate().rev().try_for_each(|(i, m)| {
                    if host[i] != i {
                        return Ok(());
                    }
                    let mut spec = highlight_spec(matcher.claim(m), first_index + i);
                    spec.also = (i + 1..matches.len())
                        .filter(|&j| host[j] == i)
                        .map(|j| (first_index + j, matcher.claim(&matches[j]).rating.label()))
                        .collect();
                    highlights
                        .wrap(map, m.span.start, m.span.end, &spec)
                        .map(drop)
                })
            }
        }
    }

    fn remove(&mut self) {
        match self {
            Highlighter::Marks(marks) => marks.remove(),
            Highlighter::Paint(paint) => paint.remove(),
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Mounted>> = const { RefCell::new(None) };
    /// True while `mount()` matches in pieces.
    static MOUNTING: Cell<bool> = const { Cell::new(false) };
    /// Bumped by `unmount()`, so a mount still matching knows to stop.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// `ClaimLens.mount(options)`: annotates the page once. Mounting again while
/// mounted (or mounting) does nothing and resolves to `false`. Bad options, a
/// selector that matches nothing, or a failure while mounting reject with a
/// one-line message and leave the page as it was.
///
/// Long articles are matched in pieces of about [`PIECE_CHARS`], yielding to
/// the page between pieces, so that no task blocks the reader for long.
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
    let settings = Settings {
        mode,
        theme: options.theme,
        ratings: options.allowed_ratings().map_err(|e| JsError::new(&e))?,
        panel: options.panel.unwrap_or(true),
    };
    MOUNTING.with(|m| m.set(true));
    let generation = GENERATION.with(Cell::get);
    let result = annotate_in_pieces(&container, &settings, generation).await;
    MOUNTING.with(|m| m.set(false));
    match result {
        Ok(Some(mounted)) => {
            CURRENT.with(|c| *c.borrow_mut() = Some(mounted));
            Ok(true)
        }
        // `unmount()` was called while matching: nothing was drawn.
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

/// Chars matched between two yields to the page: a few milliseconds of work.
pub const PIECE_CHARS: usize = 2_000;

async fn annotate_in_pieces(
    container: &Element,
    settings: &Settings,
    generation: u32,
) -> Result<Option<Mounted>, JsValue> {
    let cancelled = || GENERATION.with(Cell::get) != generation;
    // The engine was just compiled and started in this task: let the page
    // run before annotating, so that the two never add up to a long task.
    yield_to_page().await;
    if cancelled() {
        return Ok(None);
    }
    let map = TextMap::from_container(container);
    if let Some(reason) = declined(map.text()) {
        web_sys::console::info_1(
            &format!("ClaimLens: {reason}; the page was left as it is.").into(),
        );
        return Ok(None);
    }
    let mut slice = TimeSlice::start();
    slice.yield_if_spent().await;
    let matcher = bundled_matcher();
    slice.yield_if_spent().await;
    let mut matches = Vec::new();
    for (offset, piece) in crate::matcher::pieces(map.text(), PIECE_CHARS) {
        if cancelled() {
            return Ok(None);
        }
        matches.extend(matcher.find_in_piece(piece, offset));
        slice.yield_if_spent().await;
    }
    if cancelled() {
        return Ok(None);
    }
    // The page may have changed its text while we yielded: start afresh
    // rather than highlight stale offsets.
    if !map.is_current() {
        return mount_with_settings(container, matcher, settings).map(Some);
    }
    let matches = shown(&matcher, matches, settings.ratings.as_deref());
    let mut highlighter = new_highlighter(container, &map, settings.mode)?;
    // Drawing hundreds of highlights takes longer than a task should: draw
    // in batches, last first (see `Highlighter::add`), yielding between.
    let mut drawn_from = matches.len();
    while drawn_from > 0 {
        let mut batch_start = drawn_from.saturating_sub(DRAW_BATCH);
        // A companion and the match whose highlight it shares go together.
        while batch_start > 0 && overlap(&matches[batch_start - 1], &matches[batch_start]) {
            batch_start -= 1;
        }
        let batch = &matches[batch_start..drawn_from];
        // On failure nothing drawn may stay.
        highlighter
            .add(&map, &matcher, batch, batch_start)
            .inspect_err(|_| highlighter.remove())?;
        drawn_from = batch_start;
        if drawn_from > 0 && slice.yield_if_spent().await {
            let untouched = matches[drawn_from - 1].span.end;
            if cancelled() || !map.is_current_before(untouched) {
                highlighter.remove();
                if cancelled() {
                    return Ok(None);
                }
                return mount_with_settings(container, matcher, settings).map(Some);
            }
        }
    }
    attach_or_undo(container, map, matcher, matches, highlighter, settings).map(Some)
}

/// For each of `matches` (in text order), the index of the match whose
/// highlight shows it: itself, or for a companion card the earlier match
/// it overlaps.
fn hosts(matches: &[crate::matcher::Match]) -> Vec<usize> {
    let mut host: Vec<usize> = (0..matches.len()).collect();
    for j in 1..matches.len() {
        if let Some(i) = (0..j)
            .rev()
            .find(|&i| host[i] == i && overlap(&matches[i], &matches[j]))
        {
            host[j] = i;
        }
    }
    host
}

fn overlap(a: &crate::matcher::Match, b: &crate::matcher::Match) -> bool {
    a.span.start < b.span.end && b.span.start < a.span.end
}

/// Highlights drawn between two checks of the time slice.
const DRAW_BATCH: usize = 32;

/// Above this, an "article" is a data dump or an endless page, not
/// something a reader reads; matching it would only cost them time.
pub const MAX_ARTICLE_BYTES: usize = 1_000_000;

/// Why ClaimLens leaves an article alone, if it does.
fn declined(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("the article has no text".into());
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Some(format!(
            "the article has {} KB of text, more than the {} KB ClaimLens reads",
            text.len() / 1000,
            MAX_ARTICLE_BYTES / 1000
        ));
    }
    None
}

/// Work done in one task before ClaimLens lets the page run: well under the
/// 50 ms that counts as a long task, even with a piece still to match.
const SLICE_MS: f64 = 10.0;

/// Yields to the page only once a task has run for [`SLICE_MS`]: a short
/// article is annotated in one task, with no waits for the page's other
/// tasks to run in between, and a long one never blocks the reader.
struct TimeSlice {
    since: f64,
}

impl TimeSlice {
    fn start() -> TimeSlice {
        TimeSlice {
            since: js_sys::Date::now(),
        }
    }

    /// True if it yielded, and so the page may have changed meanwhile.
    async fn yield_if_spent(&mut self) -> bool {
        if js_sys::Date::now() - self.since < SLICE_MS {
            return false;
        }
        yield_to_page().await;
        self.since = js_sys::Date::now();
        true
    }
}

#[wasm_bindgen(inline_js = r#"
export function claimlens_yield() {
  // scheduler.yield() resumes ahead of other queued tasks; setTimeout may
  // wait behind them.
  return globalThis.scheduler?.yield
    ? globalThis.scheduler.yield()
    : new Promise((resolve) => setTimeout(resolve, 0));
}
"#)]
extern "C" {
    fn claimlens_yield() -> js_sys::Promise;
}

async fn yield_to_page() {
    // The promise never rejects; a failure to yield is no reason to stop.
    let _ = wasm_bindgen_futures::JsFuture::from(claimlens_yield()).await;
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
fn bundled_matcher() -> Matcher {
    #[cfg(feature = "test-hooks")]
    if let Some(sentences) = TEST_SENTENCES.with(|t| t.borrow_mut().take()) {
        return Matcher::with_unicode(
            sentence_dataset(sentences),
            Box::new(crate::platform::BrowserUnicode),
        );
    }
    Matcher::bundled(Box::new(crate::platform::BrowserUnicode))
}

#[cfg(feature = "test-hooks")]
thread_local! {
    static TEST_SENTENCES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Test builds only: `mount`, with a dataset of one claim per sentence
/// (each sentence is its claim's one phrase), so the corpus run can check
/// that highlights land exactly on real pages' text, across their markup.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = mountWithSentences)]
pub async fn mount_with_sentences(
    options: JsValue,
    sentences: Vec<String>,
) -> Result<bool, JsError> {
    TEST_SENTENCES.with(|t| *t.borrow_mut() = Some(sentences));
    mount_from_js(options).await
}

/// Test builds only: the text ClaimLens reads from the article it would
/// choose, so the corpus run picks sentences exactly as the matcher sees them.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = articleText)]
pub fn article_text() -> Result<String, JsError> {
    let document = gloo::utils::document();
    let container = crate::page::find_article(&document, None).map_err(|e| JsError::new(&e))?;
    Ok(TextMap::from_container(&container).text().to_string())
}

#[cfg(feature = "test-hooks")]
fn sentence_dataset(sentences: Vec<String>) -> crate::dataset::Dataset {
    let mut dataset = crate::dataset::Dataset::bundled();
    let template = dataset.claims[0].clone();
    dataset.claims = sentences
        .into_iter()
        .enumerate()
        .map(|(i, sentence)| {
            let mut claim = template.clone();
            claim.id = format!("sentence-{i}");
            claim.claim_reviewed = sentence.clone();
            claim.timeline.clear();
            claim.pattern = crate::dataset::MatchPattern {
                core: vec![crate::dataset::Evidence {
                    concept: None,
                    kind: crate::dataset::RoleKind::Other,
                    label: sentence.clone(),
                    words: vec![sentence],
                }],
                ..Default::default()
            };
            claim
        })
        .collect();
    // One role, found whole: the default model's "all roles found" is enough.
    dataset.model = crate::dataset::ScoreModel::default();
    dataset
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

/// How one mount looks and what it shows.
#[derive(Clone)]
pub struct Settings {
    pub mode: Mode,
    /// Forces a theme; otherwise the article's `data-claimlens-theme` or the
    /// reader's colour scheme decides.
    pub theme: Option<Theme>,
    /// Only claims with these ratings are highlighted; `None` shows all.
    pub ratings: Option<Vec<Rating>>,
    pub panel: bool,
}

impl Settings {
    pub fn in_mode(mode: Mode) -> Settings {
        Settings {
            mode,
            theme: None,
            ratings: None,
            panel: true,
        }
    }
}

/// Annotates `container` with any matcher in the given mode.
pub fn mount_in_mode(
    container: &Element,
    matcher: Matcher,
    mode: Mode,
) -> Result<Mounted, JsValue> {
    mount_with_settings(container, matcher, &Settings::in_mode(mode))
}

/// Annotates `container` with any matcher and settings.
pub fn mount_with_settings(
    container: &Element,
    matcher: Matcher,
    settings: &Settings,
) -> Result<Mounted, JsValue> {
    let map = TextMap::from_container(container);
    let matches = matcher.find(map.text());
    finish_mount(container, map, matcher, matches, settings)
}

/// Draws the highlights and the UI for matches found in `map`.
fn finish_mount(
    container: &Element,
    map: TextMap,
    matcher: Matcher,
    matches: Vec<crate::matcher::Match>,
    settings: &Settings,
) -> Result<Mounted, JsValue> {
    let matches = shown(&matcher, matches, settings.ratings.as_deref());
    let mut highlighter = new_highlighter(container, &map, settings.mode)?;
    highlighter
        .add(&map, &matcher, &matches, 0)
        .inspect_err(|_| highlighter.remove())?;
    attach_or_undo(container, map, matcher, matches, highlighter, settings)
}

/// The matches whose ratings the `ratings` option lets through (all of
/// them without the option).
fn shown(
    matcher: &Matcher,
    mut matches: Vec<crate::matcher::Match>,
    ratings: Option<&[Rating]>,
) -> Vec<crate::matcher::Match> {
    if let Some(ratings) = ratings {
        matches.retain(|found| ratings.contains(&matcher.claim(found).rating));
    }
    matches
}

/// A highlighter with nothing drawn yet: paint where asked and supported,
/// else marks.
fn new_highlighter(container: &Element, map: &TextMap, mode: Mode) -> Result<Highlighter, JsValue> {
    if container.has_attribute(STATE_ATTR) {
        return Err("this element is already annotated by ClaimLens".into());
    }
    let document = gloo::utils::document();
    Ok(if mode == Mode::Paint && Paint::supported() {
        Highlighter::Paint(Rc::new(Paint::new(&document, map, &[])?))
    } else {
        Highlighter::Marks(Highlights::new(&document))
    })
}

/// Renders the UI over drawn highlights and starts watching the page; on
/// failure, leaves no trace.
fn attach_or_undo(
    container: &Element,
    map: TextMap,
    matcher: Matcher,
    matches: Vec<crate::matcher::Match>,
    mut highlighter: Highlighter,
    settings: &Settings,
) -> Result<Mounted, JsValue> {
    let document = gloo::utils::document();
    match attach(
        container,
        &document,
        &map,
        matcher,
        matches,
        &highlighter,
        settings,
    ) {
        Ok((ui_host, app, report)) => Ok(Mounted {
            container: container.clone(),
            ui_host,
            highlighter,
            app,
            report,
            ratings: settings.ratings.clone(),
            live: live::Live::watch(container, annotate_added).ok(),
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

/// Reads content the page added or rewrote after the first annotation (see
/// `live`), highlights its claims, and brings the cards, the panel and the
/// match count up to date.
fn annotate_added(nodes: Vec<Node>) {
    let changed = CURRENT.with(|current| {
        let mut current = current.borrow_mut();
        let mounted = current.as_mut()?;
        let report = mounted.report.clone();
        let mut nodes = nodes;
        if let Highlighter::Marks(highlights) = &mut mounted.highlighter {
            // Marks over text the page rewrote are stale; read it again.
            nodes.extend(highlights.drop_stale().into_iter().map(Node::from));
        }
        let nodes = live::new_content(&mounted.container, nodes);
        let map = TextMap::from_nodes(&nodes);
        let mut found = if declined(map.text()).is_some() {
            Vec::new()
        } else {
            let found = report.matcher.find(map.text());
            shown(&report.matcher, found, mounted.ratings.as_deref())
        };
        let first_index = report.matches.borrow().len();
        let drawn = mounted
            .highlighter
            .add(&map, &report.matcher, &found, first_index);
        if let Some(live) = &mounted.live {
            live.forget_own_changes();
        }
        match drawn {
            Ok(()) => report.matches.borrow_mut().extend(found.iter().cloned()),
            Err(error) => {
                web_sys::console::warn_2(
                    &"ClaimLens could not highlight new content:".into(),
                    &error,
                );
                found.clear();
            }
        }
        let total = report.matches.borrow().len();
        let present = (0..total).filter(|&i| report.is_present(i)).count();
        let _ = mounted
            .container
            .set_attribute(COUNT_ATTR, &present.to_string());
        let updated = (!found.is_empty())
            .then(|| matches_event("claimlens:updated", &map, &report.matcher, &found).ok())
            .flatten();
        Some((report, updated))
    });
    let Some((report, updated)) = changed else {
        return;
    };
    if let Some(refresh) = report.refresh.borrow().as_ref() {
        refresh.emit(());
    }
    if let Some(event) = updated {
        let _ = gloo::utils::document().dispatch_event(&event);
    }
}

/// The public event listing matches found in `map`: `detail` is an array
/// of `{ claimId, text }`.
fn matches_event(
    name: &str,
    map: &TextMap,
    matcher: &Matcher,
    matches: &[crate::matcher::Match],
) -> Result<CustomEvent, JsValue> {
    let detail = js_sys::Array::new();
    let chars: Vec<char> = map.text().chars().collect();
    for found in matches {
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
    CustomEvent::new_with_event_init_dict(name, &init)
}

/// Renders the UI and announces readiness; on failure, removes the UI host.
fn attach(
    container: &Element,
    document: &web_sys::Document,
    map: &TextMap,
    matcher: Matcher,
    matches: Vec<crate::matcher::Match>,
    highlighter: &Highlighter,
    settings: &Settings,
) -> Result<(Element, yew::AppHandle<App>, Rc<Report>), JsValue> {
    let paint = match highlighter {
        Highlighter::Paint(paint) => Some(paint.clone()),
        Highlighter::Marks(_) => None,
    };
    container.set_attribute(MODE_ATTR, if paint.is_some() { "paint" } else { "marks" })?;
    // Everything that can fail without side effects comes first.
    let ready = matches_event("claimlens:ready", map, &matcher, &matches)?;

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

    let count = matches.len();
    let report = Rc::new(Report {
        matcher,
        matches: RefCell::new(matches),
        container: container.clone(),
        ui_host: ui_host.clone(),
        published: crate::page::publication_date(document, container),
        paint,
        refresh: RefCell::new(None),
    });
    let app = yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            report: report.clone(),
            panel: settings.panel,
        },
    )
    .render();
    let announce = || -> Result<(), JsValue> {
        container.set_attribute(STATE_ATTR, "ready")?;
        container.set_attribute(COUNT_ATTR, &count.to_string())?;
        document.dispatch_event(&ready)?;
        Ok(())
    };
    match announce() {
        Ok(()) => Ok((ui_host, app, report)),
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
        self.live.take();
        self.app.destroy();
        self.ui_host.remove();
        self.highlighter.remove();
        for attribute in [STATE_ATTR, COUNT_ATTR, MODE_ATTR] {
            let _ = self.container.remove_attribute(attribute);
        }
    }
}
