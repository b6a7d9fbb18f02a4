//! `claimlens`: the engine on the command line.
//!
//! ```text
//! claimlens annotate [--format json|text] [--html] [FILE|-]
//!                                                      find claims in plain text or an HTML page
//! claimlens check [DATASET_DIR]                        validate dataset sources
//! claimlens explain [--file FILE | SENTENCE…]          which concepts each nearly matching claim found
//! claimlens try CLAIM.toml --on DIR                    what a new or edited claim would match
//! claimlens fit [--dataset DIR] [--shared DIR] [--check]
//!                                                      fit the scoring model (writes DIR/model.toml)
//! claimlens export --claimreview [--base-url URL]      ClaimReview JSON-LD to stdout
//! claimlens export --browser [--out FILE]              the dataset browser page
//! claimlens export --cards --out DIR                    the card shard files (trunk's hook)
//! claimlens export --index-parts --out DIR              the index, and its lexicon-only and empty forms
//!                                                      (export reads --dataset DIR or $CLAIMLENS_DATASET_DIR
//!                                                      if given, else the compiled-in dataset)
//! claimlens import --claimreview FILE [--out DIR] [--force]
//!                                                      ClaimReview JSON-LD to source files
//! claimlens synth --out DIR [--claims N] [--seed S] [--from DATASET_DIR]
//!                                                      a synthetic dataset of N claims (default 1,000)
//! ```
//!
//! Errors are one line on stderr and a non-zero exit, never a panic.

mod browser;
mod editor;
mod synth;

use claimlens::dataset::{claimreview, source};
use claimlens::{Dataset, Matcher};
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: claimlens annotate [--format json|text] [--html] [FILE|-] | check [DATASET_DIR] | explain [--file FILE | SENTENCE…] | try CLAIM.toml --on DIR | fit [--dataset DIR] [--shared DIR] [--check] | export --claimreview [--base-url URL] | export --browser [--out FILE] | export --cards --out DIR | export --index-parts --out DIR [--dataset DIR] | import --claimreview FILE [--out DIR] [--force] | synth --out DIR [--claims N] [--seed S] [--from DATASET_DIR]";

/// Where `trunk serve` shows the dataset browser; exported reviews link there.
const DEFAULT_REVIEW_BASE: &str = "http://127.0.0.1:8080/dataset.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("annotate") => annotate(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("explain") => editor::explain(&args[1..]),
        Some("try") => editor::try_claim(&args[1..]),
        Some("fit") => editor::fit(&args[1..]),
        Some("export") => export(&args[1..]),
        Some("import") => import(&args[1..]),
        Some("synth") => synth::run(&args[1..]),
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
    let args = parse_args(args, &["--format"], &["--html"])?;
    let format = match args.value("--format").unwrap_or("text") {
        "json" => Format::Json,
        "text" => Format::Text,
        other => return Err(format!("unknown format `{other}`; use json or text")),
    };
    let input = match args.positional.as_slice() {
        [] => "-",
        [one] => one.as_str(),
        [_, extra, ..] => return Err(format!("unexpected argument `{extra}`; give one FILE or -")),
    };
    let mut text = read_input(input)?;
    if args.has("--html") {
        // Offsets then refer to the extracted article text, which JSON output includes.
        text = claimlens::html::article_text(&text);
        if text.trim().is_empty() {
            return Err(format!("{input} has no article text (nothing outside scripts, styles, navigation and forms)"));
        }
    }
    let matcher = Matcher::new(Dataset::bundled());
    let matches = matcher.find(&text);
    match format {
        Format::Json => {
            let mut json = annotation_json(&matcher, &text, &matches);
            if args.has("--html") {
                json["article_text"] = serde_json::Value::String(text.clone());
            }
            emit(
                &(serde_json::to_string_pretty(&json).expect("JSON values always serialise")
                    + "\n"),
            )
        }
        Format::Text => print_text(&matcher, &text, &matches),
    }
}

