//! The shared data (`../shared/`, never copied into this repository) for the
//! tests that read it. A test whose data is missing must not pass on
//! nothing: under CI (`CI` set) it fails with what is missing and where;
//! elsewhere it says why it skipped. `$CLAIMLENS_SHARED` moves the folder.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// `$CLAIMLENS_SHARED`, else `../shared` beside the crate.
pub fn dir() -> PathBuf {
    std::env::var_os("CLAIMLENS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// `path` if it exists. If not: under CI, a failure naming `what` and the
/// path; elsewhere `None`, after saying the test is skipped and why.
pub fn require(path: PathBuf, what: &str) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{what} is missing at {} (set CLAIMLENS_SHARED); CI needs it",
        path.display()
    );
    eprintln!("SKIPPED: {what} is absent at {}", path.display());
    None
}

/// `relative` under [`dir`], by [`require`].
pub fn require_in_shared(relative: &str, what: &str) -> Option<PathBuf> {
    require(dir().join(relative), what)
}

/// Runs `test` of the current test binary with the shared folder pointed
/// at nothing: with `CI` set it must fail, saying CI needs the data;
/// without, it must pass and say it skipped.
pub fn assert_needs_shared_data_under_ci(test: &str) {
    let nowhere = std::env::temp_dir().join("claimlens-no-shared-data-here");
    let run = |ci: bool| {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command
            .args([test, "--exact", "--nocapture", "--test-threads=1"])
            .env("CLAIMLENS_SHARED", &nowhere)
            .env_remove("CLAIMLENS_READABILITY")
            .env_remove("CI");
        if ci {
            command.env("CI", "true");
        }
        let out = command.output().unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    };
    let (passed, text) = run(true);
    assert!(
        !passed && text.contains("CI needs it") && text.contains("1 failed"),
        "{test} with CI set and no shared data did not fail for it:\n{text}"
    );
    let (passed, text) = run(false);
    assert!(
        passed && text.contains("SKIPPED") && text.contains("1 passed"),
        "{test} without CI and without shared data did not skip with a reason:\n{text}"
    );
}
