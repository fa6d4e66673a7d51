//! Connection settings, strongest source first: command-line flags, then `RSADMIN_*` environment
//! (both handled by clap's `env` attributes in `cli`), then the active profile (a later issue:
//! profiles with the password in the OS keyring plug in at `resolve_profile`), then an interactive
//! password prompt when stdin is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::error::{CliError, CliResult, ExitKind};

/// The only way to pass a password without a terminal; there is deliberately no `--password`
/// flag, so secrets never appear in process arguments.
pub const PASSWORD_ENV: &str = "RSADMIN_PASSWORD";

/// What the user gave on the command line or in the environment.
#[derive(Debug, Clone, Default)]
pub struct ConnectionInput {
    pub url: Option<String>,
    pub user: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub insecure: bool,
    pub profile: Option<String>,
}

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

pub fn resolve(input: &ConnectionInput) -> CliResult<ConnectionSettings> {
    resolve_profile(input)?;
    let url = input.url.clone().ok_or_else(|| {
        CliError::usage(
            "no cluster URL: pass --cluster https://<node>:9443 or set RSADMIN_URL \
             (for a sandbox: set -a; . DIR/sandbox.env; set +a)",
        )
    })?;
    if !url.starts_with("https://") {
        return Err(CliError::usage(format!(
            "cluster URL {url} must start with https:// (the REST API is served over HTTPS, port 9443)"
        )));
    }
    let user = input
        .user
        .clone()
        .ok_or_else(|| CliError::usage("no user: pass --user <email> or set RSADMIN_USER"))?;
    let password = password(&user, &url)?;
    Ok(ConnectionSettings {
        url,
        user,
        password,
        ca_cert: input.ca_cert.clone(),
        insecure: input.insecure,
    })
}

/// Profiles (with credentials in the OS keyring) come with a later issue; until then a named
/// profile is a usage error rather than being silently ignored.
fn resolve_profile(input: &ConnectionInput) -> CliResult<()> {
    match &input.profile {
        Some(name) => Err(CliError::usage(format!(
            "profile {name:?} cannot be used: profiles are not supported yet. \
             Use --cluster, --user and RSADMIN_PASSWORD instead."
        ))),
        None => Ok(()),
    }
}

fn password(user: &str, url: &str) -> CliResult<String> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    if std::io::stdin().is_terminal() {
        return dialoguer::Password::new()
            .with_prompt(format!("Password for {user} at {url}"))
            .interact()
            .map_err(|err| {
                CliError::new(ExitKind::Auth, format!("cannot read the password: {err}"))
            });
    }
    Err(CliError::new(
        ExitKind::Auth,
        format!(
            "no password for {user}: set {PASSWORD_ENV} in the environment, \
             or run rsadmin on a terminal to be prompted (there is no --password flag, \
             so the password never shows in process lists)"
        ),
    ))
}
