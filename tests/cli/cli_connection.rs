//! Connection settings, TLS and authentication failures map to their exit codes and messages.

use crate::support;

use support::{Sandbox, run_rsadmin};

#[test]
fn wrong_password_exits_4() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin_with(&["status"], &[("RSADMIN_PASSWORD", "not-the-password")]);
    assert_eq!(run.code, 4);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        format!(
            "error: authentication failed for user {} at {} (HTTP 401). \
             Check --user/RSADMIN_USER and RSADMIN_PASSWORD.\n",
            sandbox.handle.user(),
            sandbox.handle.url()
        )
    );
    assert!(!run.stderr.contains(&sandbox.handle.password()));
}

#[test]
fn untrusted_certificate_exits_8_naming_ca_cert_and_insecure_warns() {
    let sandbox = Sandbox::start();
    let url = sandbox.handle.url();
    let user = sandbox.handle.user();
    let password = sandbox.handle.password();
    let without_ca = [
        ("RSADMIN_URL", url.as_str()),
        ("RSADMIN_USER", user.as_str()),
        ("RSADMIN_PASSWORD", password.as_str()),
    ];
    let run = run_rsadmin(&["info", "db", "db:1"], &without_ca);
    assert_eq!(run.code, 8);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot connect to {url}: the server certificate is not trusted (UnknownIssuer). \
             Pass --ca-cert PATH (or RSADMIN_CA_CERT) with the cluster's CA certificate, or pin this \
             certificate after checking its fingerprint: rsadmin profile add <name> --cluster {url} \
             --user <email> (it shows the fingerprint), or --insecure to skip verification.\n"
        )
    );
    let run = run_rsadmin(&["--insecure", "info", "db", "db:1"], &without_ca);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("  oss_cluster: disabled\n"));
    assert_eq!(
        run.stderr,
        format!(
            "warning: --insecure: the certificate of {url} is not verified; anyone on the path can read \
             the password. Prefer --ca-cert PATH.\n"
        )
    );
    let mut insecure_env = without_ca.to_vec();
    insecure_env.push(("RSADMIN_INSECURE", "true"));
    assert_eq!(run_rsadmin(&["info", "db", "db:1"], &insecure_env).code, 0);
}

#[test]
fn connection_refused_exits_8() {
    let closed = support::RefusedPort::new();
    let url = format!("https://127.0.0.1:{}", closed.port);
    let run = run_rsadmin(
        &["--cluster", &url, "--user", "admin@example.com", "status"],
        &[("RSADMIN_PASSWORD", "x")],
    );
    assert_eq!(run.code, 8);
    assert_eq!(
        run.stderr,
        format!("error: cannot connect to {url}: connection refused. Is the cluster URL right?\n")
    );
}

#[test]
fn flags_beat_environment() {
    let sandbox = Sandbox::start();
    let url = sandbox.handle.url();
    let run = sandbox.rsadmin_with(
        &["--cluster", &url, "info", "db", "db:1"],
        &[("RSADMIN_URL", "https://127.0.0.1:1")],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn missing_settings_are_explained() {
    let run = run_rsadmin(&["status"], &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no cluster URL: pass --cluster https://<node>:9443 or set RSADMIN_URL, or add a \
         profile: rsadmin profile add <name> --cluster https://<node>:9443 --user <email> \
         (for a sandbox: set -a; . DIR/sandbox.env; set +a)\n"
    );
    let run = run_rsadmin(
        &["status"],
        &[
            ("RSADMIN_URL", "https://127.0.0.1:1"),
            ("RSADMIN_USER", "u"),
        ],
    );
    assert_eq!(run.code, 4);
    assert_eq!(
        run.stderr,
        "error: no password for u at https://127.0.0.1:1. Provide one with either of:\n  \
         rsadmin profile add <name> --cluster https://127.0.0.1:1 --user u   \
         (asks once, keeps it in the OS keyring)\n  \
         export RSADMIN_PASSWORD=...   (CI; there is no --password flag, so the password never shows \
         in process lists)\n"
    );
    let run = run_rsadmin(&["--profile", "prod", "status"], &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: no profile named \"prod\""));
    let run = run_rsadmin(&["--password", "x", "status"], &[]);
    assert_eq!(run.code, 2, "there is no --password flag");
}

#[test]
fn a_closed_stdout_ends_the_command_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rsadmin"))
        .args(["keyslot", "foo", "bar"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("rsadmin starts");
    // The reader is gone before anything is written (`rsadmin ... | head -0`).
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("rsadmin finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(141), "{stderr}");
}
