//! rsadmin invoked as `rladmin` and `crdb-cli` (links made by `install-aliases`): their documented
//! invocations run unchanged with rladmin's output, unsupported commands exit 2.

use crate::support;
use crate::support::profile;

use std::path::{Path, PathBuf};

use profile::Operator;
use support::{Run, Sandbox};

/// A machine with the aliases installed and the sandbox's settings in the environment.
struct DropIn {
    sandbox: Sandbox,
    operator: Operator,
    bin: PathBuf,
}

impl DropIn {
    fn new() -> DropIn {
        let operator = Operator::new();
        let bin = operator.dir("bin");
        let run = operator.rsadmin(&["install-aliases", bin.to_str().expect("utf-8")]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        DropIn {
            sandbox: Sandbox::start(),
            operator,
            bin,
        }
    }

    fn env(&self) -> Vec<(&'static str, String)> {
        let handle = &self.sandbox.handle;
        vec![
            ("RSADMIN_URL", handle.url()),
            ("RSADMIN_USER", handle.user()),
            ("RSADMIN_PASSWORD", handle.password()),
            (
                "RSADMIN_CA_CERT",
                handle.ca_cert_path().display().to_string(),
            ),
        ]
    }

    fn run_as(&self, program: &Path, args: &[&str], stdin: Option<&str>) -> Run {
        let env = self.env();
        let env: Vec<(&str, &str)> = env
            .iter()
            .map(|(key, value)| (*key, value.as_str()))
            .collect();
        self.operator.run(program, args, stdin, &env)
    }

    fn rladmin(&self, args: &[&str], stdin: Option<&str>) -> Run {
        self.run_as(&self.bin.join("rladmin"), args, stdin)
    }

    fn rsadmin(&self, args: &[&str]) -> Run {
        self.run_as(Path::new(env!("CARGO_BIN_EXE_rsadmin")), args, None)
    }
}

#[test]
fn install_aliases_links_both_names_and_is_idempotent() {
    let operator = Operator::new();
    let bin = operator.dir("bin");
    let bin_arg = bin.to_str().expect("utf-8");
    let rsadmin = std::fs::canonicalize(env!("CARGO_BIN_EXE_rsadmin")).expect("binary path");
    let run = operator.rsadmin(&["install-aliases", bin_arg]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{bin_arg}/rladmin -> {0}\n{bin_arg}/crdb-cli -> {0}\n",
            rsadmin.display()
        )
    );
    for name in ["rladmin", "crdb-cli"] {
        assert_eq!(std::fs::read_link(bin.join(name)).expect("a link"), rsadmin);
    }
    assert_eq!(
        operator.rsadmin(&["install-aliases", bin_arg]).code,
        0,
        "again: nothing to do"
    );

    std::fs::remove_file(bin.join("rladmin")).expect("removed");
    std::fs::write(bin.join("rladmin"), "#!/bin/sh\n").expect("another file");
    let run = operator.rsadmin(&["install-aliases", bin_arg]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!("error: {bin_arg}/rladmin already exists; pass --force to replace it\n")
    );
    assert_eq!(
        operator
            .rsadmin(&["install-aliases", "--force", bin_arg])
            .code,
        0
    );
    assert_eq!(
        std::fs::read_link(bin.join("rladmin")).expect("a link"),
        rsadmin
    );
}

