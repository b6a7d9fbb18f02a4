//! Matcher benchmarks on synthetic datasets of 100 to 100,000 claims against
//! a 5,000-word article. A plain bench binary (no harness): it prints a table.
//!
//! ```sh
//! cargo bench --bench matcher            # all sizes
//! cargo bench --bench matcher -- 1000    # one size
//! ```
//!
//! Numbers, machine and interpretation are recorded in BENCHMARKS.md.

use claimlens::dataset::{Claim, Dataset, DatasetInfo, Date, MatchPattern, Rating};
use claimlens::Matcher;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A small deterministic PRNG (xorshift), so every run measures the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
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

fn synthetic_dataset(claims: usize, rng: &mut Rng) -> Dataset {
    let day = Date::new(2025, 9, 5).unwrap();
    let claims = (0..claims)
        .map(|i| {
            let groups = 3;
            let all_of = (0..groups)
                .map(|_| {
                    (0..1 + rng.below(3))
                        .map(|_| word(rng.below(VOCABULARY)))
                        .collect()
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
                    all_of,
                    none_of: Vec::new(),
                    numbers: if i % 4 == 0 {
                        vec![(rng.below(100) + 1) * 1000]
                    } else {
                        Vec::new()
                    },
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
    }
}

/// 5,000 words in sentences of 8–30 words: common English, synthetic
/// vocabulary, numbers, and planted mentions of some claims.
fn article(dataset: &Dataset, rng: &mut Rng) -> String {
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
            for group in &claim.pattern.all_of {
                sentence.push(group[rng.below(group.len() as u64) as usize].clone());
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

fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let sizes: Vec<usize> = match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(n) => vec![n.parse().expect("size must be a number")],
        None => vec![100, 1_000, 10_000, 100_000],
    };
    println!(
        "{:>8} {:>12} {:>14} {:>10} {:>12} {:>9}",
        "claims", "index build", "find/article", "matches", "index RSS", "words"
    );
    let mut baseline: Option<(usize, Duration)> = None;
    for claims in sizes {
        let mut rng = Rng(0x5eed_0000 + claims as u64);
        let dataset = synthetic_dataset(claims, &mut rng);
        let text = article(&dataset, &mut rng);
        let before = resident_bytes();
        let start = Instant::now();
        let matcher = Matcher::new(dataset);
        let build = start.elapsed();
        let after = resident_bytes();
        let mut samples = Vec::new();
        let mut found = 0;
        for _ in 0..21 {
            let start = Instant::now();
            found = black_box(matcher.find(black_box(&text))).len();
            samples.push(start.elapsed());
        }
        let find = median(samples);
        let rss = match (before, after) {
            (Some(b), Some(a)) => format!("{:.1} MB", a.saturating_sub(b) as f64 / 1e6),
            _ => "n/a".into(),
        };
        println!(
            "{claims:>8} {:>9.2} ms {:>11.3} ms {found:>10} {rss:>12} {:>9}",
            build.as_secs_f64() * 1e3,
            find.as_secs_f64() * 1e3,
            text.split_whitespace().count()
        );
        if let Some((base_claims, base_time)) = baseline {
            if claims == base_claims * 100 {
                println!(
                    "         {claims} vs {base_claims} claims: {:.2}x the time",
                    find.as_secs_f64() / base_time.as_secs_f64()
                );
            }
        }
        if claims == 1_000 || baseline.is_none() {
            baseline = Some((claims, find));
        }
        drop(matcher);
    }
}
