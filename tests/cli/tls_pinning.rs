//! Certificate trust for profiles: a pinned certificate survives a sandbox restart, one that
//! changes fails with exit 8, a wrong --trust-fingerprint saves nothing, and a cluster CA
//! (--ca-cert) needs no pin.

use crate::support;
use crate::support::profile;

use std::path::Path;

use profile::{Operator, server_fingerprint};
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use support::Sandbox;

#[test]
fn a_changed_certificate_fails_with_exit_8_naming_both_fingerprints() {
    let (first, dir) = support::start_sandbox(|_| {});
    let (url, user, password) = (first.url(), first.user(), first.password());
    let pinned = server_fingerprint(&url);
    let operator = Operator::new();
    let run = operator.add_pinned_profile("lab", &url, &user, &password, &pinned);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        operator.rsadmin(&["status", "nodes"]).code,
        0,
        "the pinned certificate is accepted"
    );

    let port: u16 = url
        .rsplit(':')
        .next()
        .and_then(|port| port.parse().ok())
        .expect("port");
    drop(first);

    // A plain restart keeps the certificate, so the pinned profile keeps working.
    let restarted = restart(dir.path(), port, false);
    assert_eq!(server_fingerprint(&url), pinned);
    let run = operator.rsadmin(&["status", "nodes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    drop(restarted);

    // The cluster certificate is replaced (same CA): same URL, another certificate.
    let second = restart(dir.path(), port, true);
    assert_eq!(second.url(), url);
    let presented = server_fingerprint(&url);
    assert_ne!(presented, pinned);
    second.clear_requests();

    let run = operator.rsadmin(&["status", "nodes"]);
    assert_eq!(run.code, 8);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot connect to {url}: the server certificate changed: profile lab pins SHA-256 \
             {pinned}, the server presented {presented}. Someone may be intercepting the connection. \
             If the cluster certificate was replaced on purpose, confirm the new fingerprint with the \
             cluster's administrator and pin it again: rsadmin profile add lab --cluster <url> --user \
             <email> --trust-fingerprint {presented}\n"
        )
    );
    assert!(second.requests().is_empty(), "nothing reached the server");

    // Pinning the new certificate repairs the profile.
    let run = operator.add_pinned_profile("lab", &url, &user, &password, &presented);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(operator.rsadmin(&["status", "nodes"]).code, 0);
}

/// Starts the sandbox kept in `dir` again on the same REST port.
fn restart(dir: &Path, port: u16, rotate_server_certificate: bool) -> SandboxHandle {
    let mut options = SandboxOptions::new(dir);
    options.api_port = port;
    options.rotate_server_certificate = rotate_server_certificate;
    SandboxHandle::start(options).expect("sandbox restarts")
}

#[test]
fn a_wrong_trust_fingerprint_saves_nothing() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let url = sandbox.handle.url();
    let actual = server_fingerprint(&url);
    sandbox.clear_requests();
    let wrong = "00:".repeat(31) + "00";
    let run = operator.add_pinned_profile(
        "lab",
        &url,
        &sandbox.handle.user(),
        &sandbox.handle.password(),
        &wrong,
    );
    assert_eq!(run.code, 8);
    assert_eq!(
        run.stderr,
        format!(
            "error: the certificate of {url} has SHA-256 {actual}, not the --trust-fingerprint {wrong}; \
             nothing was saved. Someone may be intercepting the connection, or the fingerprint belongs \
             to another certificate.\n"
        )
    );
    assert!(!operator.profile_file().exists());
    assert!(
        sandbox.requests().is_empty(),
        "no request (and no password) was sent"
    );

    let run = operator.add_pinned_profile("lab", &url, "u", "p", "not-hex");
    assert_eq!(run.code, 2);
}

#[test]
fn a_cluster_ca_needs_no_pin_and_a_wrong_password_is_not_stored() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let (url, user, password) = sandbox.credentials();
    let ca = sandbox.handle.ca_cert_path();
    let ca = ca.to_str().expect("utf-8 path");
    let rsadmin = Path::new(env!("CARGO_BIN_EXE_rsadmin"));
    let add = [
        "profile",
        "add",
        "ca",
        "--cluster",
        &url,
        "--user",
        &user,
        "--ca-cert",
        ca,
        "--password-stdin",
    ];

    let run = operator.run(rsadmin, &add, Some("wrong-password\n"), &[]);
    assert_eq!(run.code, 4);
    assert!(
        run.stderr.starts_with("error: authentication failed"),
        "{}",
        run.stderr
    );
    assert!(!operator.profile_file().exists());

    let run = operator.run(rsadmin, &add, Some(&format!("{password}\n")), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("pinned"), "{}", run.stdout);
    assert_eq!(
        std::fs::read_to_string(operator.profile_file()).expect("profile file"),
        format!(
            "active = \"ca\"\n\n[profiles.ca]\ncluster = \"{url}\"\nuser = \"{user}\"\nca_cert = \"{ca}\"\n"
        )
    );
    let run = operator.rsadmin(&["info", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = operator.rsadmin(&["profile", "remove", "ca"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
