//! Cards on demand, in the page: once an annotation has matched, each shard
//! file holding a matched claim's card is fetched, once, through the
//! loader (which knows where the engine came from and why a fetch failed);
//! the UI shows a loading state until it arrives. Nothing is fetched when
//! nothing matched, and builds whose claims carry their text fetch nothing.

use crate::dataset::cards::{CardText, ShardTable};
use crate::dataset::{Claim, Dataset, DatasetInfo};
use crate::matcher::{Match, Matcher};
use crate::ui::Report;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The loader's `(name) => Promise<string>`: a shard file next to the engine.
    static SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Called by the loader once the engine runs: how to fetch a shard file.
/// The engine itself never builds a URL, so it cannot ask any other host.
#[wasm_bindgen(js_name = cardSource)]
pub fn card_source(fetch: js_sys::Function) {
    SOURCE.with(|s| *s.borrow_mut() = Some(fetch));
}

/// What a card can show of its claim right now.
#[derive(Clone, Debug, PartialEq)]
pub enum CardStatus {
    Ready(Box<Claim>),
    /// Its shard is on its way.
    Loading,
    /// Its shard could not be fetched or read; why, in one line.
    Failed(String),
}

#[derive(Clone)]
#[cfg_attr(feature = "bundled-cards", allow(dead_code))]
enum Shard {
    Idle,
    Loading,
    Loaded,
    Failed(String),
}

/// The card text of one mount: which shards are loading or failed, and the
/// cards that arrived.
pub struct Cards {
    /// `None` when the claims carry their own text (`bundled-cards`, or a
    /// matcher made at run time).
    table: Option<ShardTable>,
    #[cfg_attr(feature = "bundled-cards", allow(dead_code))]
    info: DatasetInfo,
    shards: RefCell<Vec<Shard>>,
    arrived: RefCell<Vec<CardText>>,
}

impl Cards {
    /// For a mount with the bundled dataset (`sharded`), or another matcher.
    pub fn new(sharded: bool, matcher: &Matcher) -> Cards {
        let table = if sharded {
            Dataset::bundled_shards()
        } else {
            None
        };
        let count = table.as_ref().map_or(0, |t| t.names.len());
        Cards {
            table,
            info: matcher.dataset().info.clone(),
            shards: RefCell::new(vec![Shard::Idle; count]),
            arrived: RefCell::new(Vec::new()),
        }
    }

    /// The card of claim `index` of `matcher`'s dataset, as far as it is here.
    pub fn status(&self, matcher: &Matcher, index: usize) -> CardStatus {
        let claim = &matcher.dataset().claims[index];
        let Some(shard) = self.table.as_ref().and_then(|t| t.shard_of(index)) else {
            return CardStatus::Ready(Box::new(claim.clone()));
        };
        match &self.shards.borrow()[shard] {
            Shard::Loaded => match self.arrived.borrow().iter().find(|c| c.id == claim.id) {
                Some(card) => {
                    let mut whole = claim.clone();
                    card.clone().fill(&mut whole);
                    CardStatus::Ready(Box::new(whole))
                }
                None => CardStatus::Failed("its card is missing from the card file".into()),
            },
            Shard::Failed(why) => CardStatus::Failed(why.clone()),
            Shard::Idle | Shard::Loading => CardStatus::Loading,
        }
    }
}

/// With every card inside the wasm there is nothing to fetch, and no
/// fetching or shard-reading code is compiled in.
#[cfg(feature = "bundled-cards")]
pub(super) fn fetch_for(_: &Rc<Report>, _: &[Match]) {}

/// Fetches, once each, the shards holding the cards of `matches`, and
/// re-renders `report`'s UI as each arrives or fails.
#[cfg(not(feature = "bundled-cards"))]
pub(super) fn fetch_for(report: &Rc<Report>, matches: &[Match]) {
    let Some(table) = &report.cards.table else {
        return;
    };
    let mut wanted: Vec<usize> = matches
        .iter()
        .filter_map(|m| table.shard_of(m.claim_index))
        .collect();
    crate::matcher::sort::sort(&mut wanted);
    wanted.dedup();
    for shard in wanted {
        {
            let mut shards = report.cards.shards.borrow_mut();
            if !matches!(shards[shard], Shard::Idle) {
                continue;
            }
            shards[shard] = Shard::Loading;
        }
        let name = table.names[shard].clone();
        let weak: std::rc::Weak<Report> = Rc::downgrade(report);
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch(&name).await;
            let Some(report) = weak.upgrade() else {
                return;
            };
            let cards = &report.cards;
            let state =
                match result.and_then(|text| crate::dataset::cards::decode(&text, &cards.info)) {
                    Ok(arrived) => {
                        cards.arrived.borrow_mut().extend(arrived);
                        Shard::Loaded
                    }
                    Err(why) => {
                        web_sys::console::warn_1(
                            &format!("ClaimLens: the card text could not be loaded: {why}").into(),
                        );
                        Shard::Failed(why)
                    }
                };
            cards.shards.borrow_mut()[shard] = state;
            let refresh = report.refresh.borrow().clone();
            if let Some(refresh) = refresh {
                refresh.emit(());
            }
        });
    }
}

#[cfg(not(feature = "bundled-cards"))]
async fn fetch(name: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    let source = SOURCE
        .with(|s| s.borrow().clone())
        .ok_or("ClaimLens was started without its loader, which fetches card text")?;
    let promise = source
        .call1(&JsValue::NULL, &JsValue::from_str(name))
        .map_err(message)?
        .dyn_into::<js_sys::Promise>()
        .map_err(message)?;
    let text = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(message)?;
    text.as_string()
        .ok_or_else(|| "the loader gave no text".to_string())
}

#[cfg(not(feature = "bundled-cards"))]
fn message(error: JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error
            .as_string()
            .unwrap_or_else(|| "the request failed".to_string()),
    }
}
