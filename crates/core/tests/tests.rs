//! The core as the app and the CLI use it, through its public API: one test binary,
//! so the suite links once. Each subject's tests are a module named after its file;
//! `cargo test -p maatstaf-core --test integration lint_corpus` runs one of them.

mod blinding_corpus;
mod content;
mod formation;
mod lint_corpus;
mod stats_oracles;
mod stats_properties;
mod support;
mod templates;
