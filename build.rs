//! Compiles `dataset/` into the crate, so the widget needs no request and no
//! parser for its data. The dataset is validated here with the same code the
//! CLI's `check` uses; any problem stops the build with file:line messages.

#[allow(dead_code)]
#[path = "src/dataset/mod.rs"]
mod dataset;

use dataset::source::SourceFiles;
use dataset::{Claim, Dataset, Date};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("claims").display());
    let files = SourceFiles::read(&dir).unwrap_or_else(|e| fail(&e));
    for path in files.paths() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let dataset = files.parse().unwrap_or_else(|errors| {
        fail(&format!(
            "the dataset has {} problem(s):\n{errors}",
            errors.len()
        ))
    });
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_dataset.rs");
    // The widget never runs the dataset's own regression sentences; leave
    // them out of the browser build, where every byte is paid by readers.
    let keep_tests = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32");
    std::fs::write(&out, rust_source(&dataset, keep_tests))
        .unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo:warning={line}");
    }
    eprintln!("{message}");
    std::process::exit(1);
}

/// Emits `pub fn dataset() -> Dataset` as Rust literals. `{:?}` on `str`
/// yields a valid Rust string literal, escapes included.
fn rust_source(dataset: &Dataset, keep_tests: bool) -> String {
    let mut out = String::from("pub fn dataset() -> Dataset {\n    Dataset {\n");
    let info = &dataset.info;
    let _ = writeln!(
        out,
        "        info: DatasetInfo {{ version: {:?}.into(), schema: {}, released: {}, content_hash: {:?}.into() }},",
        info.version,
        info.schema,
        date(info.released),
        info.content_hash
    );
    out.push_str("        claims: vec![\n");
    for claim in &dataset.claims {
        out.push_str(&claim_literal(claim, keep_tests));
    }
    out.push_str("        ],\n    }\n}\n");
    out
}

fn date(d: Date) -> String {
    format!("date({}, {}, {})", d.year(), d.month(), d.day())
}

fn opt_date(d: Option<Date>) -> String {
    d.map_or("None".into(), |d| format!("Some({})", date(d)))
}

fn strings(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| format!("{s:?}.into()")).collect();
    format!("vec![{}]", parts.join(", "))
}

fn claim_literal(c: &Claim, keep_tests: bool) -> String {
    let tests = |items: &[String]| {
        if keep_tests {
            strings(items)
        } else {
            "vec![]".into()
        }
    };
    let sources: Vec<String> = c
        .sources
        .iter()
        .map(|s| {
            format!(
                "Source {{ title: {:?}.into(), publisher: {:?}.into(), date: {}, url: {:?}.into() }}",
                s.title,
                s.publisher,
                opt_date(s.date),
                s.url
            )
        })
        .collect();
    let appearances: Vec<String> = c
        .appearances
        .iter()
        .map(|a| {
            format!(
                "Appearance {{ url: {:?}.into(), title: {:?}.into(), date: {} }}",
                a.url,
                a.title,
                opt_date(a.date)
            )
        })
        .collect();
    let groups: Vec<String> = c.pattern.all_of.iter().map(|g| strings(g)).collect();
    let timeline: Vec<String> = c
        .timeline
        .iter()
        .map(|p| {
            format!(
                "Period {{ from: {}, until: {}, rating: Rating::{:?}, note: {:?}.into() }}",
                date(p.from),
                opt_date(p.until),
                p.rating,
                p.note
            )
        })
        .collect();
    format!(
        "            Claim {{\n                id: {:?}.into(),\n                claim_reviewed: {:?}.into(),\n                rating: Rating::{:?},\n                rating_label: {},\n                summary: {:?}.into(),\n                context: {:?}.into(),\n                as_of: {},\n                reviewed: {},\n                modified: {},\n                language: {:?}.into(),\n                appearances: vec![{}],\n                sources: vec![{}],\n                timeline: vec![{}],\n                pattern: MatchPattern {{ all_of: vec![{}], numbers: vec!{:?} }},\n                examples: {},\n                counterexamples: {},\n            }},\n",
        c.id,
        c.claim_reviewed,
        c.rating,
        c.rating_label.as_ref().map_or("None".into(), |l| format!("Some({l:?}.into())")),
        c.summary,
        c.context,
        date(c.as_of),
        date(c.reviewed),
        date(c.modified),
        c.language,
        appearances.join(", "),
        sources.join(", "),
        timeline.join(", "),
        groups.join(", "),
        c.pattern.numbers,
        tests(&c.examples),
        tests(&c.counterexamples),
    )
}
