//! Connection settings, strongest source first: command-line flags, then `RSADMIN_*` environment
//! (both handled by clap's `env` attributes in `cli`), then the profile (named with `--profile` /
//! `RSADMIN_PROFILE`, else the active one), with its password in the OS keyring, then an
//! interactive password prompt when stdin is a terminal.
//!
//! The active profile applies only when no cluster URL was given: a URL on the command line or in
//! the environment means another cluster, and a profile's password and certificate pin are only
//! ever used for the profile's own cluster and user.

pub mod keyring;
pub mod profile;

use std::io::IsTerminal;
use std::path::PathBuf;

use crate::api::ConnectionSettings;
use crate::api::pinning::{CertificatePin, Fingerprint};
use crate::error::{CliError, CliResult, ExitKind};
use crate::sanitize;
use profile::{Profile, ProfileFile};

/// The only way to pass a password without a terminal; there is deliberately no `--password`
/// flag, so secrets never appear in process arguments.
pub const PASSWORD_ENV: &str = "RSADMIN_PASSWORD";

/// The database password for `verify`/`doctor` without a profile entry: never a flag either.
pub const DB_PASSWORD_ENV: &str = "RSADMIN_DB_PASSWORD";

/// What the user gave on the command line or in the environment.
#[derive(Debug, Clone, Default)]
pub struct ConnectionInput {
    pub url: Option<String>,
    pub user: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub insecure: bool,
    pub profile: Option<String>,
}

/// Settings plus the certificate pin of the profile they came from, if any.
#[derive(Debug, Clone)]
pub struct ResolvedConnection {
    pub settings: ConnectionSettings,
    pub pin: Option<CertificatePin>,
}

pub fn resolve(input: &ConnectionInput) -> CliResult<ResolvedConnection> {
    let profile = selected_profile(input)?;
    let from_profile = |field: fn(&Profile) -> String| profile.as_ref().map(|(_, p)| field(p));
    let url = input
        .url
        .clone()
        .or_else(|| from_profile(|p| p.cluster.clone()))
        .ok_or_else(|| {
            CliError::usage(
                "no cluster URL: pass --cluster https://<node>:9443 or set RSADMIN_URL, or add a \
                 profile: rsadmin profile add <name> --cluster https://<node>:9443 --user <email> \
                 (for a sandbox: set -a; . DIR/sandbox.env; set +a)",
            )
        })?;
    sanitize::refuse_userinfo(&url, "cluster URL")?;
    // Redis Software can serve the API over plain HTTP (port 8080); credentials then travel in
    // clear text, so only --insecure accepts it (and says so on stderr).
    let plain_http_allowed = url.starts_with("http://") && input.insecure;
    if !url.starts_with("https://") && !plain_http_allowed {
        let hint = if url.starts_with("http://") {
            ", or pass --insecure to send the credentials in clear text over HTTP"
        } else {
            ""
        };
        return Err(CliError::usage(format!(
            "cluster URL {url} must start with https:// (the REST API is served over HTTPS, port 9443){hint}"
        )));
    }
    let user = input
        .user
        .clone()
        .or_else(|| from_profile(|p| p.user.clone()))
        .ok_or_else(|| CliError::usage("no user: pass --user <email> or set RSADMIN_USER"))?;
    let ca_cert = input.ca_cert.clone().or_else(|| {
        profile
            .as_ref()
            .and_then(|(_, profile)| profile.ca_cert.clone())
    });
    let own_profile = profile.filter(|(_, profile)| serves(profile, input));
    let pin = match &own_profile {
        Some((name, profile)) => certificate_pin(name, profile)?,
        None => None,
    };
    if let Some(pin) = &pin
        && input.insecure
        && input.ca_cert.is_none()
    {
        // --insecure would override the pin and send the keyring password to whatever answers.
        return Err(CliError::usage(format!(
            "profile {} pins the certificate of {url}: --insecure would send its password to any \
             server that answers. Drop --insecure (the pin already trusts the cluster), or name \
             the trust you want instead with --ca-cert PATH",
            pin.profile
        )));
    }
    let password = password(&user, &url, own_profile.as_ref())?;
    sanitize::register_secret(&password);
    Ok(ResolvedConnection {
        settings: ConnectionSettings {
            url,
            user,
            password,
            ca_cert,
            insecure: input.insecure,
        },
        pin,
    })
}

