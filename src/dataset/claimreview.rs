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
    let labels: Vec<String> = ["alternateName", "name"]
        .iter()
        .filter_map(|key| text(rating_obj, key))
        .collect();
    let rating = map_rating(rating_obj, &labels)?;
    let rating_label = labels.into_iter().next().filter(|l| l != rating.label());
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

/// The rating labels fact-checkers publish, as word sequences (lowercase,
/// apostrophes dropped, any other non-alphanumeric char a word break), and
/// the rating each means here. A label is read by [`rating_from_label`]:
/// longer phrases are tried first, so a negated or qualified phrase ("not
/// true", "mostly false", "half true") is taken before the bare word in it.
///
/// Sources for the scales: PolitiFact's Truth-O-Meter (its "mostly false",
/// "some element of truth but ignores critical facts", is exactly our
/// Misleading; "half true", partially accurate, is not "broadly right", so
/// also Misleading), the Washington Post's Pinocchios (the Post equates One
/// with "mostly true", Two with "half true", Three with "mostly false"),
/// Snopes, Full Fact, AFP, Reuters, AAP, Africa Check and Lead Stories.
/// Satire rated as a claim of fact is False. Flip-flop scales ("Full Flop",
/// "Upside-Down Pinocchio") and "Research in progress" rate no claim, so
/// they are absent on purpose: such a review is refused unless its number
/// places it.
const PUBLISHED_LABELS: &[(&str, Rating)] = &[
    // Negations and qualified phrases (the longest-first rule applies them
    // before the bare words they contain).
    ("not true", Rating::False),
    ("not correct", Rating::False),
    ("not accurate", Rating::False),
    ("not proven", Rating::Unverifiable),
    ("no evidence", Rating::Unverifiable),
    ("no proof", Rating::Unverifiable),
    ("lack of evidence", Rating::Unverifiable),
    ("lacks evidence", Rating::Unverifiable),
    ("insufficient evidence", Rating::Unverifiable),
    ("no longer true", Rating::Outdated),
    ("no longer correct", Rating::Outdated),
    ("no longer accurate", Rating::Outdated),
    ("out of date", Rating::Outdated),
    ("mostly false", Rating::Misleading),
    ("barely true", Rating::Misleading),
    ("half true", Rating::Misleading),
    ("half truth", Rating::Misleading),
    ("partly false", Rating::Misleading),
    ("partly true", Rating::Misleading),
    ("partly correct", Rating::Misleading),
    ("partially false", Rating::Misleading),
    ("partially true", Rating::Misleading),
    ("partially correct", Rating::Misleading),
    ("somewhat false", Rating::Misleading),
    ("out of context", Rating::Misleading),
    ("cherry picked", Rating::Misleading),
    ("cherry picks", Rating::Misleading),
    ("mostly true", Rating::NeedsContext),
    ("mostly correct", Rating::NeedsContext),
    ("mostly accurate", Rating::NeedsContext),
    ("largely true", Rating::NeedsContext),
    ("largely correct", Rating::NeedsContext),
    ("largely accurate", Rating::NeedsContext),
    ("somewhat true", Rating::NeedsContext),
    ("missing context", Rating::NeedsContext),
    ("lacks context", Rating::NeedsContext),
    ("needs context", Rating::NeedsContext),
    ("pants on fire", Rating::False),
    ("fake news", Rating::False),
    ("originated as satire", Rating::False),
    ("labeled satire", Rating::False),
    ("labelled satire", Rating::False),
    ("correct attribution", Rating::Accurate),
    ("geppetto checkmark", Rating::Accurate),
    // The Washington Post's Pinocchios, in words and in digits.
    ("one pinocchio", Rating::NeedsContext),
    ("1 pinocchio", Rating::NeedsContext),
    ("two pinocchios", Rating::Misleading),
    ("2 pinocchios", Rating::Misleading),
    ("three pinocchios", Rating::Misleading),
    ("3 pinocchios", Rating::Misleading),
    ("four pinocchios", Rating::False),
    ("4 pinocchios", Rating::False),
    ("bottomless pinocchio", Rating::False),
    // Single words.
    ("false", Rating::False),
    ("fake", Rating::False),
    ("incorrect", Rating::False),
    ("inaccurate", Rating::False),
    ("untrue", Rating::False),
    ("wrong", Rating::False),
    ("fabricated", Rating::False),
    ("hoax", Rating::False),
    ("scam", Rating::False),
    ("altered", Rating::False),
    ("doctored", Rating::False),
    ("misattributed", Rating::False),
    ("satire", Rating::False),
    ("misleading", Rating::Misleading),
    ("mixture", Rating::Misleading),
    ("mixed", Rating::Misleading),
    ("miscaptioned", Rating::Misleading),
    ("exaggerated", Rating::Misleading),
    ("exaggeration", Rating::Misleading),
    ("overstated", Rating::Misleading),
    ("distorted", Rating::Misleading),
    ("outdated", Rating::Outdated),
    ("unproven", Rating::Unverifiable),
    ("unverified", Rating::Unverifiable),
    ("unverifiable", Rating::Unverifiable),
    ("unsupported", Rating::Unverifiable),
    ("unsubstantiated", Rating::Unverifiable),
    ("unfounded", Rating::Unverifiable),
    ("unclear", Rating::Unverifiable),
    ("true", Rating::Accurate),
    ("correct", Rating::Accurate),
    ("accurate", Rating::Accurate),
];

