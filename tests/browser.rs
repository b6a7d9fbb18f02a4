//! The widget in a real headless Chromium (wasm-bindgen-test): highlights,
//! the article's text, the card's open/close paths, and exact teardown.
#![cfg(target_arch = "wasm32")]

use claimlens::boot;
use gloo::timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = "<h2>Talks</h2><p>It's worth noting the mission. Only 26 Western <a href=\"#x\">countries</a> are ready to <em>deploy</em> troops to secure a ceasefire or peace, but Germany is not yet committing to participation.</p><p>Unrelated: 26 people were injured.</p>";
const TROOPS: &str = "coalition-26-countries-ready-to-deploy";

fn article(html: &str) -> Element {
    let document = gloo::utils::document();
    let element = document.create_element("article").unwrap();
    element.set_inner_html(html);
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets yew's scheduler render and the browser dispatch queued events.
async fn settle() {
    TimeoutFuture::new(20).await;
}

fn card(kind: &str) -> Option<Element> {
    let host = gloo::utils::document()
        .query_selector("claimlens-ui")
        .unwrap()?;
    host.shadow_root()?
        .query_selector(&format!("[data-claimlens-card=\"{kind}\"]"))
        .unwrap()
}

fn press(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn troops_mark(container: &Element) -> HtmlElement {
    container
        .query_selector(&format!("[data-claimlens-claim=\"{TROOPS}\"][tabindex]"))
        .unwrap()
        .expect("the troops claim is highlighted")
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn highlights_the_claim_across_inline_markup_without_changing_text() {
    let container = article(ARTICLE);
    let html_before = container.inner_html();
    let text_before = container.text_content();

    let mounted = boot::Settings::default().mount(&container).await.unwrap();

    let marks = container
        .query_selector_all(&format!("[data-claimlens-claim=\"{TROOPS}\"]"))
        .unwrap();
    let highlighted: String = (0..marks.length())
        .filter_map(|i| marks.item(i)?.text_content())
        .collect();
    assert_eq!(
        highlighted,
        "26 Western countries are ready to deploy troops"
    );
    assert!(
        marks.length() >= 3,
        "the span crosses <a> and <em>, so it needs several marks"
    );
    assert_eq!(
        container.text_content(),
        text_before,
        "the article's text must not change"
    );
    assert_eq!(
        container.get_attribute("data-claimlens-state").as_deref(),
        Some("ready")
    );
    assert_eq!(
        container.get_attribute("data-claimlens-matches").as_deref(),
        Some("2")
    );
    assert!(
        boot::Settings::default().mount(&container).await.is_err(),
        "a second mount on the same element is refused"
    );

    mounted.unmount();
    assert_eq!(
        container.inner_html(),
        html_before,
        "teardown restores the DOM exactly"
    );
    assert!(gloo::utils::document()
        .query_selector("claimlens-ui")
        .unwrap()
        .is_none());
    container.remove();
}

#[wasm_bindgen_test]
async fn ready_event_lists_the_matches() {
    let container = article(ARTICLE);
    let seen: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        gloo::events::EventListener::new(
            &gloo::utils::document(),
            "claimlens:ready",
            move |event| {
                let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
                for item in js_sys::Array::from(&detail).iter() {
                    let get = |k: &str| {
                        js_sys::Reflect::get(&item, &k.into())
                            .unwrap()
                            .as_string()
                            .unwrap()
                    };
                    seen.borrow_mut().push((get("claimId"), get("text")));
                }
            },
        )
    };
    let mounted = boot::Settings::default().mount(&container).await.unwrap();
    drop(listener);
    assert_eq!(
        *seen.borrow(),
        vec![
            (
                TROOPS.to_string(),
                "26 Western countries are ready to deploy troops".to_string()
            ),
            (
                "germany-not-yet-committing-troops".to_string(),
                "Germany is not yet committing to participation".to_string()
            ),
        ]
    );
    mounted.unmount();
    container.remove();
}

#[wasm_bindgen_test]
async fn card_opens_on_focus_and_click_and_closes_on_escape() {
    let container = article(ARTICLE);
    let mounted = boot::Settings::default().mount(&container).await.unwrap();
    let mark = troops_mark(&container);
    settle().await;
    assert!(card(TROOPS).is_none(), "no card before interaction");

    mark.focus().unwrap();
    settle().await;
    let open = card(TROOPS).expect("focus opens the card");
    let text = open.text_content().unwrap();
    assert!(text.contains("Needs context"), "{text}");
    let as_of = claimlens::Dataset::bundled()
        .claim(TROOPS)
        .map(|c| c.as_of.to_string())
        .unwrap();
    assert!(text.contains(&format!("Context as of {as_of}")), "{text}");
    assert!(
        text.contains(&claimlens::Dataset::bundled().info.version),
        "{text}"
    );
    let link = open
        .query_selector("a[href^=\"https://\"]")
        .unwrap()
        .expect("a source link");
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(mark.get_attribute("aria-expanded").as_deref(), Some("true"));

    press(&mark, "Escape");
    settle().await;
    assert!(card(TROOPS).is_none(), "Escape closes the card");
    assert_eq!(
        mark.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let focused = gloo::utils::document().active_element().unwrap();
    assert!(
        focused.is_same_node(Some(&mark)),
        "focus stays on the highlight"
    );

    // Enter on the focused highlight opens the card again.
    press(&mark, "Enter");
    assert!(
        eventually(|| card(TROOPS).is_some()).await,
        "Enter opens the card"
    );
    press(&mark, "Escape");
    assert!(eventually(|| card(TROOPS).is_none()).await);

    mark.blur().unwrap();
    mark.click();
    settle().await;
    assert!(card(TROOPS).is_some(), "click opens the card");

    gloo::utils::document().body().unwrap().click();
    settle().await;
    assert!(card(TROOPS).is_none(), "a click elsewhere closes the card");

    mounted.unmount();
    container.remove();
}

/// The widget matches with the browser's Unicode services; the CLI with the
/// Rust crates. Both must find exactly the same claims and spans.
#[cfg(feature = "rust-unicode")]
#[wasm_bindgen_test]
fn browser_unicode_services_match_the_rust_crates_on_the_evaluation_set() {
    use claimlens::platform::BrowserUnicode;
    use claimlens::{Dataset, Matcher};
    let texts = include_str!(concat!(env!("OUT_DIR"), "/eval_texts.txt"));
    let extra = [
        "Ünïcödé e\u{301} 👩‍👩‍👧 𝟐𝟔 ﬁ Ⅻ ² İ ß \u{202E}26\u{00A0}000 3½ years — “quoted” 26 nations deploy troops.",
        "Mr. Smith met U.S. officials. Twenty-six countries will send soldiers!\r\nNew line",
        "",
    ];
    // What the widget runs (the index compiled natively by build.rs, the
    // browser's services for the text) against Rust all the way.
    let rust = Matcher::new(Dataset::bundled());
    let browser = Matcher::bundled(Box::new(BrowserUnicode));
    let mut compared = 0;
    for text in texts.split('\u{1E}').chain(extra) {
        assert_eq!(rust.find(text), browser.find(text), "text: {text}");
        compared += 1;
    }
    assert!(compared > 300, "only {compared} texts compared");
}

/// The evaluation set is mostly English: the cases where lowercasing is
/// more than a table lookup (final sigma, one-to-many mappings, titlecase
/// letters), compared directly.
#[cfg(feature = "rust-unicode")]
#[wasm_bindgen_test]
fn browser_lowercasing_matches_the_rust_standard_library() {
    use claimlens::matcher::text::{RustUnicode, UnicodeText};
    use claimlens::platform::BrowserUnicode;
    let texts = [
        "ΟΔΥΣΣΕΥΣ",
        "ΌΣΟΣ. ΣΑΣ, Σ",
        "İSTANBUL İ",
        "ǄEMAL ǅemal",
        "STRASSE ẞ",
        "ⅫⒶ ＡＢＣ",
        "КИЇВ ЗАЯВИВ",
        "Mixed ASCII and Ünïcödé",
        "ascii only",
        "",
    ];
    for text in texts {
        assert_eq!(
            BrowserUnicode.lowercase(text),
            RustUnicode.lowercase(text),
            "text: {text}"
        );
    }
}

fn mouse(target: &web_sys::EventTarget, kind: &str, related: Option<&web_sys::EventTarget>) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_related_target(related);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn wait(ms: u32) {
    TimeoutFuture::new(ms).await;
}

/// Polls `condition` for up to two seconds: "it happens" assertions must not
/// fail just because a loaded machine ran a timer late.
async fn eventually(condition: impl Fn() -> bool) -> bool {
    for _ in 0..100 {
        if condition() {
            return true;
        }
        wait(20).await;
    }
    condition()
}

/// WCAG 1.4.13: a hover card opens after a dwell, survives the trip from
/// highlight to card, closes after a grace period once the pointer has left
/// both; a card opened by click stays until dismissed.
#[wasm_bindgen_test]
async fn hover_dwell_grace_and_persistence() {
    use claimlens::ui_timing::{HOVER_DWELL_MS, HOVER_GRACE_MS};
    let container = article(ARTICLE);
    let mounted = boot::Settings::default().mount(&container).await.unwrap();
    let mark = troops_mark(&container);
    let body: web_sys::EventTarget = gloo::utils::document().body().unwrap().into();
    settle().await;

    mouse(&mark, "mouseover", Some(&body));
    wait(HOVER_DWELL_MS / 2).await;
    assert!(
        card(TROOPS).is_none(),
        "no card before the dwell has passed"
    );
    assert!(
        eventually(|| card(TROOPS).is_some()).await,
        "the card opens after the dwell"
    );

    // Leaving the highlight for the card keeps it open.
    let host: web_sys::EventTarget = gloo::utils::document()
        .query_selector("claimlens-ui")
        .unwrap()
        .unwrap()
        .into();
    mouse(&mark, "mouseout", Some(&host));
    wait(HOVER_GRACE_MS / 3).await;
    mouse(&host, "mouseover", Some(&mark));
    wait(HOVER_GRACE_MS * 2).await;
    assert!(
        card(TROOPS).is_some(),
        "the pointer on the card keeps it open"
    );

    // Leaving both closes it after the grace period, not before.
    mouse(&host, "mouseout", Some(&body));
    wait(HOVER_GRACE_MS / 3).await;
    assert!(card(TROOPS).is_some(), "still open during the grace period");
    assert!(
        eventually(|| card(TROOPS).is_none()).await,
        "closed after the grace period"
    );

    // A pointer that merely crosses the highlight opens nothing.
    mouse(&mark, "mouseover", Some(&body));
    wait(HOVER_DWELL_MS / 3).await;
    mouse(&mark, "mouseout", Some(&body));
    wait(HOVER_DWELL_MS * 2).await;
    assert!(
        card(TROOPS).is_none(),
        "crossing the highlight does not open the card"
    );

    // Opened by click: the pointer leaving does not close it.
    mark.click();
    assert!(eventually(|| card(TROOPS).is_some()).await);
    mouse(&mark, "mouseout", Some(&body));
    wait(HOVER_GRACE_MS * 2).await;
    assert!(
        card(TROOPS).is_some(),
        "a clicked card stays until dismissed"
    );

    mounted.unmount();
    container.remove();
}

/// "n" and "p" on a focused highlight move to the next and previous claim and
/// open its card; elsewhere the keys are the page's.
#[wasm_bindgen_test]
async fn next_and_previous_claim_keys() {
    let container = article(ARTICLE);
    let mounted = boot::Settings::default().mount(&container).await.unwrap();
    let marks = container
        .query_selector_all("[data-claimlens-claim][tabindex]")
        .unwrap();
    assert_eq!(marks.length(), 2, "the article has two claims");
    let first: HtmlElement = marks.item(0).unwrap().unchecked_into();
    let second: HtmlElement = marks.item(1).unwrap().unchecked_into();
    let second_id = second.get_attribute("data-claimlens-claim").unwrap();
    settle().await; // the widget's listeners attach after its first render

    first.focus().unwrap();
    press(&first, "n");
    let document = gloo::utils::document();
    assert!(
        document
            .active_element()
            .unwrap()
            .is_same_node(Some(&second)),
        "n moves to the next claim"
    );
    assert!(
        eventually(|| card(&second_id).is_some()).await,
        "and opens its card"
    );
    press(&second, "n");
    assert!(
        document
            .active_element()
            .unwrap()
            .is_same_node(Some(&second)),
        "n on the last claim stays"
    );
    press(&second, "p");
    assert!(
        document
            .active_element()
            .unwrap()
            .is_same_node(Some(&first)),
        "p moves back"
    );

    // Typing "n" elsewhere on the page is left alone.
    let input = document.create_element("input").unwrap();
    document.body().unwrap().append_child(&input).unwrap();
    input.unchecked_ref::<HtmlElement>().focus().unwrap();
    press(&input, "n");
    assert!(document
        .active_element()
        .unwrap()
        .is_same_node(Some(&input)));
    input.remove();

    mounted.unmount();
    container.remove();
}

/// The card compares the page's publication date with the claim's timeline:
/// from the meta tag, from JSON-LD, or from a `<time>` in the article.
#[wasm_bindgen_test]
async fn cards_are_time_aware_from_the_pages_publication_date() {
    const DRUZHBA: &str = "druzhba-pipeline-carries-oil";
    let document = gloo::utils::document();
    let head = document.head().unwrap();
    let text = "<p>The Russian oil pipeline Druzhba continues to transport oil towards Hungary and Slovakia.</p>";
    let cases: [(&str, &str, &str); 4] = [
        ("<meta property=\"article:published_time\" content=\"2025-09-05T08:00:00Z\">", "", "On this article's date (2025-09-05): Accurate. It has changed since: Outdated"),
        ("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-03-01\"}]}</script>", "", "On this article's date (2026-03-01): Outdated. Unchanged"),
        ("", "<header><time datetime=\"2025-09-05\">5 Sep</time></header>", "On this article's date (2025-09-05): Accurate."),
        ("", "", "this page gives no publication date"),
    ];
    for (in_head, in_article, expected) in cases {
        let marker = document.create_element("div").unwrap();
        marker.set_inner_html(in_head);
        let added: Vec<web_sys::Node> = (0..marker.child_nodes().length())
            .filter_map(|i| marker.child_nodes().item(i))
            .collect();
        for node in &added {
            head.append_child(node).unwrap();
        }
        let container = article(&format!("{in_article}{text}"));
        let mounted = boot::Settings::default().mount(&container).await.unwrap();
        settle().await;
        let mark: HtmlElement = container
            .query_selector(&format!("[data-claimlens-claim=\"{DRUZHBA}\"][tabindex]"))
            .unwrap()
            .expect("the Druzhba claim is highlighted")
            .unchecked_into();
        mark.click();
        assert!(eventually(|| card(DRUZHBA).is_some()).await);
        let note = card(DRUZHBA)
            .unwrap()
            .query_selector(".time")
            .unwrap()
            .and_then(|n| n.text_content())
            .unwrap_or_default();
        assert!(note.contains(expected), "expected {expected:?} in {note:?}");
        mounted.unmount();
        container.remove();
        for node in &added {
            head.remove_child(node).unwrap();
        }
    }
}

fn panel() -> Option<Element> {
    let host = gloo::utils::document()
        .query_selector("claimlens-ui")
        .unwrap()?;
    host.shadow_root()?
        .query_selector("[data-claimlens-panel]")
        .unwrap()
}

/// The panel's state: "collapsed", "open" or "hidden".
fn panel_state() -> Option<String> {
    panel()?.get_attribute("data-claimlens-panel")
}

/// Waits for the panel to reach `state`.
async fn panel_becomes(state: &str) -> bool {
    eventually(|| panel_state().as_deref() == Some(state)).await
}

fn click_in_panel(selector: &str) {
    let button: HtmlElement = panel()
        .unwrap()
        .query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into();
    button.click();
}

/// The summary panel counts the claims, lists them, opens a chosen one's
/// card, and remembers being hidden.
#[wasm_bindgen_test]
async fn summary_panel_lists_claims_and_remembers_being_hidden() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.remove_item("claimlens:panel").unwrap();
    let container = article(ARTICLE);
    let remembering = || boot::Settings::default().remember_panel(true);
    let mounted = remembering().mount(&container).await.unwrap();
    assert!(eventually(|| panel().is_some()).await);
    let collapsed = panel().unwrap();
    assert_eq!(
        collapsed.get_attribute("data-claimlens-panel").as_deref(),
        Some("collapsed")
    );
    assert!(collapsed
        .text_content()
        .unwrap()
        .contains("2 claims in this article have context"));
    let status = collapsed
        .query_selector("[role=status]")
        .unwrap()
        .expect("a live region");
    assert!(status
        .text_content()
        .unwrap()
        .starts_with("ClaimLens: 2 claims in this article have context."));

    click_in_panel(".toggle");
    assert!(panel_becomes("open").await);
    let entries = panel()
        .unwrap()
        .query_selector_all("[data-claimlens-entry]")
        .unwrap();
    assert_eq!(entries.length(), 2);
    let germany = "germany-not-yet-committing-troops";
    click_in_panel("[data-claimlens-entry=\"1\"]");
    assert!(
        eventually(|| card(germany).is_some()).await,
        "choosing an entry opens its card"
    );
    let focused = gloo::utils::document().active_element().unwrap();
    assert_eq!(
        focused.get_attribute("data-claimlens-claim").as_deref(),
        Some(germany),
        "and focuses its highlight"
    );

    click_in_panel(".hide");
    assert!(panel_becomes("hidden").await);
    assert_eq!(
        storage.get_item("claimlens:panel").unwrap().as_deref(),
        Some("hidden")
    );
    mounted.unmount();

    // Without the publisher's `rememberPanel`, the choice is neither read
    // nor written.
    let mounted = boot::Settings::default().mount(&container).await.unwrap();
    assert!(eventually(|| panel().is_some()).await);
    assert_eq!(
        panel_state().as_deref(),
        Some("collapsed"),
        "not read without rememberPanel"
    );
    click_in_panel(".toggle");
    assert!(panel_becomes("open").await);
    assert_eq!(
        storage.get_item("claimlens:panel").unwrap().as_deref(),
        Some("hidden"),
        "not written without rememberPanel"
    );
    mounted.unmount();

    let mounted = remembering().mount(&container).await.unwrap();
    assert!(eventually(|| panel().is_some()).await);
    assert_eq!(panel_state().as_deref(), Some("hidden"), "remembered");
    click_in_panel(".restore");
    assert!(panel_becomes("collapsed").await);
    mounted.unmount();
    container.remove();
    storage.remove_item("claimlens:panel").unwrap();
}

/// Paint mode changes no node of the page, opens cards by hit-testing a
/// click on the painted text, and removes its highlights on unmount.
#[wasm_bindgen_test]
async fn paint_mode_changes_no_node_and_hit_tests_clicks() {
    use claimlens::{Dataset, Matcher};
    let container = article(ARTICLE);
    let html_before = container.inner_html();
    let registry = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap(),
        &"highlights".into(),
    )
    .unwrap();
    let has = |name: &str| {
        let f: js_sys::Function = js_sys::Reflect::get(&registry, &"has".into())
            .unwrap()
            .unchecked_into();
        f.call1(&registry, &name.into()).unwrap().as_bool().unwrap()
    };
    let sheets_before = gloo::utils::document().adopted_style_sheets().length();

    let matcher = Matcher::with_unicode(
        Dataset::bundled(),
        Box::new(claimlens::platform::BrowserUnicode),
    );
    let mounted = boot::Settings::default()
        .mode(boot::Mode::Paint)
        .matcher(matcher)
        .mount(&container)
        .await
        .unwrap();
    assert_eq!(
        container
            .get_attribute("data-claimlens-mode-used")
            .as_deref(),
        Some("paint")
    );
    assert_eq!(
        container
            .inner_html()
            .replace(" data-claimlens-state=\"ready\"", ""),
        html_before,
        "no node of the article changed"
    );
    assert!(container
        .query_selector("claimlens-mark")
        .unwrap()
        .is_none());
    assert!(
        has("claimlens-needs-context"),
        "the troops claim is painted"
    );
    settle().await;

    // Click in the middle of "Western", inside the painted span.
    let paragraph = container.query_selector("p").unwrap().unwrap();
    let text = paragraph.first_child().unwrap();
    let offset = text.text_content().unwrap().find("Western").unwrap() as u32 + 3;
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(&text, offset).unwrap();
    range.set_end(&text, offset + 1).unwrap();
    let rect = range.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + rect.width() / 2.0) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    paragraph.dispatch_event(&click).unwrap();
    assert!(
        eventually(|| card(TROOPS).is_some()).await,
        "a click on painted text opens its card"
    );
    press(&paragraph, "Escape");
    assert!(eventually(|| card(TROOPS).is_none()).await);

    // Hover in paint mode follows the pointer over the painted range.
    let move_to = |x: f64, y: f64| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_client_x(x as i32);
        init.set_client_y(y as i32);
        let event =
            web_sys::MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap();
        paragraph.dispatch_event(&event).unwrap();
    };
    move_to(
        rect.left() + rect.width() / 2.0,
        rect.top() + rect.height() / 2.0,
    );
    wait(claimlens::ui_timing::HOVER_DWELL_MS / 2).await;
    assert!(card(TROOPS).is_none(), "not before the dwell");
    assert!(
        eventually(|| card(TROOPS).is_some()).await,
        "hovering painted text opens its card"
    );
    move_to(1.0, 1.0);
    assert!(
        eventually(|| card(TROOPS).is_none()).await,
        "leaving it closes the card after the grace period"
    );

    mounted.unmount();
    assert!(
        !has("claimlens-needs-context"),
        "highlights are unregistered"
    );
    assert_eq!(
        gloo::utils::document().adopted_style_sheets().length(),
        sheets_before
    );
    assert_eq!(container.inner_html(), html_before);
    container.remove();
}

