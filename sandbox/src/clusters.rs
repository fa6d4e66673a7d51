//! Several sandbox clusters in one process, in one crdb peer group (`rsadmin-sandbox up --clusters K`,
//! and tests). Cluster n (1-based) keeps its state in `DIR` for n = 1 (so `DIR/sandbox.env`
//! still reaches cluster 1) and in `DIR/cluster<n>/` otherwise; `DIR/cluster<n>.env` says how
//! to reach each one.

use crate::crdb::PeerGroup;
use crate::durable_file::{self, Readers};
use crate::handle::{SandboxHandle, SandboxOptions};
use anyhow::Context;
use std::fs;
use std::path::{Path, PathBuf};

/// The state directory of cluster `number` (1-based) under `dir`.
pub fn cluster_dir(dir: &Path, number: u8) -> PathBuf {
    if number == 1 {
        dir.to_path_buf()
    } else {
        dir.join(format!("cluster{number}"))
    }
}

/// The directories of every cluster `up --clusters` started in `dir` (just `dir` for one).
pub fn cluster_dirs(dir: &Path) -> Vec<PathBuf> {
    (1..=u8::MAX)
        .map(|number| cluster_dir(dir, number))
        .take_while(|cluster| cluster.is_dir())
        .collect()
}

/// Starts `count` clusters like `base` (cluster indexes `base.cluster_index + n - 1`, REST ports
/// `base.api_port + n - 1` unless 0) that know each other; returns them in order once all answer.
pub fn start_clusters(base: &SandboxOptions, count: u8) -> anyhow::Result<Vec<SandboxHandle>> {
    let group = PeerGroup::new();
    let mut handles = Vec::new();
    for number in 1..=count {
        let offset = number - 1;
        let mut options = base.clone();
        options.dir = cluster_dir(&base.dir, number);
        options.cluster_index = base
            .cluster_index
            .checked_add(offset)
            .context("cluster index out of range")?;
        if base.api_port != 0 {
            options.api_port = base
                .api_port
                .checked_add(u16::from(offset))
                .context("REST port out of range")?;
        }
        options.crdb_group = group.clone();
        // One CA for the whole group, kept with cluster 1 (unless the caller chose one).
        options.ca_dir = Some(base.ca_dir.clone().unwrap_or_else(|| base.dir.clone()));
        let handle =
            SandboxHandle::start(options).with_context(|| format!("starting cluster {number}"))?;
        handles.push(handle);
    }
    Ok(handles)
}

/// Writes `DIR/cluster<n>.env` for every cluster: its `sandbox.env` lines plus
/// `RSADMIN_CLUSTER_FQDN=`, the name `crdb create --instance fqdn=...` takes.
pub fn write_env_files(dir: &Path, handles: &[SandboxHandle]) -> anyhow::Result<()> {
    for (index, handle) in handles.iter().enumerate() {
        let env = fs::read_to_string(handle.env_file())
            .with_context(|| format!("reading {}", handle.env_file().display()))?;
        let text = format!(
            "{env}RSADMIN_CLUSTER_FQDN={}\n",
            handle.state().cluster.name
        );
        let path = dir.join(format!("cluster{}.env", index + 1));
        durable_file::replace(&path, text.as_bytes(), Readers::OwnerOnly)?;
    }
    Ok(())
}