/// The named profile (which must exist), else the active one when no URL was given.
fn selected_profile(input: &ConnectionInput) -> CliResult<Option<(String, Profile)>> {
    if input.profile.is_none() && input.url.is_some() {
        return Ok(None);
    }
    let file = ProfileFile::load()?;
    let name = match input.profile.clone().or_else(|| file.active.clone()) {
        Some(name) => name,
        None => return Ok(None),
    };
    let profile = file.get(&name)?.clone();
    Ok(Some((name, profile)))
}

/// Whether the connection goes to the profile's own cluster as its own user (flags and
/// environment may name another), the only case its secrets and pin apply to.
fn serves(profile: &Profile, input: &ConnectionInput) -> bool {
    input.url.as_ref().is_none_or(|url| *url == profile.cluster)
        && input.user.as_ref().is_none_or(|user| *user == profile.user)
}

/// The profile whose cluster and user this connection uses, if any.
fn profile_in_use(input: &ConnectionInput) -> CliResult<Option<(String, Profile)>> {
    Ok(selected_profile(input)?.filter(|(_, profile)| serves(profile, input)))
}

/// The database password: `RSADMIN_DB_PASSWORD`, else the entry `profile set-db-password` stored
/// for this database under the profile in use; `None` connects without AUTH.
pub fn db_password(input: &ConnectionInput, db_uid: u64) -> CliResult<Option<String>> {
    let password = stored_db_password(input, db_uid)?;
    if let Some(password) = &password {
        sanitize::register_secret(password);
    }
    Ok(password)
}

fn stored_db_password(input: &ConnectionInput, db_uid: u64) -> CliResult<Option<String>> {
    if let Some(password) = std::env::var(DB_PASSWORD_ENV)
        .ok()
        .filter(|password| !password.is_empty())
    {
        return Ok(Some(password));
    }
    let Some((name, profile)) = profile_in_use(input)? else {
        return Ok(None);
    };
    if !profile.db_passwords.contains(&db_uid) {
        return Ok(None);
    }
    let account = keyring::account(&name, &profile.user, &profile.cluster);
    keyring::read_password(
        keyring::Store::detect(),
        &keyring::db_account(&account, db_uid),
    )
}

fn certificate_pin(name: &str, profile: &Profile) -> CliResult<Option<CertificatePin>> {
    let Some(pinned) = &profile.pinned_sha256 else {
        return Ok(None);
    };
    let sha256: Fingerprint = pinned.parse().map_err(|err: CliError| {
        CliError::usage(format!("profile {name}: pinned_sha256: {}", err.message))
    })?;
    Ok(Some(CertificatePin {
        profile: name.to_string(),
        sha256,
    }))
}

/// Environment, then the profile's keyring entry, then a prompt on a terminal.
fn password(user: &str, url: &str, profile: Option<&(String, Profile)>) -> CliResult<String> {
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    if let Some((name, _)) = profile {
        let store = keyring::Store::detect();
        match keyring::read_password(store, &keyring::account(name, user, url))? {
            Some(password) => return Ok(password),
            None => return Err(keyring_entry_gone(name, user, url, store)),
        }
    }
    if std::io::stdin().is_terminal() {
        return prompt_password(user, url);
    }
    Err(CliError::new(
        ExitKind::Auth,
        format!(
            "no password for {user} at {url}. Provide one with either of:\n  \
             rsadmin profile add <name> --cluster {url} --user {user}   \
             (asks once, keeps it in the OS keyring)\n  \
             export {PASSWORD_ENV}=...   (CI; there is no --password flag, so the password never \
             shows in process lists)"
        ),
    ))
}

pub fn prompt_password(user: &str, url: &str) -> CliResult<String> {
    prompt_secret(&format!("Password for {user} at {url}"))
}

/// A hidden prompt on the terminal.
pub fn prompt_secret(prompt: &str) -> CliResult<String> {
    dialoguer::Password::new()
        .with_prompt(prompt)
        .interact()
        .map_err(|err| CliError::new(ExitKind::Auth, format!("cannot read the password: {err}")))
}

fn keyring_entry_gone(name: &str, user: &str, url: &str, store: keyring::Store) -> CliError {
    let why = match store.caveat() {
        Some(_) => " (the Linux kernel keyring does not survive a reboot)",
        None => "",
    };
    CliError::new(
        ExitKind::Auth,
        format!(
            "the password of profile {name} is gone from {}{why}. Store it again: \
             rsadmin profile add {name} --cluster {url} --user {user}",
            store.description()
        ),
    )
}
