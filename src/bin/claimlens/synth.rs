//! `claimlens synth`: a synthetic dataset of many claims, so the widget's
//! size can be measured at the scale of a real fact-checker's feed (issue
//! 16's 1,000-claim bar) without waiting for editors to write them.
//!
//! The claims are written the way editors write the shipped ones, over the
//! real lexicon (a core of an actor, a stance and one or two other roles,
//! a few supporting and opposing concepts and wordings, a number in some),
//! and each card's lengths (summary, context, sources, timeline) copy
//! those of a shipped claim picked at random, with text made by a word
//! chain over the shipped cards, so it compresses like real prose. Every
//! claim gets examples and counterexamples built from its own roles; those
//! the real matcher and model do not judge as intended are dropped (and a
//! claim left without examples is replaced), round after round, until
//! `claimlens check` accepts the whole directory. All randomness comes from
//! the seed, per claim, so the same seed writes the same bytes.

use claimlens::dataset::source::SourceFiles;
use claimlens::dataset::{Concept, Dataset, RoleKind};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

pub fn run(args: &[String]) -> Result<(), String> {
    let args = super::parse_args(args, &["--claims", "--seed", "--out", "--from"], &[])?;
    if let Some(extra) = args.positional.first() {
        return Err(format!("unexpected argument `{extra}`"));
    }
    let count: usize = number(args.value("--claims").unwrap_or("1000"), "--claims")?;
    if count == 0 {
        return Err("--claims must be at least 1".into());
    }
    let seed: u64 = number(args.value("--seed").unwrap_or("1"), "--seed")?;
    let out = Path::new(args.value("--out").ok_or("synth needs --out DIR")?);
    let from = Path::new(args.value("--from").unwrap_or("dataset"));
    let rounds = write(from, out, count, seed)?;
    eprintln!(
        "wrote {count} claims to {} (seed {seed}; {rounds} checking round(s))",
        out.display()
    );
    Ok(())
}

fn number<T: std::str::FromStr>(text: &str, flag: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag} needs a whole number, got `{text}`"))
}

/// Writes the dataset and returns how many checking rounds it took.
pub fn write(from: &Path, out: &Path, count: usize, seed: u64) -> Result<usize, String> {
    let real = SourceFiles::read(from)?
        .parse()
        .map_err(|e| format!("{} does not parse: {e}", from.display()))?;
    let material = Material::of(&real)?;
    std::fs::create_dir_all(out.join("lexicon"))
        .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let copy = |name: &str| {
        std::fs::copy(from.join(name), out.join(name))
            .map(|_| ())
            .map_err(|e| format!("cannot copy {name}: {e}"))
    };
    copy("model.toml")?;
    let mut lexicon: Vec<_> = std::fs::read_dir(from.join("lexicon"))
        .map_err(|e| format!("cannot read {}/lexicon: {e}", from.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .filter(|n| n.to_string_lossy().ends_with(".toml"))
        .collect();
    lexicon.sort();
    for name in lexicon {
        copy(&format!("lexicon/{}", name.to_string_lossy()))?;
    }
    super::write_atomically(
        &out.join("dataset.toml"),
        &format!(
            "# A synthetic dataset written by `claimlens synth --claims {count} --seed {seed}`\n\
             # over the real lexicon and model, to measure the widget at scale.\n\
             version = \"synthetic-{count}-{seed}\"\nschema = 2\nreleased = \"{}\"\n",
            real.info.released
        ),
    )?;
    let mut next = 0u64;
    let mut claims: Vec<Synthetic> = Vec::new();
    for round in 1..=40 {
        while claims.len() < count {
            claims.push(material.claim(seed, next));
            next += 1;
        }
        write_claims(out, &claims)?;
        let dataset = SourceFiles::read(out)?
            .parse()
            .map_err(|e| format!("the synthetic dataset does not parse (a bug in synth): {e}"))?;
        let failures = claimlens::matcher::missed_examples(&dataset);
        if failures.is_empty() {
            return Ok(round);
        }
        // Claims are read back in file order; failures name them by index.
        let at: HashMap<&str, usize> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut drop: BTreeMap<usize, (BTreeSet<usize>, BTreeSet<usize>)> = BTreeMap::new();
        for f in failures {
            let claim = at[dataset.claims[f.claim].id.as_str()];
            let entry = drop.entry(claim).or_default();
            if f.counterexample {
                entry.1.insert(f.index);
            } else {
                entry.0.insert(f.index);
            }
        }
        for (&claim, (examples, counterexamples)) in &drop {
            let c = &mut claims[claim];
            c.examples = keep(&c.examples, examples);
            c.counterexamples = keep(&c.counterexamples, counterexamples);
        }
        claims.retain(|c| !c.examples.is_empty());
    }
    Err("the synthetic claims did not settle in 40 rounds".into())
}

fn keep(items: &[String], dropped: &BTreeSet<usize>) -> Vec<String> {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, s)| s.clone())
        .collect()
}

