//! The plan every change shares: one request ([`Step`], its target derived from its changes'
//! locations) and the plan of one command ([`ChangePlan`]). Wire shapes only (paths, bodies);
//! the words a person reads are in `output::plan`.

use serde_json::{Map, Value, json};

use crate::api::ApiClient;
use crate::api::client::{CLUSTER_POLICY_PATH, SHARDS_PATH, bdb_path, node_path, proxy_path};
use crate::api::models::{BlueprintEntry, Shard};
use crate::checks::{FIX_SHARDS_PLACEMENT, Finding};
use crate::field_change::{FieldChange, Location, Object, ShardField, shard_changes};
use crate::shard_plan::{self, ShardMove};

/// The request a step sends besides a plain update of the object its changes address.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `PUT` of the object the changes address: `/v1/bdbs/{uid}`, `/v1/nodes/{uid}`,
    /// `/v1/cluster/policy` (R:requests/cluster/policy.md) or `/v1/proxies/{uid}` with
    /// `{"proxy": {...}}` (R:requests/proxies).
    Update,
    /// `POST /v1/shards/actions/migrate`: the shards of the changes go to one node.
    MigrateShards {
        target_node: u64,
        preserve_roles: bool,
    },
    /// `POST /v1/shards/actions/failover`: the masters of the changes (one database's; the
    /// REST API refuses a mix) hand over to their replicas.
    FailoverShards,
    /// The blueprint flow: `GET .../actions/optimize_shards_placement` for the blueprint and its
    /// `cluster-state-id`, then `PUT /v1/bdbs/{uid}` with `shards_blueprint` and that header.
    /// `blueprint` is the one planned; the step fetches it again when it runs, since the steps
    /// before it change the cluster state.
    Rebalance { blueprint: Vec<BlueprintEntry> },
}

/// One request and the changes it carries; steps run in order, each waited for.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    action: Action,
    /// The object of every change (an update carries one object's changes).
    object: Object,
    changes: Vec<FieldChange>,
}

impl Step {
    /// One update per object the changes address, in the order the objects first appear.
    /// Shards have no update of their own: their changes go through [`Step::migrate`] and
    /// [`Step::failover`].
    pub fn updates(changes: Vec<FieldChange>) -> Vec<Step> {
        let mut steps: Vec<Step> = Vec::new();
        for change in changes {
            let object = change.location.object();
            match steps.iter_mut().find(|step| step.object == object) {
                Some(step) => step.changes.push(change),
                None => steps.push(Step {
                    action: Action::Update,
                    object,
                    changes: vec![change],
                }),
            }
        }
        steps
    }

    /// `POST /v1/shards/actions/migrate`: the shards of `moves` (as `shards` lists them) go to
    /// `target_node`; `None` when every one is there already.
    pub fn migrate(
        shards: &[Shard],
        moves: &[ShardMove],
        target_node: u64,
        preserve_roles: bool,
    ) -> Option<Step> {
        let wanted = moves
            .iter()
            .map(|found| (found.shard_uid.as_str(), found.to_node.as_str()));
        let action = Action::MigrateShards {
            target_node,
            preserve_roles,
        };
        Step::shard_action(action, shard_changes(shards, ShardField::Node, wanted))
    }

    /// `POST /v1/shards/actions/failover`: the shards of one database take the roles of `roles`
    /// (`(shard uid, role)`: each master becomes a replica, its replica the master).
    pub fn failover<'a>(
        shards: &[Shard],
        roles: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<Step> {
        let changes = shard_changes(shards, ShardField::Role, roles);
        Step::shard_action(Action::FailoverShards, changes)
    }

    /// A shard action over `changes`, built only by the constructors above and
    /// [`rebalance_step`], so the locations always fit the action.
    fn shard_action(action: Action, changes: Vec<FieldChange>) -> Option<Step> {
        let object = changes.first()?.location.object();
        Some(Step {
            action,
            object,
            changes,
        })
    }

    pub fn action(&self) -> &Action {
        &self.action
    }

    pub fn changes(&self) -> &[FieldChange] {
        &self.changes
    }

    /// Connected clients notice it (reconnects, new topology): needs confirmation.
    pub fn disruptive(&self) -> bool {
        match self.action {
            Action::Update => self.changes.iter().any(FieldChange::disruptive),
            // Clients of a moved or failed-over shard reconnect or follow a new topology.
            Action::MigrateShards { .. } | Action::FailoverShards | Action::Rebalance { .. } => {
                true
            }
        }
    }

    /// The object the step changes: derived from its changes' locations.
    pub fn object(&self) -> Object {
        self.object
    }