/// `data-claimlens-theme="dark"` on the article forces the dark card even
/// when the reader's scheme is light; without it the card follows the scheme.
#[wasm_bindgen_test]
async fn theme_can_be_forced() {
    let window = gloo::utils::window();
    let prefers_dark = window
        .match_media("(prefers-color-scheme: dark)")
        .unwrap()
        .is_some_and(|m| m.matches());
    for (forced, expect_dark) in [
        (Some("dark"), true),
        (Some("light"), false),
        (None, prefers_dark),
    ] {
        let container = article(ARTICLE);
        if let Some(theme) = forced {
            container
                .set_attribute("data-claimlens-theme", theme)
                .unwrap();
        }
        let mounted = boot::Settings::default().mount(&container).await.unwrap();
        settle().await;
        troops_mark(&container).click();
        assert!(eventually(|| card(TROOPS).is_some()).await);
        let style = window
            .get_computed_style(&card(TROOPS).unwrap())
            .unwrap()
            .unwrap();
        let background = style.get_property_value("background-color").unwrap();
        let dark = background == "rgb(31, 32, 35)";
        assert_eq!(
            dark, expect_dark,
            "theme {forced:?}: background {background}"
        );
        mounted.unmount();
        container.remove();
    }
}

#[path = "support/xss.rs"]
mod xss;

