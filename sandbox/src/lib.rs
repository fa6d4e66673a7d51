//! rsadmin-sandbox: a local emulation of a small Redis Software cluster (REST control plane,
//! per-node proxies, real redis-server shards).

pub mod actions;
pub mod clusters;
pub mod control;
pub mod crdb;
mod durable_file;
pub mod envfile;
pub mod handle;
pub mod ports;
pub mod proxy;
pub mod reconcile;
mod redact;
pub mod rest;
pub mod state;
pub mod tls;

pub use control::LoggedRequest;
pub use handle::{SandboxHandle, SandboxOptions};
