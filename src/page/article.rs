//! The live DOM as [`crate::locate`] sees it, so the widget finds the
//! article by exactly the rules the CLI uses on parsed HTML.

use crate::locate::{locate, PageElement};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

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
    Ok(locate(Live(body.into())).0)
}

#[derive(Clone)]
struct Live(Element);

impl PageElement for Live {
    fn tag(&self) -> String {
        self.0.local_name()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }
    fn child_elements(&self) -> Vec<Self> {
        let children = self.0.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(Live)
            .collect()
    }
    fn own_text_chars(&self) -> usize {
        let nodes = self.0.child_nodes();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter(|node| node.node_type() == Node::TEXT_NODE)
            .filter_map(|node| node.dyn_into::<web_sys::Text>().ok())
            .map(|text| text.data().trim().chars().count())
            .sum()
    }
}
