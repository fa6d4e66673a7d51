//! Absurd flag values and the error-output contract: durations are checked when parsed (exit 2,
//! nothing sent, the accepted range named), clap's own errors end with the one `error:` line,
//! `RSADMIN_INSECURE` takes the usual spellings of yes and no, and `--insecure` cannot silently
//! override a pinned certificate.

use crate::support;
use crate::support::profile;

use std::path::Path;

use profile::{Operator, server_fingerprint};
use support::{ENABLE_OSS_CLUSTER, Run, Sandbox, crdb_create_argv};

/// The last line of stderr, which must be the only one starting with `error:`.
fn error_line(run: &Run) -> &str {
    assert_eq!(
        run.stderr
            .lines()
            .filter(|line| line.starts_with("error:"))
            .count(),
        1,
        "{run:#?}"
    );
    run.stderr.lines().last().expect("a line on stderr")
}

#[test]
fn absurd_durations_are_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start();
    let (_, user, _) = sandbox.credentials();
    let instance =
        |fqdn: &str| format!("fqdn={fqdn},username={user},password-env=RSADMIN_PASSWORD");
    let (first, second) = (instance("cluster1.sandbox.local"), instance("c2"));
    let huge = "18446744073709551615";
    let wait_range = "expected whole seconds from 1 to 86400";
    let probe_range = "expected seconds from 0.001 to 600";
    let enable = ENABLE_OSS_CLUSTER.to_vec();
    let create = crdb_create_argv(&first, &second);
    let delete = vec!["crdb", "delete", "--crdb-guid", "g"];
    let doctor = vec!["doctor", "db", "db:1"];
    let cases = [
        (&enable, "--timeout", huge, wait_range),
        (&enable, "--timeout", "0", wait_range),
        (&create, "--timeout", huge, wait_range),
        (&delete, "--timeout", "1e9", wait_range),
        (&doctor, "--probe-timeout", "1e20", probe_range),
    ];
    sandbox.clear_requests();
    for (command, flag, value, range) in cases {
        let mut args = command.clone();
        args.extend([flag, value]);
        let run = sandbox.rsadmin(&args);
        assert_eq!(run.code, 2, "{args:?}: {run:#?}");
        assert_eq!(
            error_line(&run),
            format!("error: invalid value '{value}' for '{flag} <SECS>': {range}"),
            "{args:?}"
        );
        assert_eq!(run.stdout, "", "{args:?}");
    }
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}

/// A crdb GUID or task id is a segment of the REST path: `../bdbs/1` would make `crdb delete`
/// send `DELETE /v1/bdbs/1` (it did: the database was deleted). Ids are checked when parsed.
#[test]
fn ids_cannot_escape_their_rest_path() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let id_error = "expected an id of letters, digits and '-' (at most 64), as printed by crdb \
                    list and task list";
    for (flag, args) in [
        (
            "--crdb-guid <GUID>",
            &["crdb", "delete", "--no-wait", "--crdb-guid"][..],
        ),
        (
            "--crdb-guid <GUID>",
            &["crdb", "update", "--oss-cluster", "true", "--crdb-guid"],
        ),
        ("--crdb-guid <GUID>", &["crdb", "get", "--crdb-guid"]),
        ("--task-id <TASK_ID>", &["task", "cancel", "--task-id"]),
        ("--task-id <TASK_ID>", &["task", "status", "--task-id"]),
    ] {
        for id in ["../bdbs/1", "..%2Fbdbs%2F1", "x?y=1", ""] {
            let mut argv = args.to_vec();
            argv.push(id);
            let run = sandbox.rsadmin(&argv);
            assert_eq!(run.code, 2, "{argv:?}: {run:#?}");
            assert_eq!(
                error_line(&run),
                format!("error: invalid value '{id}' for '{flag}': {id_error}"),
                "{argv:?}"
            );
        }
    }
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
    assert_eq!(sandbox.rsadmin(&["info", "db", "db:1"]).code, 0);
}

