//! schema.org ClaimReview in and out, so the dataset can be shared with, and
//! seeded from, other fact-checkers.
//!
//! Export writes one `@graph` of `ClaimReview` objects. Import accepts the
//! shapes publishers actually embed: a single object, an array, an `@graph`,
//! nested arrays, and pages whose JSON-LD mixes other types (skipped). The
//! publisher's own rating wording is kept as `rating_label`, and mapped onto
//! our closed vocabulary only to pick a badge.

use super::{
    Appearance, Claim, Concept, Dataset, Date, Evidence, MatchPattern, Rating, RoleKind, Source,
};
use serde_json::{json, Value};

/// The organisation named as author of exported reviews.
const AUTHOR: &str = "ClaimLens";

/// Numeric scale for `reviewRating` (1 worst … 5 best); unverifiable claims
/// carry no number, because no position on the scale is honest for them.
fn rating_value(rating: Rating) -> Option<u8> {
    match rating {
        Rating::False => Some(1),
        Rating::Misleading => Some(2),
        Rating::Outdated => Some(3),
        Rating::NeedsContext => Some(4),
        Rating::Accurate => Some(5),
        Rating::Unverifiable => None,
    }
}

/// The dataset as a ClaimReview JSON-LD document. `review_base` is where
/// each review can be read (the dataset browser); `#<id>` is appended.
pub fn export(dataset: &Dataset, review_base: &str) -> Value {
    let reviews: Vec<Value> = dataset
        .claims
        .iter()
        .map(|c| review(c, dataset, review_base))
        .collect();
    json!({ "@context": "https://schema.org", "@graph": reviews })
}

fn review(c: &Claim, dataset: &Dataset, review_base: &str) -> Value {
    let mut rating = json!({
        "@type": "Rating",
        "alternateName": c.rating_label.clone().unwrap_or_else(|| c.rating.label().to_string()),
        "name": c.rating.slug(),
        "bestRating": 5,
        "worstRating": 1,
    });
    if let Some(value) = rating_value(c.rating) {
        rating["ratingValue"] = json!(value);
    }
    let appearances: Vec<Value> = c
        .appearances
        .iter()
        .map(|a| {
            let mut v = json!({ "@type": "CreativeWork", "url": a.url, "headline": a.title });
            if let Some(d) = a.date {
                v["datePublished"] = json!(d.to_string());
            }
            v
        })
        .collect();
    let mut claim = json!({ "@type": "Claim", "appearance": appearances });
    if let Some(first) = c.appearances.iter().filter_map(|a| a.date).min() {
        claim["datePublished"] = json!(first.to_string());
    }
    let citations: Vec<Value> = c
        .sources
        .iter()
        .map(|s| {
            let mut v = json!({
                "@type": "CreativeWork",
                "name": s.title,
                "publisher": { "@type": "Organization", "name": s.publisher },
                "url": s.url,
            });
            if let Some(d) = s.date {
                v["datePublished"] = json!(d.to_string());
            }
            v
        })
        .collect();
    json!({
        "@type": "ClaimReview",
        "identifier": c.id,
        "url": format!("{review_base}#{}", c.id),
        "claimReviewed": c.claim_reviewed,
        "description": c.summary,
        "reviewBody": c.context,
        "reviewRating": rating,
        "itemReviewed": claim,
        "author": { "@type": "Organization", "name": AUTHOR },
        "datePublished": c.reviewed.to_string(),
        "dateModified": c.modified.to_string(),
        "temporalCoverage": c.as_of.to_string(),
        "inLanguage": c.language,
        "citation": citations,
        "version": dataset.info.version,
    })
}

