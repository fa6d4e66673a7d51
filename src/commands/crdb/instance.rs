//! `--instance fqdn=...,username=...,password-env=VAR[,url=...]` and
//! `--credentials id=...,username=...,password-env=VAR`: parsing, and where the password comes
//! from. Passwords never need to be in argv: `profile=NAME` takes the user, URL and keyring
//! password of a saved profile (`rsadmin profile add`), `password-env=VAR` names an environment
//! variable, `RSADMIN_INSTANCE_PASSWORD` serves every instance without one, and a terminal
//! prompts.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use serde_json::{Value, json};

use crate::config::keyring::{self, Store};
use crate::config::profile::ProfileFile;
use crate::config::prompt_password;
use crate::error::{CliError, CliResult, ExitKind};
use crate::sanitize;

/// The password of every instance that names none.
pub const INSTANCE_PASSWORD_ENV: &str = "RSADMIN_INSTANCE_PASSWORD";

/// The REST API port of a participant given without `url=` (crdb-cli's default).
const DEFAULT_REST_PORT: u16 = 9443;

const CERTIFICATE_KEYS: [&str; 3] = ["client_cert", "client_key", "trusted_ca"];

/// Where an instance's password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PasswordSource {
    /// `password=` on the command line (works, with a warning).
    Argument(String),
    /// `password-env=VAR`.
    Variable(String),
    /// `profile=NAME`: the keyring entry of that profile (its account names user and URL).
    Profile { name: String, url: String },
    /// Neither: `RSADMIN_INSTANCE_PASSWORD`, then a prompt.
    Default,
}

/// Which cluster an `--instance` or `--credentials` value is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Participant {
    /// `fqdn=` of `--instance`.
    Fqdn(String),
    /// `id=` of `--credentials`.
    InstanceId(u64),
}

impl Participant {
    fn describe(&self) -> String {
        match self {
            Participant::Fqdn(fqdn) => format!("cluster {fqdn}"),
            Participant::InstanceId(id) => format!("instance {id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantSpec {
    pub participant: Participant,
    pub url: Option<String>,
    pub username: String,
    password: PasswordSource,
    pub replication_endpoint: Option<String>,
    pub replication_tls_sni: Option<String>,
}

/// Which flag is parsed: the keys it takes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecFlag {
    Instance,
    Credentials,
}

impl SpecFlag {
    fn name(self) -> &'static str {
        match self {
            SpecFlag::Instance => "--instance",
            SpecFlag::Credentials => "--credentials",
        }
    }

    fn keys(self) -> &'static [&'static str] {
        match self {
            SpecFlag::Instance => &[
                "fqdn",
                "url",
                "username",
                "password",
                "password-env",
                "profile",
                "replication_endpoint",
                "replication_tls_sni",
            ],
            SpecFlag::Credentials => &["id", "username", "password", "password-env", "profile"],
        }
    }
}

