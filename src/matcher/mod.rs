//! Finding dataset claims in article text.
//!
//! # Algorithm
//!
//! 1. **Tokens.** The text is normalised (NFKC, case, quotes, dashes,
//!    invisible characters), split into words and sentences by Unicode
//!    segmentation (UAX #29, with news abbreviations such as "U.S." repaired),
//!    stemmed (Snowball English), and spelled-out numbers are folded into
//!    values ("twenty-six" = 26, "three and a half" = 3.5). Days of the month
//!    ("26 August") are not quantities. Each token keeps its span in chars of
//!    the input. A question and the sentence answering it count as one
//!    sentence when either is short ("NATO troops in Ukraine? Never, says
//!    Moscow.").
//! 2. **Evidence.** A claim's [`MatchPattern`](crate::dataset::MatchPattern)
//!    names *roles* over the shared concept lexicon: core roles (who, does
//!    what, to what), supporting and opposing evidence, numbers and counts,
//!    and a few vetoes. Each role is a group of alternative wordings; a
//!    concept used by many claims is one group, looked for once per
//!    sentence. Terms written in capitals ("US", "EU") only match capitals,
//!    and a phrase may hold one transparent modifier ("its own soldiers";
//!    see `TRANSPARENT_MODIFIERS`).
//! 3. **Candidates.** Each claim is indexed under the groups a mention cannot
//!    lack (its rarest number or count, else as many of its rarest core roles
//!    as it may miss, plus one), so a sentence only considers claims whose
//!    anchor occurs in it: cost grows with the sentence, not the dataset. A
//!    sentence is a candidate when it has every number and count (by value:
//!    25 or 26,000 never stand in for 26; a count binds its number to a noun
//!    at most two words later, or noun first after "the number of", or
//!    stands alone where reporting leaves the noun out: "26 have"; "34
//!    countries plus Ukraine" is 35 where the dataset knows 35, not 34), every
//!    core role or all but one of three or more, and no veto.
//! 4. **Score.** The evidence becomes features shared by every claim (see
//!    `score`): all roles found or which kind is missing, how densely the
//!    span holds them, supporting and opposing evidence, a negation just
//!    before a role ("does not reject"), numbers, a year before the claim's
//!    time, and how many punctuation breaks (commas, colons, quotes, dashes)
//!    fall between the roles: one statement's roles usually share a clause. The dataset's logistic model, fitted offline by `claimlens fit`,
//!    turns them into a probability; below its threshold the matcher
//!    abstains. The span is the smallest window holding one occurrence of
//!    each role found.
//! 5. **Overlaps.** Overlapping candidates keep the best score (ties: the
//!    shorter span, then the earlier claim), so each mention gets one card.
//!    Reporting often states two claims in one sentence, so a candidate for
//!    another claim that scores at least the model's fitted `companion`
//!    score is kept beside it (a companion card): at most one per card,
//!    never a second card for the same claim.
//!
//! Everything is deterministic: the same text and dataset give the same
//! matches in the same order, natively and in wasm.

// The shipped widget loads the index `build.rs` compiled and its claims have
// no patterns, so the compiling half (`Compiler`, tokenizing and stemming
// pattern words) is dead code there, and only there: native builds, where
// the same code is live, still lint it.
#![cfg_attr(
    not(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    )),
    allow(dead_code, unused_imports)
)]

mod compiled;
mod fnv;
mod latin;
mod normalize;
mod pieces;
pub mod score;
pub(crate) mod sort;
#[cfg(test)]
mod stemming_tests;
pub mod text;
mod tokens;
mod vocabulary;

use text::UnicodeText;
// build.rs compiles this module too, without using `pieces`.
#[allow(unused_imports)]
pub use pieces::pieces;
use score::Features;
pub use tokens::Span;
use tokens::{simple_phrase, tokenize, tokenize_with, Stems, Term, Token, Words};
use vocabulary::{TermRef, Vocabulary};

use crate::dataset::{Claim, Dataset, Evidence, RoleKind};

/// One mention of a dataset claim in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Index of the claim in [`Matcher::dataset`]'s claims.
    pub claim_index: usize,
    /// Where to highlight, in chars of the input.
    pub span: Span,
    /// The fitted model's probability that this is a mention, in `(0, 1)`;
    /// at least the dataset's threshold.
    pub score: f32,
    /// What was found, in text order: the labels of the claim's core
    /// roles ("Russia", "rejects", "security guarantees") and the text of
    /// its numbers and counts.
    pub explanation: Vec<String>,
}

/// A dataset with its patterns compiled and indexed for matching.
pub struct Matcher {
    dataset: Dataset,
    unicode: Box<dyn UnicodeText>,
    patterns: Vec<CompiledPattern>,
    arena: Arena,
    /// Every term any pattern uses, numbered; text tokens are looked up here
    /// once, and patterns compare numbers instead of strings.
    vocabulary: Vocabulary,
    /// Term id → claims anchored on it.
    index: AnchorIndex,
}

/// Words allowed between a count's number and its noun: "26 Western
/// countries", "26 EU member states".
const COUNT_GAP: u8 = 2;

/// A token's term id, or this when no pattern uses the term.
const UNKNOWN: u32 = u32::MAX;

/// A pattern word: its term, and whether only an acronym in capitals counts.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PatternTerm {
    id: u32,
    acronym_only: bool,
}

impl PatternTerm {
    fn matches(&self, token: &Token<u32>, id: u32) -> bool {
        self.id == id && (!self.acronym_only || token.acronym)
    }
}

