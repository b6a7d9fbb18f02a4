//! Synthetic datasets and articles for the matcher benchmarks, shared by the
//! native bench (`benches/matcher.rs`) and the wasm one (`tests/wasm_bench.rs`)
//! so both measure exactly the same workload.
#![allow(dead_code)]

use claimlens::dataset::{
    Claim, Dataset, DatasetInfo, Date, Evidence, MatchPattern, Rating, ScoreModel,
};

/// A small deterministic PRNG (xorshift), so every run measures the same data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// Pronounceable synthetic words, so stemming does real work on them.
fn word(n: u64) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "de", "pa", "gu", "lin", "mor", "tes",
        "bar", "qui",
    ];
    let mut n = n + 1;
    let mut out = String::new();
    while n > 0 {
        out.push_str(SYLLABLES[(n % 16) as usize]);
        n /= 16;
    }
    out
}

const VOCABULARY: u64 = 200_000;

pub fn synthetic_dataset(claims: usize, rng: &mut Rng) -> Dataset {
    let day = Date::new(2025, 9, 5).unwrap();
    let claims = (0..claims)
        .map(|i| {
            let groups = 3;
            let core = (0..groups)
                .map(|_| {
                    let words: Vec<String> = (0..1 + rng.below(3))
                        .map(|_| word(rng.below(VOCABULARY)))
                        .collect();
                    Evidence {
                        concept: None,
                        kind: Default::default(),
                        label: words[0].clone(),
                        words,
                    }
                })
                .collect();
            Claim {
                id: format!("claim-{i}"),
                claim_reviewed: format!("Synthetic claim {i}."),
                rating: Rating::NeedsContext,
                rating_label: None,
                summary: "Synthetic.".into(),
                context: "Synthetic.".into(),
                as_of: day,
                reviewed: day,
                modified: day,
                language: "en".into(),
                appearances: Vec::new(),
                sources: Vec::new(),
                timeline: Vec::new(),
                pattern: MatchPattern {
                    core,
                    numbers: if i % 4 == 0 {
                        vec![(rng.below(100) + 1) * 1000]
                    } else {
                        Vec::new()
                    },
                    ..MatchPattern::default()
                },
                examples: Vec::new(),
                counterexamples: Vec::new(),
            }
        })
        .collect();
    Dataset {
        info: DatasetInfo {
            version: "bench".into(),
            schema: 1,
            released: day,
            content_hash: "0".repeat(64),
        },
        claims,
        lexicon: Vec::new(),
        model: ScoreModel::default(),
    }
}

/// 5,000 words in sentences of 8–30 words: common English, synthetic
/// vocabulary, numbers, and planted mentions of some claims.
pub fn article(dataset: &Dataset, rng: &mut Rng) -> String {
    const COMMON: [&str; 24] = [
        "the",
        "of",
        "and",
        "a",
        "to",
        "in",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "said",
        "were",
        "their",
        "government",
        "minister",
        "would",
        "after",
        "talks",
        "week",
    ];
    let mut words = 0;
    let mut text = String::new();
    while words < 5_000 {
        let length = 8 + rng.below(23) as usize;
        let mut sentence: Vec<String> = Vec::with_capacity(length);
        if rng.below(10) == 0 {
            let claim = &dataset.claims[rng.below(dataset.claims.len() as u64) as usize];
            for role in &claim.pattern.core {
                sentence.push(role.words[rng.below(role.words.len() as u64) as usize].clone());
            }
            for n in &claim.pattern.numbers {
                sentence.push((n / 1000).to_string());
            }
        }
        while sentence.len() < length {
            sentence.push(match rng.below(10) {
                0..=5 => COMMON[rng.below(COMMON.len() as u64) as usize].to_string(),
                6..=8 => word(rng.below(VOCABULARY)),
                _ => rng.below(1000).to_string(),
            });
        }
        words += sentence.len();
        let mut s = sentence.join(" ");
        s[..1].make_ascii_uppercase();
        text.push_str(&s);
        text.push_str(". ");
    }
    text
}
