//! The words of a change (`plan`): `field: current -> wanted` in rladmin's terms, the plan
//! `--dry-run` and the confirmation show, the `-o json` report, the refusal, and what a shard
//! step says it did.

use serde::Serialize;
use serde_json::{Value, json};

use crate::checks::Finding;
use crate::field_change::{FieldChange, Location, ShardField};
use crate::plan::{ChangePlan, Remedy, Step};
use crate::report::Severity;
use crate::shard_plan;
use crate::tunables::ABSENT;

/// The name a person knows the field by: `info`'s key for database settings, `tune`'s key for
/// the other tables, `endpoint:1:1 proxy_policy`, `redis:2 node`, `slots 0-8191 master`.
pub fn label(change: &FieldChange) -> String {
    let setting = change.setting;
    match &change.location {
        Location::Bdb { field, .. } => setting
            .and_then(|setting| setting.display_key)
            .unwrap_or(field)
            .to_string(),
        Location::Node { field, .. }
        | Location::ClusterPolicy { field }
        | Location::Proxy { field, .. } => setting
            .and_then(|setting| setting.access.tune_key())
            .unwrap_or(field)
            .to_string(),
        Location::Endpoint {
            endpoint, field, ..
        } => format!("endpoint:{endpoint} {field}"),
        Location::Shard { uid, field } => {
            let field = match field {
                ShardField::Node => "node",
                ShardField::Role => "role",
            };
            format!("{} {field}", shard_plan::shard_name(uid))
        }
        Location::SlotRange { slots, role, .. } => format!("slots {slots} {role}"),
    }
}

/// A value as rladmin shows it: `node:3` for a shard's node, the setting's own form
/// (`enabled`, `3600 seconds`), `N/A` for absent.
pub fn value(change: &FieldChange, value: &Value) -> String {
    let holds_node = matches!(
        change.location,
        Location::Shard {
            field: ShardField::Node,
            ..
        } | Location::SlotRange { .. }
    );
    // An endpoint's fields read as the cluster sends them.
    let setting = change
        .setting
        .filter(|_| !matches!(change.location, Location::Endpoint { .. }));
    match (setting, value) {
        (_, Value::String(node)) if holds_node => format!("node:{node}"),
        (Some(setting), value) => setting.display(Some(value)),
        (None, Value::String(text)) => text.clone(),
        (None, Value::Null) => ABSENT.to_string(),
        (None, other) => other.to_string(),
    }
}

/// `field: current -> wanted`.
pub fn summary(change: &FieldChange) -> String {
    format!(
        "{}: {} -> {}",
        label(change),
        value(change, &change.current),
        value(change, &change.wanted)
    )
}

