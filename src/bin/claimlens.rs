//! `claimlens`: the engine on the command line.
//!
//! ```text
//! claimlens annotate [--format json|text] [FILE|-]   find claims in plain text
//! claimlens check [DATASET_DIR]                      validate dataset sources
//! ```
//!
//! Errors are one line on stderr and a non-zero exit, never a panic.

use claimlens::dataset::source;
use claimlens::{Dataset, Matcher};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str =
    "usage: claimlens annotate [--format json|text] [FILE|-] | claimlens check [DATASET_DIR]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("--help" | "-h") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`; {USAGE}")),
        None => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("claimlens: {message}");
            ExitCode::FAILURE
        }
    }
}

#[derive(PartialEq)]
enum Format {
    Json,
    Text,
}

fn annotate(args: &[String]) -> Result<(), String> {
    let mut format = Format::Text;
    let mut input: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--format" => {
                format = match rest.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some(other) => {
                        return Err(format!("unknown format `{other}`; use json or text"))
                    }
                    None => return Err("--format needs a value: json or text".into()),
                }
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option `{flag}`; {USAGE}"))
            }
            path if input.is_none() => input = Some(path),
            extra => return Err(format!("unexpected argument `{extra}`; give one FILE or -")),
        }
    }
    let text = read_input(input.unwrap_or("-"))?;
    let matcher = Matcher::new(Dataset::bundled());
    let matches = matcher.find(&text);
    match format {
        Format::Json => {
            let json = annotation_json(&matcher, &text, &matches);
            println!(
                "{}",
                serde_json::to_string_pretty(&json).expect("JSON values always serialise")
            );
        }
        Format::Text => print_text(&matcher, &text, &matches),
    }
    Ok(())
}

fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let name = if path == "-" { "standard input" } else { path };
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map_err(|e| format!("cannot read {name}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name} is empty; give it the article text"));
    }
    Ok(text)
}

fn annotation_json(
    matcher: &Matcher,
    text: &str,
    matches: &[claimlens::Match],
) -> serde_json::Value {
    let info = &matcher.dataset().info;
    let chars: Vec<char> = text.chars().collect();
    let matches: Vec<serde_json::Value> = matches
        .iter()
        .map(|m| {
            let claim = matcher.claim(m);
            serde_json::json!({
                "claim_id": claim.id,
                "claim": claim.claim_reviewed,
                "rating": claim.rating.slug(),
                "start": m.span.start,
                "end": m.span.end,
                "text": chars[m.span.start..m.span.end].iter().collect::<String>(),
                "score": m.score,
                "explanation": m.explanation,
            })
        })
        .collect();
    serde_json::json!({
        "dataset": {
            "version": info.version,
            "hash": info.short_hash(),
            "claims": matcher.dataset().claims.len(),
        },
        "matches": matches,
    })
}

/// The text with each match in `[[…]]` followed by its claim id and rating.
fn print_text(matcher: &Matcher, text: &str, matches: &[claimlens::Match]) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for m in matches {
        out.extend(&chars[at..m.span.start]);
        let claim = matcher.claim(m);
        out.push_str("[[");
        out.extend(&chars[m.span.start..m.span.end]);
        out.push_str(&format!("]]{{{} · {}}}", claim.id, claim.rating.label()));
        at = m.span.end;
    }
    out.extend(&chars[at..]);
    print!("{out}");
    if !out.ends_with('\n') {
        println!();
    }
    let info = &matcher.dataset().info;
    eprintln!(
        "{} match(es); dataset {} ({})",
        matches.len(),
        info.version,
        info.short_hash()
    );
}

fn check(args: &[String]) -> Result<(), String> {
    let dir = match args {
        [] => Path::new("dataset"),
        [dir] => Path::new(dir.as_str()),
        _ => return Err("check takes at most one DATASET_DIR".into()),
    };
    let files = source::SourceFiles::read(dir)?;
    match files.parse_checked(claimlens::matcher::regressions) {
        Ok(dataset) => {
            println!(
                "ok: {} claims, dataset {} (schema {}, hash {})",
                dataset.claims.len(),
                dataset.info.version,
                dataset.info.schema,
                dataset.info.short_hash()
            );
            Ok(())
        }
        Err(errors) => {
            for line in errors.lines() {
                eprintln!("{line}");
            }
            Err(format!("{} problem(s) in {}", errors.len(), dir.display()))
        }
    }
}
