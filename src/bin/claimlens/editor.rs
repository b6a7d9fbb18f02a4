//! The editor's tools: `explain`, `try` and `fit`.

use crate::{emit, parse_args, read_input, write_atomically};
use claimlens::dataset::{model_file, source::SourceFiles};
use claimlens::{evalset, fit as fitting, Dataset, Matcher};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `claimlens explain`: every claim a sentence nearly matched, with the
/// roles found and missing, the score and the threshold.
pub fn explain(args: &[String]) -> Result<(), String> {
    let args = parse_args(args, &["--file"], &[])?;
    let text = match (args.value("--file"), args.positional.is_empty()) {
        (Some(file), true) => read_input(file)?,
        (None, false) => args.positional.join(" "),
        (Some(_), false) => return Err("explain takes a sentence or --file FILE, not both".into()),
        (None, true) => {
            return Err("explain needs a sentence or --file FILE (- for standard input)".into())
        }
    };
    let matcher = Matcher::new(Dataset::bundled());
    let model = &matcher.dataset().model;
    let found = matcher.find(&text);
    let mut out = String::new();
    let candidates = matcher.candidates(&text);
    if candidates.is_empty() {
        out.push_str("no claim came close: each needs all of its core roles in one sentence (all but one, when it has three or more), and its numbers\n");
    }
    let chars: Vec<char> = text.chars().collect();
    for c in &candidates {
        let claim = &matcher.dataset().claims[c.claim_index];
        let score = matcher.score(c);
        let kept = found
            .iter()
            .any(|m| m.claim_index == c.claim_index && m.span == c.span);
        let verdict = match (score >= model.threshold, kept) {
            (true, true) => "MATCH",
            (true, false) => {
                "above the threshold, but another card covers this span (a second card needs the companion score)"
            }
            (false, _) => "no match",
        };
        let _ = writeln!(out, "{} — {verdict}", claim.id);
        let _ = writeln!(
            out,
            "  text:    {}",
            chars[c.span.start..c.span.end].iter().collect::<String>()
        );
        let _ = writeln!(out, "  found:   {}", c.explanation.join(" · "));
        if !c.missing.is_empty() {
            let _ = writeln!(out, "  missing: {}", c.missing.join(" · "));
        }
        if !c.opposing.is_empty() {
            let _ = writeln!(out, "  against: {}", c.opposing.join(" · "));
        }
        let features: Vec<String> = claimlens::dataset::FEATURES
            .iter()
            .zip(c.features.0)
            .filter(|(_, v)| *v != 0.0)
            .map(|(n, v)| format!("{n} {v:.2}"))
            .collect();
        let _ = writeln!(out, "  evidence: {}", features.join(", "));
        let _ = writeln!(
            out,
            "  score {score:.3}, threshold {:.3}, companion {:.3}",
            model.threshold, model.companion
        );
    }
    emit(&out)
}

/// `claimlens try CLAIM.toml --on DIR`: the dataset with this claim added
/// or replaced, run over every text and HTML file in DIR.
pub fn try_claim(args: &[String]) -> Result<(), String> {
    let args = parse_args(args, &["--on", "--dataset"], &[])?;
    let [claim_file] = args.positional.as_slice() else {
        return Err("try needs exactly one CLAIM.toml".into());
    };
    let on = Path::new(
        args.value("--on")
            .ok_or("try needs --on DIR (a folder of .txt or .html files)")?,
    );
    if !on.is_dir() {
        return Err(format!("{} is not a directory", on.display()));
    }
    let dir = Path::new(args.value("--dataset").unwrap_or("dataset"));
    let claim_text = read_input(claim_file)?;
    let files = SourceFiles::read(dir)?.with_claim(PathBuf::from(claim_file), claim_text);
    let dataset = files.parse().map_err(|errors| {
        format!(
            "{} problem(s):\n{}",
            errors.len(),
            errors.to_string().trim_end()
        )
    })?;
    let name = Path::new(claim_file)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let index = dataset
        .claims
        .iter()
        .position(|c| {
            Path::new(claim_file).file_name()
                == Some(std::ffi::OsStr::new(&format!("{}.toml", c.id)))
                || c.id == name
        })
        .ok_or_else(|| format!("{claim_file}: its `id` must match the file name"))?;
    let claim = dataset.claims[index].clone();
    let matcher = Matcher::new(dataset);
    let mut texts = Vec::new();
    collect_texts(on, &mut texts)?;
    let mut out = String::new();
    let (mut hits, mut pages) = (0, 0);
    for (k, path) in texts.iter().enumerate() {
        if k % 50 == 49 {
            eprintln!("try: {} of {} files", k + 1, texts.len());
        }
        let raw = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let is_html = path.extension().is_some_and(|x| x == "html" || x == "htm");
        let text = if is_html {
            claimlens::html::article_text(&raw)
        } else {
            raw
        };
        let mut found = false;
        for m in matcher
            .find(&text)
            .iter()
            .filter(|m| m.claim_index == index)
        {
            found = true;
            hits += 1;
            let before: String = text.chars().take(m.span.start).collect();
            let line = before.matches('\n').count() + 1;
            let span: String = text
                .chars()
                .skip(m.span.start)
                .take(m.span.end - m.span.start)
                .collect();
            let _ = writeln!(
                out,
                "{}:{line}: {span}  [{:.2}: {}]",
                path.display(),
                m.score,
                m.explanation.join(" · ")
            );
        }
        pages += usize::from(found);
    }
    let finds = |t: &str| matcher.find(t).iter().any(|m| m.claim_index == index);
    let missed = claim.examples.iter().filter(|e| !finds(e)).count();
    let wrong = claim.counterexamples.iter().filter(|e| finds(e)).count();
    let _ = writeln!(
        out,
        "{}: {hits} match(es) in {pages} of {} file(s); its own examples: {} of {} found; counterexamples: {wrong} of {} matched",
        claim.id,
        texts.len(),
        claim.examples.len() - missed,
        claim.examples.len(),
        claim.counterexamples.len()
    );
    emit(&out)
}