/// Every change of a step, comma-separated.
pub fn step_summary(step: &Step) -> String {
    step.changes()
        .iter()
        .map(summary)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The request line(s) `--dry-run` shows for one step.
pub fn calls(step: &Step) -> Vec<String> {
    let call = format!("{} {} {}", step.method(), step.path(), step.body());
    match step.blueprint_path() {
        Some(blueprint) => vec![
            format!("GET {blueprint}"),
            format!("{call} (with the cluster-state-id header of the GET)"),
        ],
        None => vec![call],
    }
}

/// The plan: each change, then the REST calls that would make it.
pub fn render(plan: &ChangePlan) -> String {
    let mut text = format!("Plan for {}:\n", plan.subject);
    for change in plan.changes() {
        text.push_str(&format!("  {}\n", summary(change)));
    }
    text.push_str("REST calls:\n");
    for call in plan.steps.iter().flat_map(calls) {
        text.push_str(&format!("  {call}\n"));
    }
    text
}

/// Why a plan needs a confirmation: the disruptive changes by name, or `None`.
pub fn disruption(plan: &ChangePlan) -> Option<String> {
    let disruptive: Vec<String> = plan
        .steps
        .iter()
        .filter(|step| step.disruptive())
        .flat_map(|step| step.changes().iter().map(label))
        .collect();
    (!disruptive.is_empty()).then(|| {
        format!(
            "changing {} on {} affects connected clients",
            disruptive.join(", "),
            plan.subject
        )
    })
}

/// What a command says when every step is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// rladmin's `Finished successfully`.
    Finished,
    /// `node ... external_addr`: rladmin's `Updated successfully.`.
    Updated,
    /// `migrate`: rladmin's last line after a migration, `Done`.
    Migrated,
    /// `placement`: the policy now in force.
    Placement(&'static str),
    /// `tune proxy`: rladmin's report (RL/tune.md), each selected proxy `ok`.
    Proxies(Vec<u64>),
}

pub fn done(done: &Done) -> String {
    match done {
        Done::Finished => "Finished successfully".to_string(),
        Done::Updated => "Updated successfully.".to_string(),
        Done::Migrated => "Done".to_string(),
        Done::Placement(policy) => format!("Shards placement policy is now {policy}"),
        Done::Proxies(uids) => {
            let mut text = "Configuring proxies:".to_string();
            for uid in uids {
                text.push_str(&format!("\n  - proxy:{uid}: ok"));
            }
            text
        }
    }
}

/// The last line of a dry run the cluster accepted.
pub const DRY_RUN_VALIDATED: &str =
    "Dry run: the cluster validated the calls (dry_run=true); nothing was changed.\n";
/// For plans without a database update (nodes, cluster policy, proxies, shard moves).
pub const DRY_RUN_NOT_SENT: &str = "Dry run: nothing was sent.\n";

/// How a change ended, as `-o json` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Refused,
    NothingToChange,
    DryRun,
    Applied,
}

#[derive(Serialize)]
struct RequestReport {
    method: &'static str,
    path: String,
    body: Value,
    changes: Vec<Value>,
}

#[derive(Serialize)]
struct ChangeReport<'a> {
    subject: &'a str,
    outcome: Outcome,
    dry_run: bool,
    requests: Vec<RequestReport>,
    findings: &'a [Finding],
}

/// The `-o json` document of a change.
pub fn print_report(plan: &ChangePlan, outcome: Outcome, dry_run: bool) {
    super::print_json(&ChangeReport {
        subject: &plan.subject,
        outcome,
        dry_run,
        requests: plan
            .steps
            .iter()
            .map(|step| RequestReport {
                method: step.method(),
                path: step.path(),
                body: step.body(),
                changes: step
                    .changes()
                    .iter()
                    .map(|change| {
                        json!({"field": label(change), "current": change.current, "wanted": change.wanted})
                    })
                    .collect(),
            })
            .collect(),
        findings: &plan.findings,
    });
}

/// `warning:` lines on stderr for the findings that warn.
pub fn print_warnings(findings: &[Finding]) {
    for finding in findings
        .iter()
        .filter(|finding| finding.severity == Severity::Warn)
    {
        eprintln!("warning: {}", finding.message);
    }
}

fn with_fix(finding: &Finding) -> String {
    match &finding.fix {
        Some(fix) => format!("{}. Fix: {}", finding.message, fix.command),
        None => finding.message.clone(),
    }
}

fn remedy(remedy: Remedy) -> String {
    match remedy {
        Remedy::TuneFix { bdb } => format!(
            "rsadmin can apply the fixable ones first: rsadmin tune db db:{bdb} oss_cluster \
             enabled --fix"
        ),
    }
}

/// One line per failing rule, then the summary; the caller prefixes each with `error: `.
pub fn refusal(plan: &ChangePlan, failing: &[&Finding]) -> String {
    let mut lines: Vec<String> = failing.iter().map(|finding| with_fix(finding)).collect();
    let hint = plan
        .remedy
        .map(|found| format!(". {}", remedy(found)))
        .unwrap_or_default();
    lines.push(format!(
        "refused: {} prerequisite(s) of the OSS Cluster API not met for {}; nothing was changed{hint}",
        failing.len(),
        plan.subject
    ));
    lines.join("\nerror: ")
}

