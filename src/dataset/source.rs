//! Reading and validating the editor-facing dataset sources.
//!
//! A dataset lives in a directory: `dataset.toml` names the release, and
//! `claims/*.toml` hold one claim each, so that an edit touches one small
//! file and a review diff stays readable. Every problem is collected (not
//! just the first) and reported as `file:line: field: what to do`, because
//! the people fixing them are editors, not Rust programmers.

use super::lexicon::{Lexicon, RawEvidence};
use super::{
    Appearance, Claim, Count, Dataset, DatasetInfo, Date, Evidence, MatchPattern, Period, Rating,
    ScoreModel, Source,
};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The source format versions this build understands.
pub const KNOWN_SCHEMAS: &[u32] = &[2];

/// Everything wrong with a dataset, in file order. Opaque on purpose: callers
/// print it or count it; they do not branch on the kind of mistake.
#[derive(Debug)]
pub struct DatasetErrors {
    problems: Vec<Problem>,
}

#[derive(Debug)]
pub(super) struct Problem {
    file: PathBuf,
    line: usize,
    field: String,
    message: String,
}

impl DatasetErrors {
    pub fn len(&self) -> usize {
        self.problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// One `file:line: field: message` line per problem.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.iter().map(|p| {
            format!(
                "{}:{}: {}: {}",
                p.file.display(),
                p.line,
                p.field,
                p.message
            )
        })
    }
}

impl fmt::Display for DatasetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetErrors {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    version: Option<Spanned<String>>,
    schema: Option<Spanned<u32>>,
    released: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Option<Spanned<String>>,
    claim_reviewed: Option<Spanned<String>>,
    rating: Option<Spanned<String>>,
    rating_label: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    context: Option<Spanned<String>>,
    as_of: Option<Spanned<String>>,
    reviewed: Option<Spanned<String>>,
    modified: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    #[serde(default)]
    appearance: Vec<Spanned<RawAppearance>>,
    #[serde(default)]
    sources: Vec<Spanned<RawSource>>,
    #[serde(default)]
    timeline: Vec<Spanned<RawPeriod>>,
    #[serde(rename = "match")]
    pattern: Option<Spanned<RawPattern>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counterexamples: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: Option<Spanned<String>>,
    publisher: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    /// The card's own words this source backs (see `sourcing`).
    #[serde(default)]
    supports: Vec<Spanned<String>>,
}

