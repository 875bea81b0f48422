pub mod app;
pub mod rubrics;
pub mod teams;
