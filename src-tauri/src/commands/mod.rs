pub mod app;
pub mod teams;
pub mod training;