fn write_claims(out: &Path, claims: &[Synthetic]) -> Result<(), String> {
    let dir = out.join("claims");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for claim in claims {
        std::fs::write(dir.join(format!("{}.toml", claim.id)), claim.toml())
            .map_err(|e| format!("cannot write {}: {e}", claim.id))?;
    }
    Ok(())
}

/// xorshift64*, seeded per claim through splitmix64: deterministic on
/// every platform, and a claim does not depend on the ones before it.
struct Rng(u64);

impl Rng {
    fn for_claim(seed: u64, index: u64) -> Rng {
        let mut z = seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the synthetic claims are made of, all taken from the real dataset.
struct Material {
    actors: Vec<Concept>,
    stances: Vec<Concept>,
    others: Vec<Concept>,
    /// The shipped claims, whose card shapes the synthetic ones copy.
    shapes: Vec<Shape>,
    /// Word chain over the shipped cards' text: each word, the words seen after it.
    chain: BTreeMap<String, Vec<String>>,
    starts: Vec<String>,
    /// Lowercase words of the cards, for a claim's own wordings.
    words: Vec<String>,
    /// Names (words capitalised mid-sentence), for a claim's own core role.
    names: Vec<String>,
    /// `(publisher, host)` of the shipped sources.
    outlets: Vec<(String, String)>,
}

struct Shape {
    rating: &'static str,
    summary: usize,
    context: usize,
    sources: usize,
    title: usize,
    timeline: Vec<usize>,
}

fn english(concept: &Concept) -> &[String] {
    concept
        .words
        .iter()
        .find(|(language, _)| language == "en")
        .map_or(&[], |(_, words)| words.as_slice())
}

impl Material {
    fn of(real: &Dataset) -> Result<Material, String> {
        let usable = |kind: RoleKind| -> Vec<Concept> {
            real.lexicon
                .iter()
                .filter(|c| c.kind == kind && !english(c).is_empty())
                .cloned()
                .collect()
        };
        let (actors, stances, others) = (
            usable(RoleKind::Actor),
            usable(RoleKind::Stance),
            usable(RoleKind::Other),
        );
        if actors.is_empty() || stances.is_empty() || others.len() < 4 || real.claims.is_empty() {
            return Err("synth needs a dataset with claims and a lexicon of actors, stances and other roles".into());
        }
        let clean = |w: &str| -> String {
            w.chars()
                .filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '\\' | '(' | ')'))
                .collect()
        };
        let mut chain: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut starts = Vec::new();
        let mut words = BTreeSet::new();
        let mut names = BTreeSet::new();
        let mut outlets = BTreeSet::new();
        let mut shapes = Vec::new();
        for claim in &real.claims {
            for text in [&claim.summary, &claim.context] {
                let tokens: Vec<String> = text
                    .split_whitespace()
                    .map(clean)
                    .filter(|w| !w.is_empty())
                    .collect();
                for (i, token) in tokens.iter().enumerate() {
                    let sentence_start = i == 0 || tokens[i - 1].ends_with('.');
                    if sentence_start && token.starts_with(|c: char| c.is_uppercase()) {
                        starts.push(token.clone());
                    }
                    if let Some(next) = tokens.get(i + 1) {
                        chain.entry(token.clone()).or_default().push(next.clone());
                    }
                    let bare: String = token.chars().filter(|c| c.is_alphabetic()).collect();
                    if bare.chars().count() >= 4 && bare.chars().all(|c| c.is_ascii_lowercase()) {
                        words.insert(bare.clone());
                    }
                    if !sentence_start
                        && bare.chars().count() >= 5
                        && bare.starts_with(|c: char| c.is_ascii_uppercase())
                        && bare.chars().skip(1).all(|c| c.is_ascii_lowercase())
                    {
                        names.insert(bare.to_lowercase());
                    }
                }
            }
            for source in &claim.sources {
                if let Some(host) = source
                    .url
                    .strip_prefix("https://")
                    .and_then(|rest| rest.split('/').next())
                {
                    outlets.insert((source.publisher.clone(), host.to_string()));
                }
            }
            shapes.push(Shape {
                rating: claim.rating.slug(),
                summary: claim.summary.len(),
                context: claim.context.len(),
                sources: claim.sources.len(),
                title: claim.sources.iter().map(|s| s.title.len()).sum::<usize>()
                    / claim.sources.len().max(1),
                timeline: claim.timeline.iter().map(|p| p.note.len()).collect(),
            });
        }
        Ok(Material {
            actors,
            stances,
            others,
            shapes,
            chain,
            starts,
            words: words.into_iter().collect(),
            names: names.into_iter().collect(),
            outlets: outlets.into_iter().collect(),
        })
    }

