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

/// Words in an element's `class` or `id` that mark furniture around an
/// article rather than the article: comments, ads, share bars, teasers.
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "promo",
    "newsletter",
    "share",
    "sharing",
    "social",
    "related",
    "cookie",
    "outbrain",
    "taboola",
    "subscribe",
    "paywall",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "search",
    "form",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "menu",
];

/// Whether an element's text is left out of the article: not prose (code,
/// forms, navigation), hidden, editable by the reader, ClaimLens's own UI,
/// or furniture around the article (comments, ads, share bars).
/// `attribute` reads the element's attributes, in the DOM or parsed HTML.
pub fn is_excluded(tag: &str, attribute: impl Fn(&str) -> Option<String>) -> bool {
    if is_skipped(tag)
        || ["contenteditable", "hidden", "data-claimlens-ui"]
            .iter()
            .any(|name| attribute(name).is_some())
        || attribute("aria-hidden").as_deref() == Some("true")
    {
        return true;
    }
    if attribute("role").is_some_and(|role| FURNITURE_ROLES.contains(&role.as_str())) {
        return true;
    }
    // Hidden by an inline style: text the reader does not see is not prose.
    if attribute("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    }) {
        return true;
    }
    ["class", "id"].iter().any(|name| {
        attribute(name).is_some_and(|value| {
            value
                .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
                .any(|word| FURNITURE.iter().any(|f| f.eq_ignore_ascii_case(word)))
        })
    })
}

/// `tag` in any case (the DOM reports HTML tags in capitals).
pub fn is_skipped(tag: &str) -> bool {
    SKIPPED.iter().any(|s| s.eq_ignore_ascii_case(tag))
}

pub fn is_block(tag: &str) -> bool {
    BLOCKS.iter().any(|s| s.eq_ignore_ascii_case(tag))
}
