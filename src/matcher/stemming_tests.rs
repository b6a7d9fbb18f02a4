//! The matcher skips stemming where it can predict Snowball English, and
//! those predictions encode `rust-stemmers` 1.2.0's rules (pinned exactly in
//! Cargo.toml for that reason):
//!
//! - `tokens.rs`: a word of one or two bytes, or one that
//!   `snowball_may_change` rules out (no ending in `STEMMED_ENDINGS`, no
//!   leading apostrophe), is its own stem;
//! - `vocabulary.rs`: `stem_key` of a word's stem is a prefix of the word
//!   (Snowball only rewrites endings, and only with "", e, i, y, l, ie, le).
//!
//! A wrong prediction loses matches silently, so this test checks both
//! against the crate on every word of the dataset (claims, lexicon), the
//! evaluation sets, Snowball's exception words, and a generated list of
//! those words with every English suffix.
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::path::Path;

use super::tokens::Stems;
use super::vocabulary::stem_key;

#[test]
fn rust_stemmers_is_pinned_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let pins = manifest
        .lines()
        .filter(|l| l.starts_with("rust-stemmers"))
        .collect::<Vec<_>>();
    assert!(
        pins.len() == 2 && pins.iter().all(|l| l.contains("\"=1.2.0\"")),
        "the engine and build.rs must both pin rust-stemmers =1.2.0: {pins:?}"
    );
}

/// The words a tokenizer would make of `text`: lowercased runs of letters,
/// digits and apostrophes (typographic ones folded, as `normalize` does).
fn words_of(text: &str, into: &mut BTreeSet<String>) {
    let text = text.replace(['\u{2019}', '\u{2018}'], "'").to_lowercase();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        if !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()) {
            into.insert(word.to_string());
        }
    }
}

/// Every string of every TOML file under `dir`, recursively.
fn toml_words(dir: &Path, into: &mut BTreeSet<String>) {
    fn strings(value: &toml::Value, into: &mut BTreeSet<String>) {
        match value {
            toml::Value::String(s) => words_of(s, into),
            toml::Value::Array(items) => items.iter().for_each(|v| strings(v, into)),
            toml::Value::Table(table) => table.iter().for_each(|(k, v)| {
                words_of(k, into);
                strings(v, into);
            }),
            _ => {}
        }
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            toml_words(&path, into);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let value: toml::Value = text
                .parse()
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            strings(&value, into);
        }
    }
}

/// Snowball English's exception words and the shapes its rules single out
/// (short syllables, `y` after a consonant, double consonants, `-eed`).
const SPECIAL: &[&str] = &[
    "skis",
    "skies",
    "sky",
    "dying",
    "lying",
    "tying",
    "idly",
    "gently",
    "ugly",
    "early",
    "only",
    "singly",
    "news",
    "howe",
    "atlas",
    "cosmos",
    "bias",
    "andes",
    "inning",
    "innings",
    "outing",
    "outings",
    "canning",
    "cannings",
    "herring",
    "herrings",
    "earring",
    "earrings",
    "proceed",
    "proceeds",
    "proceeded",
    "exceed",
    "succeed",
    "generate",
    "generous",
    "general",
    "arsenal",
    "commune",
    "communism",
    "communist",
    "universal",
    "'tis",
    "'s",
    "o'neill",
    "it's",
    "countries'",
    "ministers'",
    "y",
    "yes",
    "youth",
    "boy",
    "boys",
    "say",
    "says",
    "saying",
    "cried",
    "cries",
    "tied",
    "ties",
    "hoping",
    "hopping",
    "filing",
    "filling",
    "fizzed",
    "luxuriate",
    "luxuriating",
    "agreed",
    "feed",
    "need",
    "bled",
    "sing",
    "bring",
    "kings",
    "hopeful",
    "sensitivity",
    "formalize",
    "electrical",
    "adjustable",
    "irritant",
    "replacement",
    "dependent",
    "adoption",
    "homologou",
    "effective",
    "bowdlerize",
    "orbán",
    "élysée",
    "naïve",
    "zelensky's",
    "kyiv's",
    "ministry's",
    "über",
    "façade",
    "ß",
    "straße",
    "ǆ",
    "ıi",
    "İstanbul",
];

const SUFFIXES: &[&str] = &[
    "", "s", "es", "'s", "s'", "'", "ed", "ing", "ly", "er", "ers", "est", "e", "y", "ies", "ied",
    "ness", "ment", "ments", "ation", "ations", "ational", "ization", "izer", "ize", "ise", "ised",
    "ful", "fully", "fulness", "ous", "ously", "ousness", "ive", "ively", "iveness", "ivity",
    "ity", "ities", "able", "ably", "ability", "ible", "ibly", "al", "ally", "alism", "alist",
    "ality", "ism", "ist", "ists", "ence", "ance", "ent", "ently", "ant", "ic", "ical", "ically",
    "ician", "li", "bli", "logi", "ator", "ators", "ion", "tion", "sion", "eed", "eedly", "ingly",
    "edly", "iti", "ci", "gi", "ement", "ements", "ant", "ants", "ents",
];

#[test]
fn the_stem_predictions_hold_for_every_word() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut words = BTreeSet::new();
    toml_words(&root.join("dataset"), &mut words);
    let dataset_words = words.len();
    toml_words(&root.join("tests/eval"), &mut words);
    SPECIAL.iter().for_each(|w| words_of(w, &mut words));
    // Every word, its stem and its stem's key, with every suffix: the
    // inflections and derivations an article may use of a pattern word.
    let stemmer = Stemmer::create(Algorithm::English);
    let bases: BTreeSet<String> = words
        .iter()
        .flat_map(|w| {
            let stem = stemmer.stem(w).into_owned();
            [w.clone(), stem_key(&stem).to_string(), stem]
        })
        .collect();
    for base in &bases {
        for suffix in SUFFIXES {
            words.insert(format!("{base}{suffix}"));
        }
    }
    assert!(
        dataset_words > 2_000 && words.len() > 100_000,
        "only {dataset_words} dataset words and {} in all",
        words.len()
    );
    let mut wrong = Vec::new();
    for word in &words {
        let stem = stemmer.stem(word);
        if Stems::is_own_stem(word) && stem != word.as_str() {
            wrong.push(format!(
                "`{word}` is predicted to be its own stem, but stems to `{stem}`"
            ));
        }
        // The tokenizer never starts a word with an apostrophe (UAX #29
        // keeps one only between letters), and Snowball drops a leading
        // one: the key test only ever sees words as the tokenizer cuts them.
        if !word.starts_with('\'') && !word.starts_with(stem_key(&stem)) {
            wrong.push(format!(
                "`{word}` stems to `{stem}`, whose key `{}` is not a prefix of it",
                stem_key(&stem)
            ));
        }
    }
    println!("{} words checked", words.len());
    assert!(
        wrong.is_empty(),
        "{} wrong predictions:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(40)].join("\n")
    );
}
