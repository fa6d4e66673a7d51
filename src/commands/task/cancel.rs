//! `task cancel --task-id <id>`: prints nothing on success, as crdb-cli. A task that already
//! started or ended cannot be canceled: exit 6 (the cluster answers 406). With `--json`, the task
//! as `GET /v1/crdb_tasks/{id}` shows it after the cancel.

use super::unknown_task;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output;

pub fn run(ctx: &Context, id: &str) -> CliResult<()> {
    let client = ctx.client()?;
    client
        .cancel_crdb_task(id)
        .map_err(unknown_task(id))
        .map_err(|err| match err.kind {
            ExitKind::Refused => CliError::new(ExitKind::Conflict, err.message),
            _ => err,
        })?;
    // The cancel answers only a status code (rest-api.md §6.4); show the task as it is now.
    if ctx.json() {
        output::print_json(&client.crdb_task(id, false)?);
    }
    Ok(())
}
