//! Drop-in names: invoked as `rladmin` or `crdb-cli` (a link made by `install-aliases`), rsadmin
//! accepts their grammar and maps it onto its own command tree, which already uses rladmin's and
//! crdb-cli's words. Translation only rewrites argv; the commands run exactly as under the
//! rsadmin name, so the output contracts are the same.

pub mod crdb_cli;
pub mod rladmin;
pub mod shell;

use std::ffi::{OsStr, OsString};
use std::path::Path;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{CliError, CliResult};
use crate::ops::confirm::ConfirmationRule;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropInName {
    Rladmin,
    CrdbCli,
}

impl DropInName {
    pub const ALL: [DropInName; 2] = [DropInName::Rladmin, DropInName::CrdbCli];

    pub fn name(self) -> &'static str {
        match self {
            DropInName::Rladmin => "rladmin",
            DropInName::CrdbCli => "crdb-cli",
        }
    }

    /// The alias's file name (with the platform's executable suffix).
    pub fn file_name(self) -> String {
        format!("{}{}", self.name(), std::env::consts::EXE_SUFFIX)
    }

    /// Which drop-in name, if any, the program was invoked as.
    pub fn from_argv0(argv0: &OsStr) -> Option<DropInName> {
        let stem = Path::new(argv0).file_stem()?;
        DropInName::ALL
            .into_iter()
            .find(|name| stem == OsStr::new(name.name()))
    }
}

/// What a drop-in invocation becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invocation {
    /// Run rsadmin with these arguments (argv[0] included).
    Run(Translated),
    /// rladmin without a command: read commands from standard input (an `rladmin>` shell on a
    /// terminal); `options` (such as `-y`) apply to each of them.
    Shell { options: Vec<String> },
}

/// rsadmin's argv, and a password that arrived in the drop-in's own grammar (crdb-cli's
/// `--cluster-password`): it travels on in the environment, never in rsadmin's argv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub argv: Vec<OsString>,
    pub password: Option<String>,
    /// Always the drop-in tool's rule: no question where the real tool asks none.
    pub confirmation: ConfirmationRule,
}

impl Translated {
    fn rsadmin(words: impl IntoIterator<Item = String>) -> Translated {
        Translated {
            argv: std::iter::once("rsadmin".to_string())
                .chain(words)
                .map(OsString::from)
                .collect(),
            password: None,
            confirmation: ConfirmationRule::AsTheToolDoes,
        }
    }
}

pub fn translate(name: DropInName, args: Vec<OsString>) -> CliResult<Invocation> {
    let words = args
        .into_iter()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| CliError::usage(format!("argument {arg:?} is not valid UTF-8")))
        })
        .collect::<CliResult<Vec<String>>>()?;
    match name {
        DropInName::Rladmin => rladmin::translate(words),
        DropInName::CrdbCli => crdb_cli::translate(words).map(Invocation::Run),
    }
}

/// rsadmin's global options that take a value, so that their value is not taken for a command.
const GLOBAL_OPTIONS_WITH_VALUE: [&str; 6] = [
    "--cluster",
    "--user",
    "--ca-cert",
    "--profile",
    "--output",
    "-o",
];

/// The words that are not options (nor option values): the command path and its arguments.
fn command_words(words: &[String]) -> Vec<&str> {
    let mut found = Vec::new();
    let mut skip_value = false;
    for word in words {
        if skip_value {
            skip_value = false;
        } else if word.starts_with('-') {
            skip_value = GLOBAL_OPTIONS_WITH_VALUE.contains(&word.as_str());
        } else {
            found.push(word.as_str());
        }
    }
    found
}

/// Checks that `words` name a command rsadmin has (following subcommands through their leading
/// positional arguments, as in `node 3 external_addr`), so that anything else is reported as
/// "not supported" rather than as a parse error.
fn unsupported_path<'a>(words: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut command = Cli::command();
    let mut remaining = words.iter();
    let mut path = Vec::new();
    while command.has_subcommands() {
        let positionals = command
            .get_positionals()
            .filter(|arg| !arg.is_last_set())
            .count();
        for _ in 0..positionals {
            path.push(*remaining.next()?);
        }
        let word = *remaining.next()?;
        path.push(word);
        match command.find_subcommand(word) {
            Some(sub) => command = sub.clone(),
            None => return Some(path),
        }
    }
    None
}

fn not_supported(tool: DropInName, path: &[&str], supported: &str) -> CliError {
    CliError::usage(format!(
        "`{} {}` is not supported by rsadmin (supported {} commands: {supported}). Run it on a \
         cluster node with the real {}.",
        tool.name(),
        path.join(" "),
        tool.name(),
        tool.name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argv0_selects_the_grammar() {
        for (argv0, expected) in [
            ("rladmin", Some(DropInName::Rladmin)),
            ("/usr/local/bin/rladmin", Some(DropInName::Rladmin)),
            ("./crdb-cli", Some(DropInName::CrdbCli)),
            ("crdb-cli.exe", Some(DropInName::CrdbCli)),
            ("rsadmin", None),
            ("/opt/bin/rladmin2", None),
        ] {
            assert_eq!(
                DropInName::from_argv0(OsStr::new(argv0)),
                expected,
                "{argv0}"
            );
        }
    }

    #[test]
    fn command_words_skip_options_and_their_values() {
        let words: Vec<String> = [
            "-y",
            "--cluster",
            "https://c",
            "-o",
            "json",
            "tune",
            "db",
            "db:1",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(command_words(&words), ["tune", "db", "db:1"]);
    }

    #[test]
    fn command_paths_are_checked_against_rsadmins_tree() {
        assert_eq!(
            unsupported_path(&["tune", "db", "db:1", "oss_cluster", "enabled"]),
            None
        );
        assert_eq!(
            unsupported_path(&["node", "3", "external_addr", "add", "1.2.3.4"]),
            None
        );
        assert_eq!(unsupported_path(&["status", "extra", "all"]), None);
        assert_eq!(unsupported_path(&["tune", "proxy", "all"]), None);
        assert_eq!(
            unsupported_path(&["tune", "bogus", "all"]),
            Some(vec!["tune", "bogus"])
        );
        assert_eq!(
            unsupported_path(&["node", "3", "enslave"]),
            Some(vec!["node", "3", "enslave"])
        );
        assert_eq!(unsupported_path(&["cluster"]), Some(vec!["cluster"]));
    }
}
