//! Wrapping matched text in focusable marks, and unwrapping it exactly.
//!
//! Marks are `claimlens-mark` elements: an unknown element name no host
//! stylesheet targets (unlike `<mark>`, which pages and browsers style).
//! Their look comes from one constructable stylesheet adopted by the
//! document, which a CSP `style-src` cannot block and teardown removes: a
//! rule per rating selects `data-claimlens-rating`, so no mark carries a
//! `style` attribute.
//!
//! Splitting a text node keeps the original node as the first part, so undo
//! in reverse order rebuilds every original node, object identity included.

use super::text_map::TextMap;
use crate::dataset::Rating;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document, Element, Text};

pub const MARK_TAG: &str = "claimlens-mark";

const MARK_CSS: &str = "
claimlens-mark[data-claimlens-claim] {
  all: unset;
  display: inline;
  font: inherit;
  color: inherit;
  text-underline-offset: 3px;
  cursor: pointer;
  background: color-mix(in srgb, currentColor 6%, transparent);
}
claimlens-mark[data-claimlens-claim]:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
";

/// The marks' stylesheet: the base rule and one rule per rating.
fn mark_css() -> String {
    let mut css = MARK_CSS.to_string();
    for rating in Rating::ALL {
        css.push_str(&format!(
            "claimlens-mark[data-claimlens-rating={}]{{{}}}\n",
            rating.slug(),
            super::decoration_css(rating)
        ));
    }
    css
}

/// One split-and-wrap, remembered so it can be undone.
struct Wrap {
    original: Text,
    /// The original node's text right after the split: if it differs later,
    /// the page's own code (a framework) has rewritten it.
    prefix: String,
    mark: Element,
    wrapped: Text,
    rest: Option<Text>,
}

impl Wrap {
    /// Whether the page has rewritten or moved the text around this mark,
    /// so that merging it back would corrupt the page's own text.
    ///
    /// A highlight drawn later in the same text node (spans are drawn last
    /// first) splits `original` again, into a shorter text, its mark and its
    /// own rest, all before this mark: that is ClaimLens's doing, not the
    /// page's. So what counts is the text from `original` up to this mark,
    /// marks included, which must still be `prefix`.
    fn is_stale(&self) -> bool {
        if !self.mark.is_connected()
            || self
                .rest
                .as_ref()
                .is_some_and(|rest| self.mark.next_sibling().as_ref() != Some(rest.as_ref()))
        {
            return true;
        }
        let mut before = Vec::new();
        let mut node = self.mark.previous_sibling();
        loop {
            let Some(sibling) = node else {
                // `original` is no longer right before this mark's run.
                return true;
            };
            if sibling.is_same_node(Some(self.original.as_ref())) {
                before.push(self.original.data());
                break;
            }
            before.push(sibling.text_content().unwrap_or_default());
            node = sibling.previous_sibling();
        }
        before.reverse();
        before.concat() != self.prefix
    }

    /// Takes out what ClaimLens added and leaves the page's text as the
    /// page last wrote it.
    fn discard(self) {
        self.mark.remove();
        if let Some(rest) = &self.rest {
            rest.remove();
        }
    }

    /// Puts the split text back into the original node.
    fn restore(self) {
        let mut data = self.original.data();
        data.push_str(&self.wrapped.data());
        if let Some(rest) = &self.rest {
            data.push_str(&rest.data());
            rest.remove();
        }
        self.original.set_data(&data);
        self.mark.remove();
    }
}

/// The marks ClaimLens added to a page.
pub struct Highlights {
    document: Document,
    /// Where the stylesheet is adopted.
    root: JsValue,
    sheet: Option<CssStyleSheet>,
    wraps: Vec<Wrap>,
}

/// What one highlight looks like and which card it opens.
pub struct MarkSpec<'a> {
    pub claim_id: &'a str,
    pub match_index: usize,
    /// Chooses the mark's rule in the stylesheet: its colour and its own
    /// underline, so colour is never the only cue.
    pub rating: Rating,
    pub label: &'a str,
    /// Companion cards (another claim stated in the same words) that open
    /// from this highlight too: their match indexes and rating labels.
    pub also: Vec<(usize, &'a str)>,
}

