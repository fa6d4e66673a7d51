//! Saved connection profiles in `$XDG_CONFIG_HOME/rsadmin/profiles.toml` (`~/.config/...` when
//! unset; the platform's config directory elsewhere). The file holds no secret: passwords live in
//! the OS keyring (`config::keyring`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CliError, CliResult, ExitKind};

/// One cluster, one user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub cluster: String,
    pub user: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<PathBuf>,
    /// SHA-256 of the exact server certificate accepted at `profile add` when no CA vouched for
    /// it (a self-signed cluster certificate). Only that certificate is accepted afterwards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned_sha256: Option<String>,
    /// Uids of the databases whose password `profile set-db-password` put in the keyring; the
    /// keyring cannot list entries, so `profile remove` finds them here.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub db_passwords: BTreeSet<u64>,
}

/// The whole file: the profile used when none is named, and every profile by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Profile>,
}

pub fn profiles_path() -> CliResult<PathBuf> {
    dirs::config_dir()
        .map(|dir| dir.join("rsadmin").join("profiles.toml"))
        .ok_or_else(|| {
            CliError::usage(
                "cannot find a configuration directory for profiles: set XDG_CONFIG_HOME or HOME",
            )
        })
}

impl ProfileFile {
    /// The saved profiles; no file yet means none.
    pub fn load() -> CliResult<ProfileFile> {
        Self::load_from(&profiles_path()?)
    }

    fn load_from(path: &Path) -> CliResult<ProfileFile> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ProfileFile::default());
            }
            Err(err) => return Err(file_error(path, "read", &err.to_string())),
        };
        toml::from_str(&text).map_err(|err| {
            CliError::usage(format!(
                "{} is not a valid profile file: {err}. Fix it, or remove it and add the profiles again.",
                path.display()
            ))
        })
    }

    /// Writes to a temporary file and renames it, so a crash never leaves half a file.
    pub fn save(&self) -> CliResult<()> {
        let path = profiles_path()?;
        let text = toml::to_string(self)
            .map_err(|err| file_error(&path, "serialise", &err.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|err| file_error(&path, "create the directory of", &err.to_string()))?;
        }
        let temporary = path.with_extension("toml.tmp");
        std::fs::write(&temporary, text)
            .and_then(|()| std::fs::rename(&temporary, &path))
            .map_err(|err| file_error(&path, "write", &err.to_string()))
    }

    /// The profile called `name`, or an error listing the ones that exist.
    pub fn get(&self, name: &str) -> CliResult<&Profile> {
        self.profiles.get(name).ok_or_else(|| self.unknown(name))
    }

    pub fn unknown(&self, name: &str) -> CliError {
        let known = if self.profiles.is_empty() {
            "there are no profiles yet".to_string()
        } else {
            format!(
                "known profiles: {}",
                self.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
            )
        };
        CliError::usage(format!(
            "no profile named {name:?} ({known}). Add it: rsadmin profile add {name} \
             --cluster https://<node>:9443 --user <email>"
        ))
    }
}

/// Profile names go into file keys, keyring accounts and shell completions: keep them plain.
pub fn validate_name(name: &str) -> CliResult<()> {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(())
    } else {
        Err(CliError::usage(format!(
            "invalid profile name {name:?}: use letters, digits, '-', '_' and '.'"
        )))
    }
}

fn file_error(path: &Path, action: &str, detail: &str) -> CliError {
    CliError::new(
        ExitKind::Failed,
        format!("cannot {action} {}: {detail}", path.display()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_round_trips_without_empty_fields() {
        let mut file = ProfileFile {
            active: Some("prod".into()),
            ..ProfileFile::default()
        };
        file.profiles.insert(
            "prod".into(),
            Profile {
                cluster: "https://c:9443".into(),
                user: "admin@example.com".into(),
                ca_cert: None,
                pinned_sha256: Some("AB:CD".into()),
                db_passwords: BTreeSet::from([1]),
            },
        );
        let text = toml::to_string(&file).expect("serialises");
        assert_eq!(
            text,
            "active = \"prod\"\n\n[profiles.prod]\ncluster = \"https://c:9443\"\n\
             user = \"admin@example.com\"\npinned_sha256 = \"AB:CD\"\n\
             db_passwords = [1]\n"
        );
        assert_eq!(toml::from_str::<ProfileFile>(&text).expect("parses"), file);
    }

    #[test]
    fn names_are_plain() {
        assert!(validate_name("prod-eu_1.a").is_ok());
        for bad in ["", "a b", "a/b", "ä"] {
            assert_eq!(
                validate_name(bad).unwrap_err().kind,
                ExitKind::Usage,
                "{bad}"
            );
        }
    }

    #[test]
    fn unknown_profile_lists_the_known_ones() {
        let file: ProfileFile = toml::from_str(
            "[profiles.a]\ncluster = \"https://a:9443\"\nuser = \"u\"\n\
             [profiles.b]\ncluster = \"https://b:9443\"\nuser = \"u\"\n",
        )
        .expect("parses");
        let err = file.get("c").unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert!(
            err.message.contains("(known profiles: a, b)."),
            "{}",
            err.message
        );
    }
}
