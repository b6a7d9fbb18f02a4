//! The native matcher benchmark's workload, in headless Chromium. Ignored by
//! default (timings are not tests); run it with the command in BENCHMARKS.md.
//! It prints timings for the widget's path (browser Unicode services) and
//! for the pure-Rust services compiled to wasm.
#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use claimlens::platform::BrowserUnicode;
use claimlens::Matcher;
use synthetic::{article, synthetic_dataset, Rng};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| js_sys::Reflect::get(&p, &"now".into()).ok().map(|f| (p, f)))
        .and_then(|(p, f)| js_sys::Function::from(f).call0(&p).ok())
        .and_then(|v| v.as_f64())
        .expect("performance.now")
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run with --include-ignored"]
fn matcher_in_the_browser() {
    for claims in [100usize, 1_000, 10_000] {
        for (label, browser) in [("browser Unicode", true), ("Rust Unicode", false)] {
            let mut rng = Rng(0x5eed_0000 + claims as u64);
            let dataset = synthetic_dataset(claims, &mut rng);
            let text = article(&dataset, &mut rng);
            let start = now();
            let matcher = if browser {
                Matcher::with_unicode(dataset, Box::new(BrowserUnicode))
            } else {
                Matcher::new(dataset)
            };
            let build = now() - start;
            let mut samples = Vec::new();
            let mut found = 0;
            for _ in 0..11 {
                let start = now();
                found = matcher.find(&text).len();
                samples.push(now() - start);
            }
            web_sys::console::log_1(
                &format!(
                    "wasm {label:>15}: {claims:>6} claims: index build {build:8.2} ms, find/article {:7.3} ms, {found} matches",
                    median(samples)
                )
                .into(),
            );
        }
    }
}