/// Turns ClaimReview JSON-LD into claims. Every review must be usable, or
/// nothing is returned: the error names the first bad review and field.
/// Each claim's `[match]` is drafted over `lexicon`.
pub fn import(json: &str, lexicon: &[Concept]) -> Result<Vec<Claim>, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
    let mut reviews = Vec::new();
    collect_reviews(&root, &mut reviews);
    if reviews.is_empty() {
        return Err("no ClaimReview found (looked in the top level, arrays and @graph)".into());
    }
    let mut claims: Vec<Claim> = Vec::new();
    for (n, review) in reviews.iter().enumerate() {
        let mut claim =
            claim_from(review, lexicon).map_err(|e| format!("ClaimReview #{} {e}", n + 1))?;
        // Ids must be unique; a second review of the same claim gets a suffix.
        let base = claim.id.clone();
        let mut k = 2;
        while claims.iter().any(|c| c.id == claim.id) {
            claim.id = format!("{base}-{k}");
            k += 1;
        }
        claims.push(claim);
    }
    Ok(claims)
}

fn is_type(value: &Value, wanted: &str) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => t == wanted || t.ends_with(&format!("/{wanted}")),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(wanted)),
        _ => false,
    }
}

fn collect_reviews<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_reviews(v, out)),
        Value::Object(map) => {
            if is_type(value, "ClaimReview") {
                out.push(value);
            } else if let Some(graph) = map.get("@graph") {
                collect_reviews(graph, out);
            }
        }
        _ => {}
    }
}

/// A string field, trimmed; `None` when absent or empty.
fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The first object of a field that may be an object or an array of them.
fn first<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value.get(key)? {
        Value::Array(items) => items.first(),
        other => Some(other),
    }
}

fn all<'a>(value: &'a Value, key: &str) -> Vec<&'a Value> {
    match value.get(key) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    }
}

/// Accepts `2025-09-04` and the date part of `2025-09-04T10:00:00Z`.
fn date(value: &Value, key: &str) -> Option<Date> {
    let raw = text(value, key)?;
    Date::parse_iso(raw.get(..10)?)
}

fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        v => text(v, "name"),
    }
}

fn claim_from(review: &Value, lexicon: &[Concept]) -> Result<Claim, String> {
    let claim_reviewed = text(review, "claimReviewed")
        .ok_or("has no claimReviewed; every review must say what claim it rates")?;
    let rating_obj = first(review, "reviewRating").ok_or("has no reviewRating")?;
    let label = text(rating_obj, "alternateName").or_else(|| text(rating_obj, "name"));
    let rating = map_rating(rating_obj, label.as_deref())
        .ok_or("has a reviewRating with neither a label nor a ratingValue")?;
    let rating_label = label.filter(|l| l != rating.label());
    let reviewed =
        date(review, "datePublished").ok_or("has no valid datePublished (YYYY-MM-DD)")?;
    let modified = date(review, "dateModified")
        .unwrap_or(reviewed)
        .max(reviewed);
    let as_of = date(review, "temporalCoverage").unwrap_or(reviewed);
    let author =
        name_of(first(review, "author")).unwrap_or_else(|| "the reviewing organisation".into());
    let item = first(review, "itemReviewed");

    let mut sources: Vec<Source> = all(review, "citation")
        .into_iter()
        .filter_map(|c| {
            let url = text(c, "url").filter(|u| u.starts_with("https://"))?;
            Some(Source {
                title: text(c, "name")
                    .or_else(|| text(c, "headline"))
                    .unwrap_or_else(|| url.clone()),
                publisher: name_of(first(c, "publisher"))
                    .or_else(|| name_of(first(c, "author")))
                    .unwrap_or_else(|| author.clone()),
                date: date(c, "datePublished"),
                url,
            })
        })
        .collect();
    if sources.is_empty() {
        // The review itself is the source when it cites nothing else.
        if let Some(url) = text(review, "url").filter(|u| u.starts_with("https://")) {
            sources.push(Source {
                title: text(review, "headline")
                    .unwrap_or_else(|| format!("Fact check by {author}")),
                publisher: author.clone(),
                date: Some(reviewed),
                url,
            });
        }
    }
    if sources.is_empty() {
        return Err("has no https url or citation; a claim needs at least one https source".into());
    }
    let appearances = item
        .map(|item| all(item, "appearance"))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| {
            let url = text(a, "url").filter(|u| u.starts_with("https://"))?;
            Some(Appearance {
                title: text(a, "headline")
                    .or_else(|| text(a, "name"))
                    .unwrap_or_else(|| url.clone()),
                url,
                date: date(a, "datePublished"),
            })
        })
        .collect();
    let summary = text(review, "description")
        .or_else(|| text(review, "headline"))
        .unwrap_or_else(|| {
            format!(
                "{author} rates this claim: {}",
                rating_label.as_deref().unwrap_or(rating.label())
            )
        });
    let context = text(review, "reviewBody").unwrap_or_else(|| summary.clone());
    let id = text(review, "identifier")
        .filter(|id| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .unwrap_or_else(|| slug(&claim_reviewed));
    let (core, numbers) = draft_pattern(&claim_reviewed, lexicon);
    Ok(Claim {
        id,
        examples: vec![claim_reviewed.clone()],
        claim_reviewed,
        rating,
        rating_label,
        summary,
        context,
        as_of,
        reviewed,
        modified,
        language: text(review, "inLanguage").unwrap_or_else(|| "und".into()),
        appearances,
        sources,
        timeline: Vec::new(),
        pattern: MatchPattern {
            core,
            numbers,
            ..MatchPattern::default()
        },
        counterexamples: Vec::new(),
    })
}

