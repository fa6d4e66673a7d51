//! The Redis Software REST API: typed models and the blocking client.

pub mod models;
