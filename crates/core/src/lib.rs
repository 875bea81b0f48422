//! Maatstaf's domain, in plain Rust: no Tauri, no SQLite, no I/O.
//!
//! The desktop app and the `maatstaf` CLI both call into this crate, so every
//! rule that protects candidates and assessors is decided here once.

pub mod access;
pub mod assessor;
pub mod blinding;
pub mod bundle;
pub mod content;
pub mod demo;
pub mod formation;
pub mod html;
pub mod i18n;
pub mod ledger;
pub mod lint;
pub mod package;
pub mod report;
pub mod retention;
pub mod rubric;
pub mod scoring;
pub mod seal;
pub mod stats;
pub mod team;
pub mod training;