#[test]
fn rladmin_grammar_and_output_are_rsadmins() {
    let drop_in = DropIn::new();
    // Shard USED_MEMORY is live (it moves between two runs): compared by shape only.
    let stable = |stdout: &str| {
        if stdout.contains("SHARDS:\n") {
            crate::cli_info_status::masked_used_memory(stdout)
        } else {
            stdout.to_string()
        }
    };
    for args in [
        &["info", "db", "db:1"][..],
        &["info", "db", "demo-db"],
        &["status"],
        &["status", "extra", "all"],
        &["status", "shards"],
        &["info", "cluster"],
    ] {
        let expected = drop_in.rsadmin(args);
        assert_eq!(expected.code, 0, "{args:?}: {}", expected.stderr);
        let run = drop_in.rladmin(args, None);
        assert_eq!(
            (run.code, stable(&run.stdout), &run.stderr),
            (0, stable(&expected.stdout), &expected.stderr),
            "{args:?}"
        );
    }
    let run = drop_in.rladmin(&["info", "db", "db:1"], None);
    assert!(
        run.stdout.starts_with("db:1 [demo-db]:\n"),
        "{}",
        run.stdout
    );

    // Commands on standard input print the same tables.
    let status = drop_in.rsadmin(&["status"]);
    let run = drop_in.rladmin(&[], Some("status\n"));
    assert_eq!(
        (run.code, stable(&run.stdout)),
        (0, stable(&status.stdout)),
        "{}",
        run.stderr
    );

    // rladmin's -y, and the walkthrough's changes through the rladmin name.
    let run = drop_in.rladmin(
        &["-y", "tune", "db", "db:1", "oss_cluster", "enabled"],
        None,
    );
    assert_eq!(
        run.code, 3,
        "refused: prerequisites not met: {}",
        run.stderr
    );
    for args in [
        &[
            "-y",
            "bind",
            "db",
            "db:1",
            "endpoint",
            "1:1",
            "policy",
            "all-master-shards",
        ][..],
        &["-y", "placement", "db", "db:1", "sparse"],
        &["-y", "tune", "db", "db:1", "oss_cluster", "enabled"],
        &["node", "1", "external_addr", "set", "127.0.2.1"],
    ] {
        let run = drop_in.rladmin(args, None);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
    let run = drop_in.rladmin(&[], Some("info db db:1\n"));
    assert!(
        run.stdout.contains("  oss_cluster: enabled\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn unsupported_rladmin_commands_exit_2_and_piped_failures_set_the_exit_code() {
    let drop_in = DropIn::new();
    let run = drop_in.rladmin(&["verify", "rack_aware"], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: `rladmin verify` is not supported by rsadmin (supported rladmin commands: bind, \
         failover, help, info, migrate, node, placement, status, tune). Run it on a cluster node \
         with the real rladmin.\n"
    );
    assert_eq!(
        drop_in
            .rladmin(&["tune", "suffix", "all", "max_threads", "8"], None)
            .code,
        2
    );
    drop_in.sandbox.clear_requests();
    let run = drop_in.rladmin(
        &[],
        Some("status nodes\nrestart db db:1\nstatus databases\n"),
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.starts_with("CLUSTER NODES:\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("DATABASES:\n"),
        "every line runs: {}",
        run.stdout
    );
    assert!(
        run.stderr.contains("`rladmin restart` is not supported"),
        "{}",
        run.stderr
    );
    assert!(drop_in.sandbox.puts().is_empty());

    let run = drop_in.rladmin(&["help", "tune"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Usage: rsadmin tune"), "{}", run.stdout);
}

#[test]
fn crdb_cli_global_options_are_accepted_and_other_groups_exit_2() {
    let drop_in = DropIn::new();
    let crdb_cli = drop_in.bin.join("crdb-cli");
    let run = drop_in.operator.run(&crdb_cli, &["status"], None, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: `crdb-cli status` is not supported by rsadmin (supported crdb-cli commands: crdb ..., \
         task ...). Run it on a cluster node with the real crdb-cli.\n"
    );
    // The connection comes from crdb-cli's own options only (no RSADMIN_* here), the password
    // from --cluster-password.
    let (url, user, password) = drop_in.sandbox.credentials();
    let ca = drop_in.sandbox.handle.ca_cert_path().display().to_string();
    let crdb_cli_with_password = |password: &str, command: &[&str]| {
        let mut args = vec![
            "--cluster-url",
            &url,
            "--cluster-username",
            &user,
            "--cluster-password",
            password,
        ];
        args.extend_from_slice(command);
        drop_in
            .operator
            .run(&crdb_cli, &args, None, &[("RSADMIN_CA_CERT", &ca)])
    };
    let run = crdb_cli_with_password(
        &password,
        &[
            "task",
            "status",
            "--task-id",
            "00000000-0000-0000-0000-000000000000",
        ],
    );
    assert_eq!(run.code, 5, "an unknown task is not found: {}", run.stderr);
    assert!(!run.stderr.contains(&password));
    let wrong = crdb_cli_with_password("nope", &["crdb", "list"]);
    assert_eq!(
        wrong.code, 4,
        "the password reached the cluster: {}",
        wrong.stderr
    );
}
