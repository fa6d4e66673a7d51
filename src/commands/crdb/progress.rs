//! Following a crdb task the way crdb-cli does:
//!
//! ```text
//! Task 633aaea3-97ee-4bcb-af39-a9cb25d7d4da created
//!   ---> Status changed: queued -> started
//!   ---> CRDB GUID Assigned: crdb:d84f6fe4-5bb7-49d2-a188-8900e09c6f66
//!   ---> Status changed: started -> finished
//! ```
//!
//! A failed task exits 1 with each cluster's error; `-o json` prints only the final task.

use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::api::ApiClient;
use crate::api::crdb::CrdbTask;
use crate::cli::crdb::WaitArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output;
use crate::sanitize::one_line;

const POLL_INTERVAL: Duration = Duration::from_millis(200);

const STARTED: &str = "started";
const FINISHED: &str = "finished";
const FAILED: &str = "failed";

/// Whether the command reports the GUID the task assigns (create does; update and delete act
/// on a GUID the user already gave).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuidReport {
    Announce,
    Silent,
}

/// Prints what crdb-cli prints while a task runs; text mode only.
struct ProgressPrinter {
    text: bool,
    guid_report: GuidReport,
    guid_printed: bool,
}

impl ProgressPrinter {
    fn status_change(&self, from: &str, to: &str) {
        if self.text {
            println!("  ---> Status changed: {from} -> {to}");
        }
    }

    fn guid(&mut self, task: &CrdbTask) {
        let Some(guid) = task.guid() else { return };
        if self.text && self.guid_report == GuidReport::Announce && !self.guid_printed {
            println!("  ---> CRDB GUID Assigned: crdb:{guid}");
            self.guid_printed = true;
        }
    }

    /// Reports the move from `from` to the task's status. Statuses only move forward
    /// (`queued -> started -> finished|failed`), so a poll that missed `started` still prints
    /// it: the task did pass through it.
    fn advance(&mut self, from: &str, task: &CrdbTask) {
        let to = task.status.as_str();
        if from == to {
            if to == STARTED {
                self.guid(task);
            }
            return;
        }
        let ended = to == FINISHED || to == FAILED;
        let from = if ended && from != STARTED && task.started.is_some() {
            self.status_change(from, STARTED);
            STARTED
        } else {
            from
        };
        if from == STARTED {
            self.guid(task);
        }
        self.status_change(from, to);
        if to == STARTED {
            self.guid(task);
        }
    }
}

/// Prints `Task <id> created`, then (unless `--no-wait`) follows the task until it ends.
pub fn follow(
    ctx: &Context,
    client: &ApiClient,
    task: CrdbTask,
    wait: &WaitArgs,
    guid_report: GuidReport,
) -> CliResult<()> {
    if !ctx.json() {
        println!("Task {} created", task.id);
    }
    if wait.no_wait {
        if ctx.json() {
            output::print_json(&task);
        }
        return Ok(());
    }
    let mut printer = ProgressPrinter {
        text: !ctx.json(),
        guid_report,
        guid_printed: false,
    };
    let deadline = crate::limits::deadline_after(Duration::from_secs(wait.timeout));
    let mut current = task;
    loop {
        if current.status == FINISHED || current.status == FAILED {
            break;
        }
        if Instant::now() > deadline {
            return Err(CliError::new(
                ExitKind::Timeout,
                format!(
                    "timed out after {}s waiting for task {} (status {}); follow it with: \
                     rsadmin task status --task-id {}",
                    wait.timeout, current.id, current.status, current.id
                ),
            ));
        }
        sleep(POLL_INTERVAL);
        let next = client.crdb_task(&current.id, false)?;
        printer.advance(&current.status, &next);
        current = next;
    }
    if ctx.json() {
        output::print_json(&current);
    }
    if current.status == FAILED {
        return Err(task_failed(&current));
    }
    Ok(())
}

/// Exit 1 with one line per cluster error.
pub fn task_failed(task: &CrdbTask) -> CliError {
    let mut message = format!(
        "task {} ({}) failed",
        task.id,
        task.operation.as_deref().unwrap_or("crdb operation")
    );
    if task.errors.is_empty() {
        message.push_str(" without details from the cluster");
    }
    // One line per cluster, each the cluster's own text on one line.
    for error in &task.errors {
        message.push_str(&format!(
            "\n  {}: {} [{}]",
            one_line(error.cluster_name.as_deref().unwrap_or("cluster")),
            one_line(error.description.as_deref().unwrap_or("no description")),
            one_line(error.error_code.as_deref().unwrap_or("no error code"))
        ));
    }
    CliError::new(ExitKind::Failed, message)
}
