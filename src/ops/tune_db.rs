//! `tune db` (and `placement`, its rladmin alias) from top to bottom: read the database once,
//! plan the changes, gate them on the OSS Cluster API prerequisites once, and with `--fix` plan
//! the fixes first (proxy policy, placement, then the cluster's own rebalance blueprint) and
//! gate the whole plan again on the facts already read.

use serde_json::Value;

use crate::api::ApiClient;
use crate::checks::fixes::FixChange;
use crate::checks::{Finding, Severity};
use crate::error::CliResult;
use crate::ops::field::{FieldChange, Location};
use crate::ops::gate::{self, ClusterFacts};
use crate::ops::plan::{ChangePlan, Remedy, Step, rebalance_step};
use crate::resolve::ResolvedDb;
use crate::tunables::Setting;

/// A validated `tune db` request for one database.
#[derive(Debug, Clone, PartialEq)]
pub struct TuneDb {
    pub settings: Vec<(&'static Setting, Value)>,
    /// Apply the fixable prerequisites first (only with `oss_cluster enabled`).
    pub fix: bool,
}

impl TuneDb {
    /// The request turns the OSS Cluster API on.
    pub fn enables_oss_cluster(&self) -> bool {
        enables_oss_cluster(&self.settings)
    }
}

pub fn enables_oss_cluster(settings: &[(&'static Setting, Value)]) -> bool {
    settings
        .iter()
        .any(|(setting, value)| setting.field == "oss_cluster" && *value == Value::Bool(true))
}

/// The changes the settings make to the database `bdb` (as the cluster returns it).
pub fn changes(uid: u64, bdb: &Value, settings: &[(&'static Setting, Value)]) -> Vec<FieldChange> {
    settings
        .iter()
        .filter_map(|(setting, wanted)| {
            let location = Location::Bdb {
                bdb: uid,
                field: setting.field,
            };
            FieldChange::against(bdb, location, Some(setting), wanted.clone())
        })
        .collect()
}

/// The field changes `--fix` applies before enabling, read against the database as it is:
/// proxy policy first, then placement (the UI's order); each its own step. A rebalance is
/// planned from the cluster's blueprint.
pub fn fix_changes(bdb: &Value, findings: &[Finding]) -> Vec<FieldChange> {
    let mut fixes: Vec<&FieldChange> = findings
        .iter()
        .filter_map(|finding| match finding.fix.as_ref()?.change.as_ref()? {
            FixChange::Field(change) => Some(change),
            FixChange::Rebalance => None,
        })
        .collect();
    fixes.sort_by_key(|fix| fix.location.field() == "shards_placement");
    fixes.dedup();
    fixes
        .into_iter()
        .filter_map(|fix| {
            FieldChange::against(bdb, fix.location.clone(), fix.setting, fix.wanted.clone())
        })
        .collect()
}

fn wants_rebalance(findings: &[Finding]) -> bool {
    findings.iter().any(|finding| {
        finding.fix.as_ref().and_then(|fix| fix.change.as_ref()) == Some(&FixChange::Rebalance)
    })
}

/// The plan for `request` on database `db`.
pub fn plan(client: &ApiClient, db: &ResolvedDb, request: &TuneDb) -> CliResult<ChangePlan> {
    let bdb = client.bdb_json(db.uid)?;
    let changes = changes(db.uid, &bdb, &request.settings);
    let (mut findings, facts) = gate::check(client, db.uid, &bdb, &changes)?;
    let mut steps = Vec::new();
    if let (true, Some(facts)) = (request.fix, &facts) {
        steps = fixes(client, db.uid, &bdb, facts, &findings)?;
        if !steps.is_empty() {
            let all_changes: Vec<FieldChange> = steps
                .iter()
                .flat_map(|step| step.changes().iter().cloned())
                .chain(changes.iter().cloned())
                .collect();
            findings = gate::findings(&bdb, facts, &all_changes)?;
        }
    }
    steps.extend(Step::updates(changes));
    let fixable = findings.iter().any(|finding| {
        finding.severity == Severity::Fail
            && finding.fix.as_ref().is_some_and(|fix| fix.change.is_some())
    });
    let remedy = (request.enables_oss_cluster() && fixable && !request.fix)
        .then_some(Remedy::TuneFix { bdb: db.uid });
    Ok(ChangePlan {
        subject: db.subject(),
        steps,
        findings,
        remedy,
    })
}

/// The steps `--fix` adds before the change: one per fixed field, then the rebalance when the
/// master shards sit on fewer nodes than they could: the moves of the cluster's own blueprint
/// for sparse placement (a placement change moves no existing shard).
fn fixes(
    client: &ApiClient,
    uid: u64,
    bdb: &Value,
    facts: &ClusterFacts,
    findings: &[Finding],
) -> CliResult<Vec<Step>> {
    let mut steps: Vec<Step> = fix_changes(bdb, findings)
        .into_iter()
        .flat_map(|change| Step::updates(vec![change]))
        .collect();
    if wants_rebalance(findings) {
        let (blueprint, _) = client.shards_blueprint(uid)?;
        steps.extend(rebalance_step(uid, blueprint, &facts.shards));
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tunables;
    use serde_json::json;

    fn setting(key: &str) -> &'static Setting {
        tunables::find_tunable(key).unwrap()
    }

    #[test]
    fn fixes_put_proxy_policy_before_placement() {
        let bdb = json!({"uid": 1, "sharding": true, "proxy_policy": "single",
                         "shards_placement": "dense",
                         "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]});
        // Both masters on node 1 of three: the spread finding asks for a rebalance.
        let facts = ClusterFacts {
            nodes: serde_json::from_value(json!([{"uid": 1}, {"uid": 2}, {"uid": 3}])).unwrap(),
            shards: serde_json::from_value(json!([
                {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-8191"},
                {"uid": "2", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "8192-16383"}
            ]))
            .unwrap(),
        };
        let enable = changes(1, &bdb, &[(setting("oss_cluster"), json!(true))]);
        let mut findings = gate::findings(&bdb, &facts, &enable).unwrap();
        // The order of the findings does not decide the order of the fixes.
        findings.reverse();
        let changes = fix_changes(&bdb, &findings);
        let steps: Vec<Step> = changes
            .into_iter()
            .flat_map(|change| Step::updates(vec![change]))
            .collect();
        assert_eq!(steps.len(), 2);
        assert_eq!(
            steps[0].body(),
            json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
        );
        assert!(steps[0].disruptive());
        assert_eq!(steps[1].body(), json!({"shards_placement": "sparse"}));
        assert!(!steps[1].disruptive());
        assert!(wants_rebalance(&findings));
    }

    #[test]
    fn settings_plan_only_what_differs_and_disrupt_by_the_table() {
        let bdb = json!({"uid": 1, "oss_cluster": false, "max_connections": 100});
        let settings = vec![
            (setting("oss_cluster"), json!(true)),
            (setting("max_connections"), json!(100)),
        ];
        let changes = changes(1, &bdb, &settings);
        assert_eq!(changes.len(), 1);
        let steps = Step::updates(changes);
        assert_eq!(steps[0].body(), json!({"oss_cluster": true}));
        assert!(steps[0].disruptive());
        let request = TuneDb {
            settings,
            fix: false,
        };
        assert!(request.enables_oss_cluster());
        let quiet = Step::updates(super::changes(
            1,
            &bdb,
            &[(setting("max_connections"), json!(5))],
        ));
        assert!(!quiet[0].disruptive());
    }
}