#[test]
fn clap_errors_keep_their_text_and_end_with_one_error_line() {
    let operator = Operator::new();
    let run = operator.rsadmin(&["status", "--bogus"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "  tip: to pass '--bogus' as a value, use '-- --bogus'\n\n\
         Usage: rsadmin status [databases|nodes|shards|endpoints] [node <id>] [db <db>] [extra <param>...] [sort <column>...] [issues_only]\n\n\
         For more information, try '--help'.\n\
         error: unexpected argument '--bogus' found\n"
    );
    let run = operator.rsadmin(&["crdb", "create"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        error_line(&run),
        "error: the following required arguments were not provided: --name <NAME>, \
         --memory-size <SIZE>, --instance <KEY=VALUE,...>"
    );
    assert!(
        run.stderr.starts_with("Usage: rsadmin crdb create "),
        "{}",
        run.stderr
    );
    let run = operator.rsadmin(&["-o", "xml", "status"]);
    assert_eq!(
        error_line(&run),
        "error: invalid value 'xml' for '--output <OUTPUT>' [possible values: text, json]"
    );
    // Help is not an error: unchanged, on stdout, exit 0.
    let run = operator.rsadmin(&["status", "--help"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(run.stdout.starts_with("Show nodes"), "{}", run.stdout);
}

#[test]
fn rsadmin_insecure_takes_the_usual_spellings() {
    let sandbox = Sandbox::start();
    let warning = "warning: --insecure: the certificate of";
    for (value, insecure) in [
        ("1", true),
        ("true", true),
        ("yes", true),
        ("on", true),
        ("0", false),
        ("false", false),
        ("no", false),
        ("off", false),
    ] {
        let run = sandbox.rsadmin_with(&["status", "nodes"], &[("RSADMIN_INSECURE", value)]);
        assert_eq!(run.code, 0, "RSADMIN_INSECURE={value}: {}", run.stderr);
        assert_eq!(
            run.stderr.starts_with(warning),
            insecure,
            "RSADMIN_INSECURE={value}: {}",
            run.stderr
        );
    }
    let run = sandbox.rsadmin_with(&["status", "nodes"], &[("RSADMIN_INSECURE", "maybe")]);
    assert_eq!(run.code, 2);
    assert_eq!(
        error_line(&run),
        "error: invalid value 'maybe' for '--insecure': expected 1/0, true/false, yes/no or on/off"
    );
}

#[test]
fn insecure_does_not_override_a_pinned_certificate() {
    let sandbox = Sandbox::start();
    let (url, user, password) = sandbox.credentials();
    let operator = Operator::new();
    let run = operator.add_pinned_profile("lab", &url, &user, &password, &server_fingerprint(&url));
    assert_eq!(run.code, 0, "{}", run.stderr);
    sandbox.clear_requests();
    let rsadmin = Path::new(env!("CARGO_BIN_EXE_rsadmin"));
    let refused = format!(
        "error: profile lab pins the certificate of {url}: --insecure would send its password to \
         any server that answers. Drop --insecure (the pin already trusts the cluster), or name \
         the trust you want instead with --ca-cert PATH\n"
    );
    let run = operator.rsadmin(&["status", "nodes", "--insecure"]);
    assert_eq!((run.code, run.stderr.as_str()), (2, refused.as_str()));
    let run = operator.run(
        rsadmin,
        &["status", "nodes"],
        None,
        &[("RSADMIN_INSECURE", "1")],
    );
    assert_eq!((run.code, run.stderr.as_str()), (2, refused.as_str()));
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());

    // Naming another trust is an explicit choice: it runs (and warns).
    let ca = sandbox.handle.ca_cert_path().display().to_string();
    let run = operator.rsadmin(&["status", "nodes", "--insecure", "--ca-cert", &ca]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Without --insecure the pin is the trust, as before.
    assert_eq!(operator.rsadmin(&["status", "nodes"]).code, 0);
}
