//! Checking: the whole dataset (`SourceFiles::parse_checked`) and the field
//! rules every file shares, each problem reported at its file and line.

use super::super::lexicon::Lexicon;
use super::super::{Claim, Dataset, DatasetInfo, Date, Rating, RoleKind, ScoreModel};
use super::raw::{RawClaim, RawManifest};
use super::{DatasetErrors, Lines, Problem, RegressionFailure, SourceFiles, KNOWN_SCHEMAS};
use std::path::{Path, PathBuf};
use toml::Spanned;

impl SourceFiles {
    /// Per claim file whose card states numbers or quotations that no
    /// source's `supports` backs: the claim's id and those statements (see
    /// `sourcing`). Files that do not parse are left to `parse`.
    pub fn unsourced(&self) -> Vec<(String, Vec<String>)> {
        let mut out = Vec::new();
        for (_, text) in &self.claims {
            let Ok(raw) = toml::from_str::<RawClaim>(text) else {
                continue;
            };
            let supports: Vec<&str> = raw
                .sources
                .iter()
                .flat_map(|s| s.get_ref().supports.iter().map(|f| f.get_ref().as_str()))
                .collect();
            let missing = super::super::sourcing::unsupported(&raw.card_texts(), &supports);
            if let (false, Some(id)) = (missing.is_empty(), &raw.id) {
                out.push((id.get_ref().clone(), missing));
            }
        }
        out
    }

    /// Parses and validates everything, reporting all problems at once.
    /// Does not run the claims' examples; see [`SourceFiles::parse_checked`].
    pub fn parse(&self) -> Result<Dataset, DatasetErrors> {
        self.parse_checked(|_| Vec::new())
    }

    /// Like [`SourceFiles::parse`], then asks `regressions` which examples
    /// fail on the parsed dataset and reports each at its line. The caller
    /// supplies the matcher, so this module never depends on it.
    pub fn parse_checked(
        &self,
        regressions: impl FnOnce(&Dataset) -> Vec<RegressionFailure>,
    ) -> Result<Dataset, DatasetErrors> {
        let mut problems = Vec::new();
        let manifest_path = self.root.join("dataset.toml");
        let info = {
            let mut check = Checker::new(&manifest_path, &self.manifest, &mut problems);
            check.manifest(self.content_hash())
        };
        let mut lexicon = Lexicon::default();
        for (path, text) in &self.lexicon {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            let kind = RoleKind::of_file(&stem);
            lexicon.read_file(&mut Checker::new(path, text, &mut problems), kind);
        }
        if let Some((first, text)) = self.lexicon.first() {
            lexicon.resolve(&mut Checker::new(first, text, &mut problems));
        }
        let model_path = self.root.join("model.toml");
        let model = match &self.model {
            Some(text) => {
                super::super::model_file::read(&mut Checker::new(&model_path, text, &mut problems))
            }
            None => Some(ScoreModel::default()),
        };
        let mut claims: Vec<(Claim, PathBuf, Lines)> = Vec::new();
        for (path, text) in &self.claims {
            let mut check = Checker::new(path, text, &mut problems);
            if let Some((claim, lines)) = check.claim(info.as_ref().map(|i| i.released), &lexicon) {
                claims.push((claim, path.clone(), lines));
            }
        }
        for (i, (claim, path, lines)) in claims.iter().enumerate() {
            if let Some((_, first, _)) = claims[..i].iter().find(|(c, _, _)| c.id == claim.id) {
                problems.push(Problem {
                    file: path.clone(),
                    line: lines.id,
                    field: "id".into(),
                    message: format!(
                        "duplicate id `{}` (also in {}); give each claim its own id",
                        claim.id,
                        first.display()
                    ),
                });
            }
        }
        let (Some(info), Some(model)) = (info.filter(|_| problems.is_empty()), model) else {
            return Err(DatasetErrors { problems });
        };
        let (claims, locations): (Vec<Claim>, Vec<(PathBuf, Lines)>) = claims
            .into_iter()
            .map(|(c, path, lines)| (c, (path, lines)))
            .unzip();
        let dataset = Dataset {
            info,
            claims,
            lexicon: lexicon.concepts,
            model,
        };
        for failure in regressions(&dataset) {
            let (Some(claim), Some((path, lines))) = (
                dataset.claims.get(failure.claim),
                locations.get(failure.claim),
            ) else {
                continue;
            };
            let (field, list, sentences, advice) = if failure.counterexample {
                (
                    "counterexamples",
                    &lines.counterexamples,
                    &claim.counterexamples,
                    "matches but must not; tighten [match] or fix the sentence",
                )
            } else {
                (
                    "examples",
                    &lines.examples,
                    &claim.examples,
                    "does not match; widen [match] or fix the sentence",
                )
            };
            problems.push(Problem {
                file: path.clone(),
                line: list.get(failure.index).copied().unwrap_or(lines.id),
                field: format!("{field}[{}]", failure.index),
                message: format!(
                    "{:?} {advice}",
                    sentences.get(failure.index).map_or("", String::as_str)
                ),
            });
        }
        if problems.is_empty() {
            Ok(dataset)
        } else {
            Err(DatasetErrors { problems })
        }
    }
}