    /// One sentence of the word chain, at most `limit` words.
    fn sentence(&self, rng: &mut Rng, limit: usize) -> String {
        let mut word = rng.pick(&self.starts).clone();
        let mut out = word.clone();
        for _ in 1..limit {
            if word.ends_with('.') {
                return out;
            }
            let Some(next) = self.chain.get(&word) else {
                break;
            };
            word = rng.pick(next).clone();
            out.push(' ');
            out.push_str(&word);
        }
        let trimmed = out.trim_end_matches(|c: char| !c.is_alphanumeric());
        format!("{trimmed}.")
    }

    /// Sentences until about `length` bytes.
    fn text(&self, rng: &mut Rng, length: usize) -> Vec<String> {
        let mut sentences: Vec<String> = Vec::new();
        let mut total = 0;
        while total + 20 < length {
            let s = self.sentence(rng, 40);
            total += s.len() + 1;
            sentences.push(s);
        }
        sentences
    }

    /// `n` phrases of one to three words: a claim's own wordings.
    fn phrases(&self, rng: &mut Rng, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                let k = rng.range(1, 3);
                self.phrase(rng, k)
            })
            .collect()
    }

    fn phrase(&self, rng: &mut Rng, words: usize) -> String {
        (0..words)
            .map(|_| rng.pick(&self.words).as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn claim(&self, seed: u64, index: u64) -> Synthetic {
        let rng = &mut Rng::for_claim(seed, index);
        let shape = rng.pick(&self.shapes);
        // The core, as shipped claims write it: who, what they do, and one
        // or two other roles (an object, a place), sometimes a claim's own name.
        let others = match rng.below(20) {
            0..=3 => 0,
            4..=10 => 1,
            _ => 2,
        };
        let actor = rng.pick(&self.actors);
        let stance = rng.pick(&self.stances);
        let mut core = vec![Role::Concept(actor), Role::Concept(stance)];
        let mut used: BTreeSet<&str> = [actor.id.as_str(), stance.id.as_str()].into();
        for _ in 0..others {
            if rng.chance(10) && !self.names.is_empty() {
                core.push(Role::Own(vec![rng.pick(&self.names).clone()]));
                continue;
            }
            let other = self.fresh(rng, &self.others, &used);
            used.insert(other.id.as_str());
            core.push(Role::Concept(other));
        }
        let mut support = Vec::new();
        for _ in 0..rng.range(1, 6) {
            let pool = if rng.chance(30) {
                &self.actors
            } else {
                &self.others
            };
            let c = self.fresh(rng, pool, &used);
            used.insert(c.id.as_str());
            support.push(Role::Concept(c));
        }
        if rng.chance(50) {
            let n = rng.range(1, 5);
            support.push(Role::Own(self.phrases(rng, n)));
        }
        let mut against = Vec::new();
        for _ in 0..rng.range(1, 5) {
            let pool = match rng.below(3) {
                0 => &self.actors,
                1 => &self.stances,
                _ => &self.others,
            };
            let c = self.fresh(rng, pool, &used);
            used.insert(c.id.as_str());
            against.push(Role::Concept(c));
        }
        let n = rng.range(2, 12);
        against.push(Role::Own(self.phrases(rng, n)));
        let none_of: Vec<String> = (0..rng.range(0, 4)).map(|_| self.phrase(rng, 2)).collect();
        let number = rng.chance(12).then(|| rng.range(2, 400));

        // Examples state every core role, in varied wordings; counterexamples
        // swap roles for other concepts of the same kind, or the number.
        let word = |rng: &mut Rng, role: &Role| -> String {
            match role {
                Role::Concept(c) => rng.pick(english(c)).clone(),
                Role::Own(words) => rng.pick(words).clone(),
            }
        };
        let opening = [
            "",
            "",
            "officials said ",
            "on monday ",
            "reports say ",
            "in a statement ",
        ];
        let closing = [
            "",
            "",
            " this week",
            " on tuesday",
            " according to the report",
        ];
        let say = |rng: &mut Rng, parts: &[String], number: Option<usize>| -> String {
            let mut words = parts.to_vec();
            if let Some(n) = number {
                let at = if words.len() > 2 { 2 } else { words.len() };
                words.insert(at, n.to_string());
            }
            let body = format!(
                "{}{}{}",
                rng.pick(&opening),
                words.join(" "),
                rng.pick(&closing)
            );
            let mut chars = body.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            format!("{}{}.", first.unwrap_or_default(), chars.as_str())
        };
        let examples: Vec<String> = (0..rng.range(3, 5))
            .map(|_| {
                let parts: Vec<String> = core.iter().map(|r| word(rng, r)).collect();
                say(rng, &parts, number)
            })
            .collect();
        let mut counterexamples = Vec::new();
        for _ in 0..2 {
            let mut parts: Vec<String> = core.iter().map(|r| word(rng, r)).collect();
            let swaps = if core.len() >= 3 { 2 } else { 1 };
            for slot in (0..core.len()).rev().take(swaps) {
                let pool = match slot {
                    0 => &self.actors,
                    1 => &self.stances,
                    _ => &self.others,
                };
                let other = self.fresh(rng, pool, &used);
                parts[slot] = rng.pick(english(other)).clone();
            }
            counterexamples.push(say(rng, &parts, number));
        }
        if let Some(n) = number {
            let parts: Vec<String> = core.iter().map(|r| word(rng, r)).collect();
            counterexamples.push(say(rng, &parts, Some(n + 7)));
        }

        // The card, with the lengths of a shipped one.
        let label = |role: &Role| match role {
            Role::Concept(c) => c.label.clone(),
            Role::Own(words) => words[0].clone(),
        };
        let mut reviewed_words: Vec<String> = core.iter().map(label).collect();
        if let Some(n) = number {
            reviewed_words.insert(reviewed_words.len().min(2), n.to_string());
        }
        let claim_reviewed = say(rng, &reviewed_words, None);
        let jitter = |rng: &mut Rng, n: usize| n * rng.range(85, 115) / 100;
        let length = jitter(rng, shape.summary);
        let summary = self.text(rng, length).join(" ");
        let length = jitter(rng, shape.context);
        let context_sentences = self.text(rng, length);
        let context = context_sentences.join(" ");
        let as_of = Day(
            rng.range(2024, 2026) as u16,
            rng.range(1, 11) as u8,
            rng.range(1, 28) as u8,
        );
        let reviewed = Day(2026, 11, rng.range(1, 28) as u8);
        let modified = if rng.chance(30) {
            Day(2026, 12, rng.range(1, 3) as u8)
        } else {
            reviewed
        };
        let mut timeline = Vec::new();
        let mut notes = Vec::new();
        for (i, &length) in shape.timeline.iter().enumerate() {
            let note = self.text(rng, length.max(60)).join(" ");
            notes.push(note.clone());
            let last = i + 1 == shape.timeline.len();
            let rating = if last {
                shape.rating
            } else {
                rng.pick(&["accurate", "needs-context", "misleading"])
            };
            let from = Day(2020 + i as u16, rng.range(1, 12) as u8, 1);
            let until = (!last).then_some(Day(2020 + i as u16, 12, 31));
            timeline.push(Period {
                from,
                until,
                rating,
                note,
            });
        }
        // Sources back every sentence that states a number, as editors do.
        let sources_n = shape.sources.max(1);
        let mut supports: Vec<Vec<String>> = vec![Vec::new(); sources_n];
        let stated = summary_sentences(&summary)
            .into_iter()
            .chain(context_sentences.iter().cloned())
            .chain(notes.iter().flat_map(|n| summary_sentences(n)))
            .filter(|s| s.chars().any(|c| c.is_ascii_digit()));
        for (i, sentence) in stated.enumerate() {
            supports[i % sources_n].push(sentence);
        }
        let sources = supports
            .into_iter()
            .map(|supports| {
                let (publisher, host) = rng.pick(&self.outlets).clone();
                let length = jitter(rng, shape.title.max(30));
                let title = self.title(rng, length);
                let date = Day(as_of.0, as_of.1, rng.range(1, as_of.2 as usize) as u8);
                let slug: String = title
                    .to_lowercase()
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .take(8)
                    .collect::<Vec<_>>()
                    .join("-");
                let url = format!(
                    "https://{host}/{}/{}/{:02}/{slug}-{}",
                    rng.pick(&["news", "world", "europe", "politics", "article"]),
                    date.0,
                    date.1,
                    rng.range(100_000, 999_999)
                );
                SourceOut {
                    title,
                    publisher,
                    date,
                    url,
                    supports,
                }
            })
            .collect();
        let slug = |role: &Role| match role {
            Role::Concept(c) => c.id.clone(),
            Role::Own(words) => words[0].replace(' ', "-"),
        };
        let id = format!(
            "{}-{}-{index:04}",
            slug(&core[0]),
            core[1..].iter().map(slug).collect::<Vec<_>>().join("-")
        );
        Synthetic {
            id,
            claim_reviewed,
            rating: shape.rating,
            summary,
            context,
            as_of,
            reviewed,
            modified,
            examples,
            counterexamples,
            sources,
            timeline,
            core: core.iter().map(Role::entry).collect(),
            support: support.iter().map(Role::entry).collect(),
            against: against.iter().map(Role::entry).collect(),
            none_of,
            number,
        }
    }

    fn title(&self, rng: &mut Rng, length: usize) -> String {
        let mut title = self.sentence(rng, 14);
        while title.len() < length {
            title = format!("{} {}", title.trim_end_matches('.'), self.phrase(rng, 1));
        }
        title.trim_end_matches('.').to_string()
    }

    /// A concept of `pool` not yet used by this claim (or any, if all are).
    fn fresh<'a>(
        &'a self,
        rng: &mut Rng,
        pool: &'a [Concept],
        used: &BTreeSet<&str>,
    ) -> &'a Concept {
        for _ in 0..20 {
            let c = rng.pick(pool);
            if !used.contains(c.id.as_str()) {
                return c;
            }
        }
        rng.pick(pool)
    }
}

