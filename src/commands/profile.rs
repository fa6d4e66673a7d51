//! `profile add|list|show|use|set-db-password|remove`: saved connections, passwords in the OS
//! keyring, and the certificate pin of clusters no CA vouches for.

use std::io::{IsTerminal, Read};

use serde::Serialize;

use crate::api::ApiClient;
use crate::api::ConnectionSettings;
use crate::api::pinning::{
    CertificatePin, Fingerprint, ServerCertificate, inspect_server_certificate,
};
use crate::cli::profile::{ProfileAction, ProfileAddArgs, ProfileArgs, ProfileSetDbPasswordArgs};
use crate::commands::Context;
use crate::config::keyring::{self, Store};
use crate::config::profile::{Profile, ProfileFile, validate_name};
use crate::config::{self, ConnectionInput, PASSWORD_ENV, prompt_password, prompt_secret};
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;
use crate::resolve::{DbRef, resolve_db};
use crate::sanitize;

pub fn run(ctx: &Context, args: ProfileArgs) -> CliResult<()> {
    match args.action {
        ProfileAction::Add(add) => run_add(ctx, add),
        ProfileAction::List { names } => run_list(ctx, names),
        ProfileAction::Show { profile } => run_show(ctx, profile),
        ProfileAction::Use { profile } => run_use(ctx, &profile),
        ProfileAction::SetDbPassword(args) => run_set_db_password(ctx, args),
        ProfileAction::Remove { profile } => run_remove(ctx, &profile),
    }
}

/// What `profile add` will save, validated before anything is sent.
struct AddRequest {
    name: String,
    profile: Profile,
    trusted_fingerprint: Option<Fingerprint>,
    password_stdin: bool,
}

fn parse_add(ctx: &Context, args: ProfileAddArgs) -> CliResult<AddRequest> {
    validate_name(&args.name)?;
    let input = ctx.connection();
    let needs = |what: &str| {
        CliError::usage(format!(
            "profile add needs {what}: rsadmin profile add {} --cluster https://<node>:9443 --user <email>",
            args.name
        ))
    };
    let cluster = input.url.clone().ok_or_else(|| needs("--cluster"))?;
    let user = input.user.clone().ok_or_else(|| needs("--user"))?;
    sanitize::refuse_userinfo(&cluster, "cluster URL")?;
    if !cluster.starts_with("https://") {
        return Err(CliError::usage(format!(
            "cluster URL {cluster} must start with https:// (the REST API is served over HTTPS, port 9443)"
        )));
    }
    if input.insecure {
        return Err(CliError::usage(
            "profile add does not save --insecure: it verifies the certificate with --ca-cert or \
             the public CAs, or pins a self-signed one after you confirm its fingerprint",
        ));
    }
    let trusted_fingerprint = args
        .trust_fingerprint
        .as_deref()
        .map(str::parse)
        .transpose()?;
    Ok(AddRequest {
        name: args.name,
        profile: Profile {
            cluster: cluster.trim_end_matches('/').to_string(),
            user,
            ca_cert: input.ca_cert.clone(),
            pinned_sha256: None,
            db_passwords: Default::default(),
        },
        trusted_fingerprint,
        password_stdin: args.password_stdin,
    })
}

#[derive(Serialize)]
struct ProfileView<'a> {
    name: &'a str,
    active: bool,
    #[serde(flatten)]
    profile: &'a Profile,
    /// Whether the keyring holds the password (only `show` looks).
    #[serde(skip_serializing_if = "Option::is_none")]
    password_stored: Option<bool>,
}