/// Every compiled pattern in three flat arrays, so that 100,000 claims cost
/// a handful of allocations rather than millions. A *group* is a list of
/// alternatives; an *alternative* is a sequence of pattern terms.
#[derive(Default)]
struct Arena {
    terms: Vec<PatternTerm>,
    /// Exclusive end in `terms` of each alternative.
    alternative_ends: Vec<u32>,
    /// Exclusive end in `alternative_ends` of each group.
    group_ends: Vec<u32>,
    /// Per group: how many tokens may sit between an alternative's first
    /// term and the rest (0 for phrases; 2 for counts, "26 Western countries").
    group_gaps: Vec<u8>,
    /// Per group: what the card's explanation calls it ("" for numbers,
    /// counts and vetoes, which are explained by their text).
    /// All labels back to back, and each group's exclusive end in it: one
    /// allocation, not one per group (400,000 groups at 100,000 claims).
    label_text: String,
    label_ends: Vec<u32>,
    /// Per group: the kind of role it fills.
    group_kinds: Vec<RoleKind>,
    /// The group ids each pattern's ranges point into.
    roles: Vec<u32>,
}

impl Arena {
    fn groups(&self) -> u32 {
        self.group_ends.len() as u32
    }

    fn open_alternatives(&self) -> usize {
        self.alternative_ends.len() - self.group_ends.last().map_or(0, |&e| e as usize)
    }

    /// Adds an alternative to the open group, unless it has no terms or the
    /// group has it already: wordings that stem or expand alike ("deploy",
    /// "deployed"; "won't send", "will not send") are one alternative.
    fn push_alternative(&mut self, terms: Vec<PatternTerm>) {
        if terms.is_empty() {
            return;
        }
        let open = self.group_ends.last().map_or(0, |&e| e as usize);
        let mut start = if open == 0 {
            0
        } else {
            self.alternative_ends[open - 1] as usize
        };
        for &end in &self.alternative_ends[open..] {
            if self.terms[start..end as usize] == terms[..] {
                return;
            }
            start = end as usize;
        }
        self.terms.extend(terms);
        self.alternative_ends.push(self.terms.len() as u32);
    }

    fn close_group(&mut self, gap: u8, label: &str, kind: RoleKind) -> u32 {
        self.group_ends.push(self.alternative_ends.len() as u32);
        self.group_gaps.push(gap);
        self.label_text.push_str(label);
        self.label_ends.push(self.label_text.len() as u32);
        self.group_kinds.push(kind);
        self.groups() - 1
    }

    fn label(&self, group: u32) -> &str {
        let end = self.label_ends[group as usize] as usize;
        let start = match group {
            0 => 0,
            g => self.label_ends[g as usize - 1] as usize,
        };
        &self.label_text[start..end]
    }

    fn roles(&self, range: &std::ops::Range<u32>) -> &[u32] {
        &self.roles[range.start as usize..range.end as usize]
    }

    /// The group's alternatives, as indexes of `alternative_ends`.
    fn alternative_range(&self, group: u32) -> std::ops::Range<usize> {
        let end = self.group_ends[group as usize] as usize;
        let start = match group {
            0 => 0,
            g => self.group_ends[g as usize - 1] as usize,
        };
        start..end
    }

    /// Where alternative `a`'s terms start in `terms`.
    fn term_start(&self, a: usize) -> usize {
        match a {
            0 => 0,
            a => self.alternative_ends[a - 1] as usize,
        }
    }

    fn alternatives(&self, group: u32) -> impl Iterator<Item = &[PatternTerm]> {
        self.alternative_range(group)
            .map(move |a| &self.terms[self.term_start(a)..self.alternative_ends[a] as usize])
    }
}

/// A claim's pattern: ranges of [`Arena::roles`] (group ids) per kind of
/// evidence, then one veto group. Groups of lexicon concepts are shared by
/// every claim that uses them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CompiledPattern {
    core: std::ops::Range<u32>,
    support: std::ops::Range<u32>,
    against: std::ops::Range<u32>,
    /// Numbers and counts: always required.
    hard: std::ops::Range<u32>,
    vetoes: u32,
}

impl CompiledPattern {
    /// Core roles a candidate may lack: one, once a claim has three.
    fn may_miss(&self) -> usize {
        usize::from(self.core.len() >= 3)
    }
}

impl Matcher {
    /// A matcher using the pure-Rust Unicode services.
    #[cfg(any(not(target_arch = "wasm32"), feature = "rust-unicode"))]
    pub fn new(dataset: Dataset) -> Matcher {
        Matcher::with_unicode(dataset, Box::new(text::RustUnicode))
    }