/// Words that may turn a label around when no row above consumed them:
/// "Not false" must not read as False.
const NEGATIONS: &[&str] = &[
    "not", "no", "isnt", "wasnt", "arent", "never", "nor", "neither", "without", "lacks", "lack",
    "cannot", "cant", "hardly",
];

/// Our rating for a publisher's label, by [`PUBLISHED_LABELS`]: every phrase
/// of the table found in the label (longest first, never overlapping) must
/// agree, and no negation may be left over. `None` when the label is not
/// known, contradicts itself ("True but misleading"), or negates something
/// the table has no row for.
fn rating_from_label(label: &str) -> Option<Rating> {
    let words: Vec<String> = label
        .to_lowercase()
        .replace(['\'', '\u{2019}'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut rows: Vec<(Vec<&str>, Rating)> = PUBLISHED_LABELS
        .iter()
        .map(|(phrase, r)| (phrase.split(' ').collect(), *r))
        .collect();
    rows.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
    let mut used = vec![false; words.len()];
    let mut found: Option<Rating> = None;
    for (phrase, rating) in &rows {
        let n = phrase.len();
        for at in 0..words.len().saturating_sub(n - 1) {
            let here = at..at + n;
            if used[here.clone()].iter().any(|&u| u)
                || !words[here.clone()].iter().zip(phrase).all(|(w, p)| w == p)
            {
                continue;
            }
            if found.is_some_and(|f| f != *rating) {
                return None;
            }
            found = Some(*rating);
            used[here].iter_mut().for_each(|u| *u = true);
        }
    }
    let negated = words
        .iter()
        .zip(&used)
        .any(|(w, &u)| !u && NEGATIONS.contains(&w.as_str()));
    found.filter(|_| !negated)
}

/// Our rating for a review: by its label, else by where `ratingValue` sits
/// between `worstRating` and `bestRating` (schema.org's defaults 1 and 5).
/// The number is read only when no label decides, because publishers' scales
/// differ (and some put their verdict's position, not its truth, there).
fn map_rating(rating: &Value, labels: &[String]) -> Result<Rating, String> {
    if let Some(r) = labels.iter().find_map(|l| rating_from_label(l)) {
        return Ok(r);
    }
    let number = |key: &str| match rating.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    let best = number("bestRating").unwrap_or(5.0);
    let worst = number("worstRating").unwrap_or(1.0);
    let share = number("ratingValue")
        .filter(|v| best > worst && (worst..=best).contains(v))
        .map(|v| (v - worst) / (best - worst));
    match (share, labels.first()) {
        (Some(s), _) if s <= 0.2 => Ok(Rating::False),
        (Some(s), _) if s <= 0.45 => Ok(Rating::Misleading),
        (Some(s), _) if s <= 0.8 => Ok(Rating::NeedsContext),
        (Some(_), _) => Ok(Rating::Accurate),
        (None, Some(label)) => Err(format!(
            "has the rating {label:?}, which ClaimLens cannot place: not a label it knows \
             (see PUBLISHED_LABELS in src/dataset/claimreview.rs) and no ratingValue within \
             worstRating..bestRating; rate this review by hand"
        )),
        (None, None) => Err("has a reviewRating with neither a label nor a ratingValue".into()),
    }
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
