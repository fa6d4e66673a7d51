//! Makes running processes match the state (shards, proxies). Owned by the data plane.
use std::path::{Path, PathBuf};

/// What the data plane needs to know to start its processes.
#[derive(Debug, Clone)]
pub struct ReconcileContext {
    /// The sandbox directory (state.json, sandbox.env, logs).
    pub dir: PathBuf,
    /// `redis-server` binary; `None` = find it on PATH.
    pub redis_server: Option<PathBuf>,
    /// Cluster index c: node addresses are 127.0.{1+2c}.i (internal) and 127.0.{2+2c}.i (external).
    pub cluster_index: u8,
}

pub struct Reconciler {/* S2 fills */}

impl Reconciler {
    pub async fn start(_ctx: ReconcileContext) -> anyhow::Result<Reconciler> {
        Ok(Reconciler {})
    }

    /// Called at start-up and after every accepted change, before the bdb becomes `active`.
    pub async fn apply(&self, _state: &crate::state::ClusterState) -> anyhow::Result<()> {
        Ok(())
    }

    pub async fn shutdown(&self) {}
}

/// Stops every process a (possibly SIGKILLed) sandbox in `dir` left behind.
pub fn kill_leftovers(_dir: &Path) {}