fn summary_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(". ") {
        out.push(rest[..=at].to_string());
        rest = &rest[at + 2..];
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

enum Role<'a> {
    Concept(&'a Concept),
    Own(Vec<String>),
}

impl Role<'_> {
    fn entry(&self) -> Entry {
        match self {
            Role::Concept(c) => Entry::Concept(c.id.clone()),
            Role::Own(words) => Entry::Own(words.clone()),
        }
    }
}

enum Entry {
    Concept(String),
    Own(Vec<String>),
}

#[derive(Clone, Copy)]
struct Day(u16, u8, u8);

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0, self.1, self.2)
    }
}

struct SourceOut {
    title: String,
    publisher: String,
    date: Day,
    url: String,
    supports: Vec<String>,
}

struct Period {
    from: Day,
    until: Option<Day>,
    rating: &'static str,
    note: String,
}

struct Synthetic {
    id: String,
    claim_reviewed: String,
    rating: &'static str,
    summary: String,
    context: String,
    as_of: Day,
    reviewed: Day,
    modified: Day,
    examples: Vec<String>,
    counterexamples: Vec<String>,
    sources: Vec<SourceOut>,
    timeline: Vec<Period>,
    core: Vec<Entry>,
    support: Vec<Entry>,
    against: Vec<Entry>,
    none_of: Vec<String>,
    number: Option<usize>,
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn entries(items: &[Entry]) -> String {
    let written: Vec<String> = items
        .iter()
        .map(|e| match e {
            Entry::Concept(id) => quote(id),
            Entry::Own(words) => list(words),
        })
        .collect();
    format!("[{}]", written.join(", "))
}

impl Synthetic {
    fn toml(&self) -> String {
        let lines = |items: &[String]| -> String {
            items.iter().map(|s| format!("  {},\n", quote(s))).collect()
        };
        let mut out = format!(
            "id = {}\nclaim_reviewed = {}\nrating = {}\nsummary = {}\ncontext = {}\n\
             as_of = \"{}\"\nreviewed = \"{}\"\nmodified = \"{}\"\nlanguage = \"en\"\n\n\
             examples = [\n{}]\ncounterexamples = [\n{}]\n",
            quote(&self.id),
            quote(&self.claim_reviewed),
            quote(self.rating),
            quote(&self.summary),
            quote(&self.context),
            self.as_of,
            self.reviewed,
            self.modified,
            lines(&self.examples),
            lines(&self.counterexamples),
        );
        for s in &self.sources {
            out.push_str(&format!(
                "\n[[sources]]\ntitle = {}\npublisher = {}\ndate = \"{}\"\nurl = {}\nsupports = [\n{}]\n",
                quote(&s.title),
                quote(&s.publisher),
                s.date,
                quote(&s.url),
                lines(&s.supports)
            ));
        }
        for p in &self.timeline {
            out.push_str(&format!("\n[[timeline]]\nfrom = \"{}\"\n", p.from));
            if let Some(until) = p.until {
                out.push_str(&format!("until = \"{until}\"\n"));
            }
            out.push_str(&format!(
                "rating = {}\nnote = {}\n",
                quote(p.rating),
                quote(&p.note)
            ));
        }
        out.push_str(&format!(
            "\n[match]\ncore = {}\nsupport = {}\nagainst = {}\nnumbers = [{}]\nnone_of = {}\n",
            entries(&self.core),
            entries(&self.support),
            entries(&self.against),
            self.number.map(|n| n.to_string()).unwrap_or_default(),
            list(&self.none_of),
        ));
        out
    }
}
