//! Checking one claim file: its texts, dates, sources, appearances,
//! timeline, `[match]` table and regression sentences, each part reporting
//! its own problems so that one run names all of them.

use super::super::lexicon::{Lexicon, RawEvidence};
use super::super::{
    Appearance, Claim, Count, Date, Evidence, MatchPattern, Period, Rating, Source,
};
use super::raw::{RawAppearance, RawClaim, RawPattern, RawPeriod, RawSource};
use super::{Checker, Lines};
use toml::Spanned;

/// A pattern number in thousandths; `None` unless it is finite, not
/// negative, and has at most three decimals.
fn thousandths(n: f64) -> Option<u64> {
    let scaled = n * 1000.0;
    (n.is_finite() && n >= 0.0 && (scaled - scaled.round()).abs() < 1e-6 && scaled < 1e18)
        .then_some(scaled.round() as u64)
}

/// What the card shows as text, checked; `None` where a field is unusable.
struct Texts {
    id: Option<String>,
    claim_reviewed: Option<String>,
    rating: Option<Rating>,
    rating_label: Option<String>,
    summary: Option<String>,
    context: Option<String>,
    language: Option<String>,
}

/// The claim's dates with their lines (for the timeline's `as_of` check).
struct Dates {
    as_of: Option<(Date, usize)>,
    reviewed: Option<(Date, usize)>,
    modified: Option<(Date, usize)>,
}

impl Checker<'_> {
    /// Returns the claim and where its parts are, or `None` after reporting.
    pub(super) fn claim(
        &mut self,
        released: Option<Date>,
        lexicon: &Lexicon,
    ) -> Option<(Claim, Lines)> {
        let raw: RawClaim = self.parse_toml()?;
        let card_text = raw.card_texts().join("\n");
        let id_line = raw.id.as_ref().map_or(1, |v| self.line_of(v.span().start));
        let texts = self.texts(&raw, id_line);
        let dates = self.dates(&raw, released);
        self.supports(&raw.sources, &card_text);
        let sources = self.sources(raw.sources);
        let appearances = self.appearances(raw.appearance);
        let timeline = self.timeline(raw.timeline, dates.as_of, texts.rating);
        let pattern = self.match_table(raw.pattern, lexicon);
        let (examples, example_lines) = self.sentences(raw.examples);
        let (counterexamples, counterexample_lines) = self.sentences(raw.counterexamples);
        if examples.is_empty() {
            self.report(
                1,
                "examples",
                "no examples; add sentences that must match this claim",
            );
        }
        Some((
            Claim {
                id: texts.id?,
                claim_reviewed: texts.claim_reviewed?,
                rating: texts.rating?,
                rating_label: texts.rating_label,
                summary: texts.summary?,
                context: texts.context?,
                as_of: dates.as_of?.0,
                reviewed: dates.reviewed?.0,
                modified: dates.modified?.0,
                language: texts.language?,
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

    /// The id (a slug), the rating and the texts the card shows.
    fn texts(&mut self, raw: &RawClaim, id_line: usize) -> Texts {
        let id = self.text_field(raw.id.clone(), "id");
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
        Texts {
            id,
            claim_reviewed: self.text_field(raw.claim_reviewed.clone(), "claim_reviewed"),
            rating: self.rating_field(raw.rating.clone(), "rating"),
            rating_label: raw
                .rating_label
                .as_ref()
                .map(|l| l.get_ref().trim().to_string())
                .filter(|l| !l.is_empty()),
            summary: self.text_field(raw.summary.clone(), "summary"),
            context: self.text_field(raw.context.clone(), "context"),
            language: self.text_field(raw.language.clone(), "language"),
        }
    }

    /// The three dates, no `as_of` after the release, no modification
    /// before the review.
    fn dates(&mut self, raw: &RawClaim, released: Option<Date>) -> Dates {
        let as_of = self.date_field(raw.as_of.clone(), "as_of");
        let reviewed = self.date_field(raw.reviewed.clone(), "reviewed");
        let modified = self.date_field(raw.modified.clone(), "modified");
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
        Dates {
            as_of,
            reviewed,
            modified,
        }
    }

    /// Every `supports` fragment must be the card's own words.
    fn supports(&mut self, sources: &[Spanned<RawSource>], card_text: &str) {
        for source in sources {
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
    }

    /// At least one source, each with a title, a publisher and an https URL.
    fn sources(&mut self, raw: Vec<Spanned<RawSource>>) -> Vec<Source> {
        if raw.is_empty() {
            self.report(
                1,
                "sources",
                "no sources; add at least one [[sources]] table",
            );
        }
        let mut sources = Vec::new();
        for raw_source in raw {
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
        sources
    }

    /// Where the claim was seen: each with a title and an https URL.
    fn appearances(&mut self, raw: Vec<Spanned<RawAppearance>>) -> Vec<Appearance> {
        let mut appearances = Vec::new();
        for raw_appearance in raw {
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
        appearances
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

    /// The `[match]` table, which every claim needs.
    fn match_table(
        &mut self,
        raw: Option<Spanned<RawPattern>>,
        lexicon: &Lexicon,
    ) -> Option<MatchPattern> {
        match raw {
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
        }
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

    /// Regression sentences and the line each is on.
    fn sentences(&self, raw: Vec<Spanned<String>>) -> (Vec<String>, Vec<usize>) {
        let lines = raw.iter().map(|e| self.line_of(e.span().start)).collect();
        (raw.into_iter().map(Spanned::into_inner).collect(), lines)
    }
}
