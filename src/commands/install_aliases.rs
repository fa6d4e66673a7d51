//! `install-aliases DIR`: links `rladmin` and `crdb-cli` to this binary, which reads its own name
//! (argv[0]) to speak their grammar (`crate::dropin`).

use std::path::Path;

use crate::cli::install_aliases::InstallAliasesArgs;
use crate::commands::Context;
use crate::dropin::DropInName;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;

pub fn run(ctx: &Context, args: InstallAliasesArgs) -> CliResult<()> {
    let target = std::env::current_exe().map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("cannot find the rsadmin binary: {err}"),
        )
    })?;
    std::fs::create_dir_all(&args.dir).map_err(|err| install_error(&args.dir, &err))?;
    let mut installed = Vec::new();
    for name in DropInName::ALL {
        let alias = args.dir.join(name.file_name());
        install(&target, &alias, args.force)?;
        installed.push(alias);
    }
    if ctx.json() {
        print_json(&installed);
    } else {
        for alias in &installed {
            println!("{} -> {}", alias.display(), target.display());
        }
    }
    Ok(())
}

/// A symlink where the platform has them, a copy elsewhere. An alias that already points at this
/// binary is left alone; any other file is replaced only with --force.
fn install(target: &Path, alias: &Path, force: bool) -> CliResult<()> {
    if std::fs::read_link(alias).is_ok_and(|existing| existing == target) {
        return Ok(());
    }
    if alias.symlink_metadata().is_ok() {
        if !force {
            return Err(CliError::usage(format!(
                "{} already exists; pass --force to replace it",
                alias.display()
            )));
        }
        std::fs::remove_file(alias).map_err(|err| install_error(alias, &err))?;
    }
    #[cfg(unix)]
    let result = std::os::unix::fs::symlink(target, alias);
    #[cfg(not(unix))]
    let result = std::fs::copy(target, alias).map(|_| ());
    result.map_err(|err| install_error(alias, &err))
}

fn install_error(path: &Path, err: &std::io::Error) -> CliError {
    CliError::new(
        ExitKind::Failed,
        format!("cannot install {}: {err}", path.display()),
    )
}
