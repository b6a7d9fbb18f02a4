use crate::dataset::Rating;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct PanelEntry {
    pub match_index: usize,
    pub rating: Rating,
    pub claim: String,
    pub summary: String,
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub entries: Vec<PanelEntry>,
    /// A claim was chosen: show its highlight and card.
    pub on_choose: Callback<usize>,
    /// Keep the reader's choice in `localStorage` (the publisher's
    /// `rememberPanel` option); otherwise no storage is read or written.
    pub remember: bool,
}

/// How much of the panel the reader wants: remembered per site where the
/// publisher allows it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Collapsed,
    Open,
    Hidden,
}

const STORAGE_KEY: &str = "claimlens:panel";

fn storage(remember: bool) -> Option<web_sys::Storage> {
    remember
        .then(|| gloo::utils::window().local_storage().ok().flatten())
        .flatten()
}

fn remembered(remember: bool) -> View {
    let stored = storage(remember).and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    match stored.as_deref() {
        Some("open") => View::Open,
        Some("hidden") => View::Hidden,
        _ => View::Collapsed,
    }
}

fn remember(remember: bool, view: View) {
    let value = match view {
        View::Collapsed => "collapsed",
        View::Open => "open",
        View::Hidden => "hidden",
    };
    // Storage can be full or forbidden (private modes, sandboxed frames): the
    // choice then lasts for this page only.
    if let Some(storage) = storage(remember) {
        let _ = storage.set_item(STORAGE_KEY, value);
    }
}

/// A small floating control — "3 claims in this article have context" —
/// that expands to the list of claims; choosing one shows its card. The
/// reader can hide it; where the publisher allows, the choice is remembered.
#[function_component]
pub fn SummaryPanel(props: &PanelProps) -> Html {
    let keep = props.remember;
    let view = use_state(|| remembered(keep));
    let set = |next: View| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            remember(keep, next);
            view.set(next);
        })
    };
    let hide_label = if keep {
        "Hide ClaimLens on this site"
    } else {
        "Hide ClaimLens on this page"
    };
    let count = props.entries.len();
    if count == 0 {
        return html! {};
    }
    let label = if count == 1 {
        "1 claim in this article has context".to_string()
    } else {
        format!("{count} claims in this article have context")
    };
    // Said once, when ClaimLens has finished: the panel re-renders, but the
    // live region's text never changes afterwards, so it is not repeated.
    let announcement = html! {
        <p class="visually-hidden" role="status" aria-live="polite">
            {format!("ClaimLens: {label}. On a highlighted passage, press Enter for its context, n or p for the next or previous claim.")}
        </p>
    };
    match *view {
        View::Hidden => html! {
            <div class="panel hidden" data-claimlens-panel="hidden">
                {announcement}
                <button type="button" class="restore" aria-label={format!("Show ClaimLens: {label}")} onclick={set(View::Collapsed)}>{"ⓘ"}</button>
            </div>
        },
        View::Collapsed => html! {
            <div class="panel" data-claimlens-panel="collapsed">
                {announcement}
                <button type="button" class="toggle" aria-expanded="false" onclick={set(View::Open)}>{label}</button>
                <button type="button" class="hide" aria-label={hide_label} onclick={set(View::Hidden)}>{"×"}</button>
            </div>
        },
        View::Open => html! {
            <div class="panel open" data-claimlens-panel="open">
                {announcement}
                <button type="button" class="toggle" aria-expanded="true" onclick={set(View::Collapsed)}>{label}</button>
                <button type="button" class="hide" aria-label={hide_label} onclick={set(View::Hidden)}>{"×"}</button>
                <ul role="list">
                    { for props.entries.iter().map(|entry| {
                        let choose = props.on_choose.reform({
                            let index = entry.match_index;
                            move |_: MouseEvent| index
                        });
                        html! {
                            <li>
                                <button type="button" class="entry" data-claimlens-entry={entry.match_index.to_string()} onclick={choose}>
                                    <span class={classes!("badge", entry.rating.slug())}>
                                        <span aria-hidden="true">{entry.rating.icon()}</span>{" "}{entry.rating.label()}
                                    </span>
                                    <span class="entry-claim">{&entry.claim}</span>
                                    <span class="entry-summary">{&entry.summary}</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        },
    }
}