    /// A matcher using the given Unicode services (the browser's, in the widget).
    /// Not in the shipped widget, whose claims carry no patterns to compile.
    #[cfg(any(
        not(target_arch = "wasm32"),
        feature = "rust-unicode",
        feature = "test-hooks"
    ))]
    pub fn with_unicode(dataset: Dataset, unicode: Box<dyn UnicodeText>) -> Matcher {
        let mut compiler = Compiler {
            unicode: unicode.as_ref(),
            stems: Stems::new(),
            vocabulary: Vocabulary::default(),
            arena: Arena::default(),
            concepts: Default::default(),
        };
        let patterns: Vec<CompiledPattern> =
            dataset.claims.iter().map(|c| compiler.compile(c)).collect();
        let (vocabulary, arena) = (compiler.vocabulary, compiler.arena);
        Matcher::assemble(dataset, unicode, patterns, arena, vocabulary)
    }

    /// The one place a matcher is put together, compiled or loaded: the
    /// anchor index is always derived, never stored.
    fn assemble(
        dataset: Dataset,
        unicode: Box<dyn UnicodeText>,
        patterns: Vec<CompiledPattern>,
        arena: Arena,
        vocabulary: Vocabulary,
    ) -> Matcher {
        let index = build_index(&patterns, &arena, vocabulary.len());
        Matcher {
            dataset,
            unicode,
            patterns,
            arena,
            vocabulary,
            index,
        }
    }

    /// The compiled patterns as a string, to load with
    /// [`Matcher::from_compiled`] without recompiling (see `compiled.rs`).
    pub fn compiled(&self) -> String {
        compiled::encode(self)
    }

    /// A matcher from [`Matcher::compiled`] output for exactly this dataset;
    /// `None` if the string is for other data or is damaged.
    pub fn from_compiled(
        dataset: Dataset,
        unicode: Box<dyn UnicodeText>,
        compiled: &str,
    ) -> Option<Matcher> {
        compiled::decode(dataset, unicode, compiled)
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn claim(&self, m: &Match) -> &Claim {
        &self.dataset.claims[m.claim_index]
    }

    /// All claim mentions in `text`, sorted by position; only a companion
    /// card (another claim stated in the same words) overlaps another.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mentions = self
            .candidates_with::<false>(text)
            .into_iter()
            .filter_map(|c| {
                let score = self.score(&c);
                (score >= self.dataset.model.threshold).then_some(Match {
                    claim_index: c.claim_index,
                    span: c.span,
                    score,
                    explanation: c.explanation,
                })
            })
            .collect();
        resolve_overlaps(mentions, self.dataset.model.companion)
    }

    /// Reporting counts a group without its host or newest member: "34
    /// countries plus Ukraine" is a coalition of 35. A whole number the
    /// dataset does not know, followed within a few words by "plus" and a
    /// name, reads as the next number when the dataset knows that one.
    fn one_more(&self, n: u64, from: &[Token<u32>], chars: &[char]) -> Option<u32> {
        if n % 1000 != 0 {
            return None;
        }
        let word = |t: &Token<u32>| &chars[t.span.start..t.span.end];
        let same = |t: &Token<u32>| t.sentence == from[0].sentence;
        let plus = from
            .iter()
            .take(PLUS_REACH + 2)
            .position(|t| same(t) && spells(word(t), "plus"))?;
        let name = from.get(plus + 1)?;
        let initial = word(name).iter().find(|&&c| !normalize::is_invisible(c));
        if same(name) && initial?.is_uppercase() {
            self.vocabulary.number(n + 1000)
        } else {
            None
        }
    }

    /// Every sentence's candidate mentions with their evidence, before the
    /// model decides and overlaps are resolved: what `fit` learns from and
    /// `explain` shows.
    pub fn candidates(&self, text: &str) -> Vec<Candidate> {
        self.candidates_with::<true>(text)
    }

    fn candidates_with<const EXPLAIN: bool>(&self, text: &str) -> Vec<Candidate> {
        let mut lookup = Lookup {
            vocabulary: &self.vocabulary,
            stems: Stems::new(),
        };
        let tokens = tokenize_with(text, self.unicode.as_ref(), &mut lookup);
        let chars: Vec<char> = text.chars().collect();
        let ids: Vec<u32> = tokens
            .iter()
            .enumerate()
            .map(|(k, t)| match t.term {
                Term::Word(id) => Some(id),
                Term::Number(n) => self
                    .vocabulary
                    .number(n)
                    .or_else(|| self.one_more(n, &tokens[k..], &chars)),
                Term::Day => self.vocabulary.day(),
            })
            .map(|id| id.unwrap_or(UNKNOWN))
            .collect();
        let mut candidates = Vec::new();
        let mut claims: Vec<u32> = Vec::new();
        let mut found = Occurrences::default();
        let mut positions: Vec<(u32, u32)> = Vec::new();
        let mut start = 0;
        for sentence in tokens.chunk_by(|a, b| a.sentence == b.sentence) {
            let sentence_ids = &ids[start..start + sentence.len()];
            start += sentence.len();
            claims.clear();
            for &id in sentence_ids {
                claims.extend_from_slice(self.index.claims_of(id));
            }
            if claims.is_empty() {
                continue;
            }
            sort::sort(&mut claims);
            claims.dedup();
            found.cache.clear();
            positions.clear();
            positions.extend(
                (0u32..)
                    .zip(sentence_ids)
                    .filter(|&(_, &id)| id != UNKNOWN)
                    .map(|(k, &id)| (id, k)),
            );
            sort::sort(&mut positions);
            let mut present = [0u64; 16];
            for &(id, _) in &positions {
                let (word, bit) = presence_bit(id);
                present[word] |= bit;
            }
            let words = Sentence {
                tokens: sentence,
                ids: sentence_ids,
                positions: &positions,
                present,
                chars: &chars,
            };
            for &claim_index in &claims {
                let pattern = &self.patterns[claim_index as usize];
                let claim = &self.dataset.claims[claim_index as usize];
                candidates.extend(evaluate::<EXPLAIN>(
                    &self.arena,
                    pattern,
                    &words,
                    &mut found,
                    claim_index as usize,
                    claim.as_of.year(),
                ));
            }
        }
        candidates
    }

    /// The model's score for a candidate, in `(0, 1)`.
    pub fn score(&self, candidate: &Candidate) -> f32 {
        score::probability(&self.dataset.model, &candidate.features)
    }
}

/// Turns text words into vocabulary ids, stemming only words that may stem
/// into a pattern word: the others are all [`UNKNOWN`] anyway.
struct Lookup<'a> {
    vocabulary: &'a Vocabulary,
    stems: Stems,
}

impl Lookup<'_> {
    fn known(&mut self, word: &str) -> u32 {
        // A word that is its own stem costs one look-up.
        if Stems::is_own_stem(word) || self.vocabulary.may_stem_into(word) {
            let stem = self.stems.stem_ref(word);
            self.vocabulary.word(stem).unwrap_or(UNKNOWN)
        } else {
            UNKNOWN
        }
    }
}

impl Words for Lookup<'_> {
    fn word(&mut self, word: &str) -> u32 {
        let id = self.known(word);
        if id != UNKNOWN {
            return id;
        }
        // British doubling ("signalled", "travelling"), which Snowball keeps
        // apart from "signaled": try the single-l spelling, for words long
        // enough that it is a spelling ("rolled" is not "roled").
        for (double, single) in [("lled", "led"), ("lling", "ling")] {
            if let Some(base) = word.strip_suffix(double) {
                if base.chars().count() >= 4 {
                    return self.known(&format!("{base}{single}"));
                }
            }
        }
        UNKNOWN
    }

    fn stemmed(&mut self, stem: &str) -> u32 {
        self.vocabulary.word(stem).unwrap_or(UNKNOWN)
    }

    fn compound(&mut self, first: &str, second: &str) -> Option<u32> {
        // Short parts ("co-eds", "e-mail") are prefixes, not words, and a
        // joined word that stems back to its first part ("coeds" → "co")
        // would swallow the second: both stay two words.
        if first.chars().count() < 3 || second.chars().count() < 3 {
            return None;
        }
        let joined = format!("{first}{second}");
        let id = self.known(&joined);
        if id == UNKNOWN || id == self.known(first) {
            return None;
        }
        Some(id)
    }
}

