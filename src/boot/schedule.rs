//! Matching and drawing in time slices: the one path every annotation
//! takes, the first one (`mount`) and content the page adds later
//! (`added`). Text is matched in pieces of about [`PIECE_CHARS`] and drawn
//! in batches of [`DRAW_BATCH`] highlights; once [`SLICE_MS`] of work have
//! passed, ClaimLens yields to the page. When the page changes the text in
//! a gap, what this run drew is taken back and the text is read again.

use super::attach::{attach_or_undo, matches_event};
use super::highlighter::{overlap, Highlighter};
use super::{added, live, Mounted, Settings, GENERATION, STATE_ATTR};
use crate::dataset::Rating;
use crate::matcher::{Match, Matcher};
use crate::page::{TextMap, TextMapBuilder};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Chars matched between two yields to the page: a few milliseconds of work.
pub const PIECE_CHARS: usize = 2_000;

/// Highlights drawn between two checks of the time slice.
const DRAW_BATCH: usize = 32;

/// Above this, ClaimLens declines. Matching and drawing are time-sliced
/// and would go on (about 0.7 s per MB), but locating the article is one
/// walk of the page, about 22 ms per MB of paragraphs (BENCHMARKS.md,
/// "Huge pages"): past 2 MB it would be a long task of its own.
pub const MAX_ARTICLE_BYTES: usize = 2_000_000;

