//! The task worker: runs a create, update or delete against every participating cluster's REST
//! API and records the outcome (each cluster's error) in the task.

use super::Coordinator;
use super::model::{Crdb, CrdbTask, Instance, TaskError};
use super::peer::{PeerApi, http_client};
use super::store::CrdbStore;
use crate::state::STANDARD_SHARD_KEY_REGEX;
use reqwest::Method;
use serde_json::{Map, Value, json};
use std::sync::Arc;

pub enum Operation {
    Create(Crdb),
    /// `changes` are the `default_db_config` fields the PATCH set (sent to every instance).
    Update {
        crdb: Crdb,
        changes: Map<String, Value>,
    },
    Delete(Crdb),
    /// `POST .../updates` with `add_instances`: `crdb` lists them already (no `db_uid` yet).
    AddInstances {
        crdb: Crdb,
        added: Vec<u32>,
    },
    /// `POST .../updates` with `remove_instances`: `crdb` is what stays, `removed` what goes;
    /// `force` leaves the removed clusters untouched (their bdb and data stay until a purge).
    RemoveInstances {
        crdb: Crdb,
        removed: Vec<Instance>,
        force: bool,
    },
    Flush(Crdb),
    /// `PUT .../purge` on the cluster of a force-removed instance: its local instances go.
    Purge {
        crdb: Crdb,
        instances: Vec<u32>,
    },
}

impl Operation {
    fn name(&self) -> &'static str {
        match self {
            Operation::Create(_) => "create_crdb",
            Operation::Update { .. } => "update_crdb",
            Operation::Delete(_) => "delete_crdb",
            // UNCONFIRMED: only `create_crdb` is documented (crdb_task.md); the others follow it.
            Operation::AddInstances { .. } | Operation::RemoveInstances { .. } => "update_crdb",
            Operation::Flush(_) => "flush_crdb",
            Operation::Purge { .. } => "purge_crdb",
        }
    }

    pub fn crdb(&self) -> &Crdb {
        match self {
            Operation::Create(crdb)
            | Operation::Update { crdb, .. }
            | Operation::Delete(crdb)
            | Operation::AddInstances { crdb, .. }
            | Operation::RemoveInstances { crdb, .. }
            | Operation::Flush(crdb)
            | Operation::Purge { crdb, .. } => crdb,
        }
    }
}

impl Coordinator {
    /// Queues the operation and returns its task (status `queued`); a worker runs it after the
    /// queue delay unless it is canceled first.
    pub fn submit(self: &Arc<Self>, operation: Operation) -> CrdbTask {
        // A create's GUID is assigned when the task starts; updates and deletes name it at once.
        let known_guid = match &operation {
            Operation::Create(_) => None,
            other => Some(other.crdb().guid.clone()),
        };
        let task = self.tasks.create(operation.name(), known_guid);
        let coordinator = Arc::clone(self);
        let task_id = task.id.clone();
        tokio::spawn(async move { coordinator.run(&task_id, operation).await });
        task
    }

    async fn run(&self, task_id: &str, operation: Operation) {
        tokio::time::sleep(self.queue_delay()).await;
        if !self.tasks.start(task_id, &operation.crdb().guid) {
            return;
        }
        let outcome = match operation {
            Operation::Create(crdb) => self.create(crdb).await,
            Operation::Update { crdb, changes } => self.update(crdb, &changes).await,
            Operation::Delete(crdb) => self.delete(&crdb).await,
            Operation::AddInstances { crdb, added } => self.add_instances(crdb, &added).await,
            Operation::RemoveInstances {
                crdb,
                removed,
                force,
            } => self.remove_instances(&crdb, &removed, force).await,
            Operation::Flush(crdb) => self.flush(&crdb).await,
            Operation::Purge { crdb, instances } => self.purge(&crdb, &instances).await,
        };
        self.tasks.end(task_id, outcome.err().unwrap_or_default());
    }

    pub(super) fn peers(&self, crdb: &Crdb) -> Result<Vec<PeerApi>, Vec<TaskError>> {
        let http = http_client(&self.group.ca_pems()).map_err(|description| {
            vec![TaskError {
                cluster_name: self.fqdn.clone(),
                error_code: "internal_error".into(),
                description: format!("cannot set up HTTPS to the participants: {description}"),
            }]
        })?;
        Ok(crdb
            .instances
            .iter()
            .map(|instance| {
                PeerApi::new(&http, instance, &self.group.resolve(&instance.cluster.url))
            })
            .collect())
    }

