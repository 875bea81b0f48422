//! The store through its public API, on real databases: one test binary, so the suite
//! links once. Each subject's tests are a module named after its file.

mod access_matrix;
mod ledger_history;
mod support;
mod team_admin;
mod training;