/// Errors never show any part of the value, only the flag, an item's position and the names of
/// known keys: a password may hide anywhere in it (`PASSWORD=` in another case, or the part of a
/// password after a comma, which reads as an item of its own).
pub fn parse(raw: &str, flag: SpecFlag) -> CliResult<ParticipantSpec> {
    let usage =
        |detail: String| CliError::usage(format!("invalid {} value: {detail}", flag.name()));
    let mut pairs: BTreeMap<&str, &str> = BTreeMap::new();
    for (position, item) in raw.split(',').enumerate() {
        if item.is_empty() {
            continue;
        }
        let item_number = position + 1;
        let (key, value) = item.split_once('=').ok_or_else(|| {
            usage(format!(
                "item {item_number} is not key=value (a password holding a comma cannot be given \
                 inline: use password-env=VAR)"
            ))
        })?;
        if CERTIFICATE_KEYS.contains(&key) {
            return Err(usage(
                "certificate credentials are not supported by rsadmin yet; \
                 use username=...,password-env=VAR"
                    .into(),
            ));
        }
        if !flag.keys().contains(&key) {
            let known_in_other_case = flag
                .keys()
                .iter()
                .find(|known| known.eq_ignore_ascii_case(key));
            return Err(usage(match known_in_other_case {
                Some(known) => format!("item {item_number}: keys are lowercase: {known}="),
                None => format!(
                    "the key of item {item_number} is not one of {}",
                    flag.keys().join(", ")
                ),
            }));
        }
        if pairs.insert(key, value).is_some() {
            return Err(usage(format!("{key} is given twice")));
        }
    }
    let text = |key: &str| pairs.get(key).map(|value| value.to_string());
    let participant = match flag {
        SpecFlag::Instance => Participant::Fqdn(
            text("fqdn").ok_or_else(|| usage("fqdn=<cluster FQDN> is required".into()))?,
        ),
        SpecFlag::Credentials => Participant::InstanceId(
            text("id")
                .and_then(|id| id.parse().ok())
                .ok_or_else(|| usage("id=<instance id> is required".into()))?,
        ),
    };
    let profile = text("profile")
        .map(|name| {
            let profile = ProfileFile::load()?.get(&name)?.clone();
            Ok::<_, CliError>((name, profile))
        })
        .transpose()?;
    let username = text("username")
        .or_else(|| profile.as_ref().map(|(_, profile)| profile.user.clone()))
        .ok_or_else(|| usage("username=<user> (or profile=<name>) is required".into()))?;
    let url = text("url").or_else(|| profile.as_ref().map(|(_, profile)| profile.cluster.clone()));
    let password = match (text("password"), text("password-env"), profile) {
        (Some(password), None, None) => PasswordSource::Argument(password),
        (None, Some(variable), None) => PasswordSource::Variable(variable),
        (None, None, Some((name, profile))) => PasswordSource::Profile {
            name,
            url: profile.cluster,
        },
        (None, None, None) => PasswordSource::Default,
        _ => {
            return Err(usage(
                "give one of password=, password-env= and profile=".into(),
            ));
        }
    };
    if let Some(url) = &url {
        sanitize::refuse_userinfo(url, &format!("{} url=", flag.name()))?;
        if !url.starts_with("https://") && !url.starts_with("http://") {
            return Err(usage("url= must start with https://".into()));
        }
    }
    Ok(ParticipantSpec {
        participant,
        url,
        username,
        password,
        replication_endpoint: text("replication_endpoint"),
        replication_tls_sni: text("replication_tls_sni"),
    })
}

impl ParticipantSpec {
    /// The password, from the source the user chose.
    pub fn resolve_password(&self) -> CliResult<String> {
        let who = format!("{} at {}", self.username, self.participant.describe());
        match &self.password {
            PasswordSource::Argument(password) => {
                eprintln!(
                    "warning: password= puts the password of {who} in the process list and shell \
                     history; prefer password-env=VAR or {INSTANCE_PASSWORD_ENV}"
                );
                Ok(password.clone())
            }
            PasswordSource::Variable(variable) => std::env::var(variable).map_err(|_| {
                CliError::usage(format!(
                    "password-env={variable}: the environment variable {variable} is not set \
                     (it should hold the password of {who})"
                ))
            }),
            PasswordSource::Profile { name, url } => {
                let account = keyring::account(name, &self.username, url);
                keyring::read_password(Store::detect(), &account)?.ok_or_else(|| {
                    CliError::new(
                        ExitKind::Auth,
                        format!(
                            "profile {name} has no password in the keyring for {}; store it \
                             again with: rsadmin profile add {name} --cluster {url} --user {}",
                            self.username, self.username
                        ),
                    )
                })
            }
            PasswordSource::Default => {
                if let Ok(password) = std::env::var(INSTANCE_PASSWORD_ENV) {
                    return Ok(password);
                }
                if std::io::stdin().is_terminal() {
                    return prompt_password(&self.username, &self.participant.describe());
                }
                Err(CliError::usage(format!(
                    "no password for {who}: add password-env=VAR to the value, or set \
                     {INSTANCE_PASSWORD_ENV}, or run on a terminal to be prompted"
                )))
            }
        }
    }

