//! The `maatstaf` command as its users run it: one test binary for every command, so
//! the suite links once. Each command's tests are a module named after its file.

mod assign;
mod blind;
mod candidate;
mod content;
mod data;
mod log;
mod log_export;
mod log_history;
mod package;
mod report;
mod rubric;
mod stats;
mod support;
mod team;
