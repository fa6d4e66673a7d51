//! The Redis Software REST API: typed models and the blocking client.

use std::path::PathBuf;

pub mod actions;
pub mod client;
pub mod crdb;
pub mod models;
pub mod pinning;
pub(crate) mod tls;

pub use client::ApiClient;

/// Everything needed to talk to one cluster.
#[derive(Clone)]
pub struct ConnectionSettings {
    pub url: String,
    pub user: String,
    pub password: String,
    pub ca_cert: Option<PathBuf>,
    pub insecure: bool,
}

impl std::fmt::Debug for ConnectionSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnectionSettings")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("password", &"<hidden>")
            .field("ca_cert", &self.ca_cert)
            .field("insecure", &self.insecure)
            .finish()
    }
}
