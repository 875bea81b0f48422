pub mod app;
pub mod consistency;
pub mod teams;