/// `redis:2 node is now node:3` style lines: where each changed shard is after a shard step,
/// read from the shards the cluster lists (`applied`).
pub fn placements(step: &Step, applied: &Value) -> Vec<String> {
    if !step
        .changes()
        .iter()
        .any(|change| change.location.is_shard())
    {
        return Vec::new();
    }
    step.changes()
        .iter()
        .map(|change| {
            let now = change
                .location
                .read(applied)
                .cloned()
                .unwrap_or(Value::Null);
            format!("{} is now {}", label(change), value(change, &now))
        })
        .collect()
}

/// `field reads <actual> instead of <wanted>` for one change the cluster did not apply.
pub fn not_applied(change: &FieldChange, actual: &Value) -> String {
    format!(
        "{} reads {} instead of {}",
        label(change),
        value(change, actual),
        value(change, &change.wanted)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{BlueprintEntry, Shard};
    use crate::plan::rebalance_step;
    use crate::shard_plan::ShardMove;

    fn bdb() -> Value {
        json!({"uid": 1, "oss_cluster": false})
    }

    fn oss_cluster(wanted: bool) -> FieldChange {
        let setting = crate::tunables::find_tunable("oss_cluster");
        let location = Location::Bdb {
            bdb: 1,
            field: "oss_cluster",
        };
        FieldChange::against(&bdb(), location, setting, json!(wanted)).unwrap()
    }

    #[test]
    fn dry_run_lists_plan_and_calls() {
        let plan = ChangePlan::new("db:1 [a]".into(), Step::updates(vec![oss_cluster(true)]));
        assert_eq!(
            render(&plan),
            "Plan for db:1 [a]:\n  oss_cluster: disabled -> enabled\nREST calls:\n  \
             PUT /v1/bdbs/1 {\"oss_cluster\":true}\n"
        );
        assert_eq!(
            disruption(&plan).as_deref(),
            Some("changing oss_cluster on db:1 [a] affects connected clients")
        );
        assert_eq!(
            not_applied(&plan.steps[0].changes()[0], &json!(false)),
            "oss_cluster reads disabled instead of enabled"
        );
    }

    fn shards() -> Vec<Shard> {
        serde_json::from_value(json!([
            {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-8191"},
            {"uid": "2", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "8192-16383"}
        ]))
        .unwrap()
    }

    #[test]
    fn shard_changes_read_as_rladmin_names_them() {
        let moves = [ShardMove {
            shard_uid: "2".into(),
            to_node: "3".into(),
        }];
        let step = Step::migrate(&shards(), &moves, 3, true).unwrap();
        assert_eq!(
            summary(&step.changes()[0]),
            "redis:2 node: node:1 -> node:3"
        );
        assert_eq!(
            calls(&step),
            [
                r#"POST /v1/shards/actions/migrate {"preserve_roles":true,"shard_uids":["2"],"target_node_uid":3}"#
            ]
        );
        let mut applied = serde_json::to_value(shards()).unwrap();
        applied[1]["node_uid"] = json!("3");
        assert_eq!(placements(&step, &applied), ["redis:2 node is now node:3"]);
    }

    #[test]
    fn rebalance_shows_both_calls() {
        let blueprint: Vec<BlueprintEntry> = serde_json::from_value(json!([
            {"nodes": [{"node_uid": "1", "role": "master"}], "slot_range": "0-8191"},
            {"nodes": [{"node_uid": "2", "role": "master"}], "slot_range": "8192-16383"}
        ]))
        .unwrap();
        let step = rebalance_step(1, blueprint, &shards()).unwrap();
        assert_eq!(
            step_summary(&step),
            "slots 8192-16383 master: node:1 -> node:2"
        );
        let calls = calls(&step);
        assert_eq!(
            calls[0],
            "GET /v1/bdbs/1/actions/optimize_shards_placement?shards_placement=sparse"
        );
        assert!(calls[1].starts_with(r#"PUT /v1/bdbs/1 {"shards_blueprint":[{"nodes":"#));
        assert!(calls[1].ends_with("(with the cluster-state-id header of the GET)"));
    }
}
