//! `tune cluster`, `tune proxy <id>|all` and `tune node <id>|all`: parse, call
//! `ops::tune_objects`, run the plan like `tune db`'s.

use serde_json::Value;

use crate::api::ApiClient;
use crate::cli::tune::{TuneObjectArgs, TunePairsArgs};
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::tune_objects::{self, NODES, ObjectKind, PROXIES, Selection};
use crate::output::plan::Done;
use crate::output::print_notes;
use crate::plan::ChangePlan;
use crate::tunables::{self, CLUSTER_POLICY_SETTINGS, Setting};

fn parse_settings(
    table: &'static [Setting],
    pairs: &[String],
    command: &str,
) -> CliResult<Vec<(&'static Setting, Value)>> {
    let parsed = tunables::parse_pairs(table, pairs, command).map_err(CliError::usage)?;
    print_notes(&parsed.notes);
    Ok(parsed.settings)
}

pub fn run_cluster(ctx: &Context, args: TunePairsArgs) -> CliResult<()> {
    let settings = parse_settings(CLUSTER_POLICY_SETTINGS, &args.pairs, "tune cluster")?;
    let client = ctx.client()?;
    let plan = tune_objects::cluster(&client, &settings)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Finished),
    )
}

/// The selection and settings of `tune proxy|node <id>|all ...`, the client, the selected uids
/// and the plan.
fn plan_objects(
    ctx: &Context,
    kind: &ObjectKind,
    args: &TuneObjectArgs,
) -> CliResult<(ApiClient, Vec<u64>, ChangePlan)> {
    let selection = Selection::parse(&args.id, kind.what)?;
    let command = format!("tune {} {}", kind.what, args.id);
    let settings = parse_settings(kind.table, &args.pairs, &command)?;
    let client = ctx.client()?;
    let subject = format!("{} {}", kind.what, args.id);
    let (uids, plan) = kind.plan(&client, selection, &settings, subject)?;
    Ok((client, uids, plan))
}

/// One PUT per proxy that differs, each read back.
pub fn run_proxy(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let (client, uids, plan) = plan_objects(ctx, &PROXIES, &args)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Proxies(uids)),
    )
}

pub fn run_node(ctx: &Context, args: TuneObjectArgs) -> CliResult<()> {
    let (client, _, plan) = plan_objects(ctx, &NODES, &args)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Finished),
    )
}
