//! Shell completion answered by rsadmin itself (clap_complete's dynamic completion). The scripts
//! in `completions/` only register rsadmin with the shell, and `RSADMIN_COMPLETE=<shell> rsadmin` prints
//! the same script. On TAB the shell runs `RSADMIN_COMPLETE=<shell> rsadmin -- <words>`, and rsadmin
//! answers from the clap definitions, the tunables table (after `tune db <db>`: keys, and after a
//! key only its values) and the profile file (profile names), in every shell alike.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

use clap_complete::CompleteEnv;
use clap_complete::engine::{CompletionCandidate, ValueCompleter};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::config::profile::ProfileFile;
use crate::tunables::{find_tunable, tunables};

/// The variable that turns a run of rsadmin into a completion request (not clap's default `COMPLETE`, which an unrelated environment may set).
const REQUEST_VAR: &str = "RSADMIN_COMPLETE";
/// The command the registration scripts complete, and run (from PATH) to get candidates.
const BIN: &str = "rsadmin";

/// Every supported shell with the file its registration script is committed as.
const SHELLS: [(&dyn EnvCompleter, &str); 5] = [
    (&Bash, "rsadmin.bash"),
    (&Zsh, "_rsadmin"),
    (&Fish, "rsadmin.fish"),
    (&Elvish, "rsadmin.elv"),
    (&Powershell, "_rsadmin.ps1"),
];

/// Answers a completion request and exits when `RSADMIN_COMPLETE` is set; otherwise returns.
pub fn answer_if_requested() {
    CompleteEnv::with_factory(super::command)
        .var(REQUEST_VAR)
        .complete();
}

/// Each shell's registration script, as `completions/<file>`.
pub fn registration_scripts() -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    SHELLS
        .iter()
        .map(|(shell, file)| {
            let mut script = Vec::new();
            shell.write_registration(REQUEST_VAR, BIN, BIN, BIN, &mut script)?;
            Ok((PathBuf::from("completions").join(file), script))
        })
        .collect()
}

/// The saved profile names. Completion never fails loudly: no file or a broken one offers none.
pub fn profile_names() -> Vec<CompletionCandidate> {
    ProfileFile::load()
        .map(|file| {
            file.profiles
                .into_keys()
                .map(CompletionCandidate::new)
                .collect()
        })
        .unwrap_or_default()
}

/// The `<key> <value>` pairs of `tune db <db>`: after a key only its values (none for integers),
/// otherwise the keys. The previous word decides, not the position: clap_complete 4.6 counts the
/// values of a positional inconsistently, and no value word is also a key.
pub struct TunePairs;

impl ValueCompleter for TunePairs {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        let prefix = current.to_string_lossy();
        match word_before_cursor().and_then(|word| find_tunable(&word)) {
            Some(setting) => setting
                .value_words()
                .iter()
                .filter(|value| value.starts_with(prefix.as_ref()))
                .map(|value| CompletionCandidate::new(*value))
                .collect(),
            None => tunables()
                .filter_map(|setting| setting.access.tune_key().map(|key| (key, setting.help)))
                .filter(|(key, _)| key.starts_with(prefix.as_ref()))
                .map(|(key, help)| CompletionCandidate::new(key).help(Some(help.into())))
                .collect(),
        }
    }
}

/// The word before the one being completed. clap_complete gives a completer only the current
/// word, so this reads the request itself: `rsadmin -- <words>`, with the current word at
/// `_CLAP_COMPLETE_INDEX` (bash, zsh, PowerShell) or last (fish, elvish), as clap_complete 4.6's
/// shell integration (`clap_complete::env`) sends it.
fn word_before_cursor() -> Option<String> {
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|arg| arg != "--")
        .skip(1)
        .collect();
    let current = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|index| index.parse::<usize>().ok())
        .unwrap_or(words.len().saturating_sub(1));
    words
        .get(current.checked_sub(1)?)?
        .to_str()
        .map(str::to_string)
}
