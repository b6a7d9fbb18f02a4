//! Test builds only (the `test-hooks` feature, which only
//! `tests/e2e/test-build.html` turns on): entry points the e2e tests need
//! and the shipped `dist/` never has.

use super::api::mount_from_js;
use crate::matcher::Matcher;
use crate::page::TextMap;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static TEST_SENTENCES: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// `mount`, with a dataset of one claim per sentence (each sentence is its
/// claim's one phrase), so the corpus run can check that highlights land
/// exactly on real pages' text, across their markup.
#[wasm_bindgen(js_name = mountWithSentences)]
pub async fn mount_with_sentences(
    options: JsValue,
    sentences: Vec<String>,
) -> Result<bool, JsError> {
    TEST_SENTENCES.with(|t| *t.borrow_mut() = Some(sentences));
    mount_from_js(options).await
}

/// The text ClaimLens reads from the article it would choose, so the corpus
/// run picks sentences exactly as the matcher sees them.
#[wasm_bindgen(js_name = articleText)]
pub fn article_text() -> Result<String, JsError> {
    let document = gloo::utils::document();
    let container = crate::page::find_article(&document, None).map_err(|e| JsError::new(&e))?;
    Ok(TextMap::from_container(&container).text().to_string())
}

/// Panics while holding the current mount, as a bug in the middle of an
/// update would: with `panic = "abort"` the instance traps, and every later
/// call (`unmount()` included) throws. The e2e test checks that the loader
/// still cleans the page up.
#[wasm_bindgen(js_name = forceTrap)]
pub fn force_trap() {
    super::CURRENT.with(|current| {
        let _held = current.borrow_mut();
        panic!("forced by a test");
    })
}

/// The matcher `mountWithSentences` asked for, once.
pub(super) fn sentence_matcher() -> Option<Matcher> {
    let sentences = TEST_SENTENCES.with(|t| t.borrow_mut().take())?;
    Some(Matcher::with_unicode(
        sentence_dataset(sentences),
        Box::new(crate::platform::BrowserUnicode),
    ))
}

fn sentence_dataset(sentences: Vec<String>) -> crate::dataset::Dataset {
    let mut dataset = crate::dataset::Dataset::bundled();
    let template = dataset.claims[0].clone();
    dataset.claims = sentences
        .into_iter()
        .enumerate()
        .map(|(i, sentence)| {
            let mut claim = template.clone();
            claim.id = format!("sentence-{i}");
            claim.claim_reviewed = sentence.clone();
            claim.timeline.clear();
            claim.pattern = crate::dataset::MatchPattern {
                core: vec![crate::dataset::Evidence {
                    concept: None,
                    kind: crate::dataset::RoleKind::Other,
                    label: sentence.clone(),
                    words: vec![sentence],
                }],
                ..Default::default()
            };
            claim
        })
        .collect();
    // One role, found whole: the default model's "all roles found" is enough.
    dataset.model = crate::dataset::ScoreModel::default();
    dataset
}
