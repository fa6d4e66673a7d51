//! The crdb and crdb_task objects (rest-api.md §6.2, §6.4) as the sandbox keeps and sends them.

use crate::redact;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An Active-Active database. Passwords are kept (the coordinator needs them to reach the
/// instances later) but never sent: see [`Crdb::render`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Crdb {
    pub guid: String,
    pub name: String,
    #[serde(default)]
    pub encryption: bool,
    #[serde(default)]
    pub causal_consistency: bool,
    #[serde(default = "default_protocol_version")]
    pub protocol_version: u32,
    #[serde(default = "default_featureset_version")]
    pub featureset_version: u32,
    #[serde(default)]
    pub modules: Vec<Value>,
    #[serde(default)]
    pub default_db_config: Map<String, Value>,
    pub instances: Vec<Instance>,
}

fn default_protocol_version() -> u32 {
    1
}

fn default_featureset_version() -> u32 {
    5
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Instance {
    #[serde(default)]
    pub id: u32,
    pub cluster: ClusterInfo,
    /// crdb-cli's default is 3.
    #[serde(default = "default_compression")]
    pub compression: u8,
    #[serde(default)]
    pub db_config: Map<String, Value>,
    /// The instance's bdb uid on its cluster (a string on the wire), once created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub db_uid: Option<String>,
}

fn default_compression() -> u8 {
    3
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClusterInfo {
    /// The cluster's REST API; when a request leaves it out the coordinator fills it in.
    #[serde(default)]
    pub url: String,
    /// The cluster FQDN.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replication_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replication_tls_sni: Option<String>,
}

#[derive(Clone, Serialize, Deserialize, PartialEq)]
pub struct Credentials {
    pub username: String,
    #[serde(default)]
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        redact::debug_credentials(formatter, "Credentials", ("username", &self.username))
    }
}

impl Crdb {
    /// The object as `GET /v1/crdbs` sends it from the cluster `local_fqdn`: credentials without
    /// the password (UNCONFIRMED whether a real cluster masks it; the sandbox never sends it), and
    /// `local_databases` naming the local instance's bdb.
    pub fn render(&self, local_fqdn: &str) -> Value {
        let mut object = match serde_json::to_value(self) {
            Ok(Value::Object(object)) => object,
            _ => Map::new(),
        };
        for instance in object
            .get_mut("instances")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(credentials) = instance
                .pointer_mut("/cluster/credentials")
                .and_then(Value::as_object_mut)
            {
                credentials.remove("password");
            }
        }
        let local_databases: Vec<Value> = self
            .instances
            .iter()
            .filter(|instance| instance.cluster.name.eq_ignore_ascii_case(local_fqdn))
            .filter_map(|instance| {
                let bdb_uid = instance.db_uid.as_ref()?;
                Some(serde_json::json!({ "bdb_uid": bdb_uid, "id": instance.id }))
            })
            .collect();
        object.insert("local_databases".into(), Value::Array(local_databases));
        object.insert("managed_by".into(), Value::String(String::new()));
        Value::Object(object)
    }
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TaskStatus {
    Queued,
    Started,
    Finished,
    Failed,
}

impl TaskStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Queued => "queued",
            TaskStatus::Started => "started",
            TaskStatus::Finished => "finished",
            TaskStatus::Failed => "failed",
        }
    }
}

/// One participating cluster's error in a failed task.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TaskError {
    pub cluster_name: String,
    pub error_code: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CrdbTask {
    pub id: String,
    /// Absent while queued: the GUID is assigned when the task starts (crdb-cli prints
    /// `CRDB GUID Assigned` after `queued -> started`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crdb_guid: Option<String>,
    pub operation: &'static str,
    pub status: TaskStatus,
    pub worker_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<String>,
    pub errors: Vec<TaskError>,
}
