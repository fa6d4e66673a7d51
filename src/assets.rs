//! Shell completion registration scripts and man pages generated from the clap definitions. They
//! are committed under `completions/` and `man/`; `rsadmin generate-assets <repo>` rewrites them
//! and a test fails when they are stale.

use std::path::PathBuf;

use clap_mangen::Man;

use crate::cli::completion::registration_scripts;
use crate::cli::examples::examples_for;
use crate::cli::{ENVIRONMENT_HELP, EXIT_CODES_HELP};

/// Every generated file: its path relative to the repository root and its content.
pub fn generated_assets() -> std::io::Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut command = crate::cli::command();
    command.build();
    let mut files = registration_scripts()?;
    man_pages(&command, "rsadmin", &mut files)?;
    Ok(files)
}

/// `rsadmin.1`, then one page per visible subcommand (`rsadmin-tune.1`, `rsadmin-tune-db.1`).
fn man_pages(
    command: &clap::Command,
    name: &str,
    files: &mut Vec<(PathBuf, Vec<u8>)>,
) -> std::io::Result<()> {
    // After `build()`, clap has set each subcommand's display name (`rsadmin-tune`) and bin name.
    let page_command = command.clone();
    let man = Man::new(page_command.clone()).title(name.to_uppercase());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    if page_command.get_arguments().any(|arg| !arg.is_hide_set()) {
        man.render_options_section(&mut page)?;
    }
    if page_command
        .get_subcommands()
        .any(|sub| !sub.is_hide_set() && sub.get_name() != "help")
    {
        man.render_subcommands_section(&mut page)?;
    }
    // The top-level help text is its examples and the exit-code and environment sections below.
    if name == "rsadmin" {
        if let Some(lines) = examples_for("") {
            page.extend(roff_section("EXAMPLES", &format!("Examples:\n{lines}")).into_bytes());
        }
    } else if page_command.get_after_help().is_some() {
        man.render_extra_section(&mut page)?;
    }
    page.extend(roff_section("EXIT STATUS", EXIT_CODES_HELP).into_bytes());
    page.extend(roff_section("ENVIRONMENT", ENVIRONMENT_HELP).into_bytes());
    if page_command.get_version().is_some() {
        man.render_version_section(&mut page)?;
    }
    files.push((PathBuf::from("man").join(format!("{name}.1")), page));
    // clap's own `help` subcommand needs no page.
    for sub in command
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set() && sub.get_name() != "help")
    {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
}

/// A preformatted section from our help text (its first line is the help's own heading).
fn roff_section(title: &str, help: &str) -> String {
    let body: Vec<String> = help
        .lines()
        .skip(1)
        .map(|line| line.trim_start().replace('\\', "\\e"))
        .collect();
    format!(".SH \"{title}\"\n.nf\n{}\n.fi\n", body.join("\n"))
}
