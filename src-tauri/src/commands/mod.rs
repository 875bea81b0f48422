pub mod app;
pub mod teams;
