//! The real app driven through tauri-driver and WebKitWebDriver: one test binary, so
//! the suites link once. Each suite is a module named after its file; run one with a
//! name filter, e.g. `cargo test -p maatstaf-e2e -- --test-threads=1 scoring::`.

mod a11y;
mod access;
mod candidates;
mod conflicts;
mod consistency;
mod flow;
mod foundation;
mod own_laptop;
mod package;
mod parties;
mod posts;
mod privacy;
mod report;
mod rubrics;
mod scoring;
mod sealing;
mod support;
mod training;
