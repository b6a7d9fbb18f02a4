//! The paint highlighter: the CSS Custom Highlight API (`CSS.highlights`,
//! `::highlight()`), which changes no node of the host page. Frameworks that
//! own their DOM (React, Notion) never see a foreign element. The widget does
//! its own hit-testing for clicks and taps; the summary panel is the keyboard
//! and screen-reader path.

use super::text_map::TextMap;
use crate::dataset::Rating;
use js_sys::{Array, Function, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, DomRect, Range};

pub struct Paint {
    document: Document,
    /// Where the stylesheet is adopted: `::highlight` rules apply in
    /// their own tree, the document or the article's shadow root.
    root: JsValue,
    sheet: CssStyleSheet,
    /// The registered `Highlight` of each rating painted so far.
    highlights: RefCell<Vec<(Rating, JsValue)>>,
    /// One range per match, in match order, with the highlight it was
    /// painted into and the pieces painted there (to undo it).
    ranges: RefCell<Vec<(Range, JsValue, Array)>>,
}

fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let highlights = Reflect::get(&css, &"highlights".into()).ok()?;
    (!highlights.is_undefined() && !highlights.is_null()).then_some(highlights)
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    function.apply(target, &args.iter().copied().collect::<Array>())
}

impl Paint {
    /// Whether this browser has the Custom Highlight API.
    pub fn supported() -> bool {
        registry().is_some()
            && Reflect::get(&js_sys::global(), &"Highlight".into()).is_ok_and(|h| h.is_function())
    }

    /// A painter with nothing painted yet, its stylesheet adopted.
    pub fn new(document: &Document, root: JsValue) -> Result<Paint, JsValue> {
        registry().ok_or("the CSS Custom Highlight API is missing")?;
        let mut css = String::new();
        for rating in Rating::ALL {
            css.push_str(&format!(
                "::highlight(claimlens-{}){{{}background-color:color-mix(in srgb,{} 12%,transparent)}}\n",
                rating.slug(),
                super::decoration_css(rating),
                rating.colour()
            ));
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&css)?;
        let paint = Paint {
            document: document.clone(),
            root,
            sheet,
            highlights: RefCell::default(),
            ranges: RefCell::default(),
        };
        super::adopt(&paint.root, &paint.sheet, true);
        Ok(paint)
    }

    /// Paints more spans (of content added to the page later); their match
    /// indexes follow the ones painted before.
    pub fn add(&self, map: &TextMap, spans: &[(usize, usize, Rating)]) -> Result<(), JsValue> {
        let registry = registry().ok_or("the CSS Custom Highlight API is missing")?;
        let constructor: Function =
            Reflect::get(&js_sys::global(), &"Highlight".into())?.dyn_into()?;
        // One range spanning each match, for hit-testing and placing cards;
        // what is painted is one range per text node, so that text ClaimLens
        // skips inside a match (code, a hidden aside) is never painted.
        let mut ranges = Vec::with_capacity(spans.len());
        let mut highlights = self.highlights.borrow_mut();
        for &(start, end, rating) in spans {
            let parts = map.node_ranges(start, end);
            let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
                return Err("a match maps to no text".into());
            };
            let range = self.document.create_range()?;
            range.set_start(&first.node, first.start_utf16)?;
            range.set_end(&last.node, last.end_utf16)?;
            let painted = Array::new();
            for part in &parts {
                let piece = self.document.create_range()?;
                piece.set_start(&part.node, part.start_utf16)?;
                piece.set_end(&part.node, part.end_utf16)?;
                painted.push(&piece);
            }
            let highlight =
                if let Some((_, highlight)) = highlights.iter().find(|(r, _)| *r == rating) {
                    for piece in painted.iter() {
                        call(highlight, "add", &[&piece])?;
                    }
                    highlight.clone()
                } else {
                    let highlight = Reflect::construct(&constructor, &painted)?;
                    let name = format!("claimlens-{}", rating.slug());
                    call(&registry, "set", &[&name.as_str().into(), &highlight])?;
                    highlights.push((rating, highlight.clone()));
                    highlight
                };
            ranges.push((range, highlight, painted));
        }
        self.ranges.borrow_mut().extend(ranges);
        Ok(())
    }

    /// How many matches are painted: what [`Paint::undo_to`] takes back to.
    pub fn checkpoint(&self) -> usize {
        self.ranges.borrow().len()
    }

    /// Unpaints every match painted since checkpoint `len`.
    pub fn undo_to(&self, len: usize) {
        let mut ranges = self.ranges.borrow_mut();
        let len = len.min(ranges.len());
        for (_, highlight, pieces) in ranges.drain(len..) {
            for piece in pieces.iter() {
                let _ = call(&highlight, "delete", &[&piece]);
            }
        }
    }

    /// Whether match `index` is still on the page (a framework may have
    /// replaced its text).
    pub fn is_present(&self, index: usize) -> bool {
        self.ranges
            .borrow()
            .get(index)
            // Live ranges collapse when their text is removed.
            .is_some_and(|(range, ..)| {
                !range.collapsed()
                    && range
                        .start_container()
                        .is_ok_and(|node| node.is_connected())
            })
    }

    /// The match painted at viewport point (x, y), and its box.
    pub fn hit(&self, x: f64, y: f64) -> Option<(usize, DomRect)> {
        self.ranges
            .borrow()
            .iter()
            .enumerate()
            .find_map(|(index, (range, ..))| {
                let rects = range.get_client_rects()?;
                let inside = (0..rects.length())
                    .filter_map(|i| rects.item(i))
                    .any(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom());
                inside.then(|| (index, range.get_bounding_client_rect()))
            })
    }

    /// The box of match `index`, to place its card.
    pub fn rect(&self, index: usize) -> Option<DomRect> {
        self.ranges
            .borrow()
            .get(index)
            .map(|(range, ..)| range.get_bounding_client_rect())
    }

    /// Unregisters every highlight and removes the stylesheet.
    pub fn remove(&self) {
        if let Some(registry) = registry() {
            for (rating, _) in self.highlights.borrow().iter() {
                let name = format!("claimlens-{}", rating.slug());
                let _ = call(&registry, "delete", &[&name.as_str().into()]);
            }
        }
        super::adopt(&self.root, &self.sheet, false);
    }
}
