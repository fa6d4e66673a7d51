//! rladmin's grammar: `rladmin [-y] <command> [args]`, `rladmin help [command]`, and commands on
//! standard input (`echo 'status' | rladmin`). rsadmin's own commands use rladmin's words, so a
//! supported command passes through unchanged.

use super::{DropInName, Invocation, Translated, command_words, not_supported, unsupported_path};
use crate::error::CliResult;

/// The rladmin commands rsadmin has (rladmin's `verify` is a different command from rsadmin's).
const SUPPORTED: [&str; 7] = [
    "bind",
    "help",
    "info",
    "node",
    "placement",
    "status",
    "tune",
];

pub fn translate(words: Vec<String>) -> CliResult<Invocation> {
    let command = command_words(&words);
    let Some(first) = command.first().copied() else {
        // Only options (`rladmin -y`): commands follow on standard input.
        if words.iter().any(|word| word == "--help" || word == "-h") {
            return Ok(Invocation::Run(Translated::rsadmin(words)));
        }
        return Ok(Invocation::Shell { options: words });
    };
    if first == "help" || first == "?" {
        return Ok(Invocation::Run(help(&command[1..])));
    }
    let path = if command.starts_with(&["status", "modules"]) {
        // A word of `status`'s own grammar, not a subcommand clap knows.
        Some(vec!["status", "modules"])
    } else if SUPPORTED.contains(&first) {
        unsupported_path(&command)
    } else {
        Some(vec![first])
    };
    if let Some(path) = path {
        return Err(not_supported(
            DropInName::Rladmin,
            &path,
            &SUPPORTED.join(", "),
        ));
    }
    Ok(Invocation::Run(Translated::rsadmin(words)))
}

/// `rladmin help [command...]` is `rsadmin [command...] --help`.
fn help(command: &[&str]) -> Translated {
    Translated::rsadmin(
        command
            .iter()
            .map(|word| word.to_string())
            .chain(std::iter::once("--help".to_string())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitKind;

    fn run_argv(words: &[&str]) -> Vec<String> {
        match translate(words.iter().map(|word| word.to_string()).collect()) {
            Ok(Invocation::Run(translated)) => {
                assert_eq!(translated.password, None);
                translated
                    .argv
                    .into_iter()
                    .map(|arg| arg.into_string().expect("utf-8"))
                    .collect()
            }
            other => panic!("{words:?}: {other:?}"),
        }
    }

    #[test]
    fn documented_invocations_pass_through() {
        for words in [
            &["tune", "db", "db:1", "oss_cluster", "enabled"][..],
            &["-y", "tune", "db", "db:1", "oss_cluster", "enabled"],
            &["info", "db", "db:1"],
            &["status", "extra", "all"],
            &[
                "bind",
                "db",
                "db1",
                "endpoint",
                "1:1",
                "policy",
                "all-master-shards",
            ],
            &["bind", "endpoint", "1:1", "include", "3"],
            &["placement", "db", "db:1", "sparse"],
            &["node", "2", "external_addr", "set", "10.0.0.2"],
        ] {
            let mut expected = vec!["rsadmin"];
            expected.extend_from_slice(words);
            assert_eq!(run_argv(words), expected);
        }
    }

    #[test]
    fn help_maps_to_dash_dash_help() {
        assert_eq!(run_argv(&["help"]), ["rsadmin", "--help"]);
        assert_eq!(run_argv(&["help", "tune"]), ["rsadmin", "tune", "--help"]);
    }

    #[test]
    fn options_alone_start_the_shell() {
        assert_eq!(
            translate(vec!["-y".into()]),
            Ok(Invocation::Shell {
                options: vec!["-y".into()]
            })
        );
        assert_eq!(translate(vec![]), Ok(Invocation::Shell { options: vec![] }));
    }

    #[test]
    fn unsupported_commands_say_so() {
        for (words, path) in [
            (&["failover", "shard", "3"][..], "failover"),
            (&["verify", "rack_aware"], "verify"),
            (&["suffix", "list"], "suffix"),
            (&["status", "modules"], "status modules"),
            (&["node", "1", "enslave"], "node 1 enslave"),
            (&["check", "db", "db:1"], "check"),
        ] {
            let err = translate(words.iter().map(|word| word.to_string()).collect()).unwrap_err();
            assert_eq!(err.kind, ExitKind::Usage);
            assert_eq!(
                err.message,
                format!(
                    "`rladmin {path}` is not supported by rsadmin (supported rladmin commands: \
                     bind, help, info, node, placement, status, tune). Run it on a cluster node \
                     with the real rladmin."
                )
            );
        }
    }
}
