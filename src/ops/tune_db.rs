//! `tune db` (and `placement`, its rladmin alias) from top to bottom: [`Facts::read`] reads each
//! resource once (the database; its nodes and shards when the OSS Cluster API prerequisites
//! apply; the rebalance blueprint when `--fix` wants one), then [`plan`], pure, plans the
//! changes, with `--fix` the fixes first (proxy policy, placement, the cluster's own rebalance),
//! and gates the whole plan on the facts already read.

use serde_json::Value;

use crate::api::ApiClient;
use crate::api::models::BlueprintEntry;
use crate::checks::fixes::FixChange;
use crate::checks::{FIX_SHARDS_PLACEMENT, Finding};
use crate::error::CliResult;
use crate::field_change::{FieldChange, Location};
use crate::ops::gate::{self, ClusterFacts};
use crate::plan::{ChangePlan, Remedy, Step, rebalance_step};
use crate::report::Severity;
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

/// What the plan of a `tune db` reads, one GET per resource: the database; its nodes and
/// shards when the prerequisites apply; the cluster's blueprint when `--fix` wants a rebalance.
#[derive(Debug, Clone)]
pub struct Facts {
    pub bdb: Value,
    pub cluster: Option<ClusterFacts>,
    pub blueprint: Option<Vec<BlueprintEntry>>,
}

impl Facts {
    pub fn read(client: &ApiClient, uid: u64, request: &TuneDb) -> CliResult<Facts> {
        let bdb = client.bdb_json(uid)?;
        let changes = changes(uid, &bdb, &request.settings);
        let cluster = if gate::applies(&bdb, &changes)? {
            Some(ClusterFacts::fetch(client, uid)?)
        } else {
            None
        };
        let blueprint = match &cluster {
            Some(cluster)
                if request.fix && wants_rebalance(&gate::findings(&bdb, cluster, &changes)?) =>
            {
                Some(client.shards_blueprint(uid, FIX_SHARDS_PLACEMENT)?.0)
            }
            _ => None,
        };
        Ok(Facts {
            bdb,
            cluster,
            blueprint,
        })
    }
}

/// The plan for `request` on database `db`, from what was read: the fixes first (each its own
/// step, then the rebalance), the requested changes last, the whole plan gated once more.
pub fn plan(db: &ResolvedDb, facts: &Facts, request: &TuneDb) -> CliResult<ChangePlan> {
    let changes = changes(db.uid, &facts.bdb, &request.settings);
    let Some(cluster) = &facts.cluster else {
        return Ok(ChangePlan::new(db.subject(), Step::updates(changes)));
    };
    let mut findings = gate::findings(&facts.bdb, cluster, &changes)?;
    let mut steps: Vec<Step> = Vec::new();
    if request.fix {
        steps.extend(
            fix_changes(&facts.bdb, &findings)
                .into_iter()
                .flat_map(|change| Step::updates(vec![change])),
        );
        if let Some(blueprint) = &facts.blueprint {
            steps.extend(rebalance_step(db.uid, blueprint.clone(), &cluster.shards));
        }
        if !steps.is_empty() {
            let all_changes: Vec<FieldChange> = steps
                .iter()
                .flat_map(|step| step.changes().iter().cloned())
                .chain(changes.iter().cloned())
                .collect();
            findings = gate::findings(&facts.bdb, cluster, &all_changes)?;
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

    /// The demo database: proxy policy single, dense placement, three masters on node 1.
    fn demo() -> (ResolvedDb, Facts) {
        let bdb = json!({"uid": 1, "name": "demo-db", "sharding": true, "oss_cluster": false,
                         "proxy_policy": "single", "shards_placement": "dense",
                         "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]});
        let slots = ["0-5460", "5461-10922", "10923-16383"];
        let shards = (1..=3)
            .map(|uid| {
                json!({"uid": uid.to_string(), "bdb_uid": 1, "node_uid": "1",
                              "role": "master", "assigned_slots": slots[uid - 1]})
            })
            .collect();
        let blueprint = (1..=3)
            .map(|node| {
                json!({"nodes": [{"node_uid": node.to_string(), "role": "master"}],
                               "slot_range": slots[node - 1]})
            })
            .collect();
        let facts = Facts {
            bdb,
            cluster: Some(ClusterFacts {
                nodes: serde_json::from_value(json!([{"uid": 1}, {"uid": 2}, {"uid": 3}])).unwrap(),
                shards: serde_json::from_value(Value::Array(shards)).unwrap(),
            }),
            blueprint: Some(serde_json::from_value(Value::Array(blueprint)).unwrap()),
        };
        let db = ResolvedDb {
            uid: 1,
            name: "demo-db".into(),
        };
        (db, facts)
    }

    #[test]
    fn enabling_plans_the_fixes_first_or_names_them_in_the_refusal() {
        let (db, facts) = demo();
        let enable = |fix| TuneDb {
            settings: vec![(setting("oss_cluster"), json!(true))],
            fix,
        };
        let plan = plan(&db, &facts, &enable(true)).unwrap();
        let requests: Vec<(String, Value)> = plan
            .steps
            .iter()
            .map(|step| (step.path(), step.body()))
            .collect();
        assert_eq!(requests.len(), 4);
        assert_eq!(
            requests[0].1,
            json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
        );
        assert_eq!(requests[1].1, json!({"shards_placement": "sparse"}));
        assert_eq!(plan.steps[2].changes().len(), 2);
        assert_eq!(
            requests[3],
            ("/v1/bdbs/1".to_string(), json!({"oss_cluster": true}))
        );
        assert!(
            plan.findings
                .iter()
                .all(|finding| finding.severity != Severity::Fail)
        );
        assert_eq!(plan.remedy, None);
        let refused = super::plan(&db, &facts, &enable(false)).unwrap();
        assert_eq!(refused.steps.len(), 1);
        assert_eq!(refused.remedy, Some(Remedy::TuneFix { bdb: 1 }));
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