    pub fn method(&self) -> &'static str {
        match self.action {
            Action::MigrateShards { .. } | Action::FailoverShards => "POST",
            Action::Update | Action::Rebalance { .. } => "PUT",
        }
    }

    pub fn path(&self) -> String {
        match self.action {
            Action::MigrateShards { .. } => format!("{SHARDS_PATH}/actions/migrate"),
            Action::FailoverShards => format!("{SHARDS_PATH}/actions/failover"),
            Action::Update | Action::Rebalance { .. } => match self.object {
                Object::Bdb(uid) => bdb_path(uid),
                Object::Node(uid) => node_path(uid),
                Object::ClusterPolicy => CLUSTER_POLICY_PATH.to_string(),
                Object::Proxy(uid) => proxy_path(uid),
                Object::Shards => SHARDS_PATH.to_string(),
            },
        }
    }

    /// For a rebalance, the blueprint `GET` that comes first.
    pub fn blueprint_path(&self) -> Option<String> {
        match (&self.action, self.object) {
            (Action::Rebalance { .. }, Object::Bdb(uid)) => {
                Some(ApiClient::blueprint_path(uid, FIX_SHARDS_PLACEMENT))
            }
            _ => None,
        }
    }

    /// The shard uids of the changes whose current value is `current` (any when `None`).
    fn shard_uids(&self, current: Option<&str>) -> Vec<String> {
        let mut uids: Vec<String> = Vec::new();
        for change in &self.changes {
            if let Location::Shard { uid, .. } = &change.location
                && current.is_none_or(|current| change.current.as_str() == Some(current))
                && !uids.contains(uid)
            {
                uids.push(uid.clone());
            }
        }
        uids
    }

    /// Only the changed fields, plus `endpoint` when an endpoint is addressed; for shard steps
    /// the documented action bodies.
    pub fn body(&self) -> Value {
        match &self.action {
            Action::MigrateShards {
                target_node,
                preserve_roles,
            } => {
                let mut body =
                    json!({"shard_uids": self.shard_uids(None), "target_node_uid": target_node});
                if *preserve_roles {
                    body["preserve_roles"] = Value::Bool(true);
                }
                body
            }
            Action::FailoverShards => {
                json!({"shard_uids": self.shard_uids(Some(shard_plan::MASTER))})
            }
            Action::Rebalance { blueprint } => json!({"shards_blueprint": blueprint}),
            // A proxy update carries the changed fields in a `proxy` object.
            Action::Update if matches!(self.object, Object::Proxy(_)) => {
                json!({ "proxy": self.changed_fields() })
            }
            Action::Update => Value::Object(self.changed_fields()),
        }
    }

    fn changed_fields(&self) -> Map<String, Value> {
        let mut body = Map::new();
        for change in &self.changes {
            if let Location::Endpoint { endpoint, .. } = &change.location {
                body.insert("endpoint".to_string(), Value::from(endpoint.as_str()));
            }
            if !change.location.is_shard() {
                body.insert(change.location.field().to_string(), change.wanted.clone());
            }
        }
        body
    }
}

/// Why the cluster refuses a plan, when rsadmin can do better: rendered by `output::plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// `tune db db:<uid> oss_cluster enabled --fix` would apply the fixable findings first.
    TuneFix { bdb: u64 },
}

/// A validated plan for one object.
#[derive(Debug, Clone)]
pub struct ChangePlan {
    /// `db:1 [name]` or `node:2`.
    pub subject: String,
    /// Only steps that change something.
    pub steps: Vec<Step>,
    /// Prerequisite findings (empty when no check applies).
    pub findings: Vec<Finding>,
    pub remedy: Option<Remedy>,
}

impl ChangePlan {
    /// A plan without findings.
    pub fn new(subject: String, steps: Vec<Step>) -> ChangePlan {
        ChangePlan {
            subject,
            steps,
            findings: Vec::new(),
            remedy: None,
        }
    }

    pub fn changes(&self) -> impl Iterator<Item = &FieldChange> {
        self.steps.iter().flat_map(|step| step.changes.iter())
    }
}

/// The changes a blueprint makes to a database's shards, slot range by slot range.
pub fn rebalance_changes(
    bdb: u64,
    blueprint: &[BlueprintEntry],
    shards: &[Shard],
) -> Vec<FieldChange> {
    shard_plan::blueprint_moves(blueprint, shards)
        .into_iter()
        .map(|found| FieldChange {
            location: Location::SlotRange {
                bdb,
                slots: found.slot_range,
                role: found.role,
            },
            setting: None,
            current: Value::from(found.from_node),
            wanted: Value::from(found.to_node),
        })
        .collect()
}

