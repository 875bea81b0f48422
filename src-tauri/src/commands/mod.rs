pub mod app;
pub mod scoring;
pub mod teams;
