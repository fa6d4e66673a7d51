//! Running a plan, the one flow every change takes: refuse on a failing prerequisite, say when
//! there is nothing to change, show a dry run (checked by the cluster), confirm, apply step by
//! step, report.

use crate::api::ApiClient;
use crate::checks::Finding;
use crate::error::{CliError, CliResult, ExitKind};
use crate::ops::apply::{apply_step, check_with_cluster};
use crate::ops::confirm::Confirmation;
use crate::output::plan::{
    self as render, DRY_RUN_NOT_SENT, DRY_RUN_VALIDATED, Done, Outcome, print_report,
};
use crate::plan::ChangePlan;
use crate::report::Severity;
use crate::wait::WaitLimit;

/// How a plan runs: what the invocation asked for.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// `-o json`: one report document on stdout instead of text.
    pub json: bool,
    pub dry_run: bool,
    /// Seconds to wait for the cluster to apply all steps.
    pub timeout: u64,
    pub confirmation: Confirmation,
    /// The line printed once every step is applied.
    pub done: Done,
}

/// Refuse, report nothing to change, dry-run, confirm, apply, wait, read back.
pub fn execute(client: &ApiClient, plan: &ChangePlan, options: &RunOptions) -> CliResult<()> {
    render::print_warnings(&plan.findings);
    let failing: Vec<&Finding> = plan
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Fail)
        .collect();
    if !failing.is_empty() {
        if options.json {
            print_report(plan, Outcome::Refused, options.dry_run);
        }
        return Err(CliError::new(
            ExitKind::Refused,
            render::refusal(plan, &failing),
        ));
    }
    if plan.steps.is_empty() {
        if options.json {
            print_report(plan, Outcome::NothingToChange, options.dry_run);
        } else {
            println!("Nothing to change");
        }
        return Ok(());
    }
    if options.dry_run {
        // The plan shows either way; a refusal by the cluster's own check is the outcome.
        let cluster_check = check_with_cluster(client, plan);
        if options.json {
            let outcome = match cluster_check {
                Ok(_) => Outcome::DryRun,
                Err(_) => Outcome::Refused,
            };
            print_report(plan, outcome, true);
        } else {
            print!("{}", render::render(plan));
            match cluster_check {
                Ok(true) => print!("{DRY_RUN_VALIDATED}"),
                Ok(false) => print!("{DRY_RUN_NOT_SENT}"),
                Err(_) => {}
            }
        }
        return cluster_check.map(|_| ());
    }
    if let Some(what) = render::disruption(plan) {
        options.confirmation.ask(&what, &render::render(plan))?;
    }
    let limit = WaitLimit::from_now(options.timeout);
    let count = plan.steps.len();
    for (index, step) in plan.steps.iter().enumerate() {
        // With several steps (`--fix`), say on stderr which one runs, so a failure is placed.
        if count > 1 && !options.json {
            eprintln!("Step {}/{count}: {}", index + 1, render::step_summary(step));
        }
        let placed = apply_step(client, step, limit)?;
        if !options.json {
            placed.iter().for_each(|line| println!("{line}"));
        }
    }
    if options.json {
        print_report(plan, Outcome::Applied, false);
    } else {
        println!("{}", render::done(&options.done));
    }
    Ok(())
}
