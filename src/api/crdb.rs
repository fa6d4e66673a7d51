//! Active-Active objects (rest-api.md §6): the crdb and the crdb_task, and their requests.
//! Tolerant like `models`: unknown fields are ignored, settings may be absent. GUIDs and task ids
//! are strings.

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ApiClient;
use crate::error::{CliError, CliResult, ExitKind};

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

/// A list answered either bare or wrapped in an object under its collection name.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ListOrWrapped<T> {
    Bare(Vec<T>),
    Wrapped(Map<String, Value>),
}

impl<T: DeserializeOwned> ListOrWrapped<T> {
    /// The list, from the object's `key` when wrapped.
    fn into_list(self, key: &str) -> Result<Vec<T>, String> {
        match self {
            ListOrWrapped::Bare(list) => Ok(list),
            ListOrWrapped::Wrapped(mut object) => {
                let list = object
                    .remove(key)
                    .ok_or_else(|| format!("no \"{key}\" list in the object"))?;
                serde_json::from_value(list).map_err(|err| err.to_string())
            }
        }
    }
}

/// A `GET /v1/crdbs` answer, either shape.
pub fn parse_crdb_list(text: &str) -> Result<Vec<Crdb>, String> {
    serde_json::from_str::<ListOrWrapped<Crdb>>(text)
        .map_err(|err| err.to_string())?
        .into_list("crdbs")
}

impl ApiClient {
    /// GET of a collection `key` at `path`, bare or wrapped.
    fn get_list<T: DeserializeOwned>(&self, path: &str, key: &str) -> CliResult<Vec<T>> {
        self.get::<ListOrWrapped<T>>(path)?
            .into_list(key)
            .map_err(|detail| {
                CliError::new(
                    ExitKind::Failed,
                    format!("unexpected answer to GET {path}: {detail}"),
                )
            })
    }
}

pub fn crdb_path(guid: &str) -> String {
    format!("/v1/crdbs/{guid}")
}

pub fn task_path(id: &str) -> String {
    format!("/v1/crdb_tasks/{id}")
}

impl ApiClient {
    /// Real clusters wrap the list (`{"crdbs": [...]}`, captured); the reference shows a bare
    /// array. Both are read.
    pub fn crdbs(&self) -> CliResult<Vec<Crdb>> {
        self.get_list("/v1/crdbs", "crdbs")
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

    /// `POST /v1/crdbs/{guid}/updates` with a modify_request (`add_instances`,
    /// `remove_instances`, `force_remove`): the only way to add or remove instances
    /// (R:requests/crdbs/updates.md, R:objects/crdb/modify_request.md); answers a crdb_task.
    pub fn modify_crdb(&self, guid: &str, body: &Value) -> CliResult<CrdbTask> {
        self.call(
            Method::POST,
            &format!("{}/updates", crdb_path(guid)),
            Some(body),
        )
    }

    /// `PUT /v1/crdbs/{guid}/flush` (R:requests/crdbs/flush.md: no body; `{}` carries the
    /// JSON content type every PUT needs); answers a crdb_task.
    pub fn flush_crdb(&self, guid: &str) -> CliResult<CrdbTask> {
        self.call(
            Method::PUT,
            &format!("{}/flush", crdb_path(guid)),
            Some(&Value::Object(Map::new())),
        )
    }

    /// `PUT /v1/crdbs/{guid}/purge` with `{"instances": [ids]}`, on the removed instance's own
    /// cluster (R:requests/crdbs/purge.md); answers a crdb_task.
    pub fn purge_crdb(&self, guid: &str, body: &Value) -> CliResult<CrdbTask> {
        self.call(
            Method::PUT,
            &format!("{}/purge", crdb_path(guid)),
            Some(body),
        )
    }

    /// `GET /v1/crdbs/{guid}/health_report`: a JSON array of CRDB health report objects
    /// (R:requests/crdbs/health_report.md), kept as sent.
    pub fn crdb_health_report(&self, guid: &str) -> CliResult<Value> {
        self.get(&format!("{}/health_report", crdb_path(guid)))
    }

    /// Read like [`ApiClient::crdbs`]: `{"crdb_tasks": [...]}` or a bare array.
    pub fn crdb_tasks(&self) -> CliResult<Vec<CrdbTask>> {
        self.get_list("/v1/crdb_tasks", "crdb_tasks")
    }

    pub fn crdb_task(&self, id: &str, verbose: bool) -> CliResult<CrdbTask> {
        let query = if verbose { "?verbose=true" } else { "" };
        self.get(&format!("{}{query}", task_path(id)))
    }

    /// The reference answers only a status code; a body, if any, is ignored.
    pub fn cancel_crdb_task(&self, id: &str) -> CliResult<()> {
        // An empty JSON object: the API requires Content-Type: application/json on every POST.
        self.call::<Value>(
            Method::POST,
            &format!("{}/actions/cancel", task_path(id)),
            Some(&Value::Object(Map::new())),
        )
        .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crdb_lists_read_bare_or_wrapped() {
        let crdb = r#"{"guid": "g", "name": "a", "unknown": 1}"#;
        let bare = parse_crdb_list(&format!("[{crdb}]")).unwrap();
        let wrapped = parse_crdb_list(&format!(r#"{{"crdbs": [{crdb}]}}"#)).unwrap();
        assert_eq!(bare[0].guid, "g");
        assert_eq!(bare, wrapped);
        assert_eq!(
            parse_crdb_list(r#"{"items": []}"#).unwrap_err(),
            "no \"crdbs\" list in the object"
        );
    }
}
