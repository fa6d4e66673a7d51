//! The prerequisite gate of a database change: the OSS Cluster API rules run on the database
//! and its shards as they would be after the plan, when the plan touches what the rules look at
//! and the database would serve the API. [`ClusterFacts::fetch`] reads what the rules need
//! besides the database, once; [`findings`] is pure.

use serde_json::Value;

use crate::api::ApiClient;
use crate::api::models::{Node, Shard, cluster_version};
use crate::checks::{self, CheckInput, Finding, Origin};
use crate::error::CliResult;
use crate::field_change::{FieldChange, Location, project, project_shards};

/// Fields the OSS Cluster API rules look at: a plan touching one of them on a database that
/// would serve the API is checked.
const PREREQUISITE_FIELDS: [&str; 6] = [
    "oss_cluster",
    "proxy_policy",
    "include_proxies",
    "exclude_proxies",
    "shards_placement",
    "oss_cluster_api_preferred_ip_type",
];

/// The nodes and the database's shards, as the rules read them.
#[derive(Debug, Clone)]
pub struct ClusterFacts {
    pub nodes: Vec<Node>,
    pub shards: Vec<Shard>,
}

impl ClusterFacts {
    /// `GET /v1/nodes` and `GET /v1/bdbs/{uid}/shards`.
    pub fn fetch(client: &ApiClient, bdb: u64) -> CliResult<ClusterFacts> {
        Ok(ClusterFacts {
            nodes: client.nodes()?,
            shards: client.bdb_shards(bdb)?,
        })
    }
}

/// Whether the rules apply to the database after `changes`: one of them touches a
/// prerequisite, and the database would serve the OSS Cluster API.
pub fn applies(bdb: &Value, changes: &[FieldChange]) -> CliResult<bool> {
    let touches_prerequisites = changes.iter().any(|change| match &change.location {
        Location::Bdb { .. } | Location::Endpoint { .. } | Location::Node { .. } => {
            PREREQUISITE_FIELDS.contains(&change.location.field())
        }
        // Where master shards are is a prerequisite too (`master_spread`).
        Location::Shard { .. } | Location::SlotRange { .. } => true,
        Location::ClusterPolicy { .. } | Location::Proxy { .. } => false,
    });
    Ok(touches_prerequisites && project(bdb, changes)?.oss_cluster == Some(true))
}

/// The rules' findings on the database and its shards as they would be after `changes`.
pub fn findings(
    bdb: &Value,
    facts: &ClusterFacts,
    changes: &[FieldChange],
) -> CliResult<Vec<Finding>> {
    let projected = project(bdb, changes)?;
    let shards = project_shards(&facts.shards, changes)?;
    Ok(checks::oss_cluster_prerequisites(&CheckInput {
        bdb: &projected,
        nodes: &facts.nodes,
        shards: &shards,
        cluster_version: cluster_version(&facts.nodes),
        origin: Origin::TuneDb,
    }))
}

/// The gate of a change: its findings, and the facts read for them (`None` when the rules do
/// not apply, so nothing more was read).
pub fn check(
    client: &ApiClient,
    bdb_uid: u64,
    bdb: &Value,
    changes: &[FieldChange],
) -> CliResult<(Vec<Finding>, Option<ClusterFacts>)> {
    if !applies(bdb, changes)? {
        return Ok((Vec::new(), None));
    }
    let facts = ClusterFacts::fetch(client, bdb_uid)?;
    Ok((findings(bdb, &facts, changes)?, Some(facts)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(field: &'static str, wanted: Value) -> FieldChange {
        let bdb = json!({"uid": 1, "oss_cluster": false, "max_connections": 0});
        FieldChange::against(&bdb, Location::Bdb { bdb: 1, field }, None, wanted).unwrap()
    }

    #[test]
    fn rules_apply_when_the_api_would_be_on_and_a_prerequisite_changes() {
        let off = json!({"uid": 1, "oss_cluster": false});
        let on = json!({"uid": 1, "oss_cluster": true});
        assert!(applies(&off, &[change("oss_cluster", json!(true))]).unwrap());
        assert!(!applies(&off, &[change("max_connections", json!(5))]).unwrap());
        assert!(!applies(&on, &[change("max_connections", json!(5))]).unwrap());
        assert!(!applies(&off, &[change("shards_placement", json!("sparse"))]).unwrap());
        assert!(applies(&on, &[change("shards_placement", json!("sparse"))]).unwrap());
    }

    #[test]
    fn findings_read_the_projected_database() {
        let bdb = json!({"uid": 1, "oss_cluster": false, "proxy_policy": "single",
                         "shards_placement": "sparse", "sharding": true,
                         "endpoints": [{"uid": "1:1"}]});
        let facts = ClusterFacts {
            nodes: Vec::new(),
            shards: Vec::new(),
        };
        // The fix of each failing rule.
        let fail = |changes: &[FieldChange]| -> Vec<String> {
            findings(&bdb, &facts, changes)
                .unwrap()
                .into_iter()
                .filter(|finding| finding.severity == crate::report::Severity::Fail)
                .filter_map(|finding| Some(finding.fix?.command))
                .collect()
        };
        let enable = change("oss_cluster", json!(true));
        assert_eq!(
            fail(std::slice::from_ref(&enable)),
            ["rsadmin bind db db:1 endpoint 1:1 policy all-master-shards"]
        );
        let bind = change("proxy_policy", json!("all-master-shards"));
        assert!(fail(&[bind, enable]).is_empty());
    }
}
