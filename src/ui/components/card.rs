use crate::dataset::{Claim, DatasetInfo};
use crate::ui::state::Anchor;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub match_index: usize,
    pub anchor: Anchor,
    pub claim: Claim,
    pub explanation: Vec<String>,
    pub dataset: DatasetInfo,
    /// Whether the claim held on the article's date, for time-dependent claims.
    pub time_note: Option<String>,
    pub on_close: Callback<()>,
}

/// Rough card height used to decide whether it fits below the highlight.
const EXPECTED_HEIGHT: f64 = 320.0;
const GAP: f64 = 8.0;

/// Places the card under its highlight, or above it when the viewport has
/// no room below, and keeps it inside the viewport horizontally.
fn position(anchor: Anchor) -> String {
    let window = gloo::utils::window();
    let viewport_w = window
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1024.0);
    let viewport_h = window
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(768.0);
    let width = (384.0f64).min(viewport_w - 16.0);
    let left = anchor.left.clamp(GAP, (viewport_w - width - GAP).max(GAP));
    // Whole pixels: formatting floats would pull ~15 KB of float printing into the wasm.
    let px = |v: f64| v.round() as i32;
    if anchor.bottom + GAP + EXPECTED_HEIGHT > viewport_h && anchor.top > EXPECTED_HEIGHT + GAP {
        format!(
            "left:{}px;bottom:{}px;",
            px(left),
            px(viewport_h - anchor.top + GAP)
        )
    } else {
        format!("left:{}px;top:{}px;", px(left), px(anchor.bottom + GAP))
    }
}

/// One claim's context card. All dataset text is rendered as text nodes,
/// never as HTML; only `https:` links are rendered as links.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let claim = &props.claim;
    let rating = claim.rating;
    let node = use_node_ref();
    {
        // The top layer keeps the card above any stacking context the page has.
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(card) = node.cast::<web_sys::HtmlElement>() {
                let _ = card.show_popover();
            }
        });
    }
    let title_id = format!("claimlens-card-title-{}", props.match_index);
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section ref={node} class="card" popover="manual" role="dialog" aria-labelledby={title_id.clone()}
            style={position(props.anchor)} data-claimlens-card={claim.id.clone()}>
            <button class="close" type="button" aria-label="Close" onclick={on_close}>{"×"}</button>
            <span class="badge" style={format!("background:{};color:{}", rating.colour(), rating.text_on_colour())} title={rating.meaning()}>
                <span class="icon" aria-hidden="true">{rating.icon()}</span>
                {rating.label()}
            </span>
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
            <p class="why">{format!("Highlighted because the sentence mentions: {}", props.explanation.join(", "))}</p>
            <p class="version">{format!("ClaimLens dataset {} · {}", props.dataset.version, props.dataset.short_hash())}</p>
        </section>
    }
}