/// One sentence's tokens and their term ids.
struct Sentence<'a> {
    tokens: &'a [Token<u32>],
    ids: &'a [u32],
    /// `(id, position)` of every known token, sorted: where a term occurs,
    /// by binary search, rather than a scan of the sentence for each of a
    /// concept's hundreds of wordings.
    positions: &'a [(u32, u32)],
    /// Bit `id % 1024` set for every id in `positions`: most wordings are
    /// absent, and one bit test says so.
    present: [u64; 16],
    /// The whole input, for reading the few grammar words the matcher
    /// knows itself (see [`is_word`]).
    chars: &'a [char],
}

/// Where term `id` sits in [`Sentence::present`]: word and bit of `id % 1024`.
fn presence_bit(id: u32) -> (usize, u64) {
    ((id as usize / 64) % 16, 1 << (id % 64))
}

impl Sentence<'_> {
    /// False when term `id` is certainly not in the sentence.
    fn may_have(&self, id: u32) -> bool {
        let (word, bit) = presence_bit(id);
        self.present[word] & bit != 0
    }

    /// Whether token `k` is `word`, written in any case.
    fn is_word(&self, k: usize, word: &str) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| spells(&self.chars[t.span.start..t.span.end], word))
    }

    /// Whether only words and spaces stand between token `a` and token `b`:
    /// no comma, colon, quote or dash.
    fn plain_between(&self, a: usize, b: usize) -> bool {
        let (Some(a), Some(b)) = (self.tokens.get(a), self.tokens.get(b)) else {
            return false;
        };
        self.chars[a.span.end..b.span.start.max(a.span.end)]
            .iter()
            .all(|&c| tokens::is_word_char(c) || c.is_whitespace() || WORD_JOINERS.contains(&c))
    }

    fn is_any_word(&self, k: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is_word(k, w))
    }
}

/// Modifiers that add nothing a claim depends on, so a phrase may have one
/// inside it: "its own soldiers" is "its soldiers", "Ukraine's future
/// security guarantees" are "Ukraine's security guarantees", "not one
/// European government" is "not one government". A claim that turns on
/// who ("European troops", not "troops") names the modifier as a role.
const TRANSPARENT_MODIFIERS: &[&str] = &[
    "own",
    "future",
    "possible",
    "potential",
    "eventual",
    "european",
    "western",
    "allied",
];

/// Words that may follow a count's number when the noun is left out
/// because the sentence already named it: "26 have committed", "the 26
/// are". A noun there ("26 minutes") makes it another count.
const ELLIPSIS_FOLLOWERS: &[&str] = &[
    "have", "has", "had", "are", "were", "is", "was", "will", "would", "could", "can", "did",
];

/// Words a count may take before "plus" and the name that make it one
/// more ("34 EU and NATO countries plus Ukraine").
const PLUS_REACH: usize = 4;

/// Tokens a count may span when its noun comes first ("the number of
/// countries ready to deploy troops has reached 26").
const COUNT_REACH: usize = 12;

/// Term id → claims anchored on it, as one flat array (compressed rows):
/// no allocation per term, which matters at 100,000 claims.
struct AnchorIndex {
    /// `starts[t]..starts[t + 1]` is term `t`'s slice of `claims`.
    starts: Vec<u32>,
    claims: Vec<u32>,
}