/// Every hostile string of `tests/support/xss.rs` in every dataset text
/// field and source URL, and in the page's text: nothing executes, no
/// element comes from data, only https links are rendered, and the text
/// shows literally.
#[wasm_bindgen_test]
async fn hostile_text_in_the_dataset_and_the_page_is_rendered_inert() {
    use claimlens::{Dataset, Matcher};
    const FROM_DATA: &str = "script, img, svg, iframe, object, embed, style, link, meta, base, form, input, \
        select, textarea, video, audio, math, details, marquee, template, noscript, button:not(.close, .toggle, .entry, .restore, .hide)";
    assert!(xss::PAYLOADS.len() >= 50);
    for payload in xss::PAYLOADS {
        let mut dataset = Dataset::bundled();
        let claim = dataset.claims.iter_mut().find(|c| c.id == TROOPS).unwrap();
        claim.claim_reviewed = format!("Claim {payload}");
        claim.summary = format!("Summary {payload}");
        claim.context = format!("Context {payload}");
        for source in &mut claim.sources {
            source.title = format!("Title {payload}");
            source.publisher = format!("Publisher {payload}");
        }
        claim.sources[1].url = payload.to_string();
        claim.sources[2].url = format!("https://example.org/{payload}");
        let container = article(ARTICLE);
        // The payload as page text (not markup), inside the matched
        // paragraph and on its own: it must stay text.
        let paragraph = gloo::utils::document().create_element("p").unwrap();
        paragraph.set_text_content(Some(payload));
        container.append_child(&paragraph).unwrap();
        container
            .query_selector("p")
            .unwrap()
            .unwrap()
            .prepend_with_str_1(payload)
            .unwrap();
        let matcher = Matcher::with_unicode(dataset, Box::new(claimlens::platform::BrowserUnicode));
        let mounted = boot::Settings::default()
            .matcher(matcher)
            .mount(&container)
            .await
            .unwrap();
        settle().await;
        troops_mark(&container).click();
        assert!(eventually(|| card(TROOPS).is_some()).await, "{payload}");
        let open = card(TROOPS).unwrap();
        let root = open.get_root_node();
        let shadow: &web_sys::ShadowRoot = root.unchecked_ref();
        if let Some(found) = shadow.query_selector(FROM_DATA).unwrap() {
            panic!(
                "an element came from dataset text: {} for {payload}",
                found.outer_html()
            );
        }
        assert!(
            open.text_content()
                .unwrap()
                .contains(&format!("Summary {payload}")),
            "the text shows literally: {payload}"
        );
        let links = shadow.query_selector_all("a").unwrap();
        for i in 0..links.length() {
            let href = links
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("href")
                .unwrap();
            assert!(href.starts_with("https://"), "only https links: {href}");
        }
        assert!(
            container
                .query_selector(
                    "script, img, svg, iframe, object, embed, style, a:not([href='#x'])"
                )
                .unwrap()
                .is_none(),
            "page text stays text: {payload}"
        );
        mounted.unmount();
        container.remove();
    }
    wait(50).await;
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__claimlens_pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "nothing executed");
}