/// The step that moves shards as `blueprint` says; `None` when it moves nothing.
pub fn rebalance_step(bdb: u64, blueprint: Vec<BlueprintEntry>, shards: &[Shard]) -> Option<Step> {
    let changes = rebalance_changes(bdb, &blueprint, shards);
    Step::shard_action(Action::Rebalance { blueprint }, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_change::{project, project_shards};

    fn bdb() -> Value {
        json!({"uid": 1, "name": "a", "oss_cluster": false, "proxy_policy": "single",
               "endpoints": [{"uid": "1:1", "proxy_policy": "single"}]})
    }

    fn endpoint(field: &'static str) -> Location {
        Location::Endpoint {
            bdb: 1,
            endpoint: "1:1".into(),
            field,
        }
    }

    fn oss_cluster_change(wanted: bool) -> Option<FieldChange> {
        let location = Location::Bdb {
            bdb: 1,
            field: "oss_cluster",
        };
        FieldChange::against(&bdb(), location, None, json!(wanted))
    }

    #[test]
    fn endpoint_step_body_names_the_endpoint() {
        let change = FieldChange::against(
            &bdb(),
            endpoint("proxy_policy"),
            None,
            json!("all-master-shards"),
        )
        .unwrap();
        let steps = Step::updates(vec![change.clone()]);
        assert_eq!(
            steps[0].body(),
            json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
        );
        assert_eq!(steps[0].path(), "/v1/bdbs/1");
        assert!(steps[0].disruptive());
        let projected = project(&bdb(), &[change]).unwrap();
        assert_eq!(projected.proxy_policy.as_deref(), Some("all-master-shards"));
        assert_eq!(
            projected.endpoints[0].proxy_policy.as_deref(),
            Some("all-master-shards")
        );
    }

    #[test]
    fn updates_go_one_request_per_object() {
        let node = FieldChange::against(
            &json!({"external_addr": []}),
            Location::Node {
                node: 2,
                field: "external_addr",
            },
            None,
            json!(["10.0.0.1"]),
        )
        .unwrap();
        let steps = Step::updates(vec![
            oss_cluster_change(true).unwrap(),
            node,
            FieldChange::against(&bdb(), endpoint("exclude_proxies"), None, json!([2])).unwrap(),
        ]);
        let requests: Vec<(String, Value)> = steps
            .iter()
            .map(|step| (step.path(), step.body()))
            .collect();
        assert_eq!(
            requests,
            [
                (
                    "/v1/bdbs/1".to_string(),
                    json!({"oss_cluster": true, "endpoint": "1:1", "exclude_proxies": [2]})
                ),
                (
                    "/v1/nodes/2".to_string(),
                    json!({"external_addr": ["10.0.0.1"]})
                ),
            ]
        );
        assert!(!steps[1].disruptive());
    }

    fn shards() -> Value {
        json!([
            {"uid": "1", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "0-8191"},
            {"uid": "2", "bdb_uid": 1, "node_uid": "1", "role": "master", "assigned_slots": "8192-16383"}
        ])
    }

    #[test]
    fn shard_steps_send_the_documented_action_bodies() {
        let listed: Vec<Shard> = serde_json::from_value(shards()).unwrap();
        let moves = [("1", "1"), ("2", "3")].map(|(shard, node)| ShardMove {
            shard_uid: shard.into(),
            to_node: node.into(),
        });
        let step = Step::migrate(&listed, &moves, 3, true).unwrap();
        assert_eq!(step.changes().len(), 1);
        assert_eq!(
            (step.method(), step.path(), step.body()),
            (
                "POST",
                "/v1/shards/actions/migrate".to_string(),
                json!({"preserve_roles": true, "shard_uids": ["2"], "target_node_uid": 3})
            )
        );
        let projected = project_shards(&listed, step.changes()).unwrap();
        assert_eq!(projected[1].node_uid, "3");
        assert_eq!(projected[0].node_uid, "1");
        assert_eq!(Step::migrate(&listed, &moves[..1], 1, false), None);
        assert_eq!(Step::failover(&listed, []), None);
    }

    #[test]
    fn rebalance_changes_name_slot_ranges() {
        let blueprint: Vec<BlueprintEntry> = serde_json::from_value(json!([
            {"nodes": [{"node_uid": "1", "role": "master"}], "slot_range": "0-8191"},
            {"nodes": [{"node_uid": "2", "role": "master"}], "slot_range": "8192-16383"}
        ]))
        .unwrap();
        let listed: Vec<Shard> = serde_json::from_value(shards()).unwrap();
        let step = rebalance_step(1, blueprint, &listed).unwrap();
        assert_eq!(step.changes().len(), 1);
        assert_eq!(step.changes()[0].current, json!("1"));
        assert_eq!(step.changes()[0].wanted, json!("2"));
        assert_eq!(
            step.blueprint_path().as_deref(),
            Some("/v1/bdbs/1/actions/optimize_shards_placement?shards_placement=sparse")
        );
        assert_eq!(step.path(), "/v1/bdbs/1");
        assert!(step.disruptive());
    }
}