impl AnchorIndex {
    fn claims_of(&self, term: u32) -> &[u32] {
        // `term` may be UNKNOWN (u32::MAX): `+ 1` must not overflow on wasm32.
        let term = term as usize;
        match (
            self.starts.get(term),
            term.checked_add(1).and_then(|next| self.starts.get(next)),
        ) {
            (Some(&a), Some(&b)) => &self.claims[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Indexes each claim under the first terms of the groups a sentence cannot
/// lack: its rarest number or count if it has one, else as many of its
/// rarest core roles as it may miss, plus one.
fn build_index(patterns: &[CompiledPattern], arena: &Arena, terms: usize) -> AnchorIndex {
    let mut frequency = vec![0u32; terms];
    for pattern in patterns {
        for &group in arena
            .roles(&pattern.core)
            .iter()
            .chain(arena.roles(&pattern.hard))
        {
            for alternative in arena.alternatives(group) {
                frequency[alternative[0].id as usize] += 1;
            }
        }
    }
    // (anchor term, claim) pairs, then counting sort by term.
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(patterns.len() * 2);
    let mut anchors: Vec<u32> = Vec::new();
    // Once per group, not per claim and candidate anchor: loading 100,000
    // claims spent much of its time adding up the same frequencies.
    let costs: Vec<usize> = (0..arena.groups())
        .map(|group| {
            arena
                .alternatives(group)
                .map(|a| frequency[a[0].id as usize] as usize)
                .sum()
        })
        .collect();
    let cost = |group: &u32| costs[*group as usize];
    for (claim, pattern) in patterns.iter().enumerate() {
        // Either set of groups is one a candidate cannot lack; the cheaper
        // one keeps the sentences that look at this claim few.
        anchors.clear();
        let core = arena.roles(&pattern.core);
        for _ in 0..=pattern.may_miss() {
            let rarest = core
                .iter()
                .filter(|g| !anchors.contains(g))
                .min_by_key(|g| (cost(g), **g));
            anchors.extend(rarest);
        }
        let core_cost: usize = anchors.iter().map(cost).sum();
        if let Some(&hard) = arena.roles(&pattern.hard).iter().min_by_key(|g| cost(g)) {
            if anchors.is_empty() || cost(&hard) < core_cost {
                anchors.clear();
                anchors.push(hard);
            }
        }
        let first = pairs.len();
        for &group in &anchors {
            for alternative in arena.alternatives(group) {
                let pair = (alternative[0].id, claim as u32);
                if !pairs[first..].contains(&pair) {
                    pairs.push(pair);
                }
            }
        }
    }
    let mut starts = vec![0u32; terms + 1];
    for &(term, _) in &pairs {
        starts[term as usize + 1] += 1;
    }
    for t in 0..terms {
        starts[t + 1] += starts[t];
    }
    let mut next = starts.clone();
    let mut claims = vec![0u32; pairs.len()];
    for (term, claim) in pairs {
        claims[next[term as usize] as usize] = claim;
        next[term as usize] += 1;
    }
    AnchorIndex { starts, claims }
}

/// Below this share of its own examples found, a claim's definition is
/// broken and the build stops; above it, missed examples are reported by
/// `claimlens check` but do not fail the build, because a scored matcher
/// abstains on some wordings by design (a missed card costs less than a
/// wrong one).
pub const MIN_EXAMPLE_RECALL: f64 = 0.5;

/// Every counterexample that finds its claim (a wrong card), and every
/// example of a claim that finds fewer than [`MIN_EXAMPLE_RECALL`] of its
/// examples, matching against the whole dataset (as the widget would).
#[cfg(not(target_arch = "wasm32"))]
pub fn regressions(dataset: &Dataset) -> Vec<crate::dataset::source::RegressionFailure> {
    let all = missed_examples(dataset);
    let mut missed = vec![0usize; dataset.claims.len()];
    for f in all.iter().filter(|f| !f.counterexample) {
        missed[f.claim] += 1;
    }
    let broken = |claim: usize| {
        let examples = dataset.claims[claim].examples.len();
        ((examples - missed[claim]) as f64) < MIN_EXAMPLE_RECALL * examples as f64
    };
    all.into_iter()
        .filter(|f| f.counterexample || broken(f.claim))
        .collect()
}

/// Every example that does not find its claim and every counterexample that
/// does: what `claimlens check` reports.
#[cfg(not(target_arch = "wasm32"))]
pub fn missed_examples(dataset: &Dataset) -> Vec<crate::dataset::source::RegressionFailure> {
    use crate::dataset::source::RegressionFailure;
    let matcher = Matcher::new(dataset.clone());
    let finds =
        |text: &str, claim: usize| matcher.find(text).iter().any(|m| m.claim_index == claim);
    let mut failures = Vec::new();
    for (claim, c) in dataset.claims.iter().enumerate() {
        for (index, text) in c.examples.iter().enumerate() {
            if !finds(text, claim) {
                failures.push(RegressionFailure {
                    claim,
                    counterexample: false,
                    index,
                });
            }
        }
        for (index, text) in c.counterexamples.iter().enumerate() {
            if finds(text, claim) {
                failures.push(RegressionFailure {
                    claim,
                    counterexample: true,
                    index,
                });
            }
        }
    }
    failures
}

/// Turns patterns into term ids, numbering terms as it meets them.
#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "rust-unicode",
    feature = "test-hooks"
))]
struct Compiler<'a> {
    unicode: &'a dyn UnicodeText,
    stems: Stems,
    vocabulary: Vocabulary,
    arena: Arena,
    /// Concepts already compiled: a lexicon concept becomes one group,
    /// however many claims use it.
    concepts: std::collections::BTreeMap<String, u32>,
}

#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "rust-unicode",
    feature = "test-hooks"
))]
impl Compiler<'_> {
    fn intern(&mut self, term: Term) -> u32 {
        self.vocabulary.intern(match &term {
            Term::Word(w) => TermRef::Word(w),
            Term::Number(n) => TermRef::Number(*n),
            Term::Day => TermRef::Day,
        })
    }

    fn phrase(&mut self, text: &str) -> Vec<PatternTerm> {
        let terms: Vec<(Term, bool)> = simple_phrase(text, &mut self.stems).unwrap_or_else(|| {
            tokenize(text, self.unicode)
                .into_iter()
                .map(|t| (t.term, t.acronym))
                .collect()
        });
        terms
            .into_iter()
            .map(|(term, acronym_only)| PatternTerm {
                id: self.intern(term),
                acronym_only,
            })
            .collect()
    }

    /// One group of alternatives, shared with any earlier evidence of the
    /// same words; `None` if no wording has a term.
    fn evidence(&mut self, evidence: &Evidence) -> Option<u32> {
        if let Some(&group) = evidence.concept.as_ref().and_then(|c| self.concepts.get(c)) {
            return Some(group);
        }
        for text in &evidence.words {
            let terms = self.phrase(text);
            self.arena.push_alternative(terms);
        }
        let group = (self.arena.open_alternatives() > 0).then(|| {
            // A concept is explained by its label; a claim's own words by
            // the text they found.
            let label = if evidence.concept.is_some() {
                evidence.label.as_str()
            } else {
                ""
            };
            self.arena.close_group(0, label, evidence.kind)
        })?;
        if let Some(concept) = &evidence.concept {
            self.concepts.insert(concept.clone(), group);
        }
        Some(group)
    }

    /// Pushes the groups of `evidence` onto the roles; their range.
    fn roles(&mut self, evidence: &[Evidence]) -> std::ops::Range<u32> {
        let start = self.arena.roles.len() as u32;
        for e in evidence {
            if let Some(group) = self.evidence(e) {
                self.arena.roles.push(group);
            }
        }
        start..self.arena.roles.len() as u32
    }

    fn compile(&mut self, claim: &Claim) -> CompiledPattern {
        let pattern = &claim.pattern;
        let core = self.roles(&pattern.core);
        let support = self.roles(&pattern.support);
        let against = self.roles(&pattern.against);
        let mut hard = Vec::new();
        for &n in &pattern.numbers {
            let id = self.intern(Term::Number(n));
            self.arena.push_alternative(vec![PatternTerm {
                id,
                acronym_only: false,
            }]);
            hard.push(self.arena.close_group(0, "", RoleKind::Other));
        }
        for count in &pattern.counts {
            let number = PatternTerm {
                id: self.intern(Term::Number(count.number)),
                acronym_only: false,
            };
            for noun in &count.of.words {
                let noun = self.phrase(noun);
                if !noun.is_empty() {
                    self.arena
                        .push_alternative(std::iter::once(number.clone()).chain(noun).collect());
                }
            }
            if self.arena.open_alternatives() > 0 {
                hard.push(self.arena.close_group(COUNT_GAP, "", RoleKind::Other));
            }
        }
        let start = self.arena.roles.len() as u32;
        self.arena.roles.extend(hard);
        let hard = start..self.arena.roles.len() as u32;
        for text in &pattern.none_of {
            let terms = self.phrase(text);
            self.arena.push_alternative(terms);
        }
        let vetoes = self.arena.close_group(0, "", RoleKind::Other);
        CompiledPattern {
            core,
            support,
            against,
            hard,
            vetoes,
        }
    }
}

