//! Finding the article on a page that does not say where it is.
//!
//! Pure and generic over [`PageElement`], so the widget (live DOM) and the
//! CLI (`annotate --html`, parsed HTML) choose the same element on the same
//! page, and the choice can be tested natively on real pages.
//!
//! The order is the publisher's own words first: an explicit
//! `data-claimlens-article`, then `<article>`, `[itemprop=articleBody]` and
//! `<main>` (each only if it holds real prose, so a teaser `<article>` in a
//! list is passed over), then a text-density guess: the element whose
//! paragraphs hold the most text. Navigation, comments, ads and forms never
//! count (see [`crate::text_rules::is_excluded`]).

use crate::text_rules::is_excluded;

/// What locating needs of an element, in the live DOM or in parsed HTML.
pub trait PageElement: Sized {
    /// Lower-case tag name.
    fn tag(&self) -> String;
    fn attribute(&self, name: &str) -> Option<String>;
    fn child_elements(&self) -> Vec<Self>;
    /// Chars of the text nodes directly inside this element.
    fn own_text_chars(&self) -> usize;
    /// Whether a `data-claimlens-article` element may be inside: false lets
    /// the live DOM, which can ask the browser, skip walking for one.
    fn may_hold_marked(&self) -> bool {
        true
    }
}

/// Below this many chars of prose a semantic element is not the article.
const MIN_PROSE: usize = 200;
/// Shorter blocks (captions, bylines, buttons) say nothing about where the
/// article is.
const MIN_BLOCK: usize = 25;

/// The element to annotate inside `body`; `body` itself when nothing better
/// is found.
pub fn locate<E: PageElement + Clone>(body: E) -> E {
    if body.may_hold_marked() {
        if let Some(marked) = first(&body, &|e| e.attribute("data-claimlens-article").is_some()) {
            return marked;
        }
    }
    let semantic: [&dyn Fn(&E) -> bool; 3] = [
        &|e| e.tag() == "article",
        &|e| {
            e.attribute("itemprop")
                .is_some_and(|p| p.split_whitespace().any(|w| w == "articleBody"))
        },
        &|e| e.tag() == "main" || e.attribute("role").as_deref() == Some("main"),
    ];
    for is_candidate in semantic {
        let mut found = Vec::new();
        all(&body, is_candidate, &mut found);
        let best = found
            .into_iter()
            .map(|e| (prose(&e), e))
            .max_by_key(|(chars, _)| *chars);
        if let Some((chars, element)) = best {
            if chars >= MIN_PROSE {
                return element;
            }
        }
    }
    densest(body)
}

fn first<E: PageElement + Clone>(element: &E, wanted: &dyn Fn(&E) -> bool) -> Option<E> {
    for child in element.child_elements() {
        if is_excluded(&child.tag(), |name| child.attribute(name)) {
            continue;
        }
        if wanted(&child) {
            return Some(child);
        }
        if let Some(found) = first(&child, wanted) {
            return Some(found);
        }
    }
    None
}

/// Every wanted element outside excluded subtrees, outermost only.
fn all<E: PageElement + Clone>(element: &E, wanted: &dyn Fn(&E) -> bool, found: &mut Vec<E>) {
    for child in element.child_elements() {
        if is_excluded(&child.tag(), |name| child.attribute(name)) {
            continue;
        }
        if wanted(&child) {
            found.push(child);
        } else {
            all(&child, wanted, found);
        }
    }
}

/// Chars in the element's paragraphs of real length.
fn prose<E: PageElement>(element: &E) -> usize {
    let mut total = 0;
    for child in element.child_elements() {
        if is_excluded(&child.tag(), |name| child.attribute(name)) {
            continue;
        }
        let block = block_chars(&child);
        if block > 0 {
            total += block;
        } else {
            total += prose(&child);
        }
    }
    total
}

/// A paragraph's chars, or 0 if `element` is not a paragraph of real length.
/// Text written straight into a `div` (with `<br>`s) counts as paragraphs.
fn block_chars<E: PageElement>(element: &E) -> usize {
    let chars = if element.tag() == "p" {
        text_chars(element)
    } else {
        element.own_text_chars()
    };
    if chars >= MIN_BLOCK {
        chars
    } else {
        0
    }
}

fn text_chars<E: PageElement>(element: &E) -> usize {
    element.own_text_chars()
        + element
            .child_elements()
            .iter()
            .filter(|c| !is_excluded(&c.tag(), |name| c.attribute(name)))
            .map(text_chars)
            .sum::<usize>()
}

/// The element whose paragraphs (fully) and grandchildren's paragraphs
/// (half) hold the most text: articles are runs of sibling paragraphs.
fn densest<E: PageElement + Clone>(body: E) -> E {
    struct Scored<E> {
        element: E,
        score: usize,
    }
    fn visit<E: PageElement + Clone>(
        element: &E,
        path: &mut Vec<usize>,
        nodes: &mut Vec<Scored<E>>,
    ) {
        for child in element.child_elements() {
            if is_excluded(&child.tag(), |name| child.attribute(name)) {
                continue;
            }
            let block = block_chars(&child);
            if block > 0 {
                if let Some(&parent) = path.last() {
                    nodes[parent].score += block * 2;
                }
                if path.len() >= 2 {
                    nodes[path[path.len() - 2]].score += block;
                }
            }
            if child.tag() != "p" {
                nodes.push(Scored {
                    element: child.clone(),
                    score: 0,
                });
                path.push(nodes.len() - 1);
                visit(&child, path, nodes);
                path.pop();
            }
        }
    }
    let mut nodes = vec![Scored {
        element: body.clone(),
        score: 0,
    }];
    visit(&body, &mut vec![0], &mut nodes);
    // The first of equals wins: the outer element, in document order.
    let mut best = 0;
    for (index, node) in nodes.iter().enumerate() {
        if node.score > nodes[best].score {
            best = index;
        }
    }
    nodes.swap_remove(best).element
}