fn run_add(ctx: &Context, args: ProfileAddArgs) -> CliResult<()> {
    let mut request = parse_add(ctx, args)?;
    let url = reqwest::Url::parse(&request.profile.cluster).map_err(|err| {
        CliError::usage(format!(
            "invalid cluster URL {}: {err}",
            request.profile.cluster
        ))
    })?;
    let certificate = inspect_server_certificate(&url, request.profile.ca_cert.as_deref())?;
    let pin = decide_pin(&request, &certificate)?;
    request.profile.pinned_sha256 = pin.as_ref().map(|pin| pin.sha256.to_string());

    let password = read_password(&request)?;
    let settings = ConnectionSettings {
        url: request.profile.cluster.clone(),
        user: request.profile.user.clone(),
        password,
        ca_cert: request.profile.ca_cert.clone(),
        insecure: false,
    };
    let cluster = ApiClient::with_pin(&settings, pin.as_ref())?.cluster()?;

    let mut file = ProfileFile::load()?;
    let store = Store::detect();
    if let Some(previous) = file.profiles.get(&request.name) {
        // A profile re-pointed at another cluster or user must not leave the old passwords behind.
        let previous_account = keyring::account(&request.name, &previous.user, &previous.cluster);
        let account = keyring::account(&request.name, &settings.user, &settings.url);
        if previous_account == account {
            request.profile.db_passwords = previous.db_passwords.clone();
        } else {
            delete_passwords(store, &request.name, previous)?;
        }
    }
    keyring::store_password(
        store,
        &keyring::account(&request.name, &settings.user, &settings.url),
        &settings.password,
    )?;
    if let Some(caveat) = store.caveat() {
        eprintln!("note: {caveat}");
    }
    file.profiles
        .insert(request.name.clone(), request.profile.clone());
    let activated = file.active.is_none();
    if activated {
        file.active = Some(request.name.clone());
    }
    file.save()?;

    if ctx.json() {
        print_json(&ProfileView {
            name: &request.name,
            active: file.active.as_deref() == Some(request.name.as_str()),
            profile: &request.profile,
            password_stored: Some(true),
        });
        return Ok(());
    }
    println!(
        "Profile {} saved: {} at {} (cluster {}); password stored in {}.",
        request.name,
        settings.user,
        settings.url,
        cluster.name,
        store.description()
    );
    if let Some(pin) = &pin {
        println!("Certificate pinned: SHA-256 {}", pin.sha256);
    }
    if activated {
        println!("Profile {} is now the active profile.", request.name);
    }
    Ok(())
}

/// No pin when a CA vouches for the certificate (unless the operator named one); otherwise the
/// operator confirms the fingerprint, on the terminal or with --trust-fingerprint.
fn decide_pin(
    request: &AddRequest,
    certificate: &ServerCertificate,
) -> CliResult<Option<CertificatePin>> {
    let pin = CertificatePin {
        profile: request.name.clone(),
        sha256: certificate.sha256,
    };
    if let Some(wanted) = request.trusted_fingerprint {
        if wanted != certificate.sha256 {
            return Err(CliError::new(
                ExitKind::Connect,
                format!(
                    "the certificate of {} has SHA-256 {}, not the --trust-fingerprint {wanted}; \
                     nothing was saved. Someone may be intercepting the connection, or the \
                     fingerprint belongs to another certificate.",
                    request.profile.cluster, certificate.sha256
                ),
            ));
        }
        return Ok(Some(pin));
    }
    let Some(reason) = &certificate.untrusted_because else {
        return Ok(None);
    };
    eprintln!(
        "The certificate of {} is not trusted ({reason}):\n  subject: {}\n  issuer:  {}\n  SHA-256: {}",
        request.profile.cluster, certificate.subject, certificate.issuer, certificate.sha256
    );
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if interactive && !request.password_stdin {
        let confirmed = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Trust exactly this certificate for profile {}? Compare the fingerprint with the \
                 cluster's administrator first",
                request.name
            ))
            .default(false)
            .interact()
            .map_err(|err| CliError::new(ExitKind::Connect, format!("cannot ask: {err}")))?;
        if confirmed {
            return Ok(Some(pin));
        }
    }
    Err(CliError::new(
        ExitKind::Connect,
        format!(
            "the certificate of {} is not trusted; nothing was saved. Either pass the cluster's CA \
             certificate with --ca-cert PATH, or, after checking the fingerprint with the cluster's \
             administrator, pin it: rsadmin profile add {} --cluster {} --user {} --trust-fingerprint {}",
            request.profile.cluster,
            request.name,
            request.profile.cluster,
            request.profile.user,
            certificate.sha256
        ),
    ))
}