/// `[start, end)` in token indices of one sentence.
type TokenRange = (usize, usize);

/// Where a group was found, and which group.
type Occurrence = (TokenRange, u32);

/// Token ranges within `sentence` where any of `alternatives` occurs.
fn occurrences(arena: &Arena, group: u32, sentence: &Sentence) -> Vec<TokenRange> {
    let gap = arena.group_gaps[group as usize] as usize;
    let length = sentence.tokens.len();
    let term_at = |t: &PatternTerm, at: usize| {
        at < length && t.matches(&sentence.tokens[at], sentence.ids[at])
    };
    let matches_at = |terms: &[PatternTerm], at: usize| {
        at + terms.len() <= length && terms.iter().enumerate().all(|(k, t)| term_at(t, at + k))
    };
    // A phrase's terms in a row, allowing one transparent modifier between
    // two of them; the exclusive end.
    let phrase_end = |terms: &[PatternTerm], at: usize| -> Option<usize> {
        let mut position = at;
        let mut skipped = false;
        for (k, term) in terms.iter().enumerate() {
            if !term_at(term, position) {
                // The term after the modifier first: a comparison of ids,
                // where the modifier is a comparison of words.
                let skippable = k > 0
                    && !skipped
                    && term_at(term, position + 1)
                    && sentence.is_any_word(position, TRANSPARENT_MODIFIERS);
                if !skippable {
                    return None;
                }
                skipped = true;
                position += 1;
            }
            position += 1;
        }
        Some(position)
    };
    let mut found: Vec<TokenRange> = Vec::new();
    // Only the first term is looked at for most wordings: read it straight
    // from the arena, and slice the wording only when it may be present.
    let alternatives = arena.alternative_range(group);
    let mut term_start = arena.term_start(alternatives.start);
    for &term_end in &arena.alternative_ends[alternatives] {
        let (from_term, to_term) = (term_start, term_end as usize);
        term_start = to_term;
        let first = arena.terms[from_term].id;
        if !sentence.may_have(first) {
            continue;
        }
        let alt = &arena.terms[from_term..to_term];
        let from = sentence.positions.partition_point(|&(id, _)| id < first);
        let starts = sentence.positions[from..]
            .iter()
            .take_while(|&&(id, _)| id == first)
            .map(|&(_, k)| k as usize);
        for start in starts {
            if !matches_at(&alt[..1], start) {
                continue;
            }
            // The rest after at most `gap` tokens.
            let end = if alt.len() == 1 {
                Some(start + 1)
            } else if gap == 0 {
                phrase_end(alt, start)
            } else {
                (0..=gap)
                    .map(|g| start + 1 + g)
                    .find(|&at| matches_at(&alt[1..], at))
                    .map(|at| at + alt.len() - 1)
            };
            found.extend(end.map(|end| (start, end)));
        }
        if gap == COUNT_GAP as usize {
            found.extend(count_noun_first(alt, sentence, &matches_at));
        }
    }
    // A count with its noun, when there is one, says more than one without.
    if found.is_empty() && gap == COUNT_GAP as usize {
        if let Some(alt) = arena.alternatives(group).next() {
            found = count_noun_left_out(&alt[0], sentence);
        }
    }
    // The longest alternative starting at a token wins, whatever the order
    // the editor listed them in: "meet Zelensky" over "meet".
    sort::sort_by(&mut found, |a, b| (a.0, b.1) < (b.0, a.1));
    found.dedup_by_key(|range| range.0);
    found
}

/// A count stated noun first: "the number of countries … has reached 26",
/// "how many governments …? … twenty-six". The lead-in asks for a
/// quantity, and the first number within [`COUNT_REACH`] tokens of the noun
/// answers it; any other number first, and it is not this count.
fn count_noun_first(
    count: &[PatternTerm],
    sentence: &Sentence,
    matches_at: &dyn Fn(&[PatternTerm], usize) -> bool,
) -> Option<TokenRange> {
    let (number, noun) = count.split_first()?;
    let lead_in = |k: usize| {
        k >= 2
            && ((sentence.is_word(k - 2, "number") && sentence.is_word(k - 1, "of"))
                || (sentence.is_word(k - 2, "how") && sentence.is_word(k - 1, "many")))
    };
    let start = (2..sentence.tokens.len()).find(|&k| lead_in(k) && matches_at(noun, k))?;
    let after_noun = start + noun.len();
    let answer = (after_noun..sentence.tokens.len().min(after_noun + COUNT_REACH))
        .find(|&k| matches!(sentence.tokens[k].term, Term::Number(_)))?;
    (sentence.ids[answer] == number.id).then_some((start - 2, answer + 1))
}

/// A count whose noun is left out, as reporting does once the noun is
/// known ("26 have committed", "the total stood at 26."): the number
/// followed by punctuation, the sentence's end or a verb like "have".
fn count_noun_left_out(number: &PatternTerm, sentence: &Sentence) -> Vec<TokenRange> {
    let last = sentence.tokens.len();
    (0..last)
        .filter(|&k| {
            sentence.ids[k] == number.id
                && (k + 1 == last
                    || !sentence.plain_between(k, k + 1)
                    || sentence.is_any_word(k + 1, ELLIPSIS_FOLLOWERS))
        })
        .map(|k| (k, k + 1))
        .collect()
}

