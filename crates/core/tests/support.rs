//! What the core's integration tests share: the repository root, for the bundled
//! content, and the bundled lexicon the linter runs with.

use std::path::Path;

use maatstaf_core::lint::Lexicon;

/// The repository root, whichever directory the tests run from.
pub fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The linter's word lists from `content/lexicon/lint-*.toml`, as the app bundles them.
pub fn bundled_lexicon() -> Lexicon {
    let dir = root().join("content/lexicon");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("lint-") && name.ends_with(".toml")
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    Lexicon::from_toml(&files).unwrap_or_else(|e| panic!("{e}"))
}
