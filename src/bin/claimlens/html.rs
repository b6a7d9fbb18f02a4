//! Article text from an HTML page, for `annotate --html`: the same rules as
//! the widget's DOM walk (`claimlens::text_rules`), so offsets in the CLI's
//! output refer to the text the widget would match on the same page.

use claimlens::text_rules::{is_block, is_skipped};
use scraper::{ElementRef, Html, Node, Selector};

/// Where the article is: the first of these that the page has, else `body`.
const ARTICLE_SELECTORS: &[&str] = &["article", "[itemprop=articleBody]", "main", "body"];

pub fn article_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let root = ARTICLE_SELECTORS
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|selector| document.select(&selector).next())
        .unwrap_or_else(|| document.root_element());
    let mut text = String::new();
    walk(root, &mut text);
    text.trim_end_matches('\n').to_string()
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
                if is_skipped(e.name())
                    || e.attr("contenteditable").is_some()
                    || e.attr("hidden").is_some()
                {
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