    async fn create(&self, mut crdb: Crdb) -> Result<(), Vec<TaskError>> {
        let peers = self.peers(&crdb)?;
        // Every participant must accept its credentials before anything is created anywhere.
        let mut errors = Vec::new();
        for peer in &peers {
            if let Err(error) = peer.call(Method::GET, "/v1/cluster", None).await {
                errors.push(error);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // The first instance picks the port when none was requested; the others use the same.
        let mut port = crdb.default_db_config.get("port").and_then(Value::as_u64);
        let mut created: Vec<usize> = Vec::new();
        for (index, peer) in peers.iter().enumerate() {
            let body = Value::Object(instance_bdb(&crdb, &crdb.instances[index], port));
            match peer.call(Method::POST, "/v1/bdbs", Some(&body)).await {
                Ok(bdb) => {
                    port = bdb.pointer("/endpoints/0/port").and_then(Value::as_u64);
                    crdb.instances[index].db_uid = bdb["uid"].as_u64().map(|uid| uid.to_string());
                    created.push(index);
                }
                Err(error) => return Err(self.roll_back(&peers, &crdb, &created, error).await),
            }
        }
        for &index in &created {
            let uid = crdb.instances[index].db_uid.clone().unwrap_or_default();
            if let Err(error) = peers[index].wait_active(&uid).await {
                return Err(self.roll_back(&peers, &crdb, &created, error).await);
            }
        }
        self.publish(&crdb);
        Ok(())
    }

    /// Deletes the instances already created; returns the error that made the create fail.
    pub(super) async fn roll_back(
        &self,
        peers: &[PeerApi],
        crdb: &Crdb,
        created: &[usize],
        error: TaskError,
    ) -> Vec<TaskError> {
        for &index in created {
            if let Some(uid) = &crdb.instances[index].db_uid
                && let Err(cleanup) = peers[index].delete_bdb(uid).await
            {
                eprintln!(
                    "rsadmin-sandbox: crdb {}: cannot remove instance {uid}: {}",
                    crdb.guid, cleanup.description
                );
            }
        }
        vec![error]
    }

    async fn update(&self, crdb: Crdb, changes: &Map<String, Value>) -> Result<(), Vec<TaskError>> {
        if !changes.is_empty() {
            let peers = self.peers(&crdb)?;
            let body = Value::Object(changes.clone());
            let mut errors = Vec::new();
            for (peer, instance) in peers.iter().zip(&crdb.instances) {
                let uid = instance.db_uid.clone().unwrap_or_default();
                let applied = match peer
                    .call(Method::PUT, &format!("/v1/bdbs/{uid}"), Some(&body))
                    .await
                {
                    Ok(_) => peer.wait_active(&uid).await,
                    Err(error) => Err(error),
                };
                if let Err(error) = applied {
                    errors.push(error);
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
        }
        self.publish(&crdb);
        Ok(())
    }

    async fn delete(&self, crdb: &Crdb) -> Result<(), Vec<TaskError>> {
        let peers = self.peers(crdb)?;
        let mut errors = Vec::new();
        for (peer, instance) in peers.iter().zip(&crdb.instances) {
            if let Some(uid) = &instance.db_uid
                && let Err(error) = peer.delete_bdb(uid).await
            {
                errors.push(error);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        for store in self.stores(crdb) {
            store.remove(&crdb.guid);
        }
        Ok(())
    }

    /// Records the crdb on this cluster and on every participant in the peer group (the
    /// sandbox's stand-in for the coordinators' own protocol on port 9081).
    pub(super) fn publish(&self, crdb: &Crdb) {
        for store in self.stores(crdb) {
            store.put(crdb.clone());
        }
    }

    fn stores(&self, crdb: &Crdb) -> Vec<Arc<CrdbStore>> {
        let mut stores = vec![Arc::clone(&self.store)];
        for instance in &crdb.instances {
            if let Some(member) = self.group.member(&instance.cluster.name)
                && !stores.iter().any(|store| Arc::ptr_eq(store, &member.crdbs))
            {
                stores.push(member.crdbs);
            }
        }
        stores
    }
}

/// The `POST /v1/bdbs` body of one instance: `default_db_config` with the instance's
/// `db_config` over it, the database_config defaults, and the crdt fields.
pub(super) fn instance_bdb(
    crdb: &Crdb,
    instance: &Instance,
    port: Option<u64>,
) -> Map<String, Value> {
    let mut body = crdb.default_db_config.clone();
    body.extend(instance.db_config.clone());
    // The shards' Redis version is the sandbox's; a bdb refuses it as read-only.
    body.remove("redis_version");
    body.entry("name").or_insert_with(|| json!(crdb.name));
    // database_config defaults (rest-api.md §6.2), which differ from a plain bdb's.
    body.entry("replication").or_insert(json!(true));
    body.entry("eviction_policy").or_insert(json!("noeviction"));
    let sharded = body.get("sharding").and_then(Value::as_bool) == Some(true);
    if sharded && !body.contains_key("shard_key_regex") {
        let standard: Vec<Value> = STANDARD_SHARD_KEY_REGEX
            .iter()
            .map(|regex| json!({ "regex": regex }))
            .collect();
        body.insert("shard_key_regex".into(), Value::Array(standard));
    }
    if let Some(port) = port {
        body.insert("port".into(), json!(port));
    }
    body.insert("crdt".into(), json!(true));
    body.insert("crdt_guid".into(), json!(crdb.guid));
    body.insert("crdt_replica_id".into(), json!(instance.id));
    body.insert("crdt_sync".into(), json!("enabled"));
    body.insert(
        "crdt_causal_consistency".into(),
        json!(crdb.causal_consistency),
    );
    body
}