pub(crate) fn read_input(path: &str) -> Result<String, String> {
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
fn print_text(matcher: &Matcher, text: &str, matches: &[claimlens::Match]) -> Result<(), String> {
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
    if !out.ends_with('\n') {
        out.push('\n');
    }
    emit(&out)?;
    let info = &matcher.dataset().info;
    eprintln!(
        "{} match(es); dataset {} ({})",
        matches.len(),
        info.version,
        info.short_hash()
    );
    Ok(())
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
            let mut out = format!(
                "ok: {} claims, dataset {} (schema {}, hash {})\n",
                dataset.claims.len(),
                dataset.info.version,
                dataset.info.schema,
                dataset.info.short_hash()
            );
            // Missed examples are notes, not errors (see MIN_EXAMPLE_RECALL):
            // the scored matcher abstains on some wordings by design.
            let missed = claimlens::matcher::missed_examples(&dataset);
            // Each missed example is listed under its count, so an editor
            // can run `explain` on it without hunting for it.
            for (index, claim) in dataset.claims.iter().enumerate() {
                let misses: Vec<usize> = missed
                    .iter()
                    .filter(|f| f.claim == index && !f.counterexample)
                    .map(|f| f.index)
                    .collect();
                if !misses.is_empty() {
                    out.push_str(&format!(
                        "note: {}: {} of {} examples found; not found:\n",
                        claim.id,
                        claim.examples.len() - misses.len(),
                        claim.examples.len()
                    ));
                    for i in misses {
                        out.push_str(&format!("  examples[{i}]: {:?}\n", claim.examples[i]));
                    }
                }
            }
            // Statements no source vouches for are notes too: they need an
            // editor's `supports` record, not a rebuild (dataset/README.md).
            for (id, statements) in files.unsourced() {
                out.push_str(&format!(
                    "note: {id}: no source's `supports` backs {}\n",
                    statements.join(", ")
                ));
            }
            emit(&out)
        }
        Err(errors) => {
            for line in errors.lines() {
                eprintln!("{line}");
            }
            Err(format!("{} problem(s) in {}", errors.len(), dir.display()))
        }
    }
}

/// Splits `args` into flags with values, bare switches and positionals,
/// rejecting anything not in `with_value` or `switches`.
pub(crate) struct Args {
    values: Vec<(String, String)>,
    switches: Vec<String>,
    pub positional: Vec<String>,
}

pub(crate) fn parse_args(
    args: &[String],
    with_value: &[&str],
    switches: &[&str],
) -> Result<Args, String> {
    let mut parsed = Args {
        values: Vec::new(),
        switches: Vec::new(),
        positional: Vec::new(),
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if with_value.contains(&arg.as_str()) {
            let value = rest.next().ok_or_else(|| format!("{arg} needs a value"))?;
            parsed.values.push((arg.clone(), value.clone()));
        } else if switches.contains(&arg.as_str()) {
            parsed.switches.push(arg.clone());
        } else if arg.starts_with("--") {
            return Err(format!("unknown option `{arg}`; {USAGE}"));
        } else {
            parsed.positional.push(arg.clone());
        }
    }
    Ok(parsed)
}

impl Args {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

/// Writes `contents` to `path` via a temporary file, so a failure never
/// leaves a half-written file behind.
/// The `--out DIR` an export writing several files needs, created.
fn out_dir<'a>(args: &'a Args, what: &str) -> Result<&'a Path, String> {
    let dir = Path::new(
        args.value("--out")
            .ok_or_else(|| format!("export {what} needs --out DIR"))?,
    );
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

pub(crate) fn write_atomically(path: &Path, contents: &str) -> Result<(), String> {
    let tmp = path.with_extension("tmp-claimlens");
    std::fs::write(&tmp, contents)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("cannot write {}: {e}", path.display())
        })
}

fn export(args: &[String]) -> Result<(), String> {
    let args = parse_args(
        args,
        &["--base-url", "--out", "--dataset"],
        &["--claimreview", "--browser", "--cards", "--index-parts"],
    )?;
    if let Some(extra) = args.positional.first() {
        return Err(format!("unexpected argument `{extra}`"));
    }
    let dataset = export_dataset(args.value("--dataset"))?;
    let kinds = ["--claimreview", "--browser", "--cards", "--index-parts"];
    if kinds.iter().filter(|k| args.has(k)).count() > 1 {
        return Err(
            "export needs exactly one of --claimreview, --browser, --cards or --index-parts".into(),
        );
    }
    if args.has("--index-parts") {
        let dir = out_dir(&args, "--index-parts")?;
        for (name, index) in index_parts(&dataset) {
            write_atomically(&dir.join(name), &index)?;
        }
        return Ok(());
    }
    if args.has("--cards") {
        let dir = out_dir(&args, "--cards")?;
        let mut names = String::new();
        for shard in claimlens::dataset::cards::split(&dataset) {
            write_atomically(&dir.join(&shard.name), &shard.text)?;
            names.push_str(&shard.name);
            names.push('\n');
        }
        return emit(&names);
    }
    let output =
        match (args.has("--claimreview"), args.has("--browser")) {
            (true, false) => {
                let base = args.value("--base-url").unwrap_or(DEFAULT_REVIEW_BASE);
                let json = claimreview::export(&dataset, base);
                serde_json::to_string_pretty(&json).expect("JSON values always serialise") + "\n"
            }
            (false, true) => browser::page(&dataset),
            _ => return Err(
                "export needs exactly one of --claimreview, --browser, --cards or --index-parts"
                    .into(),
            ),
        };
    match args.value("--out") {
        Some(path) => {
            let path = Path::new(path);
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            write_atomically(path, &output)
        }
        None => emit(&output),
    }
}