impl Highlights {
    /// Marks in the tree of `root` (the document, or the shadow root that
    /// holds the article), styled there.
    pub fn new(document: &Document, root: JsValue) -> Highlights {
        let sheet = CssStyleSheet::new()
            .ok()
            .filter(|s| s.replace_sync(&mark_css()).is_ok());
        if let Some(sheet) = &sheet {
            super::adopt(&root, sheet, true);
        }
        Highlights {
            document: document.clone(),
            root,
            sheet,
            wraps: Vec::new(),
        }
    }

    /// Wraps the char span `[start, end)` of `map`'s text; returns the marks.
    ///
    /// Call in descending order of `start`: splitting a node keeps its
    /// leading part in place, so earlier spans' positions stay valid.
    pub fn wrap(
        &mut self,
        map: &TextMap,
        start: usize,
        end: usize,
        spec: &MarkSpec,
    ) -> Result<Vec<Element>, JsValue> {
        let mut marks = Vec::new();
        for range in map.node_ranges(start, end).into_iter().rev() {
            if range.start_utf16 == range.end_utf16 {
                continue;
            }
            let original = range.node;
            let wrapped = original.split_text(range.start_utf16)?;
            let rest_len = wrapped.length() - (range.end_utf16 - range.start_utf16);
            let rest = if rest_len > 0 {
                Some(wrapped.split_text(range.end_utf16 - range.start_utf16)?)
            } else {
                None
            };
            let mark = self.document.create_element(MARK_TAG)?;
            mark.set_attribute("data-claimlens-claim", spec.claim_id)?;
            let mut indexes = spec.match_index.to_string();
            for (index, _) in &spec.also {
                indexes.push(' ');
                indexes.push_str(&index.to_string());
            }
            mark.set_attribute("data-claimlens-match", &indexes)?;
            mark.set_attribute("data-claimlens-rating", spec.rating.slug())?;
            let parent = wrapped.parent_node().ok_or("text node without parent")?;
            parent.insert_before(&mark, Some(&wrapped))?;
            mark.append_child(&wrapped)?;
            self.wraps.push(Wrap {
                prefix: original.data(),
                original,
                mark: mark.clone(),
                wrapped,
                rest,
            });
            marks.push(mark);
        }
        marks.reverse();
        // One tab stop and one accessible name per claim mention.
        if let Some(first) = marks.first() {
            first.set_attribute("tabindex", "0")?;
            first.set_attribute("role", "button")?;
            first.set_attribute("aria-haspopup", "dialog")?;
            first.set_attribute("aria-expanded", "false")?;
            let mut label = format!("{} — ClaimLens: {}", first_text(&marks), spec.label);
            for (_, also) in &spec.also {
                label.push_str("; ");
                label.push_str(also);
            }
            first.set_attribute("aria-label", &label)?;
        }
        Ok(marks)
    }

    /// Takes out the marks whose text the page has rewritten since (a
    /// framework re-rendering): their text is stale, and the page's own
    /// text stands. Returns the rewritten text nodes, to be read again.
    pub fn drop_stale(&mut self) -> Vec<Text> {
        let mut rewritten = Vec::new();
        let (stale, kept): (Vec<Wrap>, Vec<Wrap>) = self.wraps.drain(..).partition(Wrap::is_stale);
        self.wraps = kept;
        for wrap in stale.into_iter().rev() {
            if wrap.original.is_connected() {
                rewritten.push(wrap.original.clone());
            }
            wrap.discard();
        }
        rewritten
    }

    /// How many wraps are drawn: what [`Highlights::undo_to`] takes back to.
    pub fn checkpoint(&self) -> usize {
        self.wraps.len()
    }

    /// Unwraps everything drawn since checkpoint `len`, last first; where
    /// the page rewrote a node since, its own text is kept.
    pub fn undo_to(&mut self, len: usize) {
        let len = len.min(self.wraps.len());
        for wrap in self.wraps.drain(len..).rev() {
            if wrap.is_stale() {
                wrap.discard();
            } else {
                wrap.restore();
            }
        }
    }

    /// Restores every wrapped text node and removes the stylesheet.
    pub fn remove(&mut self) {
        self.undo_to(0);
        if let Some(sheet) = self.sheet.take() {
            super::adopt(&self.root, &sheet, false);
        }
    }
}

fn first_text(marks: &[Element]) -> String {
    marks.iter().filter_map(|m| m.text_content()).collect()
}
