//! rsadmin-sandbox: a local emulation of a small Redis Software cluster (REST control plane,
//! per-node proxies, real redis-server shards).

pub mod reconcile;
pub mod state;
