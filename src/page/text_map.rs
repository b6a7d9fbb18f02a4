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
    /// Its length in chars.
    chars: usize,
    /// The node's text when the map was built.
    content: String,
}

impl Segment {
    /// Still in the document, with the text it had when mapped.
    fn is_unchanged(&self) -> bool {
        self.node.is_connected() && self.node.data() == self.content
    }
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
    /// The whole map at once; [`TextMapBuilder`] builds it in steps.
    pub fn from_container(container: &Element) -> TextMap {
        TextMapBuilder::container(container).finish_now()
    }

    /// The text of nodes added to the page after it was annotated, each
    /// its own block: only the new content is read, never the whole article.
    pub fn from_nodes(nodes: &[Node]) -> TextMap {
        TextMapBuilder::nodes(nodes).finish_now()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether every mapped text node is still in the document with the
    /// text it had when mapped: offsets are only valid on an unchanged page.
    pub fn is_current(&self) -> bool {
        self.segments.iter().all(Segment::is_unchanged)
    }

    /// [`TextMap::is_current`] for the text nodes wholly before char
    /// `offset`: while highlights are drawn last first, the nodes after
    /// them are already split, and only the ones before still matter.
    pub fn is_current_before(&self, offset: usize) -> bool {
        self.segments
            .iter()
            .take_while(|s| s.start + s.chars <= offset)
            .all(Segment::is_unchanged)
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
        // Segments are in text order: skip to the first one the span
        // touches, so highlighting a long article is not quadratic.
        let first = self
            .segments
            .partition_point(|s| s.start + s.chars <= start);
        self.segments[first..]
            .iter()
            .take_while(|segment| segment.start < end)
            .map(|segment| {
                let local_start = start.max(segment.start) - segment.start;
                let local_end = end.min(segment.start + segment.chars) - segment.start;
                NodeRange {
                    node: segment.node.clone(),
                    start_utf16: utf16_offset(&segment.content, local_start),
                    end_utf16: utf16_offset(&segment.content, local_end),
                }
            })
            .collect()
    }
}

/// What is left to read: a node, or the line break after a block.
enum Step {
    Visit(Node),
    Break,
}

/// A [`TextMap`] read a few nodes at a time, so that reading a huge
/// article can yield to the page between steps (and stop as soon as the
/// text is longer than anything worth reading).
pub struct TextMapBuilder {
    map: TextMap,
    chars: usize,
    /// Steps still to take, the next one last.
    todo: Vec<Step>,
}

impl TextMapBuilder {
    /// The visible text of `container`.
    pub fn container(container: &Element) -> TextMapBuilder {
        let mut builder = TextMapBuilder::nodes(&[]);
        builder.push_children(container);
        builder
    }

    /// The text of `nodes`, each its own block.
    pub fn nodes(nodes: &[Node]) -> TextMapBuilder {
        let mut todo = Vec::with_capacity(nodes.len() * 2);
        for node in nodes.iter().rev() {
            todo.push(Step::Visit(node.clone()));
            todo.push(Step::Break);
        }
        TextMapBuilder {
            map: TextMap {
                text: String::new(),
                segments: Vec::new(),
            },
            chars: 0,
            todo,
        }
    }

    /// The text read so far, in UTF-8 bytes.
    pub fn bytes_read(&self) -> usize {
        self.map.text.len()
    }

    /// Reads up to `nodes` more nodes; true when everything is read.
    pub fn step(&mut self, nodes: usize) -> bool {
        for _ in 0..nodes {
            match self.todo.pop() {
                None => return true,
                Some(Step::Break) => self.map.line_break(&mut self.chars),
                Some(Step::Visit(node)) => self.visit(&node),
            }
        }
        self.todo.is_empty()
    }

    pub fn finish(self) -> TextMap {
        self.map
    }

    fn finish_now(mut self) -> TextMap {
        self.step(usize::MAX);
        self.map
    }

    fn push_children(&mut self, parent: &Node) {
        let children = parent.child_nodes();
        for i in (0..children.length()).rev() {
            self.todo.extend(children.item(i).map(Step::Visit));
        }
    }

    fn visit(&mut self, child: &Node) {
        if let Some(text) = child.dyn_ref::<Text>() {
            let content = text.data();
            if content.is_empty() {
                return;
            }
            let count = content.chars().count();
            self.map.text.push_str(&content);
            self.map.segments.push(Segment {
                node: text.clone(),
                start: self.chars,
                chars: count,
                content,
            });
            self.chars += count;
        } else if let Some(element) = child.dyn_ref::<Element>() {
            let tag = element.tag_name();
            // An element without attributes needs no string crossing into JS.
            let attributes = element.has_attributes();
            if is_excluded(&tag, |name| {
                attributes.then(|| element.get_attribute(name)).flatten()
            }) {
                return;
            }
            if is_block(&tag) {
                self.map.line_break(&mut self.chars);
                self.todo.push(Step::Break);
            }
            match element.shadow_root() {
                // An open shadow root's content is what the reader sees.
                Some(shadow) => self.push_children(&shadow),
                None => self.push_children(element),
            }
        }
    }
}

/// The UTF-16 offset of char index `chars` in `text`.
pub fn utf16_offset(text: &str, chars: usize) -> u32 {
    text.chars().take(chars).map(|c| c.len_utf16() as u32).sum()
}