    /// The instance_info object (R:objects/crdb/instance_info.md) of a `POST /v1/crdbs`
    /// `instances` or a modify_request's `add_instances` entry, with the password resolved.
    pub fn instance_info(&self, compression: u8) -> CliResult<Value> {
        let Participant::Fqdn(fqdn) = &self.participant else {
            return Err(CliError::usage("--instance needs fqdn="));
        };
        // The reference marks `cluster.url` required; without url= it is crdb-cli's
        // documented form, the FQDN on the default REST port.
        let url = self
            .url
            .clone()
            .unwrap_or_else(|| format!("https://{fqdn}:{DEFAULT_REST_PORT}"));
        let mut cluster = json!({ "name": fqdn, "url": url, "credentials": self.credentials()? });
        for (key, value) in [
            ("replication_endpoint", &self.replication_endpoint),
            ("replication_tls_sni", &self.replication_tls_sni),
        ] {
            if let Some(value) = value {
                cluster[key] = json!(value);
            }
        }
        Ok(json!({ "cluster": cluster, "compression": compression }))
    }

    /// `{"username": ..., "password": ...}` of the REST cluster_info object.
    pub fn credentials(&self) -> CliResult<Value> {
        let password = self.resolve_password()?;
        sanitize::register_secret(&password);
        Ok(json!({ "username": self.username, "password": password }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instance_keys_parse() {
        let spec = parse(
            "fqdn=c1.example.com,url=https://10.0.0.1:9443,username=a@b,password-env=PW1",
            SpecFlag::Instance,
        )
        .unwrap();
        assert_eq!(spec.participant, Participant::Fqdn("c1.example.com".into()));
        assert_eq!(spec.url.as_deref(), Some("https://10.0.0.1:9443"));
        assert_eq!(spec.username, "a@b");
        assert_eq!(spec.password, PasswordSource::Variable("PW1".into()));
    }

    #[test]
    fn bad_values_are_usage_errors_without_the_password() {
        let err = parse(
            "fqdn=c1,username=u,password=s3cret,colour=red",
            SpecFlag::Instance,
        )
        .unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert!(!err.message.contains("s3cret"), "{}", err.message);
        assert!(parse("username=u", SpecFlag::Instance).is_err());
        assert!(parse("fqdn=c1,username=u,client_cert=x", SpecFlag::Instance).is_err());
        assert!(
            parse(
                "fqdn=c1,username=u,password=a,password-env=B",
                SpecFlag::Instance
            )
            .is_err()
        );
        assert!(parse("id=x,username=u", SpecFlag::Credentials).is_err());
    }

    #[test]
    fn no_error_shows_any_part_of_a_secret() {
        for raw in [
            "fqdn=c1,username=u,PASSWORD=s3cret",
            "fqdn=c1,username=u,Password=s3cret,password-env=X",
            "fqdn=c1,username=u,password=s3c,ret",
            "fqdn=c1,username=u,password=s3c,ret=x",
            "fqdn=c1,username=u,password=s3c,ret,password-env=X",
            "fqdn=c1,username=u,password=x,url=https://u:s3cret@h:9443",
            "fqdn=c1,username=u,password=x,url=ftp:s3cret",
        ] {
            let err = parse(raw, SpecFlag::Instance).unwrap_err();
            assert_eq!(err.kind, ExitKind::Usage, "{raw}");
            for part in ["s3c", "ret"] {
                assert!(!err.message.contains(part), "{raw}: {}", err.message);
            }
        }
        assert_eq!(
            parse("fqdn=c1,username=u,PASSWORD=s3cret", SpecFlag::Instance)
                .unwrap_err()
                .message,
            "invalid --instance value: item 3: keys are lowercase: password="
        );
    }
}
