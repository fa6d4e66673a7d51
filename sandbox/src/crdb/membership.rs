//! The worker side of `POST /v1/crdbs/{guid}/updates` (adding and removing instances),
//! `PUT .../flush` and `PUT .../purge` (R:requests/crdbs/updates.md, flush.md, purge.md).

use super::Coordinator;
use super::model::{Crdb, Instance, TaskError};
use super::worker::instance_bdb;
use reqwest::Method;
use serde_json::Value;

impl Coordinator {
    /// Creates the instance bdb on each added cluster, on the crdb's port (the first instance
    /// picked it), and publishes the crdb to every participant once all are active.
    pub(super) async fn add_instances(
        &self,
        mut crdb: Crdb,
        added: &[u32],
    ) -> Result<(), Vec<TaskError>> {
        let peers = self.peers(&crdb)?;
        let is_added = |instance: &Instance| added.contains(&instance.id);
        let mut errors = Vec::new();
        for (peer, _) in peers
            .iter()
            .zip(&crdb.instances)
            .filter(|(_, i)| is_added(i))
        {
            if let Err(error) = peer.call(Method::GET, "/v1/cluster", None).await {
                errors.push(error);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut port = crdb.default_db_config.get("port").and_then(Value::as_u64);
        if port.is_none()
            && let Some((peer, instance)) = peers
                .iter()
                .zip(&crdb.instances)
                .find(|(_, instance)| !is_added(instance))
        {
            let uid = instance.db_uid.clone().unwrap_or_default();
            let bdb = peer
                .call(Method::GET, &format!("/v1/bdbs/{uid}"), None)
                .await
                .map_err(|error| vec![error])?;
            port = bdb.pointer("/endpoints/0/port").and_then(Value::as_u64);
        }
        let mut created = Vec::new();
        for index in 0..crdb.instances.len() {
            if !is_added(&crdb.instances[index]) {
                continue;
            }
            let body = Value::Object(instance_bdb(&crdb, &crdb.instances[index], port));
            let uid = match peers[index]
                .call(Method::POST, "/v1/bdbs", Some(&body))
                .await
            {
                Ok(bdb) => bdb["uid"].as_u64().map(|uid| uid.to_string()),
                Err(error) => return Err(self.roll_back(&peers, &crdb, &created, error).await),
            };
            crdb.instances[index].db_uid = uid.clone();
            created.push(index);
            if let Err(error) = peers[index].wait_active(&uid.unwrap_or_default()).await {
                return Err(self.roll_back(&peers, &crdb, &created, error).await);
            }
        }
        self.publish(&crdb);
        Ok(())
    }

    /// Without `force`, each removed instance's bdb is deleted on its cluster (which must
    /// answer) and the crdb disappears there; with it, the removed clusters are not contacted
    /// and keep bdb, data and crdb until `purge`. The others learn the new member list.
    pub(super) async fn remove_instances(
        &self,
        crdb: &Crdb,
        removed: &[Instance],
        force: bool,
    ) -> Result<(), Vec<TaskError>> {
        if !force {
            let gone = Crdb {
                instances: removed.to_vec(),
                ..crdb.clone()
            };
            let peers = self.peers(&gone)?;
            let mut errors = Vec::new();
            for (peer, instance) in peers.iter().zip(removed) {
                if let Some(uid) = &instance.db_uid
                    && let Err(error) = peer.delete_bdb(uid).await
                {
                    errors.push(error);
                }
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            for instance in removed {
                if let Some(member) = self.group.member(&instance.cluster.name) {
                    member.crdbs.remove(&crdb.guid);
                }
            }
        }
        self.publish(crdb);
        Ok(())
    }

    /// Empties every instance the way the flush guide does by hand
    /// (RS/databases/import-export/flush.md): `FLUSHDB` on the database port of each address
    /// the endpoint is bound to, so an OSS Cluster API database, whose proxies each cover their
    /// own node's shards, is emptied on every node.
    pub(super) async fn flush(&self, crdb: &Crdb) -> Result<(), Vec<TaskError>> {
        let peers = self.peers(crdb)?;
        let password = crdb
            .default_db_config
            .get("authentication_redis_pass")
            .and_then(Value::as_str)
            .filter(|password| !password.is_empty());
        let mut errors = Vec::new();
        for (peer, instance) in peers.iter().zip(&crdb.instances) {
            let uid = instance.db_uid.clone().unwrap_or_default();
            if let Err(error) = peer.flush_bdb(&uid, password).await {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Deletes the local instance bdbs named and forgets the crdb on this cluster (the route
    /// accepts only instances of this cluster: the API "must be executed locally").
    pub(super) async fn purge(&self, crdb: &Crdb, instances: &[u32]) -> Result<(), Vec<TaskError>> {
        let local = Crdb {
            instances: crdb
                .instances
                .iter()
                .filter(|instance| instances.contains(&instance.id))
                .cloned()
                .collect(),
            ..crdb.clone()
        };
        let peers = self.peers(&local)?;
        for (peer, instance) in peers.iter().zip(&local.instances) {
            if let Some(uid) = &instance.db_uid {
                peer.delete_bdb(uid).await.map_err(|error| vec![error])?;
            }
        }
        self.store.remove(&crdb.guid);
        Ok(())
    }
}