/// The dataset `export` writes from: `--dataset DIR`, else the directory in
/// `CLAIMLENS_DATASET_DIR` (so trunk's hooks write the shards and the
/// browser page of the dataset the widget was built over; see build.rs),
/// else the one compiled in. Sources are read without running examples:
/// the widget's build has checked them.
fn export_dataset(flag: Option<&str>) -> Result<Dataset, String> {
    let dir = match flag {
        Some(dir) => std::path::PathBuf::from(dir),
        None => match std::env::var_os("CLAIMLENS_DATASET_DIR") {
            Some(dir) => dir.into(),
            None => return Ok(Dataset::bundled()),
        },
    };
    source::SourceFiles::read(&dir)?
        .parse()
        .map_err(|e| format!("{} problem(s) in {}:\n{e}", e.len(), dir.display()))
}

/// The matcher's index three ways, so the size report can tell the
/// lexicon's share from the claims': `index.txt` is the widget's index;
/// `index-lexicon.txt` that of one claim naming every concept the dataset
/// uses (each concept compiles once, however many claims use it);
/// `index-empty.txt` that of no claims (the header).
fn index_parts(dataset: &Dataset) -> Vec<(&'static str, String)> {
    use claimlens::dataset::MatchPattern;
    let mut concepts = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for claim in &dataset.claims {
        let p = &claim.pattern;
        let all = p.core.iter().chain(&p.support).chain(&p.against);
        for evidence in all.chain(p.counts.iter().map(|c| &c.of)) {
            if let Some(id) = &evidence.concept {
                if seen.insert(id.clone()) {
                    concepts.push(evidence.clone());
                }
            }
        }
    }
    let with_claims = |claims: Vec<claimlens::dataset::Claim>| {
        let mut d = dataset.clone();
        d.claims = claims;
        Matcher::new(d).compiled()
    };
    let mut lexicon = Vec::new();
    if let Some(first) = dataset.claims.first() {
        let mut claim = first.clone();
        claim.pattern = MatchPattern {
            core: concepts,
            ..MatchPattern::default()
        };
        lexicon.push(claim);
    }
    vec![
        ("index.txt", with_claims(dataset.claims.clone())),
        ("index-lexicon.txt", with_claims(lexicon)),
        ("index-empty.txt", with_claims(Vec::new())),
    ]
}

fn import(args: &[String]) -> Result<(), String> {
    let args = parse_args(args, &["--out"], &["--claimreview", "--force"])?;
    if !args.has("--claimreview") {
        return Err("import needs --claimreview (the only format it reads)".into());
    }
    let [file] = args.positional.as_slice() else {
        return Err("import --claimreview needs exactly one FILE".into());
    };
    let json = read_input(file)?;
    let lexicon = Dataset::bundled().lexicon;
    let claims = claimreview::import(&json, &lexicon)
        .map_err(|e| format!("{file}: {e}; nothing was written"))?;
    let out = Path::new(args.value("--out").unwrap_or("dataset/claims"));
    if !out.is_dir() {
        return Err(format!(
            "{} is not a directory; nothing was written",
            out.display()
        ));
    }
    let files: Vec<(std::path::PathBuf, String)> = claims
        .iter()
        .map(|c| (out.join(format!("{}.toml", c.id)), source::to_toml(c)))
        .collect();
    if !args.has("--force") {
        if let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
            return Err(format!(
                "{} exists; use --force to replace it; nothing was written",
                existing.display()
            ));
        }
    }
    for (path, text) in &files {
        write_atomically(path, text)?;
    }
    eprintln!(
        "imported {} claim(s) into {}; review each [match] table and add examples before publishing",
        files.len(),
        out.display()
    );
    Ok(())
}

/// Writes to stdout. A reader that closes the pipe early (`| head`) is not an
/// error worth a message; any other failure is.
pub(crate) fn emit(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write output: {e}"))
        }
        _ => Ok(()),
    }
}
