//! `tune cluster`, `tune proxy <id>|all` and `tune node <id>|all`: rladmin's other `tune` targets,
//! each driven by its table in `tunables`, through the same plan, dry run, confirmation rule, PUT
//! and read-back as `tune db`.
//!
//! REST: `PUT /v1/cluster/policy` (fields at the top level; answers with a status only),
//! `PUT /v1/proxies/{uid}` with `{"proxy": {...}}`, `PUT /v1/nodes/{uid}`. `tune proxy all` is one
//! PUT per proxy (each read back), so a proxy that already has the value is left alone.

use serde_json::Value;

use crate::api::ApiClient;
use crate::api::client::{CLUSTER_POLICY_PATH, node_path, proxy_path};
use crate::checks::Finding;
use crate::checks::fixes::{self, Fix};
use crate::error::{CliError, CliResult, ExitKind};
use crate::field_change::{FieldChange, Location};
use crate::plan::{ChangePlan, Step};
use crate::report::{Rule, Severity};
use crate::tunables::{NODE_SETTINGS, PROXY_SETTINGS, Setting};

/// `<id>` or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    One(u64),
    All,
}

impl Selection {
    pub fn parse(raw: &str, what: &str) -> CliResult<Selection> {
        match raw {
            "all" => Ok(Selection::All),
            _ => raw.parse().map(Selection::One).map_err(|_| {
                CliError::usage(format!(
                    "invalid {what} id {raw:?}: expected a number or `all`"
                ))
            }),
        }
    }
}

