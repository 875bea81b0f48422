pub mod app;
pub mod consistency;
pub mod rubrics;
pub mod teams;
