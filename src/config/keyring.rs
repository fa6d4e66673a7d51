//! Profile passwords in the OS keyring: Keychain on macOS, Credential Manager on Windows, the
//! Secret Service on Linux desktops and, on headless Linux (no D-Bus session: servers, CI), the
//! kernel keyutils store.
//!
//! keyutils entries go into the user keyring (`_uid.<uid>`): every process of the same user
//! finds them, with or without a login session of its own (a CI job, `ssh host cmd`, a
//! container). keyring's default keyutils store uses the session keyring and links to the
//! persistent keyring instead; in a process without its own session keyring (CI, containers) the
//! kernel refuses that link, so the store is built here. The user keyring lives as long as the
//! user has processes on the machine; nothing in the kernel store survives a reboot, which is why
//! storing there says so.

use keyring::Entry;

use crate::error::{CliError, CliResult, ExitKind};

/// The service name every rsadmin entry is filed under.
const SERVICE: &str = "rsadmin";

/// Which store holds the passwords on this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// The platform's own store (Keychain, Credential Manager, Secret Service).
    Platform,
    /// Linux kernel keyutils: in memory only.
    KernelKeyutils,
}

impl Store {
    /// Picks the Secret Service when a desktop session answers, the kernel store otherwise.
    pub fn detect() -> Store {
        #[cfg(target_os = "linux")]
        {
            let probe = keyring::secret_service::SsCredential::new_with_target(
                None,
                SERVICE,
                "availability-probe",
            );
            match probe.map(|credential| Entry::new_with_credential(Box::new(credential))) {
                Ok(entry) => match entry.get_password() {
                    Ok(_) | Err(keyring::Error::NoEntry) => Store::Platform,
                    Err(_) => Store::KernelKeyutils,
                },
                Err(_) => Store::KernelKeyutils,
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            Store::Platform
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Store::Platform => "the OS keyring",
            Store::KernelKeyutils => "the Linux kernel keyring (keyutils)",
        }
    }

    /// Said once, when a password is stored.
    pub fn caveat(self) -> Option<&'static str> {
        match self {
            Store::Platform => None,
            Store::KernelKeyutils => Some(
                "no desktop keyring (Secret Service) is available, so the password is in the Linux \
                 kernel keyring, which does not survive a reboot (nor the end of your last session on \
                 this machine); then run `rsadmin profile add` again",
            ),
        }
    }

    fn entry(self, account: &str) -> keyring::Result<Entry> {
        match self {
            #[cfg(target_os = "linux")]
            Store::KernelKeyutils => user_keyring_entry(account),
            _ => Entry::new(SERVICE, account),
        }
    }
}

#[cfg(target_os = "linux")]
fn user_keyring_entry(account: &str) -> keyring::Result<Entry> {
    use keyring::keyutils::{KeyutilsCredential, decode_error};
    use linux_keyutils::{KeyRing, KeyRingIdentifier};

    let user_keyring =
        KeyRing::from_special_id(KeyRingIdentifier::User, false).map_err(decode_error)?;
    Ok(Entry::new_with_credential(Box::new(KeyutilsCredential {
        session: user_keyring,
        persistent: None,
        description: format!("{SERVICE}:{account}"),
    })))
}

/// The keyring account of one profile: its name, user and cluster, so that a profile pointed at
/// another cluster never reads the password meant for the old one.
pub fn account(profile: &str, user: &str, url: &str) -> String {
    format!("{profile}:{user}@{url}")
}

/// The keyring account of one database's password under a profile (`profile set-db-password`),
/// tied to the profile's own account so it goes with the profile's cluster.
pub fn db_account(profile_account: &str, db_uid: u64) -> String {
    format!("{profile_account}:db:{db_uid}")
}

pub fn store_password(store: Store, account: &str, password: &str) -> CliResult<()> {
    store
        .entry(account)
        .and_then(|entry| entry.set_password(password))
        .map_err(|err| keyring_error(store, "store the password in", &err))
}

/// `Ok(None)` when there is no entry (never stored, removed, or lost in a reboot).
pub fn read_password(store: Store, account: &str) -> CliResult<Option<String>> {
    match store.entry(account).and_then(|entry| entry.get_password()) {
        Ok(password) => Ok(Some(password)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(err) => Err(keyring_error(store, "read the password from", &err)),
    }
}

/// Deletes the entry; a missing entry is not an error (the goal is reached).
pub fn delete_password(store: Store, account: &str) -> CliResult<bool> {
    match store
        .entry(account)
        .and_then(|entry| entry.delete_credential())
    {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(err) => Err(keyring_error(store, "delete the password from", &err)),
    }
}

fn keyring_error(store: Store, action: &str, err: &keyring::Error) -> CliError {
    CliError::new(
        ExitKind::Auth,
        format!(
            "cannot {action} {}: {err}. Set RSADMIN_PASSWORD in the environment instead.",
            store.description()
        ),
    )
}
