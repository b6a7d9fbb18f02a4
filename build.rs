//! Compiles `dataset/` into the crate, so the widget needs no request and no
//! parser for its data. The dataset is validated here with the same code the
//! CLI's `check` uses, including every claim's examples and counterexamples
//! run through the matcher; any problem stops the build with file:line
//! messages.

#[allow(dead_code)]
#[path = "src/dataset/mod.rs"]
mod dataset;
#[allow(dead_code)]
#[path = "src/matcher/mod.rs"]
mod matcher;

use dataset::source::SourceFiles;
use std::path::Path;

fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    // The widget can be built over another dataset (`scripts/size-report
    // --check-1000` builds a synthetic one of 1,000 claims). Only the wasm
    // build reads the variable: the native CLI keeps `dataset/`, so trunk's
    // hooks, which run it, do not rebuild it; they read the same variable
    // at run time (`claimlens export`).
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        std::env::var_os("CLAIMLENS_DATASET_DIR")
            .filter(|_| wasm)
            .unwrap_or_else(|| "dataset".into()),
    );
    if wasm {
        println!("cargo:rerun-if-env-changed=CLAIMLENS_DATASET_DIR");
    }
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("claims").display());
    println!("cargo:rerun-if-changed={}", dir.join("lexicon").display());
    println!("cargo:rerun-if-env-changed=CLAIMLENS_FITTING");
    let files = SourceFiles::read(&dir).unwrap_or_else(|e| fail(&e));
    for path in files.paths() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    // `scripts/fit` builds the CLI to fit a new model; the examples are then
    // checked against the model it writes, by the next build.
    let fitting = std::env::var_os("CLAIMLENS_FITTING").is_some();
    let mut dataset = files
        .parse_checked(|d| {
            if fitting {
                Vec::new()
            } else {
                matcher::regressions(d)
            }
        })
        .unwrap_or_else(|errors| {
            fail(&format!(
                "the dataset has {} problem(s):\n{errors}",
                errors.len()
            ))
        });
    // The matcher's index, compiled here once (natively, with the Unicode
    // crates), so the widget loads it by decoding instead of normalising and
    // stemming every pattern word in the reader's browser.
    let index = matcher::Matcher::new(dataset.clone()).compiled();
    // The widget never runs the dataset's own regression sentences, nor
    // compiles patterns (it has the index); leave both out of the browser
    // build, where every byte is paid by readers. Test builds with the Rust
    // Unicode crates keep the patterns, to compare both ways of compiling.
    // Cards on demand: the widget's build keeps only what matching and
    // highlighting use, and which shard file holds each claim's card; the
    // trunk hook writes those files (`claimlens export --cards`, the same
    // `cards::split`). `bundled-cards` keeps every card in the wasm.
    let sharded = wasm && std::env::var_os("CARGO_FEATURE_BUNDLED_CARDS").is_none();
    let mut table = String::new();
    if sharded {
        let shards = dataset::cards::split(&dataset);
        table = dataset::cards::ShardTable::of(&shards, dataset.claims.len()).encode();
        for claim in &mut dataset.claims {
            dataset::cards::strip(claim);
        }
    }
    if wasm {
        // Test builds keep them: there `Claim::pattern` exists (the parity
        // test and `mountWithSentences` compile patterns), and a claim that
        // has the field must carry its real pattern.
        let keep_patterns = std::env::var_os("CARGO_FEATURE_RUST_UNICODE").is_some()
            || std::env::var_os("CARGO_FEATURE_TEST_HOOKS").is_some();
        dataset.lexicon.clear();
        for claim in &mut dataset.claims {
            claim.examples.clear();
            claim.counterexamples.clear();
            if !keep_patterns {
                claim.pattern = dataset::MatchPattern::default();
            }
        }
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("bundled_cards.txt"), table)
        .unwrap_or_else(|e| fail(&e.to_string()));
    std::fs::write(Path::new(&out_dir).join("bundled_index.txt"), index)
        .unwrap_or_else(|e| fail(&e.to_string()));
    if std::env::var_os("CARGO_FEATURE_RUST_UNICODE").is_some() {
        write_eval_texts();
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_dataset.txt");
    std::fs::write(&out, dataset::compact::encode(&dataset))
        .unwrap_or_else(|e| fail(&e.to_string()));
}

/// For the browser parity test (feature `rust-unicode`): every text of the
/// evaluation set, separated by U+001E, so the wasm test needs no TOML parser.
fn write_eval_texts() {
    #[derive(serde::Deserialize)]
    struct File {
        case: Vec<Case>,
    }
    #[derive(serde::Deserialize)]
    struct Case {
        text: String,
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", dir.display())))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&e.to_string()));
        let file: File =
            toml::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        texts.extend(file.case.into_iter().map(|c| c.text));
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("eval_texts.txt");
    std::fs::write(out, texts.join("\u{1E}")).unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo:warning={line}");
    }
    eprintln!("{message}");
    std::process::exit(1);
}