/// Our rating for a publisher's: by our own slug or label, then by common
/// fact-checking words in the label, then by position on the numeric scale.
fn map_rating(rating: &Value, label: Option<&str>) -> Option<Rating> {
    if let Some(label) = label {
        let lower = label.to_lowercase();
        if let Some(r) = Rating::ALL
            .into_iter()
            .find(|r| lower == r.slug() || lower == r.label().to_lowercase())
        {
            return Some(r);
        }
        const WORDS: &[(&[&str], Rating)] = &[
            (
                &[
                    "misleading",
                    "distort",
                    "exaggerat",
                    "cherry",
                    "spin",
                    "half",
                ],
                Rating::Misleading,
            ),
            (&["outdated", "out of date", "no longer"], Rating::Outdated),
            (
                &[
                    "context",
                    "missing",
                    "partly",
                    "partially",
                    "mostly",
                    "mixture",
                    "mixed",
                ],
                Rating::NeedsContext,
            ),
            (
                &[
                    "false",
                    "fake",
                    "pants on fire",
                    "incorrect",
                    "wrong",
                    "untrue",
                    "fabricated",
                    "hoax",
                ],
                Rating::False,
            ),
            (
                &[
                    "unproven",
                    "unverified",
                    "unverifiable",
                    "unsupported",
                    "no evidence",
                    "unclear",
                ],
                Rating::Unverifiable,
            ),
            (&["true", "correct", "accurate", "right"], Rating::Accurate),
        ];
        if let Some((_, r)) = WORDS
            .iter()
            .find(|(words, _)| words.iter().any(|w| lower.contains(w)))
        {
            return Some(*r);
        }
    }
    let number = |key: &str| match rating.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let value = number("ratingValue")?;
    let best = number("bestRating").unwrap_or(5.0);
    let worst = number("worstRating").unwrap_or(1.0);
    if best <= worst {
        return label.map(|_| Rating::Unverifiable);
    }
    let share = ((value - worst) / (best - worst)).clamp(0.0, 1.0);
    Some(match share {
        s if s <= 0.2 => Rating::False,
        s if s <= 0.45 => Rating::Misleading,
        s if s <= 0.8 => Rating::NeedsContext,
        _ => Rating::Accurate,
    })
}