/// A sentence's candidate mention of one claim, before the model decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub claim_index: usize,
    pub span: Span,
    pub features: Features,
    /// Labels of the core roles found (the text, for numbers and counts),
    /// in text order.
    pub explanation: Vec<String>,
    /// Labels of the core roles missing (filled by `candidates` only).
    pub missing: Vec<String>,
    /// The words found that argue for another statement (ditto).
    pub opposing: Vec<String>,
}

/// Words that, just before a core role, turn its statement around:
/// "Moscow does not oppose guarantees" is not "Moscow opposes guarantees".
/// A concept that means a negation holds it in its own wordings ("no
/// sign", "ruled out"), so only words before the wording count.
const NEGATIONS: &[&str] = &["not", "no", "never", "without", "nor", "neither", "hardly"];

/// How many tokens from the roles' window a supporting word may stand and
/// still be highlighted with them.
const SUPPORT_REACH: usize = 2;

/// Chars that may stand inside or between plain words: apostrophes,
/// hyphens, and the invisible chars normalisation drops (soft hyphen,
/// zero-width space and joiners, word joiner, BOM).
const WORD_JOINERS: &[char] = &[
    '\'', '\u{2019}', '-', '\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// How many tokens before a core role a negation reaches.
const NEGATION_REACH: usize = 2;

impl Sentence<'_> {
    fn is_negation(&self, k: usize) -> bool {
        self.is_any_word(k, NEGATIONS)
            || self.tokens.get(k).is_some_and(|t| {
                let text = &self.chars[t.span.start..t.span.end];
                let mut last = text.iter().rev().filter(|&&c| !normalize::is_invisible(c));
                let ending = [last.next(), last.next(), last.next()];
                matches!(ending, [Some('t'), Some('\'' | '\u{2019}'), Some('n')])
            })
    }
}

/// Whether a token's chars spell `word` (lowercase ASCII) in any case. The
/// invisible chars normalisation drops ("p\u{AD}lus") do not count, so a
/// rule reading words the matcher knows itself sees what the terms see.
fn spells(text: &[char], word: &str) -> bool {
    let mut letters = text.iter().filter(|&&c| !normalize::is_invisible(c));
    let mut expected = word.chars();
    loop {
        match (letters.next(), expected.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.to_ascii_lowercase() == b => {}
            _ => return false,
        }
    }
}

/// Occurrences per group, computed once per sentence: a lexicon concept is
/// shared by many claims.
#[derive(Default)]
struct Occurrences {
    cache: Vec<(u32, Vec<TokenRange>)>,
}

impl Occurrences {
    fn of(&mut self, arena: &Arena, group: u32, sentence: &Sentence) -> &[TokenRange] {
        let at = match self.cache.iter().position(|(g, _)| *g == group) {
            Some(at) => at,
            None => {
                self.cache
                    .push((group, occurrences(arena, group, sentence)));
                self.cache.len() - 1
            }
        };
        &self.cache[at].1
    }
}

