//! Following a living page: content added after ClaimLens started (infinite
//! scroll, "read more", a single-page app swapping the article) or text a
//! framework rewrote in place is read once it has settled, in idle time, and
//! only those nodes are read.
//!
//! ClaimLens's own changes never come back as work: after drawing, the
//! observer's queued records are taken and dropped, so highlighting cannot
//! trigger a rescan.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord, Node};

/// Quiet time after the last change before the new content counts as
/// settled; the idle callback may wait up to [`IDLE_TIMEOUT_MS`] more.
pub const SETTLE_MS: u32 = 50;
pub const IDLE_TIMEOUT_MS: u32 = 100;

thread_local! {
    /// Nodes added since the last annotation, waiting for the page to settle.
    static PENDING: RefCell<Vec<Node>> = const { RefCell::new(Vec::new()) };
    static SETTLE: RefCell<Option<gloo::timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// Watches one article for added nodes; stops when dropped.
pub struct Live {
    observer: MutationObserver,
    _on_change: Closure<dyn FnMut(js_sys::Array, MutationObserver)>,
}

impl Live {
    /// `annotate` runs, in idle time, with the settled new nodes.
    pub fn watch(container: &Element, annotate: fn(Vec<Node>)) -> Result<Live, JsValue> {
        let on_change = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
            move |records: js_sys::Array, _| {
                let mut added = Vec::new();
                for record in records.iter() {
                    let record = record.unchecked_into::<MutationRecord>();
                    if record.type_() == "characterData" {
                        // A framework rewrote a text node in place.
                        added.extend(record.target());
                        continue;
                    }
                    let nodes = record.added_nodes();
                    added.extend((0..nodes.length()).filter_map(|i| nodes.item(i)));
                }
                if added.is_empty() {
                    return;
                }
                requeue(added, annotate);
            },
        );
        let observer = MutationObserver::new(on_change.as_ref().unchecked_ref())?;
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_character_data(true);
        init.set_subtree(true);
        observer.observe_with_options(container, &init)?;
        Ok(Live {
            observer,
            _on_change: on_change,
        })
    }

    /// The observer, whose queued records ClaimLens takes (and drops) right
    /// after each change of its own.
    pub fn observer(&self) -> MutationObserver {
        self.observer.clone()
    }
}

/// Queues `added` and (re)starts the wait for the page to settle, after
/// which `annotate` runs with everything queued, in idle time.
pub fn requeue(added: Vec<Node>, annotate: fn(Vec<Node>)) {
    PENDING.with(|p| p.borrow_mut().extend(added));
    let settled = gloo::timers::callback::Timeout::new(SETTLE_MS, move || {
        when_idle(move || annotate(PENDING.with(|p| p.take())));
    });
    SETTLE.with(|s| *s.borrow_mut() = Some(settled));
}

impl Drop for Live {
    fn drop(&mut self) {
        self.observer.disconnect();
        PENDING.with(|p| p.borrow_mut().clear());
        SETTLE.with(|s| s.borrow_mut().take());
    }
}

fn when_idle(work: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let callback = Closure::once_into_js(work);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_TIMEOUT_MS);
    if window
        .request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// The added nodes worth reading: still in `container`, not ClaimLens's
/// own, and not inside another of them (read once, not twice). Linear in
/// the number of nodes (times the depth of the tree): a `Set` answers
/// "seen?" and "is an ancestor queued?".
pub fn new_content(container: &Element, nodes: Vec<Node>) -> Vec<Node> {
    let queued = js_sys::Set::new(&JsValue::UNDEFINED);
    let mut unique = Vec::with_capacity(nodes.len());
    for node in nodes {
        if !queued.has(&node) {
            queued.add(&node);
            unique.push(node);
        }
    }
    unique.retain(|node| {
        let element = match node.dyn_ref::<Element>() {
            Some(element) => Some(element.clone()),
            None => node.parent_element(),
        };
        node.is_connected()
            && container.contains(Some(node))
            && element.is_some_and(|e| {
                e.closest("claimlens-mark, [data-claimlens-ui], claimlens-notice")
                    .ok()
                    .flatten()
                    .is_none()
            })
    });
    unique.retain(|node| {
        let mut ancestor = node.parent_node();
        while let Some(parent) = ancestor {
            if queued.has(&parent) {
                return false;
            }
            if container.is_same_node(Some(&parent)) {
                break;
            }
            ancestor = parent.parent_node();
        }
        true
    });
    unique
}
