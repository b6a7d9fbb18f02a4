//! The page room: the only code that reads the host page's text or changes
//! its DOM. It maps the article's DOM text to one Rust string and back
//! ([`TextMap`]), and owns highlighting ([`Highlights`]). It never decides
//! what matches; it is handed char spans by the matcher.

mod article;
mod highlight;
mod paint;
mod published;
mod text_map;

pub use article::find_article;
pub use highlight::{Highlights, MarkSpec, MARK_TAG};
pub use paint::Paint;
pub use published::publication_date;
pub use text_map::{TextMap, TextMapBuilder};

/// Adds `sheet` to (or, with `keep == false`, takes it out of) the
/// adopted stylesheets of `root`: the document, or the shadow root that
/// holds the article (styles do not cross into a shadow tree).
pub(crate) fn adopt(root: &wasm_bindgen::JsValue, sheet: &web_sys::CssStyleSheet, keep: bool) {
    let key = wasm_bindgen::JsValue::from_str("adoptedStyleSheets");
    let Ok(sheets) = js_sys::Reflect::get(root, &key) else {
        return;
    };
    let sheet = wasm_bindgen::JsValue::from(sheet);
    let kept: js_sys::Array = js_sys::Array::from(&sheets)
        .iter()
        .filter(|s| *s != sheet)
        .collect();
    if keep {
        kept.push(&sheet);
    }
    let _ = js_sys::Reflect::set(root, &key, &kept);
}

use crate::dataset::{Claim, Rating};

/// Which card a claim's highlight opens and how it is named; its look
/// comes from its rating (see [`decoration`]).
pub fn highlight_spec(claim: &Claim, match_index: usize) -> MarkSpec<'_> {
    MarkSpec {
        claim_id: &claim.id,
        match_index,
        rating: claim.rating,
        label: claim.rating.label(),
        also: Vec::new(),
    }
}

/// A rating's highlight besides its colour: a line and a style of its own
/// (`text-decoration-line`, `-style`), so that colour is never the only
/// cue, in marks and in paint mode alike. A browser test compares the
/// computed styles pairwise.
pub fn decoration(rating: Rating) -> (&'static str, &'static str) {
    match rating {
        Rating::Accurate => ("underline", "solid"),
        Rating::NeedsContext => ("underline", "dotted"),
        Rating::Misleading => ("underline", "dashed"),
        Rating::Outdated => ("underline", "double"),
        Rating::False => ("underline", "wavy"),
        Rating::Unverifiable => ("underline overline", "dotted"),
    }
}

/// The declarations that draw `rating`'s highlight: line, style, colour
/// and a 2 px thickness.
pub fn decoration_css(rating: Rating) -> String {
    let (line, style) = decoration(rating);
    format!(
        "text-decoration-line:{line};text-decoration-style:{style};text-decoration-color:{};text-decoration-thickness:2px;",
        rating.colour()
    )
}
