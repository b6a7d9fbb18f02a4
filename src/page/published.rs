//! The page's publication date, which cards compare with a claim's timeline.
//! Read from, in order: `<meta property="article:published_time">`, JSON-LD
//! `datePublished` (NewsArticle and friends, also inside `@graph`), and a
//! `<time datetime>` in the article's header.

use crate::dataset::Date;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

pub fn publication_date(document: &Document, article: &Element) -> Option<Date> {
    meta(document)
        .or_else(|| json_ld(document))
        .or_else(|| time_element(article))
}

/// The date part of an ISO 8601 date or date-time.
fn iso_date(text: &str) -> Option<Date> {
    Date::parse_iso(text.trim().get(..10)?)
}

fn meta(document: &Document) -> Option<Date> {
    let meta = document
        .query_selector(
            "meta[property='article:published_time'], meta[name='article:published_time']",
        )
        .ok()??;
    iso_date(&meta.get_attribute("content")?)
}

fn json_ld(document: &Document) -> Option<Date> {
    let scripts = document
        .query_selector_all("script[type='application/ld+json']")
        .ok()?;
    (0..scripts.length()).find_map(|i| {
        let text = scripts.item(i)?.text_content()?;
        // Invalid JSON on the page is the page's business: skip it quietly.
        let value = js_sys::JSON::parse(&text).ok()?;
        find_date_published(&value, 0)
    })
}

fn find_date_published(value: &JsValue, depth: u32) -> Option<Date> {
    if depth > 4 {
        return None;
    }
    if js_sys::Array::is_array(value) {
        return js_sys::Array::from(value)
            .iter()
            .find_map(|v| find_date_published(&v, depth + 1));
    }
    if !value.is_object() {
        return None;
    }
    let get = |key: &str| {
        js_sys::Reflect::get(value, &key.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    if let Some(date) = get("datePublished")
        .and_then(|d| d.as_string())
        .and_then(|d| iso_date(&d))
    {
        return Some(date);
    }
    get("@graph").and_then(|graph| find_date_published(&graph, depth + 1))
}

fn time_element(article: &Element) -> Option<Date> {
    let time = article
        .query_selector("header time[datetime], time[datetime]")
        .ok()??;
    iso_date(&time.get_attribute("datetime")?)
}
