//! Article text from an HTML page (native only: `annotate --html` and the
//! corpus tests), by the same rules as the widget's DOM walk
//! ([`crate::text_rules`]) and article choice ([`crate::locate`]), so
//! offsets in the CLI's output refer to the text the widget would match on
//! the same page.

use crate::locate::{locate, PageElement};
use crate::text_rules::{is_block, is_excluded};
use scraper::{ElementRef, Html, Node, Selector};

/// The article's text, from the element the widget would choose (see
/// `claimlens::locate`).
pub fn article_text(html: &str) -> String {
    element_text(&Html::parse_document(html), locate_in)
}

/// The whole `<body>`'s text, by the same rules.
pub fn body_text(html: &str) -> String {
    element_text(&Html::parse_document(html), |body| body)
}

fn locate_in(body: ElementRef) -> ElementRef {
    locate(Parsed(body)).0
}

fn element_text<'a>(
    document: &'a Html,
    choose: impl Fn(ElementRef<'a>) -> ElementRef<'a>,
) -> String {
    let body = Selector::parse("body")
        .ok()
        .and_then(|selector| document.select(&selector).next())
        .unwrap_or_else(|| document.root_element());
    let root = choose(body);
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

/// `tag#id.class` of the element `article_text` reads, for diagnostics.
pub fn describe_article(html: &str) -> String {
    let document = Html::parse_document(html);
    let body = Selector::parse("body")
        .ok()
        .and_then(|selector| document.select(&selector).next())
        .unwrap_or_else(|| document.root_element());
    let e = locate_in(body).value();
    format!(
        "{}#{}.{}",
        e.name(),
        e.attr("id").unwrap_or(""),
        e.attr("class").unwrap_or("")
    )
}