/// `EXPLAIN` fills the candidate's `missing` and `opposing` for editors;
/// `find` never asks, so the widget's build carries no code for them.
fn evaluate<const EXPLAIN: bool>(
    arena: &Arena,
    pattern: &CompiledPattern,
    sentence: &Sentence,
    found: &mut Occurrences,
    claim_index: usize,
    as_of_year: u16,
) -> Option<Candidate> {
    // Hard requirements first: most candidates lack one.
    let mut required: Vec<(u32, Vec<TokenRange>)> = Vec::new();
    for &group in arena.roles(&pattern.hard) {
        let occ = found.of(arena, group, sentence);
        if occ.is_empty() {
            return None;
        }
        required.push((group, occ.to_vec()));
    }
    let core = arena.roles(&pattern.core);
    let mut missing = Vec::new();
    for &group in core {
        let occ = found.of(arena, group, sentence);
        if occ.is_empty() {
            missing.push(group);
            if missing.len() > pattern.may_miss() {
                return None;
            }
        } else {
            required.push((group, occ.to_vec()));
        }
    }
    let core_found = core.len() - missing.len();
    // One role alone, even with a number, is a keyword, not a statement.
    if core_found < 2.min(core.len()) || required.is_empty() {
        return None;
    }
    if !found.of(arena, pattern.vetoes, sentence).is_empty() {
        return None;
    }
    let present = |found: &mut Occurrences, roles: &[u32]| {
        roles
            .iter()
            .filter(|&&g| !found.of(arena, g, sentence).is_empty())
            .count()
    };
    let support_found = present(found, arena.roles(&pattern.support));
    let against_found = present(found, arena.roles(&pattern.against));
    let opposing: Vec<String> = if !EXPLAIN {
        Vec::new()
    } else {
        arena
            .roles(&pattern.against)
            .iter()
            .filter_map(|&g| {
                let &(s, e) = found.of(arena, g, sentence).first()?;
                let text: String = sentence.chars
                    [sentence.tokens[s].span.start..sentence.tokens[e - 1].span.end]
                    .iter()
                    .collect();
                Some(text)
            })
            .collect()
    };
    // The smallest window holding one occurrence of each requirement
    // found starts at some occurrence; from each candidate left edge,
    // every requirement takes its earliest-ending occurrence after it.
    let mut best: Option<(usize, usize, Vec<Occurrence>)> = None;
    for &(left, _) in required.iter().flat_map(|(_, occ)| occ) {
        // Two roles whose concepts share a wording ("deploy" is a commitment
        // and a deployment) take different words where the sentence has them.
        let mut chosen: Option<Vec<Occurrence>> = Some(Vec::new());
        for (group, occ) in &required {
            let after = || occ.iter().filter(|(s, _)| *s >= left);
            let taken = |r: &TokenRange| {
                chosen
                    .as_ref()
                    .is_some_and(|c| c.iter().any(|(t, _)| t.0 < r.1 && r.0 < t.1))
            };
            let pick = after()
                .filter(|r| !taken(r))
                .min_by_key(|(_, e)| *e)
                .or_else(|| after().min_by_key(|(_, e)| *e))
                .copied();
            match (pick, chosen.as_mut()) {
                (Some(range), Some(c)) => c.push((range, *group)),
                _ => chosen = None,
            }
        }
        let Some(chosen) = chosen else { continue };
        let right = chosen.iter().map(|((_, e), _)| *e).max().unwrap_or(left);
        if best.as_ref().is_none_or(|(l, r, _)| right - left < r - l) {
            best = Some((left, right, chosen));
        }
    }
    let (mut left, mut right, mut chosen) = best?;
    let window = right - left;
    let breaks = (left..right.saturating_sub(1))
        .filter(|&k| !sentence.plain_between(k, k + 1))
        .count();
    // Supporting words right next to the roles belong to the statement the
    // reader sees highlighted ("ready to deploy troops", not "ready to"),
    // unless punctuation sets them apart ("the Élysée said: …").
    let mut supporting: Vec<Occurrence> = Vec::new();
    for &group in arena.roles(&pattern.support) {
        for &(s, e) in found.of(arena, group, sentence) {
            if s >= right && s <= right + SUPPORT_REACH && sentence.plain_between(right - 1, s) {
                right = e;
            } else if e <= left && e + SUPPORT_REACH >= left && sentence.plain_between(e - 1, left)
            {
                left = s;
            }
        }
    }
    // Supporting evidence inside the highlight is part of why it matched.
    for &group in arena.roles(&pattern.support) {
        let inside = found
            .of(arena, group, sentence)
            .iter()
            .find(|&&(s, e)| left <= s && e <= right);
        if let Some(&range) = inside {
            supporting.push((range, group));
        }
    }
    sort::sort(&mut chosen);
    chosen.dedup_by_key(|(range, _)| *range);
    // A count ("26 Western countries") may contain another requirement's
    // occurrence ("countries"); count and explain such words once.
    let all: Vec<TokenRange> = chosen.iter().map(|(r, _)| *r).collect();
    chosen.retain(|&((s, e), _)| {
        !all.iter()
            .any(|&(os, oe)| (os, oe) != (s, e) && os <= s && e <= oe)
    });
    let covered: usize = chosen.iter().map(|((s, e), _)| e - s).sum();
    let negated = chosen.iter().any(|&((s, _), group)| {
        core.contains(&group) && (1..=NEGATION_REACH.min(s)).any(|d| sentence.is_negation(s - d))
    });
    let missing_kind = missing.first().map(|&g| arena.group_kinds[g as usize]);
    // A year well before the claim's own time: "in 2021 Zelensky said …"
    // is usually history, not the claim.
    let earlier_year = sentence.tokens.iter().any(|t| match t.term {
        Term::Number(n) => {
            n % 1000 == 0 && (1900..u64::from(as_of_year.saturating_sub(1))).contains(&(n / 1000))
        }
        _ => false,
    });
    let features = Features::new(&score::Evidence {
        core_roles: core.len(),
        core_found,
        missing: missing_kind,
        earlier_year,
        covered,
        span: window,
        support_found,
        against_found,
        negated,
        has_numbers: !pattern.hard.is_empty(),
        breaks,
    });
    let text_of = |(s, e): TokenRange| {
        sentence.chars[sentence.tokens[s].span.start..sentence.tokens[e - 1].span.end]
            .iter()
            .collect::<String>()
    };
    supporting.retain(|&(r, _)| !chosen.iter().any(|&(c, _)| c.0 < r.1 && r.0 < c.1));
    chosen.append(&mut supporting);
    sort::sort(&mut chosen);
    let mut explanation: Vec<String> = Vec::new();
    for &(range, group) in &chosen {
        let label = arena.label(group);
        let said = if label.is_empty() {
            text_of(range)
        } else {
            label.to_string()
        };
        if !explanation.contains(&said) {
            explanation.push(said);
        }
    }
    Some(Candidate {
        claim_index,
        span: Span {
            start: sentence.tokens[left].span.start,
            end: sentence.tokens[right - 1].span.end,
        },
        features,
        explanation,
        missing: if !EXPLAIN {
            Vec::new()
        } else {
            missing
                .iter()
                .map(|&g| match arena.label(g) {
                    "" => "(the claim's own words)".to_string(),
                    label => label.to_string(),
                })
                .collect()
        },
        opposing,
    })
}

/// One card per mention: overlapping candidates keep the best score (ties:
/// the shorter span, then the earlier claim). A candidate for another claim
/// that overlaps a card is kept too when it scores at least `companion` and
/// overlaps no other companion and no card of its own claim: a sentence may
/// state two claims, but a third reading of the same words is noise. `fit`
/// picks its thresholds with the same rule.
pub(crate) fn resolve_overlaps(mut candidates: Vec<Match>, companion: f32) -> Vec<Match> {
    // Candidates equal in all four are the same claim on the same span.
    sort::sort_by(&mut candidates, |a, b| {
        b.score
            .total_cmp(&a.score)
            .then((a.span.end - a.span.start).cmp(&(b.span.end - b.span.start)))
            .then(a.claim_index.cmp(&b.claim_index))
            .then(a.span.start.cmp(&b.span.start))
            .is_lt()
    });
    let apart = |a: &Match, b: &Match| a.span.end <= b.span.start || b.span.end <= a.span.start;
    let mut kept: Vec<Match> = Vec::new();
    let mut rest = Vec::new();
    for m in candidates {
        if kept.iter().all(|k| apart(&m, k)) {
            kept.push(m);
        } else if m.score >= companion {
            rest.push(m);
        }
    }
    let cards = kept.len();
    for m in rest {
        let clear = kept[..cards]
            .iter()
            .all(|k| apart(&m, k) || k.claim_index != m.claim_index)
            && kept[cards..].iter().all(|k| apart(&m, k));
        if clear {
            kept.push(m);
        }
    }
    // In text order; a card before its companion on the same words.
    let mut kept: Vec<(usize, Match)> = kept.into_iter().enumerate().collect();
    sort::sort_by(&mut kept, |(i, a), (j, b)| {
        (a.span.start, a.span.end, i) < (b.span.start, b.span.end, j)
    });
    kept.into_iter().map(|(_, m)| m).collect()
}
