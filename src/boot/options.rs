//! What a publisher, a reader's bookmarklet or a script may ask of a mount.
//!
//! The loader turns the script tag's `data-*` attributes and the page's
//! JSON config block into the same plain object that `ClaimLens.mount()`
//! takes, so one parser here decides what is valid for all three, and a
//! typo gets the same one-line message wherever it was made.
//!
//! Read by hand with `Reflect` rather than by serde: five fields do not
//! need a deserializer, and the widget then ships none (nor the float
//! formatting its messages pull in). Messages keep serde's wording.

use crate::dataset::Rating;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The options `mount` knows, as written in JavaScript.
const FIELDS: [&str; 6] = [
    "article",
    "theme",
    "mode",
    "ratings",
    "panel",
    "rememberPanel",
];

#[derive(Default, Debug, PartialEq)]
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
    /// Keep the reader's panel choice (open, hidden) in the page origin's
    /// `localStorage['claimlens:panel']`; off unless `true`, so ClaimLens
    /// writes no storage unless the publisher asks.
    pub remember_panel: Option<bool>,
}

#[derive(Debug, PartialEq, Clone, Copy)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

#[derive(Debug, PartialEq, Clone, Copy)]
pub enum ModeOption {
    Marks,
    Paint,
}

/// serde's description of an unexpected value: `string "yes"`,
/// `boolean \`true\``, … (numbers as JavaScript prints them).
fn unexpected(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        format!("string {text:?}")
    } else if let Some(flag) = value.as_bool() {
        format!("boolean `{flag}`")
    } else if value.as_f64().is_some() {
        format!(
            "floating point `{}`",
            String::from(js_sys::JsString::from(value.clone()))
        )
    } else if Array::is_array(value) {
        "sequence".into()
    } else {
        "map".into()
    }
}

fn invalid(value: &JsValue, expected: &str) -> String {
    format!(
        "ClaimLens.mount: invalid type: {}, expected {expected}",
        unexpected(value)
    )
}

fn string(value: &JsValue) -> Result<String, String> {
    value.as_string().ok_or_else(|| invalid(value, "a string"))
}

fn boolean(value: &JsValue) -> Result<bool, String> {
    value.as_bool().ok_or_else(|| invalid(value, "a boolean"))
}

/// One of `variants` (lower-case names), as its index.
fn variant(value: &JsValue, variants: &[&str]) -> Result<usize, String> {
    let name = string(value)?;
    variants.iter().position(|v| *v == name).ok_or_else(|| {
        let expected: Vec<String> = variants.iter().map(|v| format!("`{v}`")).collect();
        format!(
            "ClaimLens.mount: unknown variant `{name}`, expected one of {}",
            expected.join(", ")
        )
    })
}

impl Options {
    /// `undefined` and `null` mean "all defaults", for the whole object and
    /// for each option.
    pub fn from_js(value: JsValue) -> Result<Options, String> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options::default());
        }
        let object = value
            .dyn_ref::<Object>()
            .filter(|_| !value.is_function() && !Array::is_array(&value))
            .ok_or("ClaimLens.mount: options must be an object, such as { mode: \"paint\" }")?;
        let mut options = Options::default();
        for key in Object::keys(object).iter() {
            let key = key.as_string().unwrap_or_default();
            let field = Reflect::get(object, &key.as_str().into()).unwrap_or_default();
            // Unset, as serde reads an `Option`; but a misspelt name is
            // reported even then.
            if (field.is_undefined() || field.is_null()) && FIELDS.contains(&key.as_str()) {
                continue;
            }
            match key.as_str() {
                "article" => options.article = Some(string(&field)?),
                "theme" => {
                    options.theme = Some(
                        [Theme::Auto, Theme::Light, Theme::Dark]
                            [variant(&field, &["auto", "light", "dark"])?],
                    )
                }
                "mode" => {
                    options.mode = Some(
                        [ModeOption::Marks, ModeOption::Paint]
                            [variant(&field, &["marks", "paint"])?],
                    )
                }
                "ratings" => {
                    let list = field
                        .dyn_ref::<Array>()
                        .filter(|_| Array::is_array(&field))
                        .ok_or_else(|| invalid(&field, "a sequence"))?;
                    options.ratings =
                        Some(list.iter().map(|v| string(&v)).collect::<Result<_, _>>()?);
                }
                "panel" => options.panel = Some(boolean(&field)?),
                "rememberPanel" => options.remember_panel = Some(boolean(&field)?),
                _ => {
                    return Err(format!(
                        "ClaimLens.mount: unknown option `{key}`, expected one of {}",
                        FIELDS.join(", ")
                    ))
                }
            }
        }
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
