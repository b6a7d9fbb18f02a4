use super::card::{Card, LOADING, NOT_LOADED};
use super::panel::{PanelEntry, SummaryPanel};
use crate::boot::CardStatus;
use crate::matcher::{Match, Matcher};
use crate::ui::hooks::{mark_for, use_hover_intent, use_mark_events};
use crate::ui::state::{Action, Anchor, CardState};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// What one annotation run found, handed from boot to the UI.
pub struct Report {
    pub matcher: Matcher,
    /// The matched claims' card text, which may still be on its way.
    pub cards: Rc<crate::boot::Cards>,
    /// Grows when content added to the page later has claims (`boot::live`).
    pub matches: RefCell<Vec<Match>>,
    /// The annotated article element.
    pub container: Element,
    /// The element hosting the widget's shadow root.
    pub ui_host: Element,
    /// The page's publication date, if it says.
    pub published: Option<crate::dataset::Date>,
    /// In paint mode, the painted ranges, for hit-testing and placing cards.
    pub paint: Option<Rc<crate::page::Paint>>,
    /// Re-renders the UI after `matches` grew; set by [`App`].
    pub refresh: RefCell<Option<Callback<()>>>,
}

impl Report {
    /// Whether match `index` is still on the page: a framework may have
    /// replaced the text it was found in.
    pub fn is_present(&self, index: usize) -> bool {
        match &self.paint {
            Some(paint) => paint.is_present(index),
            None => mark_for(&self.container, index).is_some(),
        }
    }
}

#[derive(Properties, Clone)]
pub struct AppProps {
    pub report: Rc<Report>,
    /// Whether to show the summary panel.
    pub panel: bool,
    /// Whether the panel keeps the reader's choice in `localStorage`.
    pub remember_panel: bool,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.panel == other.panel
            && self.remember_panel == other.remember_panel
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let report = &props.report;
    let state = use_reducer(CardState::default);
    let update = use_force_update();
    {
        let report = report.clone();
        use_effect_with((), move |_| {
            *report.refresh.borrow_mut() = Some(Callback::from(move |_| update.force_update()));
        });
    }
    let matches = report.matches.borrow();
    use_mark_events(
        report.container.clone(),
        report.ui_host.clone(),
        report.paint.clone(),
        state.clone(),
    );
    use_hover_intent(report.ui_host.clone(), report.paint.clone(), state.clone());

    let card = state.open.and_then(|(match_index, anchor)| {
        let found = matches.get(match_index)?;
        let on_close = {
            let state = state.clone();
            let container = report.container.clone();
            Callback::from(move |_| {
                state.dispatch(Action::Close);
                if let Some(mark) = mark_for(&container, match_index) {
                    let _ = mark.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
            })
        };
        let claim = report.matcher.claim(found);
        let content = report.cards.status(&report.matcher, found.claim_index);
        let time_note = match &content {
            CardStatus::Ready(whole) => crate::card_text::time_note(whole, report.published),
            _ => None,
        };
        Some(html! {
            <Card
                key={match_index}
                {match_index}
                {anchor}
                claim_id={claim.id.clone()}
                rating={claim.rating}
                {content}
                explanation={found.explanation.clone()}
                dataset={report.matcher.dataset().info.clone()}
                {time_note}
                {on_close}
            />
        })
    });
    let entries: Vec<PanelEntry> = matches
        .iter()
        .enumerate()
        .filter(|(match_index, _)| report.is_present(*match_index))
        .map(|(match_index, found)| {
            let rating = report.matcher.claim(found).rating;
            let (claim, summary) = match report.cards.status(&report.matcher, found.claim_index) {
                CardStatus::Ready(claim) => (claim.claim_reviewed.clone(), claim.summary.clone()),
                CardStatus::Loading => (LOADING.to_string(), String::new()),
                CardStatus::Failed(_) => (NOT_LOADED.to_string(), String::new()),
            };
            PanelEntry {
                match_index,
                rating,
                claim,
                summary,
            }
        })
        .collect();
    let on_choose = {
        let (container, paint, state) = (
            report.container.clone(),
            report.paint.clone(),
            state.clone(),
        );
        Callback::from(move |match_index: usize| {
            // The highlight takes focus as if the reader had tabbed to it;
            // opening by index also reaches a companion card, whose
            // highlight opens the other claim's card first.
            let rect = if let Some(mark) = mark_for(&container, match_index) {
                mark.scroll_into_view();
                let _ = mark.unchecked_ref::<web_sys::HtmlElement>().focus();
                Some(mark.get_bounding_client_rect())
            } else {
                paint.as_ref().and_then(|p| p.rect(match_index))
            };
            if let Some(rect) = rect {
                state.dispatch(Action::Open {
                    match_index,
                    anchor: Anchor::of(&rect),
                });
            }
        })
    };
    html! {
        <>
            if props.panel {
                <SummaryPanel {entries} {on_choose} remember={props.remember_panel} />
            }
            { for card }
        </>
    }
}
