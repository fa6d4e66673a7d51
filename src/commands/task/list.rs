//! `task list`: crdb-cli's columns; `-o json` prints the task objects.

use super::or_dash;
use crate::commands::Context;
use crate::error::CliResult;
use crate::output::{self, table::Table};

pub fn run(ctx: &Context) -> CliResult<()> {
    let tasks = ctx.client()?.crdb_tasks()?;
    if ctx.json() {
        output::print_json(&tasks);
        return Ok(());
    }
    let mut table = Table::new(vec![
        "TASK-ID",
        "CRDB-GUID",
        "OPERATION",
        "STATUS",
        "WORKER-NAME",
        "STARTED",
        "ENDED",
    ]);
    for task in &tasks {
        table.push(vec![
            task.id.clone(),
            or_dash(task.guid()),
            or_dash(task.operation.as_deref()),
            task.status.clone(),
            or_dash(task.worker_name.as_deref()),
            or_dash(task.started.as_deref()),
            or_dash(task.ended.as_deref()),
        ]);
    }
    print!("{}", table.render_with_gap(2));
    Ok(())
}