thread_local! {
    /// Why the last mount declined the article, for the bookmarklet's notice.
    pub(super) static DECLINED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Nodes read between two checks of the time slice.
const READ_NODES: usize = 500;

/// Times the text may change under one run before ClaimLens gives up on it.
const MAX_READS: usize = 8;

/// The first annotation of `container`, in time slices; `None` when the
/// article is declined or `unmount()` is called meanwhile.
pub(super) async fn annotate(
    container: &Element,
    mut settings: Settings,
    generation: u32,
) -> Result<Option<Mounted>, JsValue> {
    // The engine was just compiled and started in this task: let the page
    // run before annotating, so that the two never add up to a long task.
    yield_to_page().await;
    if GENERATION.with(Cell::get) != generation {
        return Ok(None);
    }
    if container.has_attribute(STATE_ATTR) {
        return Err("this element is already annotated by ClaimLens".into());
    }
    DECLINED.with(|d| d.borrow_mut().take());
    let mut slice = TimeSlice::start();
    // Only the bundled dataset's cards are in shard files; a matcher made
    // at run time carries its claims' text.
    let sharded = settings.matcher.is_none();
    let matcher = match settings.matcher.take() {
        Some(matcher) => matcher,
        None => super::api::bundled_matcher(),
    };
    slice.yield_if_spent().await;
    let highlighter = Rc::new(RefCell::new(Highlighter::new(
        settings.mode == super::Mode::Paint,
        container,
    )?));
    let read = || TextMapBuilder::container(container);
    let outcome = match_and_draw(
        &read,
        &matcher,
        settings.ratings.as_deref(),
        &highlighter,
        0,
        generation,
        &|| {},
        &mut slice,
    )
    .await;
    if let Ok(Outcome::Drawn(map, matches)) = outcome {
        // The UI's first render is the longest step after drawing (most of
        // it the browser compiling the UI's code on first call): it gets a
        // task of its own. The page is watched from now on, so that what it
        // changes in the gap is read like any later change; the ready event
        // is built before, since nothing may fail once the UI is up.
        let live = live::Live::watch(container, added::annotate_added).ok();
        let ready = match matches_event("claimlens:ready", &map, &matcher, &matches) {
            Ok(ready) => ready,
            Err(error) => {
                highlighter.borrow_mut().remove();
                return Err(error);
            }
        };
        yield_to_page().await;
        if GENERATION.with(Cell::get) == generation {
            let attached = attach_or_undo(
                container,
                matcher,
                matches,
                ready,
                highlighter,
                live,
                &settings,
                sharded,
                generation,
            );
            return attached.await;
        }
        highlighter.borrow_mut().remove();
        return Ok(None);
    }
    highlighter.borrow_mut().remove();
    if let Ok(Outcome::Declined(reason)) = &outcome {
        DECLINED.with(|d| *d.borrow_mut() = Some(reason.clone()));
        web_sys::console::info_1(
            &format!("ClaimLens: {reason}; the page was left as it is.").into(),
        );
    }
    outcome.map(|_| None)
}

pub(super) enum Outcome {
    /// Every match drawn, from this reading of the text.
    Drawn(TextMap, Vec<Match>),
    /// Nothing drawn: the text is not worth reading (why).
    Declined(String),
    /// Nothing (left) drawn: `unmount()` was called.
    Cancelled,
}

/// Reads the text (`read`), matches it in pieces and draws what the
/// `ratings` option shows with `highlighter`, in batches, as match indexes
/// from `first_index`, calling `after_batch` right after each batch.
/// Yields to the page whenever `slice` is spent; if the page changed the
/// text meanwhile, takes back what this run drew and starts again.
#[allow(clippy::too_many_arguments)]
pub(super) async fn match_and_draw(
    read: &dyn Fn() -> TextMapBuilder,
    matcher: &Matcher,
    ratings: Option<&[Rating]>,
    highlighter: &RefCell<Highlighter>,
    first_index: usize,
    generation: u32,
    after_batch: &dyn Fn(),
    slice: &mut TimeSlice,
) -> Result<Outcome, JsValue> {
    let cancelled = || GENERATION.with(Cell::get) != generation;
    let checkpoint = highlighter.borrow().checkpoint();
    'read: for _ in 0..MAX_READS {
        // Reading a huge page's nodes takes time too: in steps, and no
        // further than the size ClaimLens reads.
        let mut reading = read();
        while !reading.step(READ_NODES) {
            if reading.bytes_read() > MAX_ARTICLE_BYTES {
                return Ok(Outcome::Declined(too_long(reading.bytes_read())));
            }
            slice.yield_if_spent().await;
            if cancelled() {
                return Ok(Outcome::Cancelled);
            }
        }
        let map = reading.finish();
        if let Some(reason) = declined(map.text()) {
            return Ok(Outcome::Declined(reason));
        }
        let mut matches = Vec::new();
        for (offset, piece) in crate::matcher::pieces(map.text(), PIECE_CHARS) {
            slice.yield_if_spent().await;
            if cancelled() {
                return Ok(Outcome::Cancelled);
            }
            matches.extend(matcher.find_in_piece(piece, offset));
        }
        slice.yield_if_spent().await;
        if cancelled() {
            return Ok(Outcome::Cancelled);
        }
        // The page may have changed its text while we yielded: read it
        // again rather than highlight stale offsets.
        if !map.is_current() {
            continue;
        }
        if let Some(ratings) = ratings {
            matches.retain(|found| ratings.contains(&matcher.claim(found).rating));
        }
        // Drawing hundreds of highlights takes longer than a task should:
        // draw in batches, last first (see `Highlighter::add`).
        let mut drawn_from = matches.len();
        while drawn_from > 0 {
            let mut batch_start = drawn_from.saturating_sub(DRAW_BATCH);
            // A companion and the match whose highlight it shares go together.
            while batch_start > 0 && overlap(&matches[batch_start - 1], &matches[batch_start]) {
                batch_start -= 1;
            }
            let drawn = highlighter.borrow_mut().add(
                &map,
                matcher,
                &matches[batch_start..drawn_from],
                first_index + batch_start,
            );
            after_batch();
            if let Err(error) = drawn {
                // On failure nothing this run drew may stay.
                highlighter.borrow_mut().undo_to(checkpoint);
                return Err(error);
            }
            drawn_from = batch_start;
            if drawn_from > 0 && slice.yield_if_spent().await {
                if cancelled() {
                    return Ok(Outcome::Cancelled);
                }
                if !map.is_current_before(matches[drawn_from - 1].span.end) {
                    highlighter.borrow_mut().undo_to(checkpoint);
                    after_batch();
                    continue 'read;
                }
            }
        }
        return Ok(Outcome::Drawn(map, matches));
    }
    Err("the text kept changing while ClaimLens read it".into())
}

/// Why ClaimLens leaves a text alone, if it does.
fn declined(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("the article has no text".into());
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Some(too_long(text.len()));
    }
    None
}

fn too_long(bytes: usize) -> String {
    format!(
        "This page is too long for ClaimLens (over {} KB of article text; it reads up to {} KB)",
        bytes / 1000,
        MAX_ARTICLE_BYTES / 1000
    )
}

/// Work done in one task before ClaimLens lets the page run: well under the
/// 50 ms that counts as a long task, even with a piece still to match.
const SLICE_MS: f64 = 10.0;

/// Yields to the page only once a task has run for [`SLICE_MS`]: a short
/// text is annotated in one task, with no waits for the page's other tasks
/// to run in between, and a long one never blocks the reader.
pub(super) struct TimeSlice {
    since: f64,
}

impl TimeSlice {
    pub(super) fn start() -> TimeSlice {
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

pub(super) async fn yield_to_page() {
    // The promise never rejects; a failure to yield is no reason to stop.
    let _ = wasm_bindgen_futures::JsFuture::from(claimlens_yield()).await;
}
