//! `task list|status|cancel`: crdb-cli's task commands (cli-grammar.md §6).

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct TaskArgs {
    #[command(subcommand)]
    pub command: TaskCommand,
}

#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    /// The crdb tasks the cluster knows (ended tasks are kept about 500 seconds)
    List,
    /// Show one task; a failed task lists each cluster's error
    Status(TaskStatusArgs),
    /// Cancel a task that has not started yet
    Cancel(TaskIdArgs),
}

#[derive(Debug, Args)]
pub struct TaskStatusArgs {
    #[arg(long, value_name = "TASK_ID", value_parser = crate::limits::object_id)]
    pub task_id: String,
    /// Ask the cluster for details
    #[arg(long, overrides_with = "no_verbose")]
    pub verbose: bool,
    #[arg(long)]
    pub no_verbose: bool,
}

#[derive(Debug, Args)]
pub struct TaskIdArgs {
    #[arg(long, value_name = "TASK_ID", value_parser = crate::limits::object_id)]
    pub task_id: String,
}
