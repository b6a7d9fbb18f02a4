//! Wiring the host page's events to the card state.
//!
//! Listeners are delegated: one per event type on the document, found by
//! `closest(mark)`, so no listener is attached to any host element and
//! dropping the hook removes them all.

use super::state::{Action, Anchor, CardState};
use crate::page::MARK_TAG;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, KeyboardEvent, MouseEvent};
use yew::prelude::*;

/// Hovering a highlight this long opens its card: long enough that a pointer
/// crossing the text does not flash cards, short enough to feel immediate
/// (Wikipedia's page previews wait 150 ms).
pub const HOVER_DWELL_MS: u32 = 200;
/// After the pointer leaves the highlight and the card, the card waits this
/// long before closing, so the pointer can travel from one to the other.
pub const HOVER_GRACE_MS: u32 = 300;

/// The highlight element that opens a card for `match_index`.
pub fn mark_for(container: &Element, match_index: usize) -> Option<Element> {
    container
        .query_selector(&format!(
            "{MARK_TAG}[data-claimlens-match~=\"{match_index}\"][tabindex]"
        ))
        .ok()
        .flatten()
}

fn mark_of(event: &Event) -> Option<(usize, Element)> {
    // Where the event began, also inside an open shadow root (whose
    // events reach the document retargeted to its host).
    let target = event
        .composed_path()
        .get(0)
        .dyn_into::<Element>()
        .ok()
        .or_else(|| event.target()?.dyn_into::<Element>().ok())?;
    let mark = target
        .closest(&format!("{MARK_TAG}[data-claimlens-match]"))
        .ok()??;
    // A shared highlight lists its own match first, then its companions.
    let index = mark
        .get_attribute("data-claimlens-match")?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    Some((index, mark))
}

fn has_modifier(event: &Event) -> bool {
    event
        .dyn_ref::<KeyboardEvent>()
        .is_some_and(|k| k.alt_key() || k.ctrl_key() || k.meta_key() || k.shift_key())
}

fn anchor_of(mark: &Element) -> Anchor {
    Anchor::of(&mark.get_bounding_client_rect())
}

/// Opens cards on click, focus and Enter/Space; closes on Escape and on a
/// click elsewhere; keeps `aria-expanded` on the highlight in step.
#[hook]
pub fn use_mark_events(
    container: Element,
    ui_host: Element,
    paint: Option<Rc<crate::page::Paint>>,
    state: UseReducerHandle<CardState>,
) {
    let dispatcher = state.dispatcher();
    let open_index = state.open.map(|(i, _)| i);
    {
        let container = container.clone();
        use_effect_with(open_index, move |open| {
            if let Some(i) = *open {
                if let Some(mark) = mark_for(&container, i) {
                    let _ = mark.set_attribute("aria-expanded", "true");
                }
            }
            let open = *open;
            move || {
                if let Some(mark) = open.and_then(|i| mark_for(&container, i)) {
                    let _ = mark.set_attribute("aria-expanded", "false");
                }
            }
        });
    }
    use_effect_with((container, ui_host), move |(container, ui_host)| {
        let document = gloo::utils::document();
        let open = {
            let dispatcher = dispatcher.clone();
            let paint = paint.clone();
            move |event: &Event| {
                if let Some((match_index, mark)) = mark_of(event) {
                    dispatcher.dispatch(Action::Open {
                        match_index,
                        anchor: anchor_of(&mark),
                    });
                    return true;
                }
                // Paint mode: no element was hit; test the point against the
                // painted ranges (clicks and taps only, not focus or keys).
                let point = event
                    .dyn_ref::<MouseEvent>()
                    .map(|m| (f64::from(m.client_x()), f64::from(m.client_y())));
                if let Some((match_index, rect)) = paint
                    .as_ref()
                    .zip(point)
                    .and_then(|(p, (x, y))| p.hit(x, y))
                {
                    dispatcher.dispatch(Action::Open {
                        match_index,
                        anchor: Anchor::of(&rect),
                    });
                    return true;
                }
                false
            }
        };
        let on_click = {
            let open = open.clone();
            let dispatcher = dispatcher.clone();
            let ui_host = ui_host.clone();
            EventListener::new(&document, "click", move |event| {
                let inside_card = event
                    .target()
                    .is_some_and(|t| JsValue::from(t) == JsValue::from(&ui_host));
                if !open(event) && !inside_card {
                    dispatcher.dispatch(Action::Close);
                }
            })
        };
        let on_focus = {
            let open = open.clone();
            EventListener::new(&document, "focusin", move |event| {
                open(event);
            })
        };
        let on_key = {
            let container = container.clone();
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(key) = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                    return;
                };
                match key.as_str() {
                    "Escape" => {
                        let focused_mark = mark_of(event).map(|(i, _)| i);
                        dispatcher.dispatch(Action::Close);
                        // Focus goes back to the highlight the reader was on.
                        if let Some(mark) = focused_mark.and_then(|i| mark_for(&container, i)) {
                            let _ = mark.unchecked_ref::<web_sys::HtmlElement>().focus();
                        }
                    }
                    "Enter" | " " if open(event) => event.prevent_default(),
                    // Next/previous claim, only while a highlight has focus,
                    // so the page's own typing shortcuts are never taken
                    // (WCAG 2.1.4).
                    "n" | "p" if !has_modifier(event) => {
                        if let Some((index, _)) = mark_of(event) {
                            let target = if key == "n" {
                                index.checked_add(1)
                            } else {
                                index.checked_sub(1)
                            };
                            if let Some(mark) = target.and_then(|i| mark_for(&container, i)) {
                                event.prevent_default();
                                let _ = mark.unchecked_ref::<web_sys::HtmlElement>().focus();
                            }
                        }
                    }
                    _ => {}
                }
            })
        };
        move || drop((on_click, on_focus, on_key))
    });
}

