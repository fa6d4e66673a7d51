//! Certificates survive restarts like a real cluster's: the same CA and server certificate after
//! `down`/`up`, a new server certificate (same CA) only when rotated, one CA per peer group, and
//! private keys readable by the owner only.

use crate::support::{Api, scratch_dir, start_sandbox};
use rsadmin_sandbox::clusters::{cluster_dir, start_clusters};
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

const CA_CERT: &str = "ca.pem";
const CA_KEY: &str = "ca-key.pem";
const SERVER_CERT: &str = "server-cert.pem";
const SERVER_KEY: &str = "server-key.pem";

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn mode(dir: &Path, name: &str) -> u32 {
    let metadata = std::fs::metadata(dir.join(name)).expect("key file");
    metadata.permissions().mode() & 0o777
}

/// The REST API answers a client that trusts only the CA saved before the restart.
fn assert_trusted_by(sandbox: &SandboxHandle, saved_ca: &Path) {
    let api = Api::new(
        &sandbox.url(),
        &sandbox.user(),
        &sandbox.password(),
        saved_ca,
    );
    assert_eq!(api.get("/v1/cluster").0, 200);
}

#[test]
fn a_restart_keeps_the_ca_and_server_certificate_and_rotation_keeps_the_ca() {
    let dir = scratch_dir();
    let saved_ca = scratch_dir();
    let first = start_sandbox(dir.path());
    let (ca, server) = (read(dir.path(), CA_CERT), read(dir.path(), SERVER_CERT));
    assert_eq!(mode(dir.path(), CA_KEY), 0o600);
    assert_eq!(mode(dir.path(), SERVER_KEY), 0o600);
    std::fs::write(saved_ca.path().join(CA_CERT), &ca).expect("save ca.pem");
    drop(first);

    let second = start_sandbox(dir.path());
    assert_eq!(read(dir.path(), CA_CERT), ca);
    assert_eq!(read(dir.path(), SERVER_CERT), server);
    assert_trusted_by(&second, &saved_ca.path().join(CA_CERT));
    drop(second);

    let mut options = SandboxOptions::new(dir.path());
    options.rotate_server_certificate = true;
    let rotated = SandboxHandle::start(options).expect("sandbox restarts");
    assert_eq!(read(dir.path(), CA_CERT), ca);
    assert_ne!(read(dir.path(), SERVER_CERT), server);
    assert_eq!(mode(dir.path(), SERVER_KEY), 0o600);
    assert_trusted_by(&rotated, &saved_ca.path().join(CA_CERT));
    drop(rotated);

    // Without its files the sandbox makes a new CA, as a fresh cluster would.
    for name in [CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY] {
        std::fs::remove_file(dir.path().join(name)).expect("remove certificate file");
    }
    let fresh = start_sandbox(dir.path());
    assert_ne!(read(dir.path(), CA_CERT), ca);
    drop(fresh);
}

#[test]
fn a_peer_group_shares_one_ca_across_restarts() {
    let dir = scratch_dir();
    let base = SandboxOptions::new(dir.path());
    let clusters = start_clusters(&base, 2).expect("clusters start");
    let second_dir = cluster_dir(dir.path(), 2);
    let ca = read(dir.path(), CA_CERT);
    assert_eq!(read(&second_dir, CA_CERT), ca);
    assert!(
        !second_dir.join(CA_KEY).exists(),
        "the CA key stays with cluster 1"
    );
    let servers = [
        read(dir.path(), SERVER_CERT),
        read(&second_dir, SERVER_CERT),
    ];
    assert_ne!(servers[0], servers[1]);
    drop(clusters);

    let clusters = start_clusters(&base, 2).expect("clusters restart");
    assert_eq!(read(dir.path(), CA_CERT), ca);
    assert_eq!(read(&second_dir, CA_CERT), ca);
    assert_eq!(
        [
            read(dir.path(), SERVER_CERT),
            read(&second_dir, SERVER_CERT)
        ],
        servers
    );
    for cluster in &clusters {
        assert_trusted_by(cluster, &dir.path().join(CA_CERT));
    }
}

#[test]
fn up_keeps_the_server_certificate_unless_asked_to_rotate_it() {
    let dir = scratch_dir();
    let sandbox = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_rsadmin-sandbox"))
            .args(args)
            .arg("--dir")
            .arg(dir.path())
            .output()
            .expect("run rsadmin-sandbox");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let up = ["up", "--detach", "--api-port", "0"];
    let mut certificates = Vec::new();
    for rotate in [false, false, true] {
        let mut args = up.to_vec();
        if rotate {
            args.push("--rotate-server-certificate");
        }
        sandbox(&args);
        certificates.push((read(dir.path(), CA_CERT), read(dir.path(), SERVER_CERT)));
        sandbox(&["down"]);
    }
    assert_eq!(certificates[1], certificates[0], "a restart keeps both");
    assert_eq!(
        certificates[2].0, certificates[0].0,
        "rotation keeps the CA"
    );
    assert_ne!(
        certificates[2].1, certificates[0].1,
        "rotation replaces the server certificate"
    );
}
