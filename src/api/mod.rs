//! The Redis Software REST API: typed models and the blocking client.

pub mod actions;
pub mod client;
pub mod crdb;
pub mod models;
pub mod pinning;
pub(crate) mod tls;

pub use client::ApiClient;
