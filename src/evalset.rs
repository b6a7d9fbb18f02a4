//! The real-reporting evaluation set (`tests/eval/real/`), loaded for the
//! eval test and for `claimlens fit`.
//!
//! Three parts, each split by source document into a dev half (60 %, to
//! study and fit on) and a test half (40 %, for aggregate numbers only):
//!
//! - **open texts**: labels over the openly licensed reporting and official
//!   texts in `../shared/corpus/` (`open-texts.toml`: file, line, char
//!   offsets and a hash of each sentence; the texts stay in `shared/`);
//! - **modelled** sentences (`modelled/*.toml`), written by us in the shapes
//!   published reporting uses, each with the address it was modelled on;
//! - **off-topic** sentences from the Readability corpus's articles, chosen
//!   by a fixed rule, all negatives.
//!
//! A document's half is fixed by a hash of its name, never by hand.

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Which half of the set a sentence belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Split {
    Dev,
    Test,
}

/// Where a sentence comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    OpenTexts,
    Modelled,
    OffTopic,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::OpenTexts => "open texts",
            Part::Modelled => "modelled",
            Part::OffTopic => "off-topic",
        }
    }
}

/// One labelled sentence.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub text: String,
    /// The claims it mentions; empty for close calls and other sentences.
    pub mentions: Vec<String>,
    /// The claims a close call is close to.
    pub close_to: Vec<String>,
    pub part: Part,
    pub split: Split,
    /// The source document (file or address) that fixed its split.
    pub document: String,
}

/// The dev half: 60 % of documents by a hash of their name.
pub fn split_of(document: &str) -> Split {
    let digest = Sha256::digest(document.as_bytes());
    if u16::from_be_bytes([digest[0], digest[1]]) % 100 < 60 {
        Split::Dev
    } else {
        Split::Test
    }
}

/// The first 16 hex digits of the SHA-256 of `text`: how labels pin the
/// sentence they label.
pub fn sentence_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    sentence: Vec<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Label {
    file: String,
    line: usize,
    start: usize,
    end: usize,
    hash: String,
    kind: String,
    #[serde(default)]
    claims: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelledFile {
    case: Vec<Modelled>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Modelled {
    text: String,
    claims: Vec<String>,
    kind: String,
    source: String,
    #[allow(dead_code)]
    shape: String,
}

fn kind_claims(
    kind: &str,
    claims: Vec<String>,
    at: &str,
) -> Result<(Vec<String>, Vec<String>), String> {
    match kind {
        "mention" if !claims.is_empty() => Ok((claims, Vec::new())),
        "close" | "none" | "offtopic" => Ok((Vec::new(), claims)),
        _ => Err(format!(
            "{at}: kind `{kind}` with claims {claims:?}; use mention (with claims), close or none"
        )),
    }
}

/// Loads every part. `project` is the crate root, `shared` the shared folder
/// (`../shared`); a missing label or text is an error naming it.
pub fn load(project: &Path, shared: &Path) -> Result<Vec<Sentence>, String> {
    let dir = project.join("tests/eval/real");
    let mut sentences = open_texts(&dir.join("open-texts.toml"), &shared.join("corpus"))?;
    let modelled_dir = dir.join("modelled");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&modelled_dir)
        .map_err(|e| format!("cannot read {}: {e}", modelled_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file: ModelledFile =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let own = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        for (i, case) in file.case.into_iter().enumerate() {
            let at = format!("{}: case {}", path.display(), i + 1);
            // A modelled case lists every claim it mentions, whatever its
            // kind; a close call is close to its file's claim.
            let (mentions, close_to) = match case.kind.as_str() {
                "mention" if case.claims.contains(&own) => (case.claims, Vec::new()),
                "close" if !case.claims.contains(&own) => (case.claims, vec![own.clone()]),
                _ => return Err(format!("{at}: kind `{}` with claims {:?}; a mention lists its file's claim, a close call does not", case.kind, case.claims)),
            };
            sentences.push(Sentence {
                text: case.text,
                mentions,
                close_to,
                part: Part::Modelled,
                split: split_of(&case.source),
                document: case.source,
            });
        }
    }
    sentences.extend(off_topic(&shared.join("corpus/readability"))?);
    Ok(sentences)
}

fn open_texts(labels: &Path, corpus: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(labels)
        .map_err(|e| format!("cannot read {}: {e}", labels.display()))?;
    let file: LabelFile =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", labels.display()))?;
    let mut cache: Vec<(String, Vec<String>)> = Vec::new();
    let mut out = Vec::new();
    for label in file.sentence {
        let at = format!("{} {}:{}", labels.display(), label.file, label.line);
        if !cache.iter().any(|(f, _)| *f == label.file) {
            let path = corpus.join(&label.file);
            let body = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            cache.push((
                label.file.clone(),
                body.split('\n').map(str::to_string).collect(),
            ));
        }
        let lines = &cache
            .iter()
            .find(|(f, _)| *f == label.file)
            .expect("cached above")
            .1;
        let line = lines
            .get(label.line - 1)
            .ok_or_else(|| format!("{at}: no such line"))?;
        let sentence: String = line
            .chars()
            .skip(label.start)
            .take(label.end.saturating_sub(label.start))
            .collect();
        if sentence_hash(&sentence) != label.hash {
            return Err(format!("{at}: the text at {}..{} no longer has hash {}; the corpus changed, label it again", label.start, label.end, label.hash));
        }
        let (mentions, close_to) = kind_claims(&label.kind, label.claims, &at)?;
        out.push(Sentence {
            text: sentence,
            mentions,
            close_to,
            part: Part::OpenTexts,
            split: split_of(&label.file),
            document: label.file,
        });
    }
    Ok(out)
}

/// Words that would make a Readability sentence topical; such sentences are
/// left out rather than labelled.
const TOPICAL: &[&str] = &[
    "ukrain",
    "russia",
    "putin",
    "kremlin",
    "nato",
    "zelensk",
    "troops",
    "druzhba",
    "ceasefire",
    "macron",
    "trump",
];

/// Sentences per page and in all.
const OFF_TOPIC_PER_PAGE: usize = 3;

/// Off-topic sentences: from each Readability page's expected article, the
/// first few sentences of 8 to 40 words with no topical word.
fn off_topic(dir: &Path) -> Result<Vec<Sentence>, String> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.html").is_file())
        .collect();
    pages.sort();
    let mut out = Vec::new();
    for page in pages {
        let html = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let text = crate::html::body_text(&html);
        let name = page
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let mut taken = 0;
        for sentence in text.split_inclusive(['.', '?', '!']) {
            let sentence = sentence.trim();
            let words = sentence.split_whitespace().count();
            let lower = sentence.to_lowercase();
            if !(8..=40).contains(&words) || TOPICAL.iter().any(|t| lower.contains(t)) {
                continue;
            }
            out.push(Sentence {
                text: sentence.to_string(),
                mentions: Vec::new(),
                close_to: Vec::new(),
                part: Part::OffTopic,
                split: split_of(&name),
                document: name.clone(),
            });
            taken += 1;
            if taken == OFF_TOPIC_PER_PAGE {
                break;
            }
        }
    }
    Ok(out)
}
