//! The live DOM as [`crate::locate`] sees it, so the widget finds the
//! article by exactly the rules the CLI uses on parsed HTML.

use crate::locate::{locate, PageElement};
use web_sys::{Document, Element};

/// The page's article element: the publisher's selector when given, else
/// the located article. `Err` names a selector that matches nothing.
pub fn find_article(document: &Document, selector: Option<&str>) -> Result<Element, String> {
    if let Some(selector) = selector {
        return match document.query_selector(selector) {
            Ok(Some(element)) => Ok(element),
            Ok(None) => Err(format!(
                "ClaimLens: no element matches the article selector `{selector}`"
            )),
            Err(_) => Err(format!(
                "ClaimLens: `{selector}` is not a valid CSS selector"
            )),
        };
    }
    let body = document.body().ok_or("ClaimLens: the page has no body")?;
    Ok(locate(Live::new(body.into())).0)
}

/// An element with what locating asks of it most, asked of the DOM once:
/// on a huge page, crossings into JS are most of the time locating takes.
#[derive(Clone)]
struct Live(Element, std::rc::Rc<str>, bool);

impl Live {
    fn new(element: Element) -> Live {
        let tag = element.local_name().into();
        let attributes = element.has_attributes();
        Live(element, tag, attributes)
    }
}

impl PageElement for Live {
    fn tag(&self) -> String {
        self.1.to_string()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        // Most elements of an article have no attributes.
        self.2.then(|| self.0.get_attribute(name)).flatten()
    }
    fn child_elements(&self) -> Vec<Self> {
        // An open shadow root's content is what the reader sees.
        let children = match self.0.shadow_root() {
            Some(shadow) => shadow.children(),
            None => self.0.children(),
        };
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(Live::new)
            .collect()
    }
    fn own_text_chars(&self) -> usize {
        own_text_chars(&self.0) as usize
    }
    fn may_hold_marked(&self) -> bool {
        !matches!(self.0.query_selector("[data-claimlens-article]"), Ok(None))
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function own_text_chars(element) {
  // In JS, so that no text crosses into wasm: on a huge page, locating
  // the article is mostly this. Rust's `trim().chars().count()` (JS's trim
  // differs only in U+FEFF and U+0085 at a node's very edge).
  let chars = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 3) continue;
    const text = node.data.trim();
    chars += text.length - (text.match(/[\uD800-\uDBFF]/g)?.length ?? 0);
  }
  return chars;
}
"#)]
extern "C" {
    fn own_text_chars(element: &Element) -> u32;
}
