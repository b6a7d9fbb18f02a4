//! Marks or paint, behind one interface: draw a batch of matches, take
//! back everything drawn since a checkpoint, remove it all.

use crate::matcher::{Match, Matcher};
use crate::page::{highlight_spec, Highlights, Paint, TextMap};
use std::rc::Rc;
use wasm_bindgen::JsValue;

pub enum Highlighter {
    Marks(Highlights),
    Paint(Rc<Paint>),
}

impl Highlighter {
    /// A highlighter with nothing drawn yet: paint where asked and
    /// supported, else marks.
    pub fn new(paint: bool, container: &web_sys::Element) -> Result<Highlighter, JsValue> {
        let document = gloo::utils::document();
        // Styles reach the article only from its own tree: the document,
        // or the open shadow root it is in.
        let root = container.get_root_node().into();
        Ok(if paint && Paint::supported() {
            Highlighter::Paint(Rc::new(Paint::new(&document, root)?))
        } else {
            Highlighter::Marks(Highlights::new(&document, root))
        })
    }

    /// Highlights `matches`, found in `map`; their match indexes (which
    /// cards and the panel use) start at `first_index`.
    pub fn add(
        &mut self,
        map: &TextMap,
        matcher: &Matcher,
        matches: &[Match],
        first_index: usize,
    ) -> Result<(), JsValue> {
        match self {
            Highlighter::Paint(paint) => {
                let spans: Vec<_> = matches
                    .iter()
                    .map(|m| (m.span.start, m.span.end, matcher.claim(m).rating))
                    .collect();
                paint.add(map, &spans)
            }
            // Last first: splitting a text node keeps earlier offsets valid.
            // A companion card shares the highlight of the match it overlaps:
            // marks cannot nest.
            Highlighter::Marks(highlights) => {
                let host = hosts(matches);
                matches.iter().enumerate().rev().try_for_each(|(i, m)| {
                    if host[i] != i {
                        return Ok(());
                    }
                    let mut spec = highlight_spec(matcher.claim(m), first_index + i);
                    spec.also = (i + 1..matches.len())
                        .filter(|&j| host[j] == i)
                        .map(|j| (first_index + j, matcher.claim(&matches[j]).rating.label()))
                        .collect();
                    highlights
                        .wrap(map, m.span.start, m.span.end, &spec)
                        .map(drop)
                })
            }
        }
    }

    /// A checkpoint: what is drawn so far.
    pub fn checkpoint(&self) -> usize {
        match self {
            Highlighter::Marks(marks) => marks.checkpoint(),
            Highlighter::Paint(paint) => paint.checkpoint(),
        }
    }

    /// Takes back everything drawn since checkpoint `len`.
    pub fn undo_to(&mut self, len: usize) {
        match self {
            Highlighter::Marks(marks) => marks.undo_to(len),
            Highlighter::Paint(paint) => paint.undo_to(len),
        }
    }

    pub fn remove(&mut self) {
        match self {
            Highlighter::Marks(marks) => marks.remove(),
            Highlighter::Paint(paint) => paint.remove(),
        }
    }

    pub fn paint(&self) -> Option<Rc<Paint>> {
        match self {
            Highlighter::Paint(paint) => Some(paint.clone()),
            Highlighter::Marks(_) => None,
        }
    }
}

/// For each of `matches` (in text order), the index of the match whose
/// highlight shows it: itself, or for a companion card the earlier match
/// it overlaps.
fn hosts(matches: &[Match]) -> Vec<usize> {
    let mut host: Vec<usize> = (0..matches.len()).collect();
    for j in 1..matches.len() {
        if let Some(i) = (0..j)
            .rev()
            .find(|&i| host[i] == i && overlap(&matches[i], &matches[j]))
        {
            host[j] = i;
        }
    }
    host
}

pub fn overlap(a: &Match, b: &Match) -> bool {
    a.span.start < b.span.end && b.span.start < a.span.end
}
