//! `DIR/sandbox.env` (mode 0600): the only place the admin password is written.
//! `set -a; . DIR/sandbox.env; set +a` points rsadmin at the sandbox.

use crate::durable_file::{self, Readers};
use crate::redact;
use anyhow::Context;
use rand::RngExt;
use std::fs;
use std::path::Path;

pub const ENV_FILE: &str = "sandbox.env";

/// The cluster admin user of every sandbox.
pub const ADMIN_USER: &str = "admin@sandbox.local";

const PASSWORD_LENGTH: usize = 32;

#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        redact::debug_credentials(formatter, "Credentials", ("user", &self.user))
    }
}

/// Keeps the password of an earlier run of the same sandbox (so a restarted sandbox accepts the
/// same credentials), otherwise generates a random one.
pub fn load_or_generate_credentials(env_path: &Path) -> anyhow::Result<Credentials> {
    let saved = match fs::read_to_string(env_path) {
        Ok(text) => read_var(&text, "RSADMIN_PASSWORD"),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error).with_context(|| format!("reading {}", env_path.display())),
    };
    let password = saved.unwrap_or_else(|| {
        rand::rng()
            .sample_iter(rand::distr::Alphanumeric)
            .take(PASSWORD_LENGTH)
            .map(char::from)
            .collect()
    });
    Ok(Credentials {
        user: ADMIN_USER.into(),
        password,
    })
}

/// Value of `NAME=value` in an env file.
pub fn read_var(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        line.strip_prefix(name)?
            .strip_prefix('=')
            .map(str::to_string)
    })
}

pub fn write(
    dir: &Path,
    url: &str,
    credentials: &Credentials,
    ca_path: &Path,
) -> anyhow::Result<()> {
    let path = dir.join(ENV_FILE);
    let text = format!(
        "RSADMIN_URL={url}\nRSADMIN_USER={}\nRSADMIN_PASSWORD={}\nRSADMIN_CA_CERT={}\n",
        credentials.user,
        credentials.password,
        ca_path.display()
    );
    durable_file::replace(&path, text.as_bytes(), Readers::OwnerOnly)
}

#[cfg(test)]
mod tests {
    use super::Credentials;

    #[test]
    fn debug_output_never_shows_the_password() {
        let credentials = Credentials {
            user: "admin@sandbox.local".into(),
            password: "s3cret-pw".into(),
        };
        assert_eq!(
            format!("{credentials:?}"),
            r#"Credentials { user: "admin@sandbox.local", password: "<redacted>" }"#
        );
    }
}
