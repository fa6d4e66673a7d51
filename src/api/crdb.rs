//! Active-Active objects (rest-api.md §6): the crdb and the crdb_task, and their requests.
//! Tolerant like `models`: unknown fields are ignored, settings may be absent. GUIDs and task ids
//! are strings.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ApiClient;
use crate::error::CliResult;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Crdb {
    pub guid: String,
    pub name: String,
    pub encryption: Option<bool>,
    pub causal_consistency: Option<bool>,
    pub protocol_version: Option<u64>,
    pub featureset_version: Option<u64>,
    pub modules: Vec<Value>,
    pub default_db_config: Map<String, Value>,
    pub instances: Vec<CrdbInstance>,
    /// The instance database on the cluster that answered (`bdb_uid` is a string).
    pub local_databases: Vec<LocalDatabase>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct LocalDatabase {
    pub bdb_uid: String,
    pub id: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct CrdbInstance {
    pub id: u64,
    pub cluster: CrdbCluster,
    pub compression: Option<u64>,
    pub db_config: Map<String, Value>,
    pub db_uid: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct CrdbCluster {
    pub url: Option<String>,
    /// The cluster FQDN.
    pub name: String,
    pub replication_endpoint: Option<String>,
    pub replication_tls_sni: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct CrdbTask {
    pub id: String,
    pub crdb_guid: Option<String>,
    pub operation: Option<String>,
    pub status: String,
    pub worker_name: Option<String>,
    pub started: Option<String>,
    pub ended: Option<String>,
    pub errors: Vec<CrdbTaskError>,
}

impl CrdbTask {
    /// The GUID once assigned (a queued create has none yet).
    pub fn guid(&self) -> Option<&str> {
        self.crdb_guid.as_deref().filter(|guid| !guid.is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct CrdbTaskError {
    pub cluster_name: Option<String>,
    pub error_code: Option<String>,
    pub description: Option<String>,
}

pub fn crdb_path(guid: &str) -> String {
    format!("/v1/crdbs/{guid}")
}

pub fn task_path(id: &str) -> String {
    format!("/v1/crdb_tasks/{id}")
}

impl ApiClient {
    pub fn crdbs(&self) -> CliResult<Vec<Crdb>> {
        self.get("/v1/crdbs")
    }

    pub fn crdb(&self, guid: &str) -> CliResult<Crdb> {
        self.get(&crdb_path(guid))
    }

    pub fn create_crdb(&self, body: &Value) -> CliResult<CrdbTask> {
        self.call(Method::POST, "/v1/crdbs", Some(body))
    }

    pub fn update_crdb(&self, guid: &str, body: &Value) -> CliResult<CrdbTask> {
        self.call(Method::PATCH, &crdb_path(guid), Some(body))
    }

    pub fn delete_crdb(&self, guid: &str) -> CliResult<CrdbTask> {
        self.call(Method::DELETE, &crdb_path(guid), None)
    }

    pub fn crdb_tasks(&self) -> CliResult<Vec<CrdbTask>> {
        self.get("/v1/crdb_tasks")
    }

    pub fn crdb_task(&self, id: &str, verbose: bool) -> CliResult<CrdbTask> {
        let query = if verbose { "?verbose=true" } else { "" };
        self.get(&format!("{}{query}", task_path(id)))
    }

    pub fn cancel_crdb_task(&self, id: &str) -> CliResult<CrdbTask> {
        // An empty JSON object: the API requires Content-Type: application/json on every POST.
        self.call(
            Method::POST,
            &format!("{}/actions/cancel", task_path(id)),
            Some(&Value::Object(Map::new())),
        )
    }
}
