//! No secret in any output: every error path that can carry a URL, an instance spec or a
//! cluster's message runs with a known secret in it, and neither stdout nor stderr holds the
//! secret (or a part of it). URLs with credentials are refused (exit 2) before anything is sent.

use crate::support;

use std::path::Path;
use std::process::Command;

use support::{ENABLE_OSS_CLUSTER, Run, Sandbox, crdb_create_argv, run_command};

/// The secret, and the halves a comma inside it would split it into.
const SECRET: &str = "Known-Secret-42";
const SECRET_PARTS: [&str; 2] = ["Known-Sec", "ret-42"];

fn assert_secret_not_shown(what: &str, run: &Run) {
    for needle in [SECRET].iter().chain(SECRET_PARTS.iter()) {
        assert!(
            !run.stdout.contains(needle) && !run.stderr.contains(needle),
            "{what}: {needle:?} shown in {run:#?}"
        );
    }
}

/// Any mutating request that reached the sandbox.
fn mutating_requests(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .requests()
        .into_iter()
        .filter(|request| request.method != "GET")
        .map(|request| format!("{} {}", request.method, request.path))
        .collect()
}

#[test]
fn urls_with_credentials_are_refused_without_showing_them() {
    let sandbox = Sandbox::start();
    let (url, user, _) = sandbox.credentials();
    let with_userinfo = url.replace("https://", &format!("https://{user}:{SECRET}@"));
    let plain_http = with_userinfo.replace("https://", "http://");
    let commands: [&[&str]; 6] = [
        &["status"],
        &["info", "db", "db:1"],
        &ENABLE_OSS_CLUSTER,
        &["verify", "db", "db:1"],
        &["crdb", "list"],
        &["profile", "add", "p", "--password-stdin"],
    ];
    sandbox.clear_requests();
    let mut runs = 0;
    for cluster in [&with_userinfo, &plain_http] {
        for command in commands {
            for through_env in [false, true] {
                let run = if through_env {
                    sandbox.rsadmin_with(command, &[("RSADMIN_URL", cluster)])
                } else {
                    let mut args = vec!["--cluster", cluster.as_str()];
                    args.extend_from_slice(command);
                    sandbox.rsadmin(&args)
                };
                let what = format!("{command:?} with {cluster} (env: {through_env})");
                assert_eq!(run.code, 2, "{what}: {run:#?}");
                assert_secret_not_shown(&what, &run);
                assert!(
                    run.stderr.contains("must not hold a user or password"),
                    "{what}: {}",
                    run.stderr
                );
                runs += 1;
            }
        }
    }
    assert_eq!(runs, 24);
    assert_eq!(sandbox.requests().len(), 0, "{:?}", sandbox.requests());
}

#[test]
fn instance_specs_never_echo_a_password() {
    let sandbox = Sandbox::start();
    let (_, user, _) = sandbox.credentials();
    let specs = [
        format!("fqdn=c2,username={user},PASSWORD={SECRET}"),
        format!("fqdn=c2,username={user},Password={SECRET},password-env=X"),
        // A password holding a comma: its second half reads as an item of its own.
        format!("fqdn=c2,username={user},password=Known-Sec,ret-42"),
        format!("fqdn=c2,username={user},password=Known-Sec,ret-42=x"),
        format!("fqdn=c2,username={user},password={SECRET},password-env=X"),
        format!("fqdn=c2,username={user},password={SECRET},colour=red"),
        format!("username={user},password={SECRET}"),
        format!("fqdn=c2,password={SECRET}"),
        format!("fqdn=c2,username={user},password={SECRET},url=https://u:{SECRET}@c2:9443"),
        format!("fqdn=c2,username={user},password={SECRET},url=ftp://c2"),
        format!("fqdn=c2,username={user},password={SECRET},client_cert=x"),
    ];
    sandbox.clear_requests();
    for spec in &specs {
        let first = format!("fqdn=c1,username={user},password-env=RSADMIN_PASSWORD");
        for command in [
            crdb_create_argv(&first, spec),
            vec!["crdb", "update", "--crdb-guid", "g", "--credentials", spec],
        ] {
            let run = sandbox.rsadmin(&command);
            let what = format!("{command:?}");
            assert_eq!(run.code, 2, "{what}: {run:#?}");
            assert_secret_not_shown(&what, &run);
        }
    }
    assert_eq!(mutating_requests(&sandbox), Vec::<String>::new());
}

/// The cluster's own error messages pass through the same guard: a task error that quotes a
/// password rsadmin sent shows `***` in its place (and arrives on one line, without ESC).
#[test]
fn a_clusters_message_quoting_a_password_is_redacted() {
    let sandbox = Sandbox::start();
    let (_, user, _) = sandbox.credentials();
    // The second cluster's name does not resolve, so the task fails with "cannot reach
    // https://<name>:9443", a message that here quotes the instance password.
    let first =
        format!("fqdn=cluster1.sandbox.local,username={user},password-env=RSADMIN_PASSWORD");
    let second = format!("fqdn={SECRET}\n\x1b[31m.invalid,username={user},password-env=SECOND_PW");
    let run = sandbox.rsadmin_with(&crdb_create_argv(&first, &second), &[("SECOND_PW", SECRET)]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_secret_not_shown("crdb create", &run);
    assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
    let cluster_line = run
        .stderr
        .lines()
        .find(|line| line.contains("cannot reach"))
        .unwrap_or_else(|| panic!("no cluster error in {run:#?}"));
    assert!(
        cluster_line.starts_with("  *** [31m.invalid: cannot reach https://*** [31m.invalid:9443"),
        "{cluster_line}"
    );
}

/// crdb-cli's `--cluster-url` with credentials and `--cluster-password` with a wrong password.
#[test]
fn crdb_cli_connection_errors_do_not_show_the_password() {
    let sandbox = Sandbox::start();
    let (url, user, _) = sandbox.credentials();
    let bin = tempfile::tempdir().expect("bin dir");
    let crdb_cli = bin.path().join("crdb-cli");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rsadmin"), &crdb_cli).expect("link");
    let ca = sandbox.handle.ca_cert_path().display().to_string();
    let with_userinfo = url.replace("https://", &format!("https://{user}:{SECRET}@"));
    let run_crdb_cli = |cluster: &str, password: &str| {
        let mut command = Command::new(Path::new(&crdb_cli));
        command
            .args([
                "--cluster-url",
                cluster,
                "--cluster-username",
                &user,
                "--cluster-password",
                password,
                "crdb",
                "list",
            ])
            .env("RSADMIN_CA_CERT", &ca);
        run_command(command, None)
    };
    let run = run_crdb_cli(&with_userinfo, "x");
    assert_eq!(run.code, 2, "{run:#?}");
    assert_secret_not_shown("crdb-cli --cluster-url with credentials", &run);
    let run = run_crdb_cli(&url, SECRET);
    assert_eq!(run.code, 4, "{run:#?}");
    assert_secret_not_shown("crdb-cli with a wrong --cluster-password", &run);
    let closed = support::RefusedPort::new();
    let run = run_crdb_cli(&format!("https://127.0.0.1:{}", closed.port), SECRET);
    assert_eq!(run.code, 8, "{run:#?}");
    assert_secret_not_shown("crdb-cli against a closed port", &run);
}
