//! rsadmin: manage the OSS Cluster API of Redis Software databases over the REST API.

pub mod api;
pub mod assets;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dropin;
pub mod error;
pub mod field_change;
pub mod limits;
pub mod ops;
pub mod output;
pub mod plan;
pub mod report;
pub mod resolve;
pub mod sanitize;
pub mod shard_plan;
pub mod topology;
pub mod tunables;
pub mod wait;

#[cfg(test)]
mod test_fixtures;
