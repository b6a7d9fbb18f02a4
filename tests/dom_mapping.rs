//! Property test of the DOM text ↔ char offset mapping (`page::TextMap`) and
//! of highlighting on randomly generated DOM trees: nested inline elements,
//! blocks, empty nodes, whitespace, surrogate pairs, combining marks and
//! skipped elements. Mapped ranges must cover exactly the chars of the span
//! (the DOM counts UTF-16 units, Rust counts chars), highlighting must not
//! change the text, and removal must restore the very same nodes.
#![cfg(target_arch = "wasm32")]

use claimlens::page::{Highlights, MarkSpec, TextMap};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Node, Text};

wasm_bindgen_test_configure!(run_in_browser);

const TREES: usize = 300;
const SPANS_PER_TREE: usize = 6;
/// Text inside skipped elements: it must never reach the article text.
const SKIPPED_TEXT: &str = "SKIPME";

/// xorshift64*: deterministic, so a failure names its seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&str] = &[
    "a",
    "word",
    "Z",
    " ",
    "  ",
    "\t",
    "26",
    ".",
    ", ",
    "é",
    "e\u{301}",
    "\u{1F600}",
    "\u{1D518}",
    "\u{200B}",
    "—",
    "’",
    "ß",
    "\u{FB01}",
    "\u{0627}\u{0644}",
    "",
];
const INLINE: &[&str] = &["span", "em", "a", "b", "i", "mark", "small"];
const BLOCK: &[&str] = &["p", "div", "li", "h2", "blockquote"];
const SKIPPED: &[&str] = &["script", "style", "code", "pre", "textarea", "svg"];

fn random_text(rng: &mut Rng) -> String {
    (0..rng.below(5)).map(|_| *rng.pick(FRAGMENTS)).collect()
}

fn grow(document: &Document, parent: &Element, rng: &mut Rng, depth: usize) {
    for _ in 0..rng.below(5) + 1 {
        let roll = rng.below(10);
        if depth == 0 || roll < 5 {
            parent
                .append_child(&document.create_text_node(&random_text(rng)))
                .unwrap();
        } else if roll == 5 {
            let skipped = document.create_element(rng.pick::<&str>(SKIPPED)).unwrap();
            skipped.set_text_content(Some(SKIPPED_TEXT));
            parent.append_child(&skipped).unwrap();
        } else {
            let tag = if roll < 8 {
                *rng.pick(INLINE)
            } else {
                *rng.pick(BLOCK)
            };
            let child = document.create_element(tag).unwrap();
            grow(document, &child, rng, depth - 1);
            parent.append_child(&child).unwrap();
        }
    }
}

fn text_nodes(root: &Node, out: &mut Vec<Text>) {
    let children = root.child_nodes();
    for i in 0..children.length() {
        let child = children.item(i).unwrap();
        if let Some(text) = child.dyn_ref::<Text>() {
            out.push(text.clone());
        } else {
            text_nodes(&child, out);
        }
    }
}

/// The span's chars without the block separators, which belong to no node
/// (generated text has no `\n` of its own, so every `\n` is one).
fn expected(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().filter(|&&c| c != '\n').collect()
}

#[wasm_bindgen_test]
fn mapped_ranges_cover_exactly_the_span_and_highlights_restore_exactly() {
    let document = gloo::utils::document();
    let body = document.body().unwrap();
    let mut rng = Rng(0x5EED_C1A1_4E45);
    let mut spans_checked = 0;
    for tree in 0..TREES {
        let container = document.create_element("article").unwrap();
        grow(&document, &container, &mut rng, 4);
        body.append_child(&container).unwrap();
        let html_before = container.inner_html();
        let text_before = container.text_content();
        let mut nodes_before = Vec::new();
        text_nodes(&container, &mut nodes_before);

        let map = TextMap::from_container(&container);
        assert!(
            !map.text().contains(SKIPPED_TEXT),
            "tree {tree}: skipped text leaked"
        );
        let chars: Vec<char> = map.text().chars().collect();
        if chars.is_empty() {
            container.remove();
            continue;
        }
        // Random spans, checked through the mapping...
        let mut spans = Vec::new();
        for _ in 0..SPANS_PER_TREE {
            let start = rng.below(chars.len());
            let end = start + 1 + rng.below(chars.len() - start);
            let mapped: String = map
                .node_ranges(start, end)
                .iter()
                .map(|r| {
                    r.node
                        .substring_data(r.start_utf16, r.end_utf16 - r.start_utf16)
                        .unwrap()
                })
                .collect();
            assert_eq!(
                mapped,
                expected(&chars, start, end),
                "tree {tree} span {start}..{end}: {:?}",
                map.text()
            );
            spans_checked += 1;
            spans.push((start, end));
        }
        // ...then highlighted (disjoint ones, last first, as boot does).
        spans.sort();
        let mut disjoint: Vec<(usize, usize)> = Vec::new();
        for span in spans {
            if disjoint.last().is_none_or(|last| span.0 >= last.1) {
                disjoint.push(span);
            }
        }
        let mut highlights = Highlights::new(&document, document.clone().into());
        for (index, &(start, end)) in disjoint.iter().enumerate().rev() {
            let spec = MarkSpec {
                claim_id: "c",
                match_index: index,
                rating: claimlens::dataset::Rating::Accurate,
                label: "test",
                also: Vec::new(),
            };
            let marks = highlights.wrap(&map, start, end, &spec).unwrap();
            let marked: String = marks.iter().map(|m| m.text_content().unwrap()).collect();
            assert_eq!(
                marked,
                expected(&chars, start, end),
                "tree {tree}: marks hold the span"
            );
        }
        assert_eq!(
            container.text_content(),
            text_before,
            "tree {tree}: highlighting changed the text"
        );
        highlights.remove();
        assert_eq!(
            container.inner_html(),
            html_before,
            "tree {tree}: not restored"
        );
        let mut nodes_after = Vec::new();
        text_nodes(&container, &mut nodes_after);
        assert!(
            nodes_after.len() == nodes_before.len()
                && nodes_after
                    .iter()
                    .zip(&nodes_before)
                    .all(|(a, b)| a.is_same_node(Some(b))),
            "tree {tree}: the original text nodes are back"
        );
        container.remove();
    }
    assert!(
        spans_checked > TREES * SPANS_PER_TREE / 2,
        "only {spans_checked} spans checked"
    );
}
