//! Files only the owner may read (mode 0600): the env files with the admin password and the
//! private keys of the certificates.

use anyhow::Context;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Writes `contents` to `path` with mode 0600, replacing what was there.
pub fn write(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    // `mode` applies to new files only; an existing file is tightened as well.
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
    file.write_all(contents)?;
    file.sync_all()
        .with_context(|| format!("writing {}", path.display()))
}
