//! Reading a dataset directory into bytes, and hashing exactly those bytes.

use super::super::Dataset;
use std::path::{Path, PathBuf};

/// The bytes a dataset is made of, read but not yet parsed. Kept separate so
/// the content hash covers exactly what was validated.
pub struct SourceFiles {
    pub(super) root: PathBuf,
    pub(super) manifest: String,
    /// `(path, text)`, sorted by path so hashing and ids are deterministic.
    pub(super) claims: Vec<(PathBuf, String)>,
    /// `lexicon/*.toml`, sorted by path.
    pub(super) lexicon: Vec<(PathBuf, String)>,
    /// `model.toml`, if fitted yet.
    pub(super) model: Option<String>,
}

impl SourceFiles {
    /// Reads `dir/dataset.toml`, `dir/claims/*.toml`, `dir/lexicon/*.toml`
    /// and `dir/model.toml`.
    pub fn read(dir: &Path) -> Result<SourceFiles, String> {
        let manifest_path = dir.join("dataset.toml");
        let manifest = std::fs::read_to_string(&manifest_path)
            .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
        let model_path = dir.join("model.toml");
        let model = match std::fs::read_to_string(&model_path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot read {}: {e}", model_path.display())),
        };
        Ok(SourceFiles {
            root: dir.to_path_buf(),
            manifest,
            claims: read_tomls(&dir.join("claims"))?,
            // A dataset whose claims write all their words needs no lexicon.
            lexicon: match dir.join("lexicon") {
                lexicon if lexicon.is_dir() => read_tomls(&lexicon)?,
                _ => Vec::new(),
            },
            model,
        })
    }

    /// The same sources with `path`'s claim file added, or replacing the
    /// claim file of the same name: what `claimlens try` matches with.
    pub fn with_claim(mut self, path: PathBuf, text: String) -> SourceFiles {
        let name = path.file_name().map(|n| n.to_os_string());
        self.claims
            .retain(|(p, _)| p.file_name().map(|n| n.to_os_string()) != name);
        self.claims.push((path, text));
        self.claims
            .sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
        self
    }

    /// Every file that went into the dataset, for build-script rerun triggers.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        std::iter::once(self.root.join("dataset.toml"))
            .chain(std::iter::once(self.root.join("model.toml")))
            .chain(self.claims.iter().map(|(p, _)| p.clone()))
            .chain(self.lexicon.iter().map(|(p, _)| p.clone()))
    }

    /// SHA-256 over file names and contents, in sorted order.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut feed = |name: &str, text: &str| {
            hasher.update((name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            hasher.update((text.len() as u64).to_le_bytes());
            hasher.update(text.as_bytes());
        };
        feed("dataset.toml", &self.manifest);
        for (path, text) in &self.claims {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            feed(&name, text);
        }
        for (path, text) in &self.lexicon {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            feed(&format!("lexicon/{name}"), text);
        }
        if let Some(model) = &self.model {
            feed("model.toml", model);
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Reads and validates the dataset in `dir`.
pub fn load_dir(dir: &Path) -> Result<Dataset, String> {
    let files = SourceFiles::read(dir)?;
    files.parse().map_err(|errors| errors.to_string())
}

/// `dir/*.toml` as `(path, text)`, sorted by path.
fn read_tomls(dir: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push((path, text));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
