//! Edits to the shell scripts clap_complete generates, which are static:
//! - profile names, asked from `rsadmin profile list --names` at completion time, for `--profile`
//!   and for the PROFILE argument of `profile show|use|set-db-password|remove` (bash, zsh, fish);
//! - in bash, after `tune db <db> <key>`, only that key's values (clap offers every key and every
//!   value at each position), from the tunables table like the words themselves.
//!
//! elvish and PowerShell complete commands, flags and the flat list of tune words only.
//! Each edit fails when clap's output no longer has the expected shape, so `generate-assets`
//! cannot silently drop it.

use clap_complete::Shell;

use crate::tunables::tunables;

/// Prints the saved profile names, one per line; silent when there are none.
const LIST_NAMES: &str = "rsadmin profile list --names 2>/dev/null";

/// The `profile` subcommands whose argument is an existing profile.
const SUBCOMMANDS_NAMING_A_PROFILE: [&str; 4] = ["show", "use", "set-db-password", "remove"];

/// Where the `tune db` section of clap's bash script starts, and its match on the previous word.
const TUNE_DB_SECTION: &str = "        rsadmin__subcmd__tune__subcmd__db)\n";
const PREV_CASE: &str = "            case \"${prev}\" in\n";

/// Rewrites one generated script.
pub fn edit_completion_script(shell: Shell, script: Vec<u8>) -> std::io::Result<Vec<u8>> {
    let text = String::from_utf8(script).map_err(std::io::Error::other)?;
    let edited = match shell {
        Shell::Bash => bash_tune_values(&bash_profile_names(&text)?)?,
        Shell::Zsh => replace_all(
            &text,
            &[
                (":PROFILE:_default'", ":PROFILE:{compadd -- $(LIST)}'"),
                (":profile:_default'", ":profile:{compadd -- $(LIST)}'"),
            ],
        )?,
        Shell::Fish => fish_profile_names(&text)?,
        _ => text,
    };
    Ok(edited.into_bytes())
}

/// Inserts one `case` arm per key with enumerated values into the `tune db` section.
fn bash_tune_values(script: &str) -> std::io::Result<String> {
    let section = script
        .find(TUNE_DB_SECTION)
        .ok_or_else(|| shape_changed(TUNE_DB_SECTION))?;
    let insert_at = script[section..]
        .find(PREV_CASE)
        .map(|at| section + at + PREV_CASE.len())
        .ok_or_else(|| shape_changed(PREV_CASE))?;
    let arms: String = tunables()
        .filter(|setting| !setting.value_words().is_empty())
        .filter_map(|setting| {
            setting.tune_key.map(|key| {
                format!(
                    "                {key})\n                    \
                     COMPREPLY=($(compgen -W \"{}\" -- \"${{cur}}\"))\n                    \
                     return 0\n                    ;;\n",
                    setting.value_words().join(" ")
                )
            })
        })
        .collect();
    let mut edited = script.to_string();
    edited.insert_str(insert_at, &arms);
    Ok(edited)
}

fn bash_profile_names(text: &str) -> std::io::Result<String> {
    let mut edited = replace_all(
        text,
        &[(
            "--profile)\n                    COMPREPLY=($(compgen -f \"${cur}\"))",
            "--profile)\n                    COMPREPLY=($(compgen -W \"$(LIST)\" -- \"${cur}\"))",
        )],
    )?;
    for subcommand in SUBCOMMANDS_NAMING_A_PROFILE {
        // clap names a section after the words of the command, `-` included.
        let words = subcommand.replace('-', "__subcmd__");
        let section =
            format!("        rsadmin__subcmd__profile__subcmd__{words})\n            opts=\"");
        let start = edited
            .find(&section)
            .map(|at| at + section.len())
            .ok_or_else(|| shape_changed(&section))?;
        let end = edited[start..]
            .find('"')
            .map(|at| start + at)
            .ok_or_else(|| shape_changed(&section))?;
        edited.insert_str(end, &format!(" $({LIST_NAMES})"));
    }
    Ok(edited)
}

fn fish_profile_names(text: &str) -> std::io::Result<String> {
    let mut edited = replace_all(
        text,
        &[(
            "-l profile -d 'Use a saved connection profile' -r",
            "-l profile -d 'Use a saved connection profile' -r -f -a \"(LIST)\"",
        )],
    )?;
    edited.push_str(&format!(
        "complete -c rsadmin -n \"__fish_rsadmin_using_subcommand profile; and \
         __fish_seen_subcommand_from {}\" -f -a \"({LIST_NAMES})\"\n",
        SUBCOMMANDS_NAMING_A_PROFILE.join(" ")
    ));
    Ok(edited)
}

/// Replaces every occurrence of each pattern (`LIST` in the replacement is the listing command).
fn replace_all(text: &str, edits: &[(&str, &str)]) -> std::io::Result<String> {
    let mut edited = text.to_string();
    for (pattern, replacement) in edits {
        if !edited.contains(pattern) {
            return Err(shape_changed(pattern));
        }
        edited = edited.replace(pattern, &replacement.replace("LIST", LIST_NAMES));
    }
    Ok(edited)
}

fn shape_changed(pattern: &str) -> std::io::Error {
    std::io::Error::other(format!(
        "the generated completion script no longer contains {pattern:?}; update cli::completion"
    ))
}
