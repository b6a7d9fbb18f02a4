//! Article text from an HTML page, for `annotate --html`: the same rules as
//! the widget's DOM walk (`claimlens::text_rules`), so offsets in the CLI's
//! output refer to the text the widget would match on the same page.

use claimlens::locate::{locate, PageElement};
use claimlens::text_rules::{is_block, is_excluded};
use scraper::{ElementRef, Html, Node, Selector};

/// The article's text, from the element the widget would choose (see
/// `claimlens::locate`).
pub fn article_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let body = Selector::parse("body")
        .ok()
        .and_then(|selector| document.select(&selector).next())
        .unwrap_or_else(|| document.root_element());
    let root = locate(Parsed(body)).0;
    let mut text = String::new();
    walk(root, &mut text);
    text.trim_end_matches('\n').to_string()
}

/// An element of a parsed page, as `locate` sees it.
#[derive(Clone)]
struct Parsed<'a>(ElementRef<'a>);

impl PageElement for Parsed<'_> {
    fn tag(&self) -> String {
        self.0.value().name().to_ascii_lowercase()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.0.value().attr(name).map(str::to_string)
    }
    fn child_elements(&self) -> Vec<Self> {
        self.0
            .children()
            .filter_map(ElementRef::wrap)
            .map(Parsed)
            .collect()
    }
    fn own_text_chars(&self) -> usize {
        self.0
            .children()
            .filter_map(|child| child.value().as_text())
            .map(|text| text.trim().chars().count())
            .sum()
    }
}

fn line_break(text: &mut String) {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
}

fn walk(element: ElementRef, text: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) => {
                if is_excluded(e.name(), |name| e.attr(name).map(str::to_string)) {
                    continue;
                }
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                let block = is_block(e.name());
                if block {
                    line_break(text);
                }
                walk(child, text);
                if block {
                    line_break(text);
                }
            }
            _ => {}
        }
    }
}
