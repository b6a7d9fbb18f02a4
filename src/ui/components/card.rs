use crate::boot::CardStatus;
use crate::dataset::{DatasetInfo, Rating};
use crate::ui::state::Anchor;
use yew::prelude::*;

/// What a card (and the panel) says while its text is on its way.
pub const LOADING: &str = "Loading this claim's context…";
/// What it says when the text could not be fetched: the highlight stays.
pub const NOT_LOADED: &str = "The text of this card could not be loaded.";

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub match_index: usize,
    pub anchor: Anchor,
    pub claim_id: String,
    /// Known before the card text arrives: the highlight has it too.
    pub rating: Rating,
    pub content: CardStatus,
    pub explanation: Vec<String>,
    pub dataset: DatasetInfo,
    /// Whether the claim held on the article's date, for time-dependent claims.
    pub time_note: Option<String>,
    pub on_close: Callback<()>,
}

const GAP: f64 = 8.0;

/// Keeps the card inside the viewport horizontally, starting at its
/// highlight's left edge. Set through CSSOM, never a `style` attribute, so a
/// page whose CSP forbids inline styles still places the card.
fn place_horizontally(card: &web_sys::HtmlElement, anchor: Anchor) {
    let viewport_w = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let width = (384.0f64).min(viewport_w - 2.0 * GAP);
    let right_most = (viewport_w - width - GAP).max(GAP);
    // Not `f64::clamp`: its min-above-max assertion, which `max(GAP)` rules
    // out, would ship `Debug` float formatting to every reader.
    let left = if anchor.left < GAP {
        GAP
    } else if anchor.left > right_most {
        right_most
    } else {
        anchor.left
    };
    // Whole pixels: formatting floats would pull float printing into the wasm.
    let _ = card
        .style()
        .set_property("left", &format!("{}px", left.round() as i32));
}

/// Once the card's real height is known, puts it below its highlight if it
/// fits there, else wherever there is more room (flipping above), and caps
/// its height to that room so it never leaves the viewport; it scrolls
/// inside instead.
fn fit_vertically(card: &web_sys::HtmlElement, anchor: Anchor) {
    let viewport_h = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let room_below = viewport_h - anchor.bottom - 2.0 * GAP;
    let room_above = anchor.top - 2.0 * GAP;
    let height = f64::from(card.scroll_height());
    let style = card.style();
    let px = |v: f64| format!("{}px", v.max(0.0).round() as i32);
    let (set, clear, room) = if height <= room_below || room_below >= room_above {
        ("top", "bottom", room_below)
    } else {
        ("bottom", "top", room_above)
    };
    let offset = if set == "top" {
        anchor.bottom + GAP
    } else {
        viewport_h - anchor.top + GAP
    };
    let _ = style.remove_property(clear);
    let _ = style.set_property(set, &px(offset));
    let _ = style.set_property("max-height", &px(room));
}

/// One claim's context card. All dataset text is rendered as text nodes,
/// never as HTML; only `https:` links are rendered as links.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let rating = props.rating;
    let node = use_node_ref();
    // Placed again when the text arrives: the card's height changes.
    let stage = match &props.content {
        CardStatus::Ready(_) => "ready",
        CardStatus::Loading => "loading",
        CardStatus::Failed(_) => "failed",
    };
    {
        // The top layer keeps the card above any stacking context the page has.
        let node = node.clone();
        let anchor = props.anchor;
        use_effect_with(stage, move |_| {
            if let Some(card) = node.cast::<web_sys::HtmlElement>() {
                place_horizontally(&card, anchor);
                let _ = card.show_popover();
                fit_vertically(&card, anchor);
            }
        });
    }
    let title_id = format!("claimlens-card-title-{}", props.match_index);
    let labelled_by = title_id.clone();
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let badge = html! {
        <span class={classes!("badge", rating.slug())} title={rating.meaning()}>
            <span class="icon" aria-hidden="true">{rating.icon()}</span>
            {rating.label()}
        </span>
    };
    let body = match &props.content {
        CardStatus::Loading => html! {
            <p class="claim pending" id={title_id}>{LOADING}</p>
        },
        CardStatus::Failed(why) => html! {
            <>
                <p class="claim pending" id={title_id}>{NOT_LOADED}</p>
                <p class="meta">{why}</p>
            </>
        },
        CardStatus::Ready(claim) => html! {
            <>
                // The badge maps an imported review onto our six ratings; the
                // reviewer's own verdict stays visible beside it.
                if let Some(label) = &claim.rating_label {
                    <p class="meta">{format!("The reviewer's own rating: {label}")}</p>
                }
                <p class="claim" id={title_id}>{&claim.claim_reviewed}</p>
                <p class="summary">{&claim.summary}</p>
                <p class="context">{&claim.context}</p>
                <p class="meta">{format!("Context as of {}", claim.as_of)}</p>
                if let Some(note) = &props.time_note {
                    <p class="time">{note}</p>
                }
                <p class="section">{"Sources"}</p>
                <ul>
                    { for claim.sources.iter().filter(|s| s.url.starts_with("https://")).map(|s| html! {
                        <li>
                            <a href={s.url.clone()} target="_blank" rel="noopener noreferrer">{&s.title}</a>
                            {format!(" — {}{}", s.publisher, s.date.map(|d| format!(", {d}")).unwrap_or_default())}
                        </li>
                    }) }
                </ul>
            </>
        },
    };
    html! {
        <section ref={node} class="card" popover="manual" role="dialog" aria-labelledby={labelled_by}
            aria-busy={(stage == "loading").then_some("true")}
            data-claimlens-card={props.claim_id.clone()} data-claimlens-card-state={stage}>
            <button class="close" type="button" aria-label="Close" onclick={on_close}>{"×"}</button>
            {badge}
            {body}
            <p class="why">{format!("Highlighted because the sentence states: {}", props.explanation.join(" · "))}</p>
            <p class="version">{format!("ClaimLens dataset {} · {}", props.dataset.version, props.dataset.short_hash())}</p>
        </section>
    }
}
