//! rsadmin-sandbox: a local emulation of a small Redis Software cluster (REST control plane,
//! per-node proxies, real redis-server shards).

pub mod ports;
pub mod proxy;
pub mod reconcile;
pub mod state;
pub mod tls;
pub mod control;
pub mod rest;
