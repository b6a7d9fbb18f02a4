//! The shipped widget's claims are decoded without patterns (it loads the
//! index `build.rs` compiled). A matcher compiled from them would match
//! nothing, silently; so in that build `Claim` has no `pattern` field and
//! `Matcher` no compiling constructor, and the mistake does not compile.
//! This test proves it by checking a small crate that makes the mistake,
//! for the widget's target and features, and reading the compiler's errors.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

const PROBE: &str = r#"
/// The mistake: a matcher compiled from the bundled claims in the widget.
pub fn widget_matcher() -> claimlens::Matcher {
    claimlens::Matcher::with_unicode(
        claimlens::Dataset::bundled(),
        Box::new(claimlens::platform::BrowserUnicode),
    )
}

/// Reading a bundled claim's pattern there.
pub fn pattern(claim: &claimlens::dataset::Claim) -> &claimlens::dataset::MatchPattern {
    &claim.pattern
}
"#;

fn wasm_target_installed() -> bool {
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args([
            "--print",
            "target-libdir",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .output();
    out.is_ok_and(|o| {
        o.status.success() && Path::new(String::from_utf8_lossy(&o.stdout).trim()).exists()
    })
}

#[test]
fn a_matcher_compiled_from_the_widgets_claims_does_not_compile() {
    if !wasm_target_installed() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the wasm32-unknown-unknown target is missing; run scripts/setup"
        );
        eprintln!(
            "skipped: the wasm32-unknown-unknown target is not installed (scripts/setup adds it)"
        );
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("widget-probe");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"widget-probe\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [lib]\npath = \"src/lib.rs\"\n\n\
             [dependencies]\nclaimlens = {{ path = {root:?}, default-features = false }}\n\n\
             [workspace]\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), PROBE).unwrap();
    // The project's lock file, so the probe checks the same dependency versions.
    std::fs::copy(Path::new(root).join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(&dir)
        .args(["check", "--offline", "--quiet", "--message-format=short"])
        .args(["--target", "wasm32-unknown-unknown"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    let errors = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the mistake compiled for the widget:\n{errors}"
    );
    let lines: Vec<&str> = errors.lines().filter(|l| l.contains("error")).collect();
    let ours = |code: &str, what: &str| lines.iter().any(|l| l.contains(code) && l.contains(what));
    assert!(
        ours("E0599", "with_unicode") && ours("E0609", "pattern"),
        "the probe failed, but not for the reasons this test is about:\n{errors}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("error[")).count(),
        2,
        "other errors than the two expected:\n{errors}"
    );
}
