//! Matcher benchmarks on synthetic datasets of 100 to 100,000 claims against
//! a 5,000-word article. A plain bench binary (no harness): it prints a table.
//!
//! ```sh
//! cargo bench --bench matcher            # all sizes
//! cargo bench --bench matcher -- 1000    # one size
//! ```
//!
//! Numbers, machine and interpretation are recorded in BENCHMARKS.md.

use claimlens::Matcher;
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "support/synthetic.rs"]
mod synthetic;
use synthetic::{article, synthetic_dataset, Rng};

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
        "{:>8} {:>12} {:>12} {:>14} {:>10} {:>12} {:>9}",
        "claims", "index build", "index load", "find/article", "matches", "index RSS", "words"
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
        let compiled = matcher.compiled();
        let dataset = matcher.dataset().clone();
        let start = Instant::now();
        let loaded = Matcher::from_compiled(
            dataset,
            Box::new(claimlens::matcher::text::RustUnicode),
            &compiled,
        )
        .expect("an index loads for its own dataset");
        let load = start.elapsed();
        drop(loaded);
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
            "{claims:>8} {:>9.2} ms {:>9.2} ms {:>11.3} ms {found:>10} {rss:>12} {:>9}",
            build.as_secs_f64() * 1e3,
            load.as_secs_f64() * 1e3,
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
