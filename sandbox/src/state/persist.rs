//! `DIR/state.json`: written to a temp file, fsynced, then renamed, so a killed sandbox always
//! finds either the old or the new state, never half of one.

use super::ClusterState;
use anyhow::Context;
use std::fs;
use std::io::Write;
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

pub fn save(path: &Path, state: &ClusterState) -> anyhow::Result<()> {
    let temp_path = path.with_extension("json.tmp");
    let bytes = serde_json::to_vec_pretty(state)?;
    let mut file =
        fs::File::create(&temp_path).with_context(|| format!("writing {}", temp_path.display()))?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    fs::rename(&temp_path, path).with_context(|| format!("replacing {}", path.display()))?;
    if let Some(dir) = path.parent() {
        // fsync the directory so the rename itself survives a crash.
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}
