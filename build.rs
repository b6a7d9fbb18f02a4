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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed={}", dir.join("claims").display());
    let files = SourceFiles::read(&dir).unwrap_or_else(|e| fail(&e));
    for path in files.paths() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let mut dataset = files
        .parse_checked(matcher::regressions)
        .unwrap_or_else(|errors| {
            fail(&format!(
                "the dataset has {} problem(s):\n{errors}",
                errors.len()
            ))
        });
    // The widget never runs the dataset's own regression sentences; leave
    // them out of the browser build, where every byte is paid by readers.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for claim in &mut dataset.claims {
            claim.examples.clear();
            claim.counterexamples.clear();
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_dataset.txt");
    std::fs::write(&out, dataset::compact::encode(&dataset))
        .unwrap_or_else(|e| fail(&e.to_string()));
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo:warning={line}");
    }
    eprintln!("{message}");
    std::process::exit(1);
}