/// The changes `settings` make to `object` (each field where `location` puts it); a field the
/// object lacks is refused (nothing sent).
fn changes_to(
    object: &Value,
    settings: &[(&'static Setting, Value)],
    subject: &str,
    location: impl Fn(&'static str) -> Location,
) -> CliResult<Vec<FieldChange>> {
    settings
        .iter()
        .filter_map(|(setting, wanted)| {
            if object.get(setting.field).is_none() {
                return Some(Err(CliError::new(
                    ExitKind::Refused,
                    format!(
                        "{subject} has no {} field on this cluster (the key needs a newer \
                         Redis Software); nothing was changed",
                        setting.field
                    ),
                )));
            }
            let location = location(setting.field);
            FieldChange::against(object, location, Some(setting), wanted.clone()).map(Ok)
        })
        .collect()
}

/// The plan for `settings` on the cluster policy: one `GET`, the changes, and warnings about
/// the defaults it would give new databases.
pub fn cluster(
    client: &ApiClient,
    settings: &[(&'static Setting, Value)],
) -> CliResult<ChangePlan> {
    let policy: Value = client.get(CLUSTER_POLICY_PATH)?;
    let changes = changes_to(&policy, settings, "the cluster policy", |field| {
        Location::ClusterPolicy { field }
    })?;
    let mut after = policy;
    for change in &changes {
        after[change.location.field()] = change.wanted.clone();
    }
    Ok(ChangePlan {
        findings: policy_findings(&after),
        ..ChangePlan::new("cluster".to_string(), Step::updates(changes))
    })
}

/// Warnings about the defaults new databases would get: the OSS Cluster API on by default wants
/// a multi-proxy policy and sparse placement (the prerequisites `tune db` checks per database).
fn policy_findings(policy: &Value) -> Vec<Finding> {
    if policy.get("default_oss_cluster") != Some(&Value::Bool(true)) {
        return Vec::new();
    }
    let warn = |rule: Rule, message: &str, fix: Fix| {
        Finding::new(rule, Severity::Warn).message(message).fix(fix)
    };
    let mut findings = Vec::new();
    if policy.get("default_sharded_proxy_policy") == Some(&Value::from("single")) {
        findings.push(warn(
            Rule::ClusterDefaultProxyPolicy,
            "new sharded databases would get the OSS Cluster API with proxy policy \"single\", \
             which it does not allow; set default_sharded_proxy_policy all-master-shards",
            fixes::tune_cluster("default_sharded_proxy_policy", "all-master-shards"),
        ));
    }
    if policy.get("default_shards_placement") == Some(&Value::from("dense")) {
        findings.push(warn(
            Rule::ClusterDefaultPlacement,
            "new databases with the OSS Cluster API would place their shards dense (few nodes); \
             sparse spreads the master shards that clients connect to",
            fixes::tune_cluster("default_shards_placement", "sparse"),
        ));
    }
    findings
}

/// A kind of object `tune` changes one by one: proxies or nodes.
pub struct ObjectKind {
    /// `proxy` or `node`.
    pub what: &'static str,
    /// The `tune` keys of this kind.
    pub table: &'static [Setting],
    list_path: &'static str,
    one_path: fn(u64) -> String,
    /// Where a field of the object with this uid is.
    location: fn(u64, &'static str) -> Location,
}

pub const PROXIES: ObjectKind = ObjectKind {
    what: "proxy",
    table: PROXY_SETTINGS,
    list_path: "/v1/proxies",
    one_path: proxy_path,
    location: |proxy, field| Location::Proxy { proxy, field },
};

pub const NODES: ObjectKind = ObjectKind {
    what: "node",
    table: NODE_SETTINGS,
    list_path: "/v1/nodes",
    one_path: node_path,
    location: |node, field| Location::Node { node, field },
};

impl ObjectKind {
    /// The objects `selection` names: every one, or the one (404 is "not found", exit 5).
    fn selected(&self, client: &ApiClient, selection: Selection) -> CliResult<Vec<Value>> {
        let uid = match selection {
            Selection::All => return client.get(self.list_path),
            Selection::One(uid) => uid,
        };
        client
            .get(&(self.one_path)(uid))
            .map(|object| vec![object])
            .map_err(|err| match err.kind {
                ExitKind::NotFound => CliError::new(
                    ExitKind::NotFound,
                    format!(
                        "{} {uid} not found. `rsadmin status nodes` lists the nodes (one proxy \
                         each).",
                        self.what
                    ),
                ),
                _ => err,
            })
    }

    /// The plan for `settings` on the selected objects (each changed only where it differs),
    /// and the uids selected.
    pub fn plan(
        &self,
        client: &ApiClient,
        selection: Selection,
        settings: &[(&'static Setting, Value)],
        subject: String,
    ) -> CliResult<(Vec<u64>, ChangePlan)> {
        let mut uids = Vec::new();
        let mut changes = Vec::new();
        for object in self.selected(client, selection)? {
            let uid = object.get("uid").and_then(Value::as_u64).ok_or_else(|| {
                CliError::new(
                    ExitKind::Failed,
                    format!("a {} object has no uid", self.what),
                )
            })?;
            let object_subject = format!("{}:{uid}", self.what);
            changes.extend(changes_to(&object, settings, &object_subject, |field| {
                (self.location)(uid, field)
            })?);
            uids.push(uid);
        }
        Ok((uids, ChangePlan::new(subject, Step::updates(changes))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Check;
    use serde_json::json;

    #[test]
    fn oss_cluster_by_default_warns_about_single_and_dense() {
        let policy = json!({"default_oss_cluster": true, "default_sharded_proxy_policy": "single",
                            "default_shards_placement": "dense"});
        let rules: Vec<Check> = policy_findings(&policy).iter().map(|f| f.check).collect();
        assert_eq!(
            rules,
            [
                Check::Rule(Rule::ClusterDefaultProxyPolicy),
                Check::Rule(Rule::ClusterDefaultPlacement)
            ]
        );
        let fine = json!({"default_oss_cluster": true,
                          "default_sharded_proxy_policy": "all-master-shards",
                          "default_shards_placement": "sparse"});
        assert!(policy_findings(&fine).is_empty());
        assert!(policy_findings(&json!({"default_oss_cluster": false})).is_empty());
    }
}
