//! `task cancel --task-id <id>`: prints nothing on success, as crdb-cli. A task that already
//! started or ended cannot be canceled: exit 6 (the cluster answers 406).

use super::unknown_task;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output;

pub fn run(ctx: &Context, id: &str) -> CliResult<()> {
    let task = ctx
        .client()?
        .cancel_crdb_task(id)
        .map_err(unknown_task(id))
        .map_err(|err| match err.kind {
            ExitKind::Refused => CliError::new(ExitKind::Conflict, err.message),
            _ => err,
        })?;
    if ctx.json() {
        output::print_json(&task);
    }
    Ok(())
}
