pub mod app;
pub mod candidates;
pub mod members;
pub mod teams;