/// --password-stdin, then RSADMIN_PASSWORD, then a hidden prompt on a terminal.
fn read_password(request: &AddRequest) -> CliResult<String> {
    if request.password_stdin {
        return read_stdin_password();
    }
    if let Ok(password) = std::env::var(PASSWORD_ENV) {
        return Ok(password);
    }
    if std::io::stdin().is_terminal() {
        return prompt_password(&request.profile.user, &request.profile.cluster);
    }
    Err(CliError::new(
        ExitKind::Auth,
        format!(
            "profile add needs the password: run it on a terminal to be asked, or pipe it in: \
             printf '%s\\n' \"$PASSWORD\" | rsadmin profile add {} --cluster {} --user {} --password-stdin",
            request.name, request.profile.cluster, request.profile.user
        ),
    ))
}

/// One line of standard input, without its line ending; empty is refused.
fn read_stdin_password() -> CliResult<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|err| {
        CliError::new(
            ExitKind::Auth,
            format!("cannot read the password from standard input: {err}"),
        )
    })?;
    let password = text.strip_suffix('\n').unwrap_or(&text);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        return Err(CliError::new(
            ExitKind::Auth,
            "--password-stdin: standard input held no password",
        ));
    }
    Ok(password.to_string())
}

fn run_list(ctx: &Context, names_only: bool) -> CliResult<()> {
    let file = ProfileFile::load()?;
    let views: Vec<ProfileView> = file
        .profiles
        .iter()
        .map(|(name, profile)| ProfileView {
            name,
            active: file.active.as_deref() == Some(name.as_str()),
            profile,
            password_stored: None,
        })
        .collect();
    if ctx.json() {
        print_json(&views);
        return Ok(());
    }
    for view in &views {
        if names_only {
            println!("{}", view.name);
        } else {
            let marker = if view.active { '*' } else { ' ' };
            println!(
                "{marker} {}  {}  {}",
                view.name, view.profile.cluster, view.profile.user
            );
        }
    }
    Ok(())
}

fn run_show(ctx: &Context, name: Option<String>) -> CliResult<()> {
    let file = ProfileFile::load()?;
    let name = name.or_else(|| file.active.clone()).ok_or_else(|| {
        CliError::usage("no active profile: name one (rsadmin profile show NAME) or add one (rsadmin profile add)")
    })?;
    let profile = file.get(&name)?;
    let store = Store::detect();
    let account = keyring::account(&name, &profile.user, &profile.cluster);
    let stored = keyring::read_password(store, &account)?.is_some();
    let view = ProfileView {
        name: &name,
        active: file.active.as_deref() == Some(name.as_str()),
        profile,
        password_stored: Some(stored),
    };
    if ctx.json() {
        print_json(&view);
        return Ok(());
    }
    println!("profile:{name}:");
    println!("  cluster: {}", profile.cluster);
    println!("  user: {}", profile.user);
    if let Some(ca_cert) = &profile.ca_cert {
        println!("  ca_cert: {}", ca_cert.display());
    }
    if let Some(pinned) = &profile.pinned_sha256 {
        println!("  pinned_sha256: {pinned}");
    }
    if !profile.db_passwords.is_empty() {
        let dbs: Vec<String> = profile
            .db_passwords
            .iter()
            .map(|uid| format!("db:{uid}"))
            .collect();
        println!("  db_passwords: {}", dbs.join(" "));
    }
    let password = if stored {
        format!("stored in {}", store.description())
    } else {
        format!(
            "gone from {} (store it again: rsadmin profile add {name} --cluster {} --user {})",
            store.description(),
            profile.cluster,
            profile.user
        )
    };
    println!("  password: {password}");
    println!("  active: {}", if view.active { "yes" } else { "no" });
    Ok(())
}

