//! Files the sandbox replaces whole: written to a temp file, fsynced, then renamed (and the
//! directory fsynced), so a killed sandbox finds either the old or the new content, never half.
//! Files with secrets (the admin password, participants' credentials, private keys) are
//! readable by the owner only (mode 0600).

use anyhow::Context;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Who may read the file.
#[derive(Clone, Copy, PartialEq)]
pub enum Readers {
    /// Mode 0600.
    OwnerOnly,
    /// The process umask decides, as for any new file.
    Default,
}

pub fn replace(path: &Path, contents: &[u8], readers: Readers) -> anyhow::Result<()> {
    let temp_path = temp_path(path);
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    if readers == Readers::OwnerOnly {
        options.mode(0o600);
    }
    let mut file = options
        .open(&temp_path)
        .with_context(|| format!("writing {}", temp_path.display()))?;
    if readers == Readers::OwnerOnly {
        // `mode` applies to new files only; a leftover temp file is tightened as well.
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(contents)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", temp_path.display()))?;
    fs::rename(&temp_path, path).with_context(|| format!("replacing {}", path.display()))?;
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        // fsync the directory so the rename itself survives a crash.
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// `NAME.tmp` next to `NAME`.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}
