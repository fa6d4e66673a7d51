//! `task status --task-id <id>`: crdb-cli's block; scripts anchor `^Status: finished$` and
//! `^Status: failed$`. A failed task adds one `Error:` line per cluster. The command itself
//! succeeds (exit 0) whatever the task's status.

use super::{or_dash, unknown_task};
use crate::cli::task::TaskStatusArgs;
use crate::commands::Context;
use crate::error::CliResult;
use crate::output;
use crate::sanitize::one_line;

pub fn run(ctx: &Context, args: &TaskStatusArgs) -> CliResult<()> {
    let id = args.task_id.as_str();
    let task = ctx
        .client()?
        .crdb_task(id, args.verbose)
        .map_err(unknown_task(id))?;
    if ctx.json() {
        output::print_json(&task);
        return Ok(());
    }
    println!("Task-ID: {}", task.id);
    println!("CRDB-GUID: {}", or_dash(task.guid()));
    println!("Operation: {}", or_dash(task.operation.as_deref()));
    println!("Status: {}", task.status);
    println!("Worker-Name: {}", or_dash(task.worker_name.as_deref()));
    println!("Started: {}", or_dash(task.started.as_deref()));
    println!("Ended: {}", or_dash(task.ended.as_deref()));
    for error in &task.errors {
        // The cluster's text, on the one line each error has.
        println!(
            "Error: {}: {} [{}]",
            one_line(&or_dash(error.cluster_name.as_deref())),
            one_line(&or_dash(error.description.as_deref())),
            one_line(&or_dash(error.error_code.as_deref()))
        );
    }
    Ok(())
}
