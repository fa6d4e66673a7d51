//! `crdb create|update|list|get|delete|add-instance|remove-instance|purge-instance|flush|
//! health-report`: Active-Active databases, remotely, with crdb-cli's
//! grammar and progress lines. Each subcommand has its own file; what they share (instance
//! credentials, sizes, the prerequisite gate, following a task) lives beside them.

mod add_instance;
mod config;
mod create;
mod delete;
mod destroy;
mod gate;
mod get;
mod health_report;
mod instance;
mod list;
pub mod progress;
mod update;

use crate::cli::crdb::{CrdbArgs, CrdbCommand};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};

pub fn run(ctx: &Context, args: CrdbArgs) -> CliResult<()> {
    match args.command {
        CrdbCommand::Create(args) => create::run(ctx, &args),
        CrdbCommand::Update(args) => update::run(ctx, &args),
        CrdbCommand::List(_) => list::run(ctx),
        CrdbCommand::Get(args) => get::run(ctx, &args.crdb_guid),
        CrdbCommand::Delete(args) => delete::run(ctx, &args),
        CrdbCommand::AddInstance(args) => add_instance::run(ctx, &args),
        CrdbCommand::RemoveInstance(args) => destroy::remove_instance(ctx, &args),
        CrdbCommand::PurgeInstance(args) => destroy::purge_instance(ctx, &args),
        CrdbCommand::Flush(args) => destroy::flush(ctx, &args),
        CrdbCommand::HealthReport(args) => health_report::run(ctx, &args.crdb_guid),
    }
}

/// Turns the client's generic 404 into one that names the GUID and how to find the right one.
pub fn unknown_guid(guid: &str) -> impl Fn(CliError) -> CliError + '_ {
    move |err| match err.kind {
        ExitKind::NotFound => CliError::new(
            ExitKind::NotFound,
            format!(
                "crdb {guid} not found. List the Active-Active databases with: rsadmin crdb list"
            ),
        ),
        _ => err,
    }
}