fn run_use(ctx: &Context, name: &str) -> CliResult<()> {
    let mut file = ProfileFile::load()?;
    file.get(name)?;
    file.active = Some(name.to_string());
    file.save()?;
    if ctx.json() {
        print_json(&serde_json::json!({ "active": name }));
    } else {
        println!("Profile {name} is now the active profile.");
    }
    Ok(())
}

fn run_remove(ctx: &Context, name: &str) -> CliResult<()> {
    let mut file = ProfileFile::load()?;
    let profile = file.get(name)?.clone();
    let store = Store::detect();
    let deleted = delete_passwords(store, name, &profile)?;
    file.profiles.remove(name);
    if file.active.as_deref() == Some(name) {
        file.active = None;
    }
    file.save()?;
    if ctx.json() {
        print_json(&serde_json::json!({ "removed": name, "password_deleted": deleted }));
    } else if deleted {
        println!(
            "Profile {name} removed, and its password deleted from {}.",
            store.description()
        );
    } else {
        println!(
            "Profile {name} removed (its password was already gone from {}).",
            store.description()
        );
    }
    Ok(())
}

/// Deletes the profile's cluster password and every database password stored under it;
/// true when the cluster password was still there.
fn delete_passwords(store: Store, name: &str, profile: &Profile) -> CliResult<bool> {
    let account = keyring::account(name, &profile.user, &profile.cluster);
    for db_uid in &profile.db_passwords {
        keyring::delete_password(store, &keyring::db_account(&account, *db_uid))?;
    }
    keyring::delete_password(store, &account)
}

/// What `profile set-db-password` stores, validated before anything is sent.
struct SetDbPasswordRequest {
    name: String,
    file: ProfileFile,
    db: DbRef,
    password_stdin: bool,
}

fn parse_set_db_password(args: ProfileSetDbPasswordArgs) -> CliResult<SetDbPasswordRequest> {
    let db = DbRef::parse(&args.db)?;
    let file = ProfileFile::load()?;
    file.get(&args.profile)?;
    if !args.password_stdin && !std::io::stdin().is_terminal() {
        return Err(CliError::new(
            ExitKind::Auth,
            format!(
                "profile set-db-password needs the password: run it on a terminal to be asked, or \
                 pipe it in: printf '%s\\n' \"$DB_PASSWORD\" | rsadmin profile set-db-password {} {} \
                 --password-stdin",
                args.profile, args.db
            ),
        ));
    }
    Ok(SetDbPasswordRequest {
        name: args.profile,
        file,
        db,
        password_stdin: args.password_stdin,
    })
}

fn run_set_db_password(ctx: &Context, args: ProfileSetDbPasswordArgs) -> CliResult<()> {
    let mut request = parse_set_db_password(args)?;
    // The database is resolved through the profile's own cluster, so a typo fails here.
    let resolved = config::resolve(&ConnectionInput {
        profile: Some(request.name.clone()),
        ..ConnectionInput::default()
    })?;
    let client = ApiClient::with_pin(&resolved.settings, resolved.pin.as_ref())?;
    let db = resolve_db(&client, &request.db)?;
    let password = if request.password_stdin {
        read_stdin_password()?
    } else {
        prompt_secret(&format!(
            "Password of database {} (profile {})",
            db.subject(),
            request.name
        ))?
    };

    let store = Store::detect();
    let profile = request
        .file
        .profiles
        .get_mut(&request.name)
        .ok_or_else(|| CliError::usage(format!("profile {} vanished", request.name)))?;
    let account = keyring::account(&request.name, &profile.user, &profile.cluster);
    keyring::store_password(store, &keyring::db_account(&account, db.uid), &password)?;
    if let Some(caveat) = store.caveat() {
        eprintln!("note: {caveat}");
    }
    profile.db_passwords.insert(db.uid);
    request.file.save()?;

    if ctx.json() {
        print_json(&serde_json::json!({
            "profile": request.name,
            "db": format!("db:{}", db.uid),
            "password_stored": true,
        }));
    } else {
        println!(
            "Password of {} stored for profile {} in {}; verify and doctor use it with this profile.",
            db.subject(),
            request.name,
            store.description()
        );
    }
    Ok(())
}
