//! `tune db` (and `placement`, its rladmin alias) from top to bottom: read the database once,
//! plan the changes, gate them on the OSS Cluster API prerequisites once, and with `--fix` plan
//! the fixes first (proxy policy, placement, then the cluster's own rebalance blueprint) and
//! gate the whole plan again on the facts already read.

use serde_json::Value;

use crate::api::ApiClient;
use crate::checks::{Finding, FixChange, Severity};
use crate::error::CliResult;
use crate::ops::gate::{self, ClusterFacts};
use crate::ops::plan::{ChangePlan, FieldChange, Location, Remedy, Step, rebalance_step};
use crate::resolve::ResolvedDb;
use crate::tunables::{self, Setting};

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

/// The field changes `--fix` applies before enabling: proxy policy first, then placement (the
/// UI's order); each its own step. A rebalance is planned from the cluster's blueprint.
pub fn fix_changes(uid: u64, bdb: &Value, findings: &[Finding]) -> Vec<FieldChange> {
    let mut fixes: Vec<&FixChange> = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref()?.change.as_ref())
        .collect();
    fixes.sort_by_key(|fix| matches!(fix, FixChange::ShardsPlacement(_)));
    fixes.dedup();
    let endpoint = bdb
        .pointer("/endpoints/0/uid")
        .and_then(Value::as_str)
        .map(str::to_string);
    fixes
        .into_iter()
        .filter_map(|fix| {
            let (location, wanted) = match (fix, &endpoint) {
                (FixChange::ProxyPolicy(policy), Some(endpoint)) => (
                    Location::Endpoint {
                        bdb: uid,
                        endpoint: endpoint.clone(),
                        field: "proxy_policy",
                    },
                    policy,
                ),
                (FixChange::ProxyPolicy(policy), None) => (
                    Location::Bdb {
                        bdb: uid,
                        field: "proxy_policy",
                    },
                    policy,
                ),
                (FixChange::ShardsPlacement(placement), _) => (
                    Location::Bdb {
                        bdb: uid,
                        field: "shards_placement",
                    },
                    placement,
                ),
                (FixChange::Rebalance, _) => return None,
            };
            let setting = tunables::find_by_field(location.field());
            FieldChange::against(bdb, location, setting, Value::from(wanted.as_str()))
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
    let mut steps: Vec<Step> = fix_changes(uid, bdb, findings)
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
    use crate::checks::Fix;
    use serde_json::json;

    fn fix(change: FixChange) -> Finding {
        Finding {
            rule: "r",
            severity: Severity::Fail,
            message: String::new(),
            fix: Some(Fix {
                command: String::new(),
                change: Some(change),
            }),
        }
    }

    #[test]
    fn fixes_put_proxy_policy_before_placement() {
        let bdb = json!({"uid": 1, "proxy_policy": "single", "shards_placement": "dense",
                         "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]});
        let findings = vec![
            fix(FixChange::ShardsPlacement("sparse".into())),
            fix(FixChange::ProxyPolicy("all-master-shards".into())),
            fix(FixChange::Rebalance),
        ];
        let changes = fix_changes(1, &bdb, &findings);
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
        let setting = |key| tunables::find_tunable(key).unwrap();
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
