//! The `claimlens` binary's public contract.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The program may exit before reading (a bad path); a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

#[path = "support/shared.rs"]
mod shared;

/// The seed article's path and text (see `support/shared.rs`).
fn seed_article() -> Option<(std::path::PathBuf, String)> {
    let path = shared::require_in_shared("seed/article.txt", "the seed article")?;
    let text = std::fs::read_to_string(&path).unwrap();
    Some((path, text))
}

#[test]
fn the_seed_article_test_fails_under_ci_without_shared_data() {
    shared::assert_needs_shared_data_under_ci(
        "annotate_finds_the_troops_claim_in_the_seed_article",
    );
}

#[test]
fn annotate_json_has_the_contract_shape_with_char_offsets() {
    // Multi-byte characters before the match prove offsets are chars, not bytes.
    let text = "Ünïcödé “quotes” — then: Only 26 Western countries are ready to deploy troops.";
    let out = run(&["annotate", "--format", "json", "-"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["dataset"]["version"],
        claimlens::Dataset::bundled().info.version
    );
    assert_eq!(
        json["dataset"]["claims"],
        claimlens::Dataset::bundled().claims.len()
    );
    let m = &json["matches"][0];
    assert_eq!(m["claim_id"], "coalition-26-countries-ready-to-deploy");
    assert_eq!(m["rating"], "needs-context");
    assert!(m["claim"].as_str().unwrap().contains("26 countries"));
    let (start, end) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    let span: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(span, "26 Western countries are ready to deploy troops");
    assert_eq!(m["text"], span);
}

#[test]
fn annotate_finds_the_troops_claim_in_the_seed_article() {
    let Some((path, text)) = seed_article() else {
        return;
    };
    let out = run(
        &["annotate", "--format", "json", path.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let matches = json["matches"].as_array().unwrap();
    let troops = matches
        .iter()
        .find(|m| m["claim_id"] == "coalition-26-countries-ready-to-deploy")
        .unwrap();
    let (start, end) = (
        troops["start"].as_u64().unwrap() as usize,
        troops["end"].as_u64().unwrap() as usize,
    );
    let span: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(span, "26 Western countries are ready to deploy troops");
}

#[test]
fn bad_input_gets_one_line_and_a_failure_exit() {
    let cases: &[(&[&str], &[u8], &str)] = &[
        (
            &["annotate", "/definitely/not/here.txt"],
            b"",
            "cannot read /definitely/not/here.txt",
        ),
        (&["annotate", "-"], b"\xff\xfe\xfd", "not valid UTF-8"),
        (&["annotate", "-"], b"   \n", "is empty"),
        (
            &["annotate", "--format", "xml", "-"],
            b"x",
            "unknown format `xml`",
        ),
        (&["frobnicate"], b"", "unknown command `frobnicate`"),
        (
            &["check", "/definitely/not/here"],
            b"",
            "cannot read /definitely/not/here/dataset.toml",
        ),
    ];
    for (args, stdin, expected) in cases {
        let out = run(args, stdin);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: one line expected, got {stderr}"
        );
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
}

#[test]
fn check_passes_on_the_shipped_dataset() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/dataset");
    let out = run(&["check", dir], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: "));
}

#[test]
fn import_writes_nothing_when_any_review_is_bad() {
    let dir = std::env::temp_dir().join(format!("claimlens-cli-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = r#"{"@type": "ClaimReview", "url": "https://f.example.org/1", "claimReviewed": "Ducks can fly over the sea.", "datePublished": "2025-01-01", "reviewRating": {"alternateName": "True"}}"#;
    let bad = r#"{"@type": "ClaimReview", "url": "https://f.example.org/2", "datePublished": "2025-01-01", "reviewRating": {"alternateName": "True"}}"#;
    let input = dir.join("in.json");
    std::fs::write(&input, format!("[{good}, {bad}]")).unwrap();
    let out_dir = dir.join("claims");
    std::fs::create_dir_all(&out_dir).unwrap();
    let import = || {
        run(
            &[
                "import",
                "--claimreview",
                input.to_str().unwrap(),
                "--out",
                out_dir.to_str().unwrap(),
            ],
            b"",
        )
    };
    let out = import();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("ClaimReview #2 has no claimReviewed")
            && stderr.contains("nothing was written"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        0,
        "no file may be written"
    );

    std::fs::write(&input, format!("[{good}]")).unwrap();
    let out = import();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("ducks-can-fly-over-the-sea.toml").exists());
    // A second import refuses to overwrite without --force.
    let out = import();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("use --force"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_browser_lists_every_claim_with_escaped_text() {
    let out = run(&["export", "--browser"], b"");
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    let dataset = claimlens::Dataset::bundled();
    assert!(page.contains(&format!(
        "Dataset <strong>{}</strong>",
        dataset.info.version
    )));
    assert_eq!(page.matches("<article id=").count(), dataset.claims.len());
    for claim in &dataset.claims {
        assert!(page.contains(&format!("<article id=\"{}\"", claim.id)));
    }
    // Dataset text is escaped: the quotes in this claim's context become entities.
    let claim = dataset
        .claim("coalition-26-countries-ready-to-deploy")
        .unwrap();
    assert!(claim.context.contains("\"reassurance force\""));
    assert!(page.contains("&quot;reassurance force&quot;"));
}

#[test]
fn annotate_html_matches_only_article_prose_with_offsets_into_the_extracted_text() {
    let page = r##"<!doctype html><html><head><title>26 countries ready to deploy troops</title>
<script>var s = "Only 26 countries are ready to deploy troops.";</script><style>p::after{content:"26 countries deploy troops"}</style></head>
<body><nav>Only 26 countries are ready to deploy troops.</nav>
<article><h1>Talks</h1><p>Only 26 Western <a href="#">countries</a> are ready to <em>deploy</em> troops &amp; more.</p>
<pre>26 countries will deploy troops</pre><form>26 countries deploy troops</form></article></body></html>"##;
    let out = run(
        &["annotate", "--html", "--format", "json", "-"],
        page.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = json["article_text"].as_str().unwrap();
    assert_eq!(
        text,
        "Talks\nOnly 26 Western countries are ready to deploy troops & more."
    );
    let matches = json["matches"].as_array().unwrap();
    assert_eq!(
        matches.len(),
        1,
        "only the article paragraph matches: {matches:?}"
    );
    let (start, end) = (
        matches[0]["start"].as_u64().unwrap() as usize,
        matches[0]["end"].as_u64().unwrap() as usize,
    );
    let span: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(span, "26 Western countries are ready to deploy troops");

    let empty = run(
        &["annotate", "--html", "-"],
        b"<html><body><script>x</script></body></html>",
    );
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no article text"));
}

/// `explain` names, for each claim a sentence nearly matched, the roles
/// found and missing, the evidence, the score and the threshold.
#[test]
fn explain_shows_found_and_missing_roles_with_score_and_threshold() {
    let out = run(
        &[
            "explain",
            "Moscow rejects any NATO troops in Ukraine, the Kremlin said.",
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("russia-rejects-nato-troops-in-ukraine — MATCH"),
        "{text}"
    );
    assert!(text.contains("found:   Russia · rejects"), "{text}");
    assert!(text.contains("threshold"), "{text}");
    // A near miss: the claim's roles but one, and no match.
    let out = run(
        &["explain", "Moscow discussed NATO troops in Ukraine."],
        b"",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("missing: rejects") && text.contains("no match") && !text.contains("MATCH"),
        "{text}"
    );
    // Nothing close at all says so.
    let out = run(&["explain", "The weather was fine."], b"");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("no claim came close"), "{text}");
    let out = run(&["explain"], b"");
    assert!(!out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

/// `try` runs a new claim file over a folder of texts and pages, with the
/// rest of the dataset, and reports its own examples too.
#[test]
fn try_runs_a_new_claim_over_a_folder() {
    let dir = std::env::temp_dir().join(format!("claimlens-try-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("texts/sub")).unwrap();
    std::fs::write(
        dir.join("texts/a.txt"),
        "Background.\nThe Kremlin said Moscow rejects a ceasefire in Ukraine.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("texts/sub/b.html"),
        "<html><body><article><p>Russia will never accept any truce in Ukraine, Peskov said on Monday, according to agencies.</p></article></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("texts/c.txt"), "Nothing to see here at all.\n").unwrap();
    let claim = r#"id = "russia-rejects-ceasefire"
claim_reviewed = "Russia rejects a ceasefire."
rating = "needs-context"
summary = "A test claim."
context = "Made up for a test."
as_of = "2025-09-05"
reviewed = "2025-09-05"
modified = "2025-09-05"
language = "en"
examples = ["Russia rejects a ceasefire in Ukraine."]

[[sources]]
title = "A source"
publisher = "A publisher"
url = "https://example.org/a"

[match]
core = ["russia", "reject", ["ceasefire", "truce"]]
"#;
    let file = dir.join("russia-rejects-ceasefire.toml");
    std::fs::write(&file, claim).unwrap();
    let dataset = concat!(env!("CARGO_MANIFEST_DIR"), "/dataset");
    let texts = dir.join("texts");
    let try_it = || {
        run(
            &[
                "try",
                file.to_str().unwrap(),
                "--on",
                texts.to_str().unwrap(),
                "--dataset",
                dataset,
            ],
            b"",
        )
    };
    let out = try_it();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("a.txt:2: "), "{text}");
    assert!(text.contains("b.html:1: "), "{text}");
    assert!(!text.contains("c.txt"), "{text}");
    assert!(
        text.contains("russia-rejects-ceasefire: 2 match(es) in 2 of 3 file(s); its own examples: 1 of 1 found"),
        "{text}"
    );
    // A broken claim file is reported as `file:line: field: what to do`.
    std::fs::write(
        &file,
        claim.replace("[\"ceasefire\", \"truce\"]", "\"no-such-concept\""),
    )
    .unwrap();
    let out = try_it();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success());
    assert!(
        err.contains(
            "russia-rejects-ceasefire.toml:17: match.core[2]: unknown concept `no-such-concept`"
        ),
        "{err}"
    );
    let out = run(&["try", file.to_str().unwrap()], b"");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--on DIR"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A fresh copy of the shipped `dataset/` directory in a temporary
/// directory named after `test`, for tests that edit it.
fn shipped_dataset_copy(test: &str) -> std::path::PathBuf {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset");
    let dir = std::env::temp_dir().join(format!("claimlens-cli-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut stack = vec![(source, dir.clone())];
    while let Some((from, to)) = stack.pop() {
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                stack.push((entry.path(), target));
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    dir
}

/// `check` lists each example a claim misses under its count, so an editor
/// can `explain` it at once instead of hunting for it.
#[test]
fn check_lists_the_examples_it_misses() {
    let dir = shipped_dataset_copy("missed-example");
    let file = dir.join("claims/druzhba-pipeline-carries-oil.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let lost = "The weather in Lisbon was mild and sunny on Tuesday.";
    std::fs::write(
        &file,
        text.replacen("examples = [", &format!("examples = [\n  \"{lost}\","), 1),
    )
    .unwrap();
    let out = run(&["check", dir.to_str().unwrap()], b"");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let note = stdout
        .lines()
        .position(|l| {
            l.starts_with("note: druzhba-pipeline-carries-oil: ") && l.ends_with("; not found:")
        })
        .unwrap_or_else(|| panic!("no note for the claim: {stdout}"));
    let listed: Vec<&str> = stdout
        .lines()
        .skip(note + 1)
        .take_while(|l| l.starts_with("  examples["))
        .collect();
    assert!(
        listed
            .iter()
            .any(|l| *l == format!("  examples[0]: {lost:?}")),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A hand-edited model whose companion score sits below the threshold
/// (every weak overlap would become a second card) is refused by name.
#[test]
fn check_refuses_a_companion_score_below_the_threshold() {
    let dir = shipped_dataset_copy("companion");
    let model = std::fs::read_to_string(dir.join("model.toml")).unwrap();
    let line = model
        .lines()
        .find(|l| l.starts_with("companion = "))
        .expect("the shipped model has a companion score");
    std::fs::write(
        dir.join("model.toml"),
        model.replace(line, "companion = 0.2"),
    )
    .unwrap();
    let out = run(&["check", dir.to_str().unwrap()], b"");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("companion") && stderr.contains("between the threshold and 1"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `check` names the numbers and quotations of a card that no source's
/// `supports` backs, and refuses a `supports` entry that is not the card's
/// own words (a stale record would vouch for text the reader never sees).
#[test]
fn check_names_unsourced_statements_and_refuses_foreign_supports() {
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset");
    let dir = shipped_dataset_copy("supports");
    let claim = "coalition-26-countries-ready-to-deploy.toml";
    // The shipped card, its `supports` records taken out.
    let shipped = std::fs::read_to_string(source.join("claims").join(claim)).unwrap();
    let mut text = String::new();
    let mut in_supports = false;
    for line in shipped.lines() {
        if line.starts_with("supports = [") {
            in_supports = !line.trim_end().ends_with(']');
            continue;
        }
        if in_supports {
            in_supports = !line.trim_end().ends_with(']');
            continue;
        }
        text.push_str(line);
        text.push('\n');
    }
    let write = |text: &str| std::fs::write(dir.join("claims").join(claim), text).unwrap();
    let check = || run(&["check", dir.to_str().unwrap()], b"");
    // `check` passes on `text`; its note on this card, if any.
    let unsourced_note = |text: &str| {
        write(text);
        let out = check();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("note: coalition-26-countries-ready-to-deploy: no source"))
            .map(str::to_string)
    };

    let note = unsourced_note(&text).expect("a card without supports gets an unsourced note");
    assert!(note.contains("26"), "{note}");

    // The first source backs the summary's own words: its figures leave the note.
    let summary_line = text.lines().find(|l| l.starts_with("summary = ")).unwrap();
    let summary = summary_line
        .trim_start_matches("summary = ")
        .trim_matches('"');
    let backed = text.replacen(
        "[[sources]]\n",
        &format!("[[sources]]\nsupports = [{summary:?}]\n"),
        1,
    );
    let note = unsourced_note(&backed).unwrap_or_default();
    assert!(
        !note.split(", ").any(|s| s.ends_with(" 26") || s == "26"),
        "{note}"
    );

    let foreign = text.replacen(
        "[[sources]]\n",
        "[[sources]]\nsupports = [\"words the card never says\"]\n",
        1,
    );
    write(&foreign);
    let out = check();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("sources.supports") && stderr.contains("words the card never says"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn tree(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(at) = pending.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// The size report's 1,000-claim check measures a build over `synth`'s
/// output, so that output must be a dataset the build accepts, and the
/// same from run to run, or the figure would move with no change to
/// ClaimLens.
#[test]
fn synth_writes_a_dataset_check_accepts_and_the_same_seed_the_same_bytes() {
    let base = std::env::temp_dir().join(format!("claimlens-synth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dirs = [base.join("a"), base.join("b"), base.join("c")];
    for (dir, seed) in dirs.iter().zip(["7", "7", "8"]) {
        let out = run(
            &[
                "synth",
                "--claims",
                "30",
                "--seed",
                seed,
                "--out",
                dir.to_str().unwrap(),
            ],
            b"",
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let check = run(&["check", dirs[0].to_str().unwrap()], b"");
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(report.starts_with("ok: 30 claims"), "{report}");
    let claims = tree(&dirs[0].join("claims"));
    assert_eq!(claims.len(), 30);
    assert!(
        claims
            .iter()
            .any(|(_, text)| String::from_utf8_lossy(text).contains("[[timeline]]")),
        "some cards have a timeline, as shipped ones do"
    );
    assert_eq!(
        tree(&dirs[0]),
        tree(&dirs[1]),
        "the same seed writes the same bytes"
    );
    assert_ne!(
        tree(&dirs[0]),
        tree(&dirs[2]),
        "another seed, another dataset"
    );
    // The index's parts the size report divides: the lexicon-only index
    // lies between no claims and all of them.
    let parts = base.join("parts");
    let out = run(
        &[
            "export",
            "--index-parts",
            "--dataset",
            dirs[0].to_str().unwrap(),
            "--out",
            parts.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let size = |name: &str| std::fs::metadata(parts.join(name)).unwrap().len();
    assert!(size("index-empty.txt") < size("index-lexicon.txt"));
    assert!(size("index-lexicon.txt") < size("index.txt"));
    std::fs::remove_dir_all(&base).unwrap();
}