/// Where the Custom Highlight API is missing, paint mode falls back to marks.
#[wasm_bindgen_test]
async fn paint_mode_falls_back_to_marks_without_the_highlight_api() {
    use claimlens::{Dataset, Matcher};
    let global = js_sys::global();
    let highlight = js_sys::Reflect::get(&global, &"Highlight".into()).unwrap();
    js_sys::Reflect::set(
        &global,
        &"Highlight".into(),
        &wasm_bindgen::JsValue::UNDEFINED,
    )
    .unwrap();
    let container = article(ARTICLE);
    let matcher = Matcher::with_unicode(
        Dataset::bundled(),
        Box::new(claimlens::platform::BrowserUnicode),
    );
    let mounted = boot::Settings::default()
        .mode(boot::Mode::Paint)
        .matcher(matcher)
        .mount(&container)
        .await;
    js_sys::Reflect::set(&global, &"Highlight".into(), &highlight).unwrap();
    let mounted = mounted.unwrap();
    assert_eq!(
        container
            .get_attribute("data-claimlens-mode-used")
            .as_deref(),
        Some("marks")
    );
    assert!(container
        .query_selector("claimlens-mark")
        .unwrap()
        .is_some());
    mounted.unmount();
    container.remove();
}

/// Colour is never the only cue (the badges' icons and labels are tested
/// natively): every rating's highlight has its own underline, line and
/// style, in marks (the computed styles of real marks) and in paint mode
/// (the rules its stylesheet paints with). And no mark carries a `style`
/// attribute: the look comes from per-rating rules.
#[wasm_bindgen_test]
async fn every_rating_has_its_own_highlight_cue_besides_colour() {
    use claimlens::dataset::Rating;
    use claimlens::page::{Highlights, MarkSpec, Paint, TextMap};
    use std::collections::HashSet;
    let document = gloo::utils::document();
    let slugs: Vec<&str> = Rating::ALL.iter().map(|r| r.slug()).collect();
    let container = article(&format!("<p>{}</p>", slugs.join(" ")));
    let map = TextMap::from_container(&container);
    let mut highlights = Highlights::new(&document, document.clone().into());
    let mut starts = Vec::new();
    let mut at = 0;
    for slug in &slugs {
        starts.push(at);
        at += slug.chars().count() + 1;
    }
    for (i, rating) in Rating::ALL.iter().enumerate().rev() {
        let spec = MarkSpec {
            claim_id: "cue",
            match_index: i,
            rating: *rating,
            label: rating.label(),
            also: Vec::new(),
        };
        highlights
            .wrap(&map, starts[i], starts[i] + slugs[i].len(), &spec)
            .unwrap();
    }
    let window = gloo::utils::window();
    let marks = container.query_selector_all("claimlens-mark").unwrap();
    assert_eq!(marks.length() as usize, Rating::ALL.len());
    let mut cues = HashSet::new();
    for i in 0..marks.length() {
        let mark: Element = marks.item(i).unwrap().unchecked_into();
        assert!(!mark.has_attribute("style"), "no style attribute on marks");
        let style = window.get_computed_style(&mark).unwrap().unwrap();
        let get = |name: &str| style.get_property_value(name).unwrap();
        assert!(get("text-decoration-line").contains("underline"));
        cues.insert((get("text-decoration-line"), get("text-decoration-style")));
    }
    assert_eq!(
        cues.len(),
        Rating::ALL.len(),
        "marks: each rating's underline differs from every other's: {cues:?}"
    );
    highlights.remove();

    let paint = Paint::new(&document, document.clone().into()).unwrap();
    let mut painted = HashSet::new();
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into()).unwrap()
    };
    for sheet in document.adopted_style_sheets().iter() {
        let rules = get(&sheet, "cssRules");
        for i in 0..get(&rules, "length").as_f64().unwrap() as u32 {
            let rule = js_sys::Reflect::get_u32(&rules, i).unwrap();
            let selector = get(&rule, "selectorText").as_string().unwrap_or_default();
            if !selector.starts_with("::highlight(claimlens-") {
                continue;
            }
            let style: web_sys::CssStyleDeclaration = get(&rule, "style").unchecked_into();
            let value = |name: &str| style.get_property_value(name).unwrap();
            painted.insert((
                value("text-decoration-line"),
                value("text-decoration-style"),
            ));
        }
    }
    assert_eq!(
        painted.len(),
        Rating::ALL.len(),
        "paint: each rating's underline differs from every other's: {painted:?}"
    );
    paint.remove();
    container.remove();
}