/// Validation state for one file: turns byte spans into line numbers.
pub(in super::super) struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub(in super::super) fn new(
        file: &'a Path,
        text: &'a str,
        problems: &'a mut Vec<Problem>,
    ) -> Self {
        Checker {
            file,
            text,
            problems,
        }
    }

    pub(in super::super) fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
            + 1
    }

    pub(in super::super) fn report(
        &mut self,
        line: usize,
        field: &str,
        message: impl Into<String>,
    ) {
        self.problems.push(Problem {
            file: self.file.to_path_buf(),
            line,
            field: field.to_string(),
            message: message.into(),
        });
    }

    pub(in super::super) fn parse_toml<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        match toml::from_str::<T>(self.text) {
            Ok(value) => Some(value),
            Err(error) => {
                let line = error.span().map_or(1, |s| self.line_of(s.start));
                let message = error.message().replace('\n', " ");
                self.report(line, "toml", format!("{message}; fix the TOML syntax"));
                None
            }
        }
    }

    /// A required, non-empty string field.
    pub(super) fn text_field(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
    ) -> Option<String> {
        match value {
            None => {
                self.report(1, field, format!("missing; add `{field} = \"…\"`"));
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                let line = self.line_of(v.span().start);
                self.report(line, field, "is empty; write the text or remove the claim");
                None
            }
            Some(v) => Some(v.into_inner().trim().to_string()),
        }
    }

    pub(super) fn date_value(&mut self, value: Spanned<String>, field: &str) -> Option<Date> {
        let parsed = Date::parse_iso(value.get_ref());
        if parsed.is_none() {
            let line = self.line_of(value.span().start);
            self.report(
                line,
                field,
                format!("`{}` is not a real date; write YYYY-MM-DD", value.get_ref()),
            );
        }
        parsed
    }

    pub(super) fn date_field(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
    ) -> Option<(Date, usize)> {
        let value = match value {
            None => {
                self.report(1, field, format!("missing; add `{field} = \"YYYY-MM-DD\"`"));
                return None;
            }
            Some(v) => v,
        };
        let line = self.line_of(value.span().start);
        self.date_value(value, field).map(|d| (d, line))
    }

    /// An absolute `https://` URL on a public host name, parsed by the `url`
    /// crate (WHATWG rules): the card links only `https://` sources, and a
    /// link a browser would not open is a broken source.
    pub(super) fn https_url(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
    ) -> Option<String> {
        let value = match value {
            None => {
                self.report(1, field, "missing; add `url = \"https://…\"`");
                return None;
            }
            Some(v) => v,
        };
        let line = self.line_of(value.span().start);
        let text = value.get_ref().trim();
        if !text.starts_with("https://") {
            self.report(
                line,
                field,
                format!("`{text}` is not https; link the https:// address of the source"),
            );
            return None;
        }
        let public_host = |url: &url::Url| match url.host() {
            Some(url::Host::Domain(name)) => {
                name.contains('.') && name.split('.').all(|label| !label.is_empty())
            }
            Some(url::Host::Ipv4(_)) => true,
            _ => false,
        };
        match url::Url::parse(text) {
            Ok(url) if public_host(&url) && !text.contains(char::is_whitespace) => {
                Some(text.to_string())
            }
            _ => {
                self.report(
                    line,
                    field,
                    format!("`{text}` is not a well-formed URL; write https://host/path"),
                );
                None
            }
        }
    }

    pub(super) fn rating_field(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
    ) -> Option<Rating> {
        let Some(value) = value else {
            self.report(1, field, format!("missing; add `{field} = \"…\"`"));
            return None;
        };
        let found = Rating::from_slug(value.get_ref());
        if found.is_none() {
            let line = self.line_of(value.span().start);
            let known: Vec<&str> = Rating::ALL.iter().map(|r| r.slug()).collect();
            self.report(
                line,
                field,
                format!(
                    "unknown rating `{}`; use one of: {}",
                    value.get_ref(),
                    known.join(", ")
                ),
            );
        }
        found
    }

    fn manifest(&mut self, content_hash: String) -> Option<DatasetInfo> {
        let raw: RawManifest = self.parse_toml()?;
        let version = self.text_field(raw.version, "version");
        let schema = match raw.schema {
            None => {
                self.report(1, "schema", "missing; add `schema = 1`");
                None
            }
            Some(s) if !KNOWN_SCHEMAS.contains(s.get_ref()) => {
                let line = self.line_of(s.span().start);
                self.report(
                    line,
                    "schema",
                    format!(
                        "schema {} is unknown to this build (known: {:?}); update ClaimLens or use a known schema",
                        s.get_ref(),
                        KNOWN_SCHEMAS
                    ),
                );
                None
            }
            Some(s) => Some(s.into_inner()),
        };
        let released = self.date_field(raw.released, "released");
        Some(DatasetInfo {
            version: version?,
            schema: schema?,
            released: released?.0,
            content_hash,
        })
    }
}
