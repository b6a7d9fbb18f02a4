//! Content the page adds or rewrites after the first annotation (found by
//! `live`): read, matched and drawn in time slices like the first
//! annotation, then the cards, the panel and the match count brought up to
//! date and `claimlens:updated` sent.

use super::attach::matches_event;
use super::highlighter::Highlighter;
use super::schedule::{match_and_draw, Outcome, TimeSlice};
use super::{live, COUNT_ATTR, CURRENT, GENERATION};
use crate::page::TextMapBuilder;
use std::cell::Cell;
use web_sys::Node;

thread_local! {
    /// True while added content is being annotated: one round at a time.
    static ADDING: Cell<bool> = const { Cell::new(false) };
}

/// Annotates `nodes`, which the page added or rewrote, in the background.
pub(super) fn annotate_added(nodes: Vec<Node>) {
    if ADDING.with(Cell::get) {
        // A round is still running: these wait for the next one.
        live::requeue(nodes, annotate_added);
        return;
    }
    let taken = CURRENT.with(|current| {
        let current = current.borrow();
        let mounted = current.as_ref()?;
        let mut nodes = nodes;
        if let Highlighter::Marks(highlights) = &mut *mounted.highlighter.borrow_mut() {
            // Marks over text the page rewrote are stale; read it again.
            nodes.extend(highlights.drop_stale().into_iter().map(Node::from));
        }
        let observer = mounted.live.as_ref().map(live::Live::observer);
        if let Some(observer) = &observer {
            observer.take_records();
        }
        Some((
            mounted.container.clone(),
            mounted.report.clone(),
            mounted.highlighter.clone(),
            mounted.ratings.clone(),
            observer,
            nodes,
        ))
    });
    let Some((container, report, highlighter, ratings, observer, nodes)) = taken else {
        return;
    };
    if super::api::relocated(&container) {
        return;
    }
    ADDING.with(|a| a.set(true));
    wasm_bindgen_futures::spawn_local(async move {
        let generation = GENERATION.with(Cell::get);
        let read = || TextMapBuilder::nodes(&live::new_content(&container, nodes.clone()));
        let forget = || {
            if let Some(observer) = &observer {
                observer.take_records();
            }
        };
        let first_index = report.matches.borrow().len();
        let outcome = match_and_draw(
            &read,
            &report.matcher,
            ratings.as_deref(),
            &highlighter,
            first_index,
            generation,
            &forget,
            &mut TimeSlice::start(),
        )
        .await;
        ADDING.with(|a| a.set(false));
        let updated = match outcome {
            Ok(Outcome::Cancelled) => return,
            Ok(Outcome::Drawn(map, found)) if !found.is_empty() => {
                report.matches.borrow_mut().extend(found.iter().cloned());
                super::cards::fetch_for(&report, &found);
                matches_event("claimlens:updated", &map, &report.matcher, &found).ok()
            }
            Ok(_) => None,
            Err(error) => {
                web_sys::console::warn_2(
                    &"ClaimLens could not highlight new content:".into(),
                    &error,
                );
                None
            }
        };
        let total = report.matches.borrow().len();
        let present = (0..total).filter(|&i| report.is_present(i)).count();
        let _ = container.set_attribute(COUNT_ATTR, &present.to_string());
        if let Some(refresh) = report.refresh.borrow().as_ref() {
            refresh.emit(());
        }
        if let Some(event) = updated {
            let _ = gloo::utils::document().dispatch_event(&event);
        }
    });
}
