//! `GET /v1/crdbs/{guid}/health_report`: one CRDB health report object per participating
//! cluster (R:objects/crdb/health_report/_index.md, the example in
//! CC/crdb/health-report.md), built from what each cluster's REST API answers about its
//! instance bdb.
//!
//! Sandbox choices (the reference leaves them open): a cluster that does not answer gets an
//! element with `connection_error` set and empty `configurations`/`connections`; a cluster
//! that answers lists a connection to every participant (`status` "ok" when that cluster
//! answers, "error" otherwise) and, towards each other participant, one replication link
//! `"<local bdb uid>:<remote instance id>"` that is "up" when both instance databases are
//! `active`. There is one configuration version (1), committed.

use super::Coordinator;
use super::model::{Crdb, TaskError};
use reqwest::Method;
use serde_json::{Value, json};

/// What probing one instance found.
enum Probe {
    /// The cluster answered; `Some(status)` of its bdb, `None` when the bdb is missing.
    Answered(Option<String>),
    Unreachable(String),
}

impl Probe {
    fn active(&self) -> bool {
        matches!(self, Probe::Answered(Some(status)) if status == "active")
    }
}

impl Coordinator {
    pub async fn health_report(&self, crdb: &Crdb, only: Option<u32>) -> Vec<Value> {
        let peers = match self.peers(crdb) {
            Ok(peers) => peers,
            Err(errors) => {
                return errors
                    .iter()
                    .map(|error| unreachable(crdb, error))
                    .collect();
            }
        };
        let mut probes = Vec::new();
        for (peer, instance) in peers.iter().zip(&crdb.instances) {
            let uid = instance.db_uid.clone().unwrap_or_default();
            let probe = match peer
                .call(
                    Method::GET,
                    &format!("/v1/bdbs/{uid}?fields=uid,status"),
                    None,
                )
                .await
            {
                Ok(bdb) => Probe::Answered(bdb["status"].as_str().map(str::to_string)),
                Err(error) if error.error_code == "connection_error" => {
                    Probe::Unreachable(error.description)
                }
                Err(_) => Probe::Answered(None),
            };
            probes.push(probe);
        }
        crdb.instances
            .iter()
            .zip(&probes)
            .filter(|(instance, _)| only.is_none_or(|id| instance.id == id))
            .map(|(instance, probe)| match probe {
                Probe::Unreachable(description) => unreachable(
                    crdb,
                    &TaskError {
                        cluster_name: instance.cluster.name.clone(),
                        error_code: "connection_error".into(),
                        description: description.clone(),
                    },
                ),
                Probe::Answered(_) => {
                    let local_uid = instance.db_uid.clone().unwrap_or_default();
                    let connections: Vec<Value> = crdb
                        .instances
                        .iter()
                        .zip(&probes)
                        .map(|(other, other_probe)| {
                            let links: Vec<Value> = if other.id == instance.id {
                                Vec::new()
                            } else {
                                let up = probe.active() && other_probe.active();
                                vec![json!({
                                    "link_uid": format!("{local_uid}:{}", other.id),
                                    "status": if up { "up" } else { "down" },
                                })]
                            };
                            let answers = matches!(other_probe, Probe::Answered(_));
                            json!({
                                "name": other.cluster.name,
                                "replication_links": links,
                                "status": if answers { "ok" } else { "error" },
                            })
                        })
                        .collect();
                    json!({
                        "active_config_version": 1,
                        "cluster_name": instance.cluster.name,
                        "configurations": [configuration(crdb, &instance.cluster.name)],
                        "connection_error": null,
                        "connections": connections,
                        "guid": crdb.guid,
                        "name": crdb.name,
                    })
                }
            })
            .collect()
    }
}

/// The stored configuration as `cluster` sees it: `db_uid` only for its own instance.
fn configuration(crdb: &Crdb, cluster: &str) -> Value {
    let instances: Vec<Value> = crdb
        .instances
        .iter()
        .map(|instance| {
            let own = instance.cluster.name.eq_ignore_ascii_case(cluster);
            json!({
                "cluster": { "name": instance.cluster.name, "url": instance.cluster.url },
                "db_uid": if own { instance.db_uid.clone().unwrap_or_default() } else { String::new() },
                "id": instance.id,
            })
        })
        .collect();
    json!({
        "causal_consistency": crdb.causal_consistency,
        "encryption": crdb.encryption,
        "featureset_version": crdb.featureset_version,
        "instances": instances,
        "name": crdb.name,
        "protocol_version": crdb.protocol_version,
        "status": "commit-completed",
        "version": 1,
    })
}

fn unreachable(crdb: &Crdb, error: &TaskError) -> Value {
    json!({
        "active_config_version": null,
        "cluster_name": error.cluster_name,
        "configurations": [],
        "connection_error": error.description,
        "connections": [],
        "guid": crdb.guid,
        "name": crdb.name,
    })
}