impl RawClaim {
    /// The reader-visible texts whose statements need a source.
    fn card_texts(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = [&self.summary, &self.context]
            .into_iter()
            .flatten()
            .map(|t| t.get_ref().as_str())
            .collect();
        texts.extend(
            self.timeline
                .iter()
                .filter_map(|p| p.get_ref().note.as_ref())
                .map(|n| n.get_ref().as_str()),
        );
        texts
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    rating: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAppearance {
    url: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    /// Retired with schema 2's concept lexicon; read only to say so.
    all_of: Option<toml::Value>,
    core: Option<Vec<RawEvidence>>,
    #[serde(default)]
    support: Vec<RawEvidence>,
    #[serde(default)]
    against: Vec<RawEvidence>,
    #[serde(default)]
    none_of: Vec<String>,
    #[serde(default)]
    numbers: Vec<f64>,
    #[serde(default)]
    counts: Vec<RawCount>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCount {
    number: f64,
    of: RawEvidence,
}

/// A pattern number in thousandths; `None` unless it is finite, not
/// negative, and has at most three decimals.
fn thousandths(n: f64) -> Option<u64> {
    let scaled = n * 1000.0;
    (n.is_finite() && n >= 0.0 && (scaled - scaled.round()).abs() < 1e-6 && scaled < 1e18)
        .then_some(scaled.round() as u64)
}

/// The bytes a dataset is made of, read but not yet parsed. Kept separate so
/// the content hash covers exactly what was validated.
pub struct SourceFiles {
    root: PathBuf,
    manifest: String,
    /// `(path, text)`, sorted by path so hashing and ids are deterministic.
    claims: Vec<(PathBuf, String)>,
    /// `lexicon/*.toml`, sorted by path.
    lexicon: Vec<(PathBuf, String)>,
    /// `model.toml`, if fitted yet.
    model: Option<String>,
}

impl SourceFiles {
    /// Reads `dir/dataset.toml`, `dir/claims/*.toml`, `dir/lexicon/*.toml`
    /// and `dir/model.toml`.
    pub fn read(dir: &Path) -> Result<SourceFiles, String> {
        let manifest_path = dir.join("dataset.toml");
        let manifest = std::fs::read_to_string(&manifest_path)
            .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
        let model_path = dir.join("model.toml");
        let model = match std::fs::read_to_string(&model_path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot read {}: {e}", model_path.display())),
        };
        Ok(SourceFiles {
            root: dir.to_path_buf(),
            manifest,
            claims: read_tomls(&dir.join("claims"))?,
            // A dataset whose claims write all their words needs no lexicon.
            lexicon: match dir.join("lexicon") {
                lexicon if lexicon.is_dir() => read_tomls(&lexicon)?,
                _ => Vec::new(),
            },
            model,
        })
    }

    /// The same sources with `path`'s claim file added, or replacing the
    /// claim file of the same name: what `claimlens try` matches with.
    pub fn with_claim(mut self, path: PathBuf, text: String) -> SourceFiles {
        let name = path.file_name().map(|n| n.to_os_string());
        self.claims
            .retain(|(p, _)| p.file_name().map(|n| n.to_os_string()) != name);
        self.claims.push((path, text));
        self.claims
            .sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
        self
    }

    /// Every file that went into the dataset, for build-script rerun triggers.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        std::iter::once(self.root.join("dataset.toml"))
            .chain(std::iter::once(self.root.join("model.toml")))
            .chain(self.claims.iter().map(|(p, _)| p.clone()))
            .chain(self.lexicon.iter().map(|(p, _)| p.clone()))
    }

    /// SHA-256 over file names and contents, in sorted order.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut feed = |name: &str, text: &str| {
            hasher.update((name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        };
        feed("dataset.toml", &self.manifest);
        for (path, text) in &self.claims {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            feed(&name, text);
        }
        for (path, text) in &self.lexicon {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            feed(&format!("lexicon/{name}"), text);
        }
        if let Some(model) = &self.model {
            feed("model.toml", model);
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Parses and validates everything, reporting all problems at once.
    /// Does not run the claims' examples; see [`SourceFiles::parse_checked`].
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
            let missing = super::sourcing::unsupported(&raw.card_texts(), &supports);
            if let (false, Some(id)) = (missing.is_empty(), &raw.id) {
                out.push((id.get_ref().clone(), missing));
            }
        }
        out
    }

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
            let kind = super::RoleKind::of_file(&stem);
            lexicon.read_file(&mut Checker::new(path, text, &mut problems), kind);
        }
        if let Some((first, text)) = self.lexicon.first() {
            lexicon.resolve(&mut Checker::new(first, text, &mut problems));
        }
        let model_path = self.root.join("model.toml");
        let model = match &self.model {
            Some(text) => {
                super::model_file::read(&mut Checker::new(&model_path, text, &mut problems))
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

/// An example that does not match its claim, or a counterexample that does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegressionFailure {
    /// Index of the claim in the dataset.
    pub claim: usize,
    /// `true` for a counterexample that matched.
    pub counterexample: bool,
    /// Index in the claim's examples or counterexamples.
    pub index: usize,
}

/// Where a claim's parts are in its file, for error messages.
struct Lines {
    id: usize,
    examples: Vec<usize>,
    counterexamples: Vec<usize>,
}

/// Reads and validates the dataset in `dir`.
pub fn load_dir(dir: &Path) -> Result<Dataset, String> {
    let files = SourceFiles::read(dir)?;
    files.parse().map_err(|errors| errors.to_string())
}

/// `dir/*.toml` as `(path, text)`, sorted by path.
fn read_tomls(dir: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push((path, text));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// Validation state for one file: turns byte spans into line numbers.
pub(super) struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(file: &'a Path, text: &'a str, problems: &'a mut Vec<Problem>) -> Self {
        Checker {
            file,
            text,
            problems,
        }
    }

    pub(super) fn line_of(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .bytes()
            .filter(|&b| b == b'\n')
            .count()
            + 1
    }

    pub(super) fn report(&mut self, line: usize, field: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.file.to_path_buf(),
            line,
            field: field.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn parse_toml<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
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
    fn text_field(&mut self, value: Option<Spanned<String>>, field: &str) -> Option<String> {
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

    fn date_value(&mut self, value: Spanned<String>, field: &str) -> Option<Date> {
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

    fn date_field(&mut self, value: Option<Spanned<String>>, field: &str) -> Option<(Date, usize)> {
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

    fn https_url(&mut self, value: Option<Spanned<String>>, field: &str) -> Option<String> {
        let value = match value {
            None => {
                self.report(1, field, "missing; add `url = \"https://…\"`");
                return None;
            }
            Some(v) => v,
        };
        let line = self.line_of(value.span().start);
        let url = value.get_ref().trim();
        let host = url
            .strip_prefix("https://")
            .map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
        match host {
            Some(host)
                if host.contains('.')
                    && !host.contains(char::is_whitespace)
                    && !url.contains(char::is_whitespace) =>
            {
                Some(url.to_string())
            }
            Some(_) => {
                self.report(
                    line,
                    field,
                    format!("`{url}` is not a well-formed URL; write https://host/path"),
                );
                None
            }
            None => {
                self.report(
                    line,
                    field,
                    format!("`{url}` is not https; link the https:// address of the source"),
                );
                None
            }
        }
    }

    fn rating_field(&mut self, value: Option<Spanned<String>>, field: &str) -> Option<Rating> {
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

    /// Periods must be ordered, non-overlapping, and agree with the claim's
    /// overall rating on its `as_of` day.
    fn timeline(
        &mut self,
        raw: Vec<Spanned<RawPeriod>>,
        as_of: Option<(Date, usize)>,
        rating: Option<Rating>,
    ) -> Vec<Period> {
        let mut periods: Vec<(Period, usize)> = Vec::new();
        for raw_period in raw {
            let line = self.line_of(raw_period.span().start);
            let p = raw_period.into_inner();
            let from = self.date_field(p.from, "timeline.from").map(|(d, _)| d);
            let until = p.until.and_then(|d| self.date_value(d, "timeline.until"));
            let period_rating = self.rating_field(p.rating, "timeline.rating");
            let note = self.text_field(p.note, "timeline.note");
            let (Some(from), Some(rating), Some(note)) = (from, period_rating, note) else {
                continue;
            };
            if until.is_some_and(|until| until < from) {
                self.report(
                    line,
                    "timeline.until",
                    "is before `from`; a period ends on or after it starts",
                );
                continue;
            }
            if let Some((previous, _)) = periods.last() {
                if previous.until.is_none_or(|end| end >= from) {
                    self.report(line, "timeline.from", "overlaps the previous period; list periods oldest first, each starting after the last ends");
                    continue;
                }
            }
            periods.push((
                Period {
                    from,
                    until,
                    rating,
                    note,
                },
                line,
            ));
        }
        if let (Some((as_of, as_of_line)), Some(rating)) = (as_of, rating) {
            if let Some((period, _)) = periods.iter().find(|(p, _)| p.contains(as_of)) {
                if period.rating != rating {
                    self.report(
                        as_of_line,
                        "rating",
                        format!(
                            "is `{}` but the timeline says `{}` on as_of {as_of}; make them agree",
                            rating.slug(),
                            period.rating.slug()
                        ),
                    );
                }
            }
        }
        periods.into_iter().map(|(p, _)| p).collect()
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

    /// A claim's `[match]`, its concepts resolved through the lexicon.
    fn pattern(&mut self, p: RawPattern, line: usize, lexicon: &Lexicon) -> Option<MatchPattern> {
        if p.all_of.is_some() {
            self.report(line, "match.all_of", "retired in schema 2; write the roles a mention states as `core = [\"concept\", …]` over dataset/lexicon/ (see dataset/README.md)");
            return None;
        }
        let mut ok = true;
        let mut list = |check: &mut Self, raw: Vec<RawEvidence>, field: &str| -> Vec<Evidence> {
            raw.into_iter()
                .enumerate()
                .filter_map(|(i, e)| match lexicon.evidence(e) {
                    Ok(e) => Some(e),
                    Err(message) => {
                        check.report(line, &format!("match.{field}[{i}]"), message);
                        ok = false;
                        None
                    }
                })
                .collect()
        };
        let core = match p.core {
            Some(core) if !core.is_empty() => list(self, core, "core"),
            _ => {
                self.report(line, "match.core", "missing; list the roles a mention must state, e.g. `core = [\"russia\", \"reject\", \"security-guarantees\"]`");
                return None;
            }
        };
        let support = list(self, p.support, "support");
        let against = list(self, p.against, "against");
        let mut counts = Vec::new();
        for (i, c) in p.counts.into_iter().enumerate() {
            let of = match lexicon.evidence(c.of) {
                Ok(of) => of,
                Err(message) => {
                    self.report(line, &format!("match.counts[{i}].of"), message);
                    ok = false;
                    continue;
                }
            };
            match thousandths(c.number) {
                Some(number) => counts.push(Count { number, of }),
                None => {
                    self.report(
                        line,
                        &format!("match.counts[{i}].number"),
                        "must be zero or more, with at most three decimals",
                    );
                    ok = false;
                }
            }
        }
        let Some(numbers) = p
            .numbers
            .iter()
            .map(|&n| thousandths(n))
            .collect::<Option<Vec<u64>>>()
        else {
            self.report(
                line,
                "match.numbers",
                "numbers must be zero or more, with at most three decimals",
            );
            return None;
        };
        ok.then(|| MatchPattern {
            core,
            support,
            against,
            none_of: p
                .none_of
                .into_iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            numbers,
            counts,
        })
    }

    /// Returns the claim and where its parts are, or `None` after reporting.
    fn claim(&mut self, released: Option<Date>, lexicon: &Lexicon) -> Option<(Claim, Lines)> {
        let raw: RawClaim = self.parse_toml()?;
        let card_text = raw.card_texts().join("\n");
        let id_line = raw.id.as_ref().map_or(1, |v| self.line_of(v.span().start));
        let id = self.text_field(raw.id, "id");
        if let Some(id) = &id {
            let is_slug = id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !is_slug {
                self.report(
                    id_line,
                    "id",
                    format!("`{id}` is not a slug; use lowercase letters, digits and hyphens"),
                );
            }
        }
        let claim_reviewed = self.text_field(raw.claim_reviewed, "claim_reviewed");
        let rating = self.rating_field(raw.rating, "rating");
        let rating_label = raw
            .rating_label
            .map(|l| l.into_inner().trim().to_string())
            .filter(|l| !l.is_empty());
        let summary = self.text_field(raw.summary, "summary");
        let context = self.text_field(raw.context, "context");
        let language = self.text_field(raw.language, "language");
        let as_of = self.date_field(raw.as_of, "as_of");
        let reviewed = self.date_field(raw.reviewed, "reviewed");
        let modified = self.date_field(raw.modified, "modified");
        if let (Some((as_of, line)), Some(released)) = (as_of, released) {
            if as_of > released {
                self.report(line, "as_of", format!("{as_of} is after the release date {released}; a release cannot know the future"));
            }
        }
        if let (Some((reviewed, _)), Some((modified, line))) = (reviewed, modified) {
            if modified < reviewed {
                self.report(line, "modified", format!("{modified} is before reviewed {reviewed}; a claim is modified on or after its review"));
            }
        }

        for source in &raw.sources {
            for fragment in &source.get_ref().supports {
                let words = fragment.get_ref().trim();
                if words.is_empty() || !card_text.contains(words) {
                    let line = self.line_of(fragment.span().start);
                    self.report(
                        line,
                        "sources.supports",
                        format!("`{words}` is not in the card's summary, context or timeline; list the card's own words that this source backs"),
                    );
                }
            }
        }
        let mut sources = Vec::new();
        if raw.sources.is_empty() {
            self.report(
                1,
                "sources",
                "no sources; add at least one [[sources]] table",
            );
        }
        for raw_source in raw.sources {
            let source = raw_source.into_inner();
            let title = self.text_field(source.title, "sources.title");
            let publisher = self.text_field(source.publisher, "sources.publisher");
            let url = self.https_url(source.url, "sources.url");
            let date = source.date.and_then(|d| self.date_value(d, "sources.date"));
            if let (Some(title), Some(publisher), Some(url)) = (title, publisher, url) {
                sources.push(Source {
                    title,
                    publisher,
                    date,
                    url,
                });
            }
        }

        let mut appearances = Vec::new();
        for raw_appearance in raw.appearance {
            let appearance = raw_appearance.into_inner();
            let title = self.text_field(appearance.title, "appearance.title");
            let url = self.https_url(appearance.url, "appearance.url");
            let date = appearance
                .date
                .and_then(|d| self.date_value(d, "appearance.date"));
            if let (Some(title), Some(url)) = (title, url) {
                appearances.push(Appearance { url, title, date });
            }
        }

        let timeline = self.timeline(raw.timeline, as_of, rating);

        let pattern = match raw.pattern {
            None => {
                self.report(
                    1,
                    "match",
                    "missing; add a [match] table with `core = [\"concept\", …]` (see dataset/README.md)",
                );
                None
            }
            Some(p) => {
                let line = self.line_of(p.span().start);
                self.pattern(p.into_inner(), line, lexicon)
            }
        };
        let example_lines = raw
            .examples
            .iter()
            .map(|e| self.line_of(e.span().start))
            .collect();
        let counterexample_lines = raw
            .counterexamples
            .iter()
            .map(|e| self.line_of(e.span().start))
            .collect();
        let examples: Vec<String> = raw.examples.into_iter().map(Spanned::into_inner).collect();
        if examples.is_empty() {
            self.report(
                1,
                "examples",
                "no examples; add sentences that must match this claim",
            );
        }
        let counterexamples = raw
            .counterexamples
            .into_iter()
            .map(Spanned::into_inner)
            .collect();

        Some((
            Claim {
                id: id?,
                claim_reviewed: claim_reviewed?,
                rating: rating?,
                rating_label,
                summary: summary?,
                context: context?,
                as_of: as_of?.0,
                reviewed: reviewed?.0,
                modified: modified?.0,
                language: language?,
                appearances,
                sources,
                timeline,
                pattern: pattern?,
                examples,
                counterexamples,
            },
            Lines {
                id: id_line,
                examples: example_lines,
                counterexamples: counterexample_lines,
            },
        ))
    }
}

/// Writes `claim` as a source file that [`SourceFiles::parse`] reads back to
/// the same claim. Used by `claimlens import`.
pub fn to_toml(claim: &Claim) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let key = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(out, "{name} = {}", toml_string(value));
    };
    key(&mut out, "id", &claim.id);
    key(&mut out, "claim_reviewed", &claim.claim_reviewed);
    key(&mut out, "rating", claim.rating.slug());
    if let Some(label) = &claim.rating_label {
        key(&mut out, "rating_label", label);
    }
    key(&mut out, "summary", &claim.summary);
    key(&mut out, "context", &claim.context);
    key(&mut out, "as_of", &claim.as_of.to_string());
    key(&mut out, "reviewed", &claim.reviewed.to_string());
    key(&mut out, "modified", &claim.modified.to_string());
    key(&mut out, "language", &claim.language);
    let list = |items: &[String]| -> String {
        let parts: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
        format!("[{}]", parts.join(", "))
    };
    let _ = writeln!(out, "examples = {}", list(&claim.examples));
    if !claim.counterexamples.is_empty() {
        let _ = writeln!(out, "counterexamples = {}", list(&claim.counterexamples));
    }
    for a in &claim.appearances {
        out.push_str("\n[[appearance]]\n");
        key(&mut out, "title", &a.title);
        key(&mut out, "url", &a.url);
        if let Some(date) = a.date {
            key(&mut out, "date", &date.to_string());
        }
    }
    for s in &claim.sources {
        out.push_str("\n[[sources]]\n");
        key(&mut out, "title", &s.title);
        key(&mut out, "publisher", &s.publisher);
        if let Some(date) = s.date {
            key(&mut out, "date", &date.to_string());
        }
        key(&mut out, "url", &s.url);
    }
    for p in &claim.timeline {
        out.push_str("\n[[timeline]]\n");
        key(&mut out, "from", &p.from.to_string());
        if let Some(until) = p.until {
            key(&mut out, "until", &until.to_string());
        }
        key(&mut out, "rating", p.rating.slug());
        key(&mut out, "note", &p.note);
    }
    out.push_str("\n[match]\n");
    let evidence = |e: &Evidence| match &e.concept {
        Some(id) => toml_string(id),
        None => list(&e.words),
    };
    let roles = |items: &[Evidence]| -> String {
        let parts: Vec<String> = items.iter().map(evidence).collect();
        format!("[{}]", parts.join(", "))
    };
    let pattern = &claim.pattern;
    let _ = writeln!(out, "core = {}", roles(&pattern.core));
    if !pattern.support.is_empty() {
        let _ = writeln!(out, "support = {}", roles(&pattern.support));
    }
    if !pattern.against.is_empty() {
        let _ = writeln!(out, "against = {}", roles(&pattern.against));
    }
    if !pattern.none_of.is_empty() {
        let _ = writeln!(out, "none_of = {}", list(&pattern.none_of));
    }
    if !pattern.numbers.is_empty() {
        let numbers: Vec<String> = pattern
            .numbers
            .iter()
            .map(|&n| milli_to_string(n))
            .collect();
        let _ = writeln!(out, "numbers = [{}]", numbers.join(", "));
    }
    if !pattern.counts.is_empty() {
        let counts: Vec<String> = pattern
            .counts
            .iter()
            .map(|c| {
                format!(
                    "{{ number = {}, of = {} }}",
                    milli_to_string(c.number),
                    evidence(&c.of)
                )
            })
            .collect();
        let _ = writeln!(out, "counts = [{}]", counts.join(", "));
    }
    out
}

/// Thousandths as the TOML number an editor wrote: 26000 is `26`, 3500 `3.5`.
fn milli_to_string(n: u64) -> String {
    match n % 1000 {
        0 => (n / 1000).to_string(),
        fraction => format!(
            "{}.{}",
            n / 1000,
            format!("{fraction:03}").trim_end_matches('0')
        ),
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
