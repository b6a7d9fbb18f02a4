//! What a publisher, a reader's bookmarklet or a script may ask of a mount.
//!
//! The loader turns the script tag's `data-*` attributes and the page's
//! JSON config block into the same plain object that `ClaimLens.mount()`
//! takes, so one parser here decides what is valid for all three, and a
//! typo gets the same one-line message wherever it was made.

use crate::dataset::Rating;
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};

/// The options `mount` knows, as written in JavaScript.
const FIELDS: [&str; 5] = ["article", "theme", "mode", "ratings", "panel"];

#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Options {
    /// CSS selector of the article; without it the article is found
    /// automatically (see `page::locate`).
    pub article: Option<String>,
    pub theme: Option<Theme>,
    pub mode: Option<ModeOption>,
    /// Rating slugs whose cards to show; others are not highlighted at all.
    pub ratings: Option<Vec<String>>,
    /// The summary panel; on unless `false`.
    pub panel: Option<bool>,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

#[derive(Deserialize, Debug, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
pub enum ModeOption {
    Marks,
    Paint,
}

impl Options {
    /// `undefined` and `null` mean "all defaults".
    pub fn from_js(value: JsValue) -> Result<Options, String> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options::default());
        }
        // serde-wasm-bindgen reads only the fields a struct declares, so
        // `deny_unknown_fields` never sees a misspelt one: check names here.
        let object = value
            .dyn_ref::<js_sys::Object>()
            .filter(|_| !value.is_function() && !js_sys::Array::is_array(&value))
            .ok_or("ClaimLens.mount: options must be an object, such as { mode: \"paint\" }")?;
        for key in js_sys::Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !FIELDS.contains(&key.as_str()) {
                return Err(format!(
                    "ClaimLens.mount: unknown option `{key}`, expected one of {}",
                    FIELDS.join(", ")
                ));
            }
        }
        let options: Options = serde_wasm_bindgen::from_value(value)
            .map_err(|error| format!("ClaimLens.mount: {error}"))?;
        options.allowed_ratings()?;
        Ok(options)
    }

    /// `None` when every rating is shown.
    pub fn allowed_ratings(&self) -> Result<Option<Vec<Rating>>, String> {
        let Some(slugs) = &self.ratings else {
            return Ok(None);
        };
        slugs
            .iter()
            .map(|slug| {
                Rating::ALL
                    .into_iter()
                    .find(|rating| rating.slug() == slug)
                    .ok_or_else(|| {
                        let known: Vec<&str> = Rating::ALL.iter().map(|r| r.slug()).collect();
                        format!(
                            "ClaimLens.mount: unknown rating `{slug}` in `ratings`, expected some of {}",
                            known.join(", ")
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }
}