use wasm_bindgen::JsValue;

/// Hover intent: open after [`HOVER_DWELL_MS`] on a highlight; close a
/// hover-opened card [`HOVER_GRACE_MS`] after the pointer has left both the
/// highlight and the card. Moving onto the card keeps it open.
#[hook]
pub fn use_hover_intent(
    ui_host: Element,
    paint: Option<Rc<crate::page::Paint>>,
    state: UseReducerHandle<CardState>,
) {
    let dispatcher = state.dispatcher();
    let open_index = state.open.map(|(i, _)| i);
    let open_now = use_mut_ref(|| None::<usize>);
    let pending = use_mut_ref(|| None::<Timeout>);
    // A card opened or closed by any other route (click, keys, Escape)
    // overrides a hover still in progress: its timer must not reopen or
    // close cards behind the reader's back.
    if *open_now.borrow() != open_index {
        pending.borrow_mut().take();
    }
    *open_now.borrow_mut() = open_index;
    use_effect_with(ui_host, move |ui_host| {
        let document = gloo::utils::document();
        let hover = HoverTimer {
            pending,
            dispatcher,
            open_now,
        };
        let paint = paint.clone();
        let is_card = {
            let ui_host = ui_host.clone();
            move |target: Option<web_sys::EventTarget>| {
                target.is_some_and(|t| {
                    wasm_bindgen::JsValue::from(t) == wasm_bindgen::JsValue::from(&ui_host)
                })
            }
        };
        let on_over = {
            let (hover, is_card) = (hover.clone(), is_card.clone());
            EventListener::new(&document, "mouseover", move |event| {
                if let Some((match_index, mark)) = mark_of(event) {
                    hover.enter(match_index, move || anchor_of(&mark));
                } else if is_card(event.target()) {
                    hover.stay();
                }
            })
        };
        let on_out = {
            let (hover, is_card) = (hover.clone(), is_card.clone());
            EventListener::new(&document, "mouseout", move |event| {
                let leaving_mark = mark_of(event).is_some();
                if !leaving_mark && !is_card(event.target()) {
                    return;
                }
                let into = event
                    .dyn_ref::<MouseEvent>()
                    .and_then(MouseEvent::related_target);
                if is_card(into) && is_card(event.target()) {
                    return; // moving inside the card
                }
                hover.leave();
            })
        };
        // Paint mode has no elements to enter or leave: follow the pointer
        // over the painted ranges instead.
        let on_move = paint.map(|paint| {
            let hovering: Rc<std::cell::Cell<Option<usize>>> = Rc::default();
            let hover = hover.clone();
            EventListener::new(&document, "mousemove", move |event| {
                if is_card(event.target()) {
                    hover.stay();
                    return;
                }
                let Some(mouse) = event.dyn_ref::<MouseEvent>() else {
                    return;
                };
                match paint.hit(f64::from(mouse.client_x()), f64::from(mouse.client_y())) {
                    Some((match_index, _)) if hovering.get() == Some(match_index) => {}
                    Some((match_index, rect)) => {
                        hovering.set(Some(match_index));
                        hover.enter(match_index, move || Anchor::of(&rect));
                    }
                    None if hovering.get().is_some() => {
                        hovering.set(None);
                        hover.leave();
                    }
                    None => {}
                }
            })
        });
        move || drop((on_over, on_out, on_move, hover))
    });
}

/// The one pending hover timer: a dwell before opening or a grace period
/// before closing. Starting either cancels the other.
#[derive(Clone)]
struct HoverTimer {
    pending: Rc<RefCell<Option<Timeout>>>,
    dispatcher: UseReducerDispatcher<CardState>,
    /// The match whose card is open now, kept current by the hook.
    open_now: Rc<RefCell<Option<usize>>>,
}

impl HoverTimer {
    /// The pointer is on `match_index`: open its card after the dwell,
    /// or keep it open if it already is.
    fn enter(&self, match_index: usize, anchor: impl FnOnce() -> Anchor + 'static) {
        if *self.open_now.borrow() == Some(match_index) {
            self.stay();
            return;
        }
        let dispatcher = self.dispatcher.clone();
        *self.pending.borrow_mut() = Some(Timeout::new(HOVER_DWELL_MS, move || {
            dispatcher.dispatch(Action::HoverOpen {
                match_index,
                anchor: anchor(),
            });
        }));
    }

    /// The pointer is on the card or back on its highlight: cancel any close.
    fn stay(&self) {
        self.pending.borrow_mut().take();
    }

    /// The pointer left: close a hover-opened card after the grace period.
    fn leave(&self) {
        let dispatcher = self.dispatcher.clone();
        *self.pending.borrow_mut() = Some(Timeout::new(HOVER_GRACE_MS, move || {
            dispatcher.dispatch(Action::HoverClose);
        }));
    }
}
