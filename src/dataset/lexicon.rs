//! The shared concept lexicon: `dataset/lexicon/*.toml`.
//!
//! Each top-level table of a lexicon file is a concept, a role filler that
//! claims reuse ("russia", "reject", "troops"): a `label` for the card's
//! explanation, its wordings under language keys (`en = […]`, `de = […]`),
//! and optionally `include = [other concepts]`. Claims name concepts in
//! their `[match]`; reading resolves each name to every wording of the
//! concept and its inclusions, so the matcher never sees the lexicon and a
//! new language is a new key, not new code.

use super::source::Checker;
use super::{Concept, Evidence, RoleKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Concepts by id, with every wording resolved.
#[derive(Default)]
pub(super) struct Lexicon {
    pub concepts: Vec<Concept>,
    resolved: BTreeMap<String, Evidence>,
}

/// A claim's reference to evidence: a concept id, or its own words.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawEvidence {
    Concept(String),
    Words(Vec<String>),
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A BCP 47 language key as editors write them: `en`, `de`, `pt-br`.
fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl Lexicon {
    /// Reads one lexicon file's concepts, reporting problems at their lines.
    pub fn read_file(&mut self, check: &mut Checker, kind: RoleKind) {
        type Raw = BTreeMap<String, Spanned<BTreeMap<String, toml::Value>>>;
        let Some(raw) = check.parse_toml::<Raw>() else {
            return;
        };
        for (id, table) in raw {
            let line = check.line_of(table.span().start);
            let table = table.into_inner();
            if !is_slug(&id) {
                check.report(
                    line,
                    &id,
                    "a concept id must be a slug; use lowercase letters, digits and hyphens",
                );
                continue;
            }
            if self.concepts.iter().any(|c| c.id == id) {
                check.report(
                    line,
                    &id,
                    "defined twice; give each concept one table in one file",
                );
                continue;
            }
            let mut concept = Concept {
                id: id.clone(),
                kind,
                label: String::new(),
                words: Vec::new(),
                include: Vec::new(),
            };
            let strings = |value: &toml::Value| -> Option<Vec<String>> {
                value
                    .as_array()?
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                    })
                    .collect()
            };
            for (key, value) in &table {
                let field = format!("{id}.{key}");
                match key.as_str() {
                    "label" => match value.as_str().map(str::trim) {
                        Some(label) if !label.is_empty() => concept.label = label.to_string(),
                        _ => check.report(
                            line,
                            &field,
                            "must be a short non-empty text, e.g. `label = \"Russia\"`",
                        ),
                    },
                    "include" => match strings(value) {
                        Some(ids) => concept.include = ids,
                        None => check.report(line, &field, "must be a list of concept ids"),
                    },
                    language if is_language(language) => match strings(value) {
                        Some(words) => concept.words.push((key.clone(), words)),
                        None => check.report(
                            line,
                            &field,
                            "must be a list of words or phrases, none empty",
                        ),
                    },
                    _ => check.report(
                        line,
                        &field,
                        "unknown key; use `label`, `include` or a language code such as `en`",
                    ),
                }
            }
            if concept.label.is_empty() {
                check.report(
                    line,
                    &format!("{id}.label"),
                    "missing; add the short text the card shows for this concept",
                );
            }
            if concept.words.iter().all(|(_, w)| w.is_empty()) && concept.include.is_empty() {
                check.report(
                    line,
                    &id,
                    "has no wordings; add e.g. `en = [\"…\"]` or `include = [\"…\"]`",
                );
            }
            self.concepts.push(concept);
        }
    }

    /// Resolves inclusions; reports unknown ids and cycles at the lexicon's
    /// first file (the concept's own line is gone by now, so the message
    /// names the concept).
    pub fn resolve(&mut self, check: &mut Checker) {
        let by_id: BTreeMap<&str, &Concept> =
            self.concepts.iter().map(|c| (c.id.as_str(), c)).collect();
        for concept in &self.concepts {
            let mut words: Vec<String> = Vec::new();
            let mut stack: Vec<(&str, usize)> = vec![(concept.id.as_str(), 0)];
            let mut seen: Vec<&str> = Vec::new();
            let mut broken = false;
            while let Some((id, depth)) = stack.pop() {
                if seen.contains(&id) {
                    continue;
                }
                let Some(c) = by_id.get(id) else {
                    check.report(
                        1,
                        &format!("{}.include", concept.id),
                        format!("unknown concept `{id}`; define it or remove it from `include`"),
                    );
                    broken = true;
                    continue;
                };
                if depth > by_id.len() {
                    broken = true;
                    break;
                }
                seen.push(id);
                for (_, list) in &c.words {
                    for w in list {
                        if !words.contains(w) {
                            words.push(w.clone());
                        }
                    }
                }
                for inner in c.include.iter().rev() {
                    if inner == &concept.id {
                        check.report(
                            1,
                            &format!("{}.include", concept.id),
                            format!(
                                "`{}` includes itself through `{id}`; remove one inclusion",
                                concept.id
                            ),
                        );
                        broken = true;
                    }
                    stack.push((inner, depth + 1));
                }
            }
            if !broken {
                self.resolved.insert(
                    concept.id.clone(),
                    Evidence {
                        concept: Some(concept.id.clone()),
                        kind: concept.kind,
                        label: concept.label.clone(),
                        words,
                    },
                );
            }
        }
    }

    /// A claim's evidence, or what to tell the editor.
    pub fn evidence(&self, raw: RawEvidence) -> Result<Evidence, String> {
        match raw {
            RawEvidence::Concept(id) => self.resolved.get(&id).cloned().ok_or_else(|| {
                format!("unknown concept `{id}`; add it to dataset/lexicon/ or write the words as a list, e.g. [\"{id}\"]")
            }),
            RawEvidence::Words(words) => {
                let words: Vec<String> = words
                    .into_iter()
                    .map(|w| w.trim().to_string())
                    .filter(|w| !w.is_empty())
                    .collect();
                match words.first() {
                    Some(first) => Ok(Evidence {
                        concept: None,
                        kind: RoleKind::Other,
                        label: first.clone(),
                        words,
                    }),
                    None => Err("an empty list of words; write at least one word or phrase".into()),
                }
            }
        }
    }
}
