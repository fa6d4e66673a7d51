//! `task list|status|cancel`: crdb-cli's task commands, one file each.

mod cancel;
mod list;
mod status;

use crate::cli::task::{TaskArgs, TaskCommand};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};

pub fn run(ctx: &Context, args: TaskArgs) -> CliResult<()> {
    match args.command {
        TaskCommand::List => list::run(ctx),
        TaskCommand::Status(args) => status::run(ctx, &args),
        TaskCommand::Cancel(args) => cancel::run(ctx, &args.task_id),
    }
}

/// Turns the client's generic 404 into one that names the task and why it may be gone.
fn unknown_task(id: &str) -> impl Fn(CliError) -> CliError + '_ {
    move |err| match err.kind {
        ExitKind::NotFound => CliError::new(
            ExitKind::NotFound,
            format!(
                "task {id} not found (the cluster keeps ended tasks for about 500 seconds). \
                 List the tasks with: rsadmin task list"
            ),
        ),
        _ => err,
    }
}

/// crdb-cli prints `-` for a value the task does not have (yet).
fn or_dash(value: Option<&str>) -> String {
    value
        .filter(|value| !value.is_empty())
        .unwrap_or("-")
        .to_string()
}
