//! Which elements hold article prose, shared by the widget's DOM walk
//! (`page::text_map`) and the CLI's HTML extraction (`annotate --html`), so
//! both hand the matcher the same text for the same page.

/// Elements whose text is never article prose (code, forms, navigation,
/// embedded documents), or is not ours to touch.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "input", "select", "button", "option",
    "code", "pre", "kbd", "samp", "svg", "math", "iframe", "object", "canvas", "nav", "form",
    "head", "title",
];

/// Elements that start a new line of text, so that sentences end with them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "address",
    "details",
    "summary",
];

/// `tag` in any case (the DOM reports HTML tags in capitals).
pub fn is_skipped(tag: &str) -> bool {
    SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(tag))
}

pub fn is_block(tag: &str) -> bool {
    BLOCKS.iter().any(|s| s.eq_ignore_ascii_case(tag))
}