fn slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect();
    let slug: String = words
        .join("-")
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect();
    if slug.is_empty() {
        "imported-claim".into()
    } else {
        slug
    }
}

/// A first matching pattern for an imported claim, over the lexicon: each
/// concept with a wording in the claim becomes a core role, in the order the
/// claim names them (at most four); the densest run of remaining content
/// words fills in where the lexicon has nothing. Editors review it with
/// `claimlens explain` and `claimlens try` before publishing.
fn draft_pattern(claim: &str, lexicon: &[Concept]) -> (Vec<Evidence>, Vec<u64>) {
    const STOP: &[&str] = &[
        "that", "this", "with", "from", "have", "has", "had", "were", "was", "will", "would",
        "been", "their", "there", "they", "them", "than", "then", "into", "about", "after",
        "before", "which", "while", "what", "when", "where", "only", "also", "more", "most",
        "some", "such", "said", "says",
    ];
    let words: Vec<String> = claim
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let numbers: Vec<u64> = words
        .iter()
        .filter_map(|w| w.parse::<u64>().ok())
        .map(|n| n.saturating_mul(1000))
        .collect();
    // Close enough for a draft: the same word, or one inflecting the other
    // ("deploy", "deploying"); the matcher stems properly.
    let same = |a: &str, b: &str| {
        a == b || {
            let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            common >= 4 && common + 3 >= a.len().max(b.len())
        }
    };
    // A concept's wording found in the claim: (first word index, words used).
    let found = |phrase: &str| -> Option<(usize, usize)> {
        let parts: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        (0..words.len()).find_map(|at| {
            (at + parts.len() <= words.len()
                && parts.iter().zip(&words[at..]).all(|(p, w)| same(p, w)))
            .then_some((at, parts.len()))
        })
    };
    let mut hits: Vec<(usize, usize, &Concept)> = Vec::new();
    for concept in lexicon {
        let best = concept
            .words
            .iter()
            .flat_map(|(_, list)| list)
            .filter_map(|w| found(w))
            .max_by_key(|&(at, len)| (len, std::cmp::Reverse(at)));
        if let Some((at, len)) = best {
            hits.push((at, len, concept));
        }
    }
    // Longer wordings first, so "foreign ministry" wins over "ministry".
    hits.sort_by_key(|&(at, len, c)| (std::cmp::Reverse(len), at, c.id.clone()));
    let mut covered = vec![false; words.len()];
    let mut roles: Vec<(usize, Evidence)> = Vec::new();
    for (at, len, concept) in hits {
        if roles.len() == 4 || covered[at..at + len].iter().any(|&c| c) {
            continue;
        }
        covered[at..at + len].iter_mut().for_each(|c| *c = true);
        roles.push((
            at,
            Evidence {
                concept: Some(concept.id.clone()),
                kind: concept.kind,
                label: concept.label.clone(),
                words: concept.words.iter().flat_map(|(_, l)| l.clone()).collect(),
            },
        ));
    }
    let is_content = |w: &String| {
        w.chars().count() >= 4 && !STOP.contains(&w.as_str()) && w.parse::<u64>().is_err()
    };
    for (at, w) in words.iter().enumerate() {
        if roles.len() >= 3 {
            break;
        }
        if !covered[at] && is_content(w) && !roles.iter().any(|(_, e)| e.words[0] == *w) {
            roles.push((
                at,
                Evidence {
                    concept: None,
                    kind: RoleKind::Other,
                    label: w.clone(),
                    words: vec![w.clone()],
                },
            ));
        }
    }
    if roles.is_empty() {
        roles.extend(words.iter().take(1).map(|w| {
            (
                0,
                Evidence {
                    concept: None,
                    kind: RoleKind::Other,
                    label: w.clone(),
                    words: vec![w.clone()],
                },
            )
        }));
    }
    roles.sort_by_key(|(at, _)| *at);
    (roles.into_iter().map(|(_, e)| e).collect(), numbers)
}
