//! Sending a plan: the cluster's own dry run, then each step's request, the wait for what it
//! started, and the read-back that confirms the cluster applied it.

use reqwest::Method;
use serde_json::{Map, Value};

use crate::api::ApiClient;
use crate::api::client::{SHARDS_PATH, bdb_path, node_path};
use crate::api::models::ActionStarted;
use crate::checks::FIX_SHARDS_PLACEMENT;
use crate::error::{CliError, CliResult, ExitKind};
use crate::field_change::{Object, same_value};
use crate::output::plan::{not_applied, placements};
use crate::plan::{Action, ChangePlan, Step, rebalance_step};
use crate::wait::{self, Progress, WaitLimit};

/// Sends the plan to the cluster with `dry_run=true` (rest-api.md §1.8), so its own refusals
/// show before anything changes. The updates of one database go as one body (later steps rely
/// on earlier ones, so each alone could be refused): the cluster checks the end state. Other
/// objects have no dry run and are not sent. True when the cluster was asked.
pub fn check_with_cluster(client: &ApiClient, plan: &ChangePlan) -> CliResult<bool> {
    let mut bodies: Vec<(u64, Map<String, Value>)> = Vec::new();
    for step in plan
        .steps
        .iter()
        .filter(|step| *step.action() == Action::Update)
    {
        let (Object::Bdb(uid), Value::Object(fields)) = (step.object(), step.body()) else {
            continue;
        };
        match bodies.iter_mut().find(|(bdb_uid, _)| *bdb_uid == uid) {
            Some((_, body)) => body.extend(fields),
            None => bodies.push((uid, fields)),
        }
    }
    let asked = !bodies.is_empty();
    for (uid, body) in bodies {
        client
            .put_bdb_dry_run(uid, &Value::Object(body))
            .map_err(|err| CliError {
                message: format!("dry run: {}; nothing was changed", err.message),
                ..err
            })?;
    }
    Ok(asked)
}

/// Sends one step, waits for it and checks what the cluster applied; returns, for shard steps,
/// one line per changed shard saying where it is now.
pub fn apply_step(client: &ApiClient, step: &Step, limit: WaitLimit) -> CliResult<Vec<String>> {
    let body = step.body();
    let applied = match (step.action(), step.object()) {
        (Action::Rebalance { .. }, Object::Bdb(bdb)) => return rebalance(client, bdb, limit),
        (Action::MigrateShards { .. } | Action::FailoverShards, _) => {
            let started: ActionStarted = client.call(Method::POST, &step.path(), Some(&body))?;
            let mut progress = Progress::start("Executing");
            if let Some(action_uid) = started.action_uid.as_deref() {
                wait::for_action(client, action_uid, limit, &mut progress)?;
            }
            progress.finish();
            wait::read_retrying(limit, || client.get(SHARDS_PATH)).map_err(wait::after_accepted)?
        }
        (_, Object::Bdb(bdb)) => {
            let action = client.put_bdb(bdb, &body)?;
            wait_for_bdb_change(client, bdb, action.as_deref(), limit)?
        }
        (_, Object::Node(uid)) => {
            client.put_node(uid, &body)?;
            wait::read_retrying(limit, || client.get(&node_path(uid)))
                .map_err(wait::after_accepted)?
        }
        // The cluster policy and a proxy answer once the change is applied (a proxy update
        // waits for the proxy's ACK).
        (_, Object::ClusterPolicy | Object::Proxy(_) | Object::Shards) => {
            let path = step.path();
            client.put(&path, &body)?;
            wait::read_retrying(limit, || client.get(&path)).map_err(wait::after_accepted)?
        }
    };
    verify(step, &applied)?;
    Ok(placements(step, &applied))
}

/// The rebalance step as it runs: the blueprint of the cluster as it is now (the steps before
/// changed it), sent with its `cluster-state-id`, waited for, read back slot range by slot range.
fn rebalance(client: &ApiClient, bdb: u64, limit: WaitLimit) -> CliResult<Vec<String>> {
    let (blueprint, state_id) = client.shards_blueprint(bdb, FIX_SHARDS_PLACEMENT)?;
    let Some(step) = rebalance_step(bdb, blueprint, &client.bdb_shards(bdb)?) else {
        return Ok(Vec::new());
    };
    let answer = client.put_bdb_blueprint(bdb, &step.body(), state_id.as_deref())?;
    let action = answer.get("action_uid").and_then(Value::as_str);
    wait_for_bdb_change(client, bdb, action, limit)?;
    let applied: Value =
        wait::read_retrying(limit, || client.get(&format!("{}/shards", bdb_path(bdb))))
            .map_err(wait::after_accepted)?;
    verify(&step, &applied)?;
    Ok(placements(&step, &applied))
}

/// Follows the action the PUT named (the cluster may not have started the change when the
/// database still reads `active`), then confirms `active` and reads the database back. Without
/// an action, or when the cluster never knew it, polls the status alone.
fn wait_for_bdb_change(
    client: &ApiClient,
    uid: u64,
    action_uid: Option<&str>,
    limit: WaitLimit,
) -> CliResult<Value> {
    let mut progress = Progress::start("Tuning database");
    if let Some(action_uid) = action_uid {
        wait::for_action(client, action_uid, limit, &mut progress)?;
    }
    wait::until_bdb_active(client, uid, limit, &mut progress)?;
    progress.finish();
    wait::read_retrying(limit, || client.bdb_json(uid)).map_err(wait::after_accepted)
}

/// Every change of `step` reads as wanted in `applied` (the object or shard list read back).
fn verify(step: &Step, applied: &Value) -> CliResult<()> {
    let missing: Vec<String> = step
        .changes()
        .iter()
        .filter(|change| !same_value(change.location.read(applied), &change.wanted))
        .map(|change| {
            let actual = change
                .location
                .read(applied)
                .cloned()
                .unwrap_or(Value::Null);
            not_applied(change, &actual)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(CliError::new(
        ExitKind::Failed,
        format!(
            "the cluster did not apply the change: {}. Check the cluster's event log, then retry.",
            missing.join("; ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{BlueprintEntry, Shard};
    use crate::field_change::{FieldChange, Location};
    use serde_json::json;

    #[test]
    fn verify_reports_what_was_not_applied() {
        let bdb = json!({"uid": 1, "oss_cluster": false});
        let location = Location::Bdb {
            bdb: 1,
            field: "oss_cluster",
        };
        let setting = crate::tunables::find_tunable("oss_cluster");
        let change = FieldChange::against(&bdb, location, setting, json!(true)).unwrap();
        let steps = Step::updates(vec![change]);
        let err = verify(&steps[0], &bdb).unwrap_err();
        assert_eq!(err.kind, ExitKind::Failed);
        assert!(
            err.message
                .contains("oss_cluster reads disabled instead of enabled")
        );
    }

    #[test]
    fn a_rebalance_reads_back_slot_range_by_slot_range() {
        let shards = json!([
            {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-8191"},
            {"uid": "2", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "8192-16383"}
        ]);
        let blueprint: Vec<BlueprintEntry> = serde_json::from_value(json!([
            {"nodes": [{"node_uid": "2", "role": "master"}], "slot_range": "8192-16383"}
        ]))
        .unwrap();
        let listed: Vec<Shard> = serde_json::from_value(shards.clone()).unwrap();
        let step = rebalance_step(1, blueprint, &listed).unwrap();
        let mut applied = shards.clone();
        applied[1]["node_uid"] = json!("2");
        assert!(verify(&step, &applied).is_ok());
        assert!(verify(&step, &shards).is_err());
    }
}
