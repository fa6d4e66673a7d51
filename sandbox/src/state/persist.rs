//! `DIR/state.json`: written to a temp file, fsynced, then renamed, so a killed sandbox always
//! finds either the old or the new state, never half of one.

use super::ClusterState;
use crate::durable_file::{self, Readers};
use anyhow::Context;
use std::fs;
use std::path::Path;

pub fn load(path: &Path) -> anyhow::Result<Option<ClusterState>> {
    match fs::read(path) {
        Ok(bytes) => {
            let state = serde_json::from_slice(&bytes)
                .with_context(|| format!("reading {}", path.display()))?;
            Ok(Some(state))
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).with_context(|| format!("reading {}", path.display())),
    }
}

/// Private: databases' `authentication_redis_pass` is part of the state.
pub fn save(path: &Path, state: &ClusterState) -> anyhow::Result<()> {
    durable_file::replace(path, &serde_json::to_vec_pretty(state)?, Readers::OwnerOnly)
}
