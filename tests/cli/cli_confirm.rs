//! The confirmation prompt of disruptive changes, answered on a real pseudo-terminal:
//! util-linux `script` gives rsadmin a terminal whose keyboard is this test's pipe.

use crate::support;

use std::process::Command;

use support::{Run, Sandbox, run_command};

/// `rsadmin ARGS` on a pseudo-terminal against `sandbox`, with `keys` typed on it.
fn rsadmin_on_terminal(sandbox: &Sandbox, args: &[&str], keys: &str) -> Run {
    let (url, user, password) = sandbox.credentials();
    let ca = sandbox.handle.ca_cert_path();
    let command_line = std::iter::once(env!("CARGO_BIN_EXE_rsadmin"))
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let mut script = Command::new("script");
    // The password reaches rsadmin through the environment, never through script's arguments.
    script
        .args(["-q", "-e", "-c", &command_line, "/dev/null"])
        .env("RSADMIN_URL", url)
        .env("RSADMIN_USER", user)
        .env("RSADMIN_PASSWORD", password)
        .env("RSADMIN_CA_CERT", ca)
        .env("TERM", "dumb");
    run_command(script, Some(keys))
}

const CHANGE: [&str; 5] = [
    "tune",
    "db",
    "db:1",
    "oss_cluster_api_preferred_ip_type",
    "external",
];

#[test]
fn declining_the_prompt_sends_nothing_and_exits_3() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = rsadmin_on_terminal(&sandbox, &CHANGE, "n");
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(
            "changing oss_cluster_api_preferred_ip_type on db:1 [demo-db] affects connected \
             clients. Apply?"
        ),
        "the prompt is shown on the terminal: {}",
        run.stdout
    );
    assert!(run.stdout.contains("oss_cluster_api_preferred_ip_type"));
    assert!(
        run.stdout.contains("error: cancelled; nothing was changed"),
        "{}",
        run.stdout
    );
    assert_eq!(sandbox.puts(), vec![]);
}

#[test]
fn accepting_the_prompt_applies_the_change() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = rsadmin_on_terminal(&sandbox, &CHANGE, "y");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("Finished successfully"),
        "{}",
        run.stdout
    );
    assert_eq!(
        sandbox.puts(),
        vec![(
            "/v1/bdbs/1".to_string(),
            r#"{"oss_cluster_api_preferred_ip_type":"external"}"#.to_string()
        )]
    );
}
