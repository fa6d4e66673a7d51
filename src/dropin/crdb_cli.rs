//! crdb-cli's grammar: `crdb-cli [--cluster-url URL] [--cluster-username USER]
//! [--cluster-password PASS] crdb|task <command> [args]`. The cluster options become rsadmin's
//! `--cluster`/`--user`; the password moves to the environment (`Translated::password`).

use super::{DropInName, Translated, command_words, not_supported, unsupported_path};
use crate::error::{CliError, CliResult};

const GROUPS: [&str; 2] = ["crdb", "task"];

/// crdb-cli's global options and the rsadmin option each becomes (`None`: the password).
const GLOBAL_OPTIONS: [(&str, Option<&str>); 3] = [
    ("--cluster-url", Some("--cluster")),
    ("--cluster-username", Some("--user")),
    ("--cluster-password", None),
];

pub fn translate(words: Vec<String>) -> CliResult<Translated> {
    let mut rsadmin_words = Vec::new();
    let mut password = None;
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let (option, inline_value) = match word.split_once('=') {
            Some((option, value)) => (option.to_string(), Some(value.to_string())),
            None => (word.clone(), None),
        };
        let Some((_, rsadmin_option)) = GLOBAL_OPTIONS.iter().find(|(name, _)| *name == option)
        else {
            rsadmin_words.push(word);
            continue;
        };
        let value = inline_value
            .or_else(|| words.next())
            .ok_or_else(|| CliError::usage(format!("crdb-cli: {option} needs a value")))?;
        match rsadmin_option {
            Some(rsadmin_option) => {
                rsadmin_words.push(rsadmin_option.to_string());
                rsadmin_words.push(value);
            }
            None => password = Some(value),
        }
    }
    let command = command_words(&rsadmin_words);
    let supported = "crdb ..., task ...";
    match command.first() {
        None if rsadmin_words
            .iter()
            .any(|word| word == "--help" || word == "-h") => {}
        None => {
            return Err(CliError::usage(
                "crdb-cli needs a command: crdb-cli [--cluster-url URL --cluster-username USER \
                 --cluster-password PASS] crdb|task <command> [args]; see crdb-cli crdb --help",
            ));
        }
        Some(group) if !GROUPS.contains(group) => {
            return Err(not_supported(DropInName::CrdbCli, &[group], supported));
        }
        Some(_) => {
            if let Some(path) = unsupported_path(&command) {
                return Err(not_supported(DropInName::CrdbCli, &path, supported));
            }
        }
    }
    Ok(Translated {
        password,
        ..Translated::rsadmin(rsadmin_words)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitKind;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|word| word.to_string()).collect()
    }

    #[test]
    fn global_options_become_rsadmins_and_the_password_leaves_argv() {
        let translated = translate(words(&[
            "--cluster-url",
            "https://c1:9443",
            "--cluster-username",
            "admin@example.com",
            "--cluster-password=s3cret",
            "--help",
        ]))
        .expect("translates");
        assert_eq!(translated.password.as_deref(), Some("s3cret"));
        assert_eq!(
            translated.argv,
            words(&[
                "rsadmin",
                "--cluster",
                "https://c1:9443",
                "--user",
                "admin@example.com",
                "--help"
            ])
            .into_iter()
            .map(std::ffi::OsString::from)
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn other_groups_are_not_supported() {
        let err = translate(words(&["status"])).unwrap_err();
        assert_eq!(err.kind, ExitKind::Usage);
        assert_eq!(
            err.message,
            "`crdb-cli status` is not supported by rsadmin (supported crdb-cli commands: crdb ..., \
             task ...). Run it on a cluster node with the real crdb-cli."
        );
        assert_eq!(translate(words(&[])).unwrap_err().kind, ExitKind::Usage);
        assert_eq!(
            translate(words(&["--cluster-password"]))
                .unwrap_err()
                .message,
            "crdb-cli: --cluster-password needs a value"
        );
    }
}