fn collect_texts(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_texts(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|x| ["txt", "md", "html", "htm"].iter().any(|e| x == *e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Where `../shared` is: `--shared`, `$CLAIMLENS_SHARED`, or beside the crate.
pub fn shared_dir(flag: Option<&str>) -> PathBuf {
    flag.map(PathBuf::from)
        .or_else(|| std::env::var_os("CLAIMLENS_SHARED").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// `claimlens fit`: fits the scoring model and writes `model.toml`.
pub fn fit(args: &[String]) -> Result<(), String> {
    let args = parse_args(args, &["--dataset", "--shared"], &["--check"])?;
    if let Some(extra) = args.positional.first() {
        return Err(format!("unexpected argument `{extra}`"));
    }
    let dir = Path::new(args.value("--dataset").unwrap_or("dataset"));
    let shared = shared_dir(args.value("--shared"));
    eprintln!("fit: reading {}", dir.display());
    let dataset = SourceFiles::read(dir)?.parse().map_err(|errors| {
        format!(
            "{} problem(s):\n{}",
            errors.len(),
            errors.to_string().trim_end()
        )
    })?;
    let project = dir
        .canonicalize()
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    let project = project.parent().unwrap_or(Path::new("."));
    eprintln!(
        "fit: loading the evaluation set (dev half) with {}",
        shared.display()
    );
    let eval = evalset::load(project, &shared)?;
    let samples = fitting::samples(&dataset, &eval);
    let mentions = samples.iter().filter(|s| s.mention).count();
    eprintln!(
        "fit: {} candidates ({mentions} mentions); fitting",
        samples.len()
    );
    let model = fitting::fit(&samples)
        .ok_or("nothing to fit on: the samples need mentions and non-mentions")?;
    let fingerprint = fitting::fingerprint(&samples);
    let summary = format!(
        "{} samples ({mentions} mentions) from the claims' examples and the dev half of tests/eval/real.\n{}",
        samples.len(),
        fitting::describe(&model)
    );
    let text = model_file::to_toml(&model, &fingerprint, &summary);
    let path = dir.join("model.toml");
    if args.has("--check") {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        return if current == text {
            eprintln!("fit: {} is current", path.display());
            Ok(())
        } else {
            Err(format!(
                "{} is not what fitting gives now; run scripts/fit and commit it",
                path.display()
            ))
        };
    }
    write_atomically(&path, &text)?;
    eprint!("{summary}");
    let (right, wrong) = fitting::dev_cards(&model, &samples);
    let dev_mentions: usize = eval
        .iter()
        .filter(|s| s.split == evalset::Split::Dev)
        .map(|s| s.mentions.len())
        .sum();
    eprintln!(
        "fit: the dev half at this threshold: precision {:.3}, recall {:.3} ({right} right, {wrong} wrong cards, {dev_mentions} mentions)",
        right as f64 / (right + wrong).max(1) as f64,
        right as f64 / dev_mentions.max(1) as f64,
    );
    eprintln!("fit: wrote {}", path.display());
    Ok(())
}
