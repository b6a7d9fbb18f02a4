//! Reading and validating the editor-facing dataset sources.
//!
//! A dataset lives in a directory: `dataset.toml` names the release, and
//! `claims/*.toml` hold one claim each, so that an edit touches one small
//! file and a review diff stays readable. Every problem is collected (not
//! just the first) and reported as `file:line: field: what to do`, because
//! the people fixing them are editors, not Rust programmers.
//!
//! By job: `read` (the directory into bytes, and their hash), `raw` (the
//! files as serde sees them, every field spanned), `check` (the dataset and
//! the field rules), `claim` (one claim file, part by part) and `write`
//! (a claim back as its file).

mod check;
mod claim;
mod raw;
mod read;
mod write;

pub(super) use check::Checker;
// build.rs compiles this module too, without using these two.
#[allow(unused_imports)]
pub use read::load_dir;
pub use read::SourceFiles;
#[allow(unused_imports)]
pub use write::to_toml;

use std::fmt;
use std::path::PathBuf;

/// The source format versions this build understands.
pub const KNOWN_SCHEMAS: &[u32] = &[2];

/// Everything wrong with a dataset, in file order. Opaque on purpose: callers
/// print it or count it; they do not branch on the kind of mistake.
#[derive(Debug)]
pub struct DatasetErrors {
    problems: Vec<Problem>,
}

#[derive(Debug)]
pub(super) struct Problem {
    file: PathBuf,
    line: usize,
    field: String,
    message: String,
}

impl DatasetErrors {
    pub fn len(&self) -> usize {
        self.problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// One `file:line: field: message` line per problem.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.problems.iter().map(|p| {
            format!(
                "{}:{}: {}: {}",
                p.file.display(),
                p.line,
                p.field,
                p.message
            )
        })
    }
}

impl fmt::Display for DatasetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.lines() {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetErrors {}

/// An example that does not match its claim, or a counterexample that does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegressionFailure {
    /// Index of the claim in the dataset.
    pub claim: usize,
    /// `true` for a counterexample that matched.
    pub counterexample: bool,
    /// Index in the claim's examples or counterexamples.
    pub index: usize,
}

/// Where a claim's parts are in its file, for error messages.
struct Lines {
    id: usize,
    examples: Vec<usize>,
    counterexamples: Vec<usize>,
}
