//! DOM text ↔ char offsets.
//!
//! Rust counts chars (Unicode scalar values); the DOM counts UTF-16 code
//! units. The article text handed to the matcher is the concatenation of the
//! container's visible text nodes, with a `\n` at block boundaries so that
//! sentences never run across paragraphs. Those separators belong to no
//! node, so a span can never be mapped into them by accident.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

use crate::text_rules::{is_block, is_excluded};

/// One text node's place in the article string.
struct Segment {
    node: Text,
    /// Char offset of the node's first char in [`TextMap::text`].
    start: usize,
    /// The node's text when the map was built.
    content: String,
}

/// The article's visible text and where each char lives in the DOM.
pub struct TextMap {
    text: String,
    segments: Vec<Segment>,
}

/// A piece of a char span that lies inside one text node, in UTF-16 units.
pub struct NodeRange {
    pub node: Text,
    pub start_utf16: u32,
    pub end_utf16: u32,
}

impl TextMap {
    pub fn from_container(container: &Element) -> TextMap {
        let mut map = TextMap {
            text: String::new(),
            segments: Vec::new(),
        };
        let mut chars = 0;
        map.walk(container, &mut chars);
        map
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether every mapped text node is still in the document with the
    /// text it had when mapped: offsets are only valid on an unchanged page.
    pub fn is_current(&self) -> bool {
        self.segments
            .iter()
            .all(|s| s.node.is_connected() && s.node.data() == s.content)
    }

    /// The text of nodes added to the page after it was annotated, each
    /// its own block: only the new content is read, never the whole article.
    pub fn from_nodes(nodes: &[Node]) -> TextMap {
        let mut map = TextMap {
            text: String::new(),
            segments: Vec::new(),
        };
        let mut chars = 0;
        for node in nodes {
            map.line_break(&mut chars);
            map.visit(node, &mut chars);
        }
        map
    }

    fn walk(&mut self, parent: &Node, chars: &mut usize) {
        let children = parent.child_nodes();
        for i in 0..children.length() {
            if let Some(child) = children.item(i) {
                self.visit(&child, chars);
            }
        }
    }

    fn visit(&mut self, child: &Node, chars: &mut usize) {
        if let Some(text) = child.dyn_ref::<Text>() {
            let content = text.data();
            if content.is_empty() {
                return;
            }
            let count = content.chars().count();
            self.text.push_str(&content);
            self.segments.push(Segment {
                node: text.clone(),
                start: *chars,
                content,
            });
            *chars += count;
        } else if let Some(element) = child.dyn_ref::<Element>() {
            let tag = element.tag_name();
            if is_excluded(&tag, |name| element.get_attribute(name)) {
                return;
            }
            let block = is_block(&tag);
            if block {
                self.line_break(chars);
            }
            self.walk(element, chars);
            if block {
                self.line_break(chars);
            }
        }
    }

    fn line_break(&mut self, chars: &mut usize) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
            *chars += 1;
        }
    }

    /// The parts of the char span `[start, end)` in each text node it
    /// touches, in document order. Separators between blocks are skipped.
    pub fn node_ranges(&self, start: usize, end: usize) -> Vec<NodeRange> {
        let mut ranges = Vec::new();
        for segment in &self.segments {
            let len = segment.content.chars().count();
            let (seg_start, seg_end) = (segment.start, segment.start + len);
            if seg_end <= start || seg_start >= end {
                continue;
            }
            let local_start = start.max(seg_start) - seg_start;
            let local_end = end.min(seg_end) - seg_start;
            ranges.push(NodeRange {
                node: segment.node.clone(),
                start_utf16: utf16_offset(&segment.content, local_start),
                end_utf16: utf16_offset(&segment.content, local_end),
            });
        }
        ranges
    }
}

/// The UTF-16 offset of char index `chars` in `text`.
pub fn utf16_offset(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}
