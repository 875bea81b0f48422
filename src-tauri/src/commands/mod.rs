pub mod app;
pub mod candidates;
pub mod consistency;
pub mod members;
pub mod rubrics;
pub mod scoring;
pub mod teams;
pub mod training;
