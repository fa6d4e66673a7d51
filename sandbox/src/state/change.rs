//! Server-side validation of bdb creates and updates, written from rest-api.md (independently of
//! rsadmin's client-side checks): a request body is type-checked field by field, applied to a copy
//! of the bdb, and the result is checked as a whole (so one PUT may fix several prerequisites).

use super::render::bdb_defaults;
use super::{Bdb, ClusterState, HashSlotsPolicy, ProxyPolicy, STANDARD_SHARD_KEY_REGEX};
use serde_json::{Map, Value};

/// Why a request was refused; the REST layer maps `kind` to the HTTP status.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub kind: RejectionKind,
    pub error_code: &'static str,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectionKind {
    /// 400: malformed body, wrong JSON type, unknown or read-only field.
    BadRequest,
    /// 404: a referenced object does not exist.
    NotFound,
    /// 406: well-formed but invalid configuration.
    InvalidConfiguration,
    /// 409: conflicts with the current state (busy, uid or port taken).
    Conflict,
    /// 500: the change could not be made durable, so it was not made.
    NotPersisted,
}

impl Rejection {
    pub fn new(
        kind: RejectionKind,
        error_code: &'static str,
        description: impl Into<String>,
    ) -> Rejection {
        Rejection {
            kind,
            error_code,
            description: description.into(),
        }
    }

    fn bad_field(description: impl Into<String>) -> Rejection {
        Rejection::new(RejectionKind::BadRequest, "invalid_schema", description)
    }

    fn invalid(error_code: &'static str, description: impl Into<String>) -> Rejection {
        Rejection::new(RejectionKind::InvalidConfiguration, error_code, description)
    }
}

/// Whether the body creates a database (POST) or updates one (PUT); some fields and codes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Create,
    Update,
}

/// Fields a client may never write: every field the bdb object reference marks "(read-only)"
/// (`R:objects/bdb/_index.md`), plus `shard_list`, `version` and `redis_version`, which the
/// sandbox derives (UNCONFIRMED: the reference does not mark them read-only; `version` changes
/// "only during database creation and upgrades"). Create-only fields are in
/// [`CREATE_ONLY_FIELDS`].
pub const READ_ONLY_FIELDS: [&str; 25] = [
    // Marked read-only by the reference:
    "action_uid",
    "background_op",
    "backup_failure_reason",
    "backup_progress",
    "backup_status",
    "created_time",
    "dns_address_master",
    "endpoint_ip",
    "endpoint_node",
    "endpoints",
    "export_failure_reason",
    "export_progress",
    "export_status",
    "import_failure_reason",
    "import_progress",
    "import_status",
    "last_backup_time",
    "last_changed_time",
    "last_export_time",
    "status",
    "syncer_mode",
    "wait_command",
    // Derived by the sandbox:
    "shard_list",
    "version",
    "redis_version",
];

/// Fields accepted by POST only. UNCONFIRMED whether a real cluster lets PUT change `port`;
/// the sandbox refuses it with 400.
const CREATE_ONLY_FIELDS: [&str; 3] = ["uid", "type", "port"];

/// Typed fields whose value is one of a fixed set; a bad value is refused with
/// 406 `invalid_<field>` (documented: `invalid_proxy_policy`, `invalid_data_persistence`).
const ENUM_FIELDS: [(&str, &str); 7] = [
    ("proxy_policy", "invalid_proxy_policy"),
    ("data_persistence", "invalid_data_persistence"),
    ("shards_placement", "invalid_shards_placement"),
    ("eviction_policy", "invalid_eviction_policy"),
    ("hash_slots_policy", "invalid_hash_slots_policy"),
    (
        "oss_cluster_api_preferred_ip_type",
        "invalid_oss_cluster_api_preferred_ip_type",
    ),
    (
        "oss_cluster_api_preferred_endpoint_type",
        "invalid_oss_cluster_api_preferred_endpoint_type",
    ),
];

/// Modules that rule out the OSS Cluster API (rest-api.md §2.3: TimeSeries, Gears).
const OSS_CLUSTER_INCOMPATIBLE_MODULES: [&str; 3] = ["timeseries", "rg", "redisgears"];

/// Endpoint-scoped fields of a PUT body (`{"endpoint": "1:1", "include_proxies": [2]}`).
const ENDPOINT_FIELDS: [&str; 3] = ["endpoint", "include_proxies", "exclude_proxies"];

/// Applies a PUT/POST body to `current`, type-checking every field. Unknown fields are refused
/// with 400 `invalid_schema` (as a schema-validating API would; UNCONFIRMED) so client typos show.
pub fn apply_body(
    current: &Bdb,
    body: &Map<String, Value>,
    kind: ChangeKind,
) -> Result<Bdb, Rejection> {
    let mut fields = match serde_json::to_value(current) {
        Ok(Value::Object(fields)) => fields,
        _ => return Err(Rejection::bad_field("internal: bdb is not an object")),
    };
    let typed_field_names: Vec<String> = fields
        .keys()
        .filter(|key| !current.other_settings.contains_key(*key))
        .cloned()
        .collect();
    let mut updated = current.clone();
    for (key, value) in body {
        let key = key.as_str();
        if READ_ONLY_FIELDS.contains(&key)
            || (kind == ChangeKind::Update && CREATE_ONLY_FIELDS.contains(&key))
        {
            return Err(Rejection::bad_field(format!(
                "field '{key}' cannot be changed"
            )));
        }
        if ENDPOINT_FIELDS.contains(&key) {
            continue;
        }
        if typed_field_names.iter().any(|name| name == key) {
            fields.insert(key.into(), value.clone());
            updated = serde_json::from_value(Value::Object(fields.clone()))
                .map_err(|error| field_error(key, value, &error))?;
        } else if let Some(default) = bdb_defaults().get(key) {
            if !same_json_type(default, value) {
                return Err(Rejection::bad_field(format!(
                    "field '{key}' has the wrong type: {value}"
                )));
            }
            updated.other_settings.insert(key.into(), value.clone());
            fields.insert(key.into(), value.clone());
        } else {
            return Err(Rejection::bad_field(format!("unknown field '{key}'")));
        }
    }
    apply_endpoint_fields(&mut updated, body)?;
    Ok(updated)
}

fn field_error(key: &str, value: &Value, error: &serde_json::Error) -> Rejection {
    let enum_code = ENUM_FIELDS
        .iter()
        .find(|(field, _)| *field == key)
        .map(|(_, code)| *code);
    match enum_code {
        Some(code) if value.is_string() => {
            Rejection::invalid(code, format!("invalid value {value} for '{key}': {error}"))
        }
        _ => Rejection::bad_field(format!("field '{key}' is invalid: {error}")),
    }
}

fn same_json_type(default: &Value, value: &Value) -> bool {
    match (default, value) {
        (Value::Number(default), Value::Number(value)) => default.is_f64() || !value.is_f64(),
        _ => std::mem::discriminant(default) == std::mem::discriminant(value),
    }
}

/// `endpoint` picks the endpoint the proxy fields apply to (default: the only one);
/// `include_proxies`/`exclude_proxies` replace the previous list, `[]` clears it.
fn apply_endpoint_fields(bdb: &mut Bdb, body: &Map<String, Value>) -> Result<(), Rejection> {
    let endpoint_uid = match body.get("endpoint") {
        None => None,
        Some(Value::String(uid)) => Some(uid.clone()),
        Some(other) => {
            return Err(Rejection::bad_field(format!(
                "field 'endpoint' must be a string, got {other}"
            )));
        }
    };
    let bdb_uid = bdb.uid;
    let endpoint = match &endpoint_uid {
        Some(uid) => bdb
            .endpoints
            .iter_mut()
            .find(|endpoint| &endpoint.uid == uid)
            .ok_or_else(|| {
                Rejection::new(
                    RejectionKind::NotFound,
                    "endpoint_not_found",
                    format!("db:{bdb_uid} has no endpoint {uid}"),
                )
            })?,
        None => match bdb.endpoints.first_mut() {
            Some(endpoint) => endpoint,
            None => return Ok(()),
        },
    };
    for (key, list) in [
        ("include_proxies", &mut endpoint.include_proxies),
        ("exclude_proxies", &mut endpoint.exclude_proxies),
    ] {
        if let Some(value) = body.get(key) {
            let proxies: Vec<u32> = serde_json::from_value(value.clone()).map_err(|_| {
                Rejection::bad_field(format!(
                    "field '{key}' must be an array of proxy uids (integers), got {value}"
                ))
            })?;
            *list = (!proxies.is_empty()).then_some(proxies);
        }
    }
    Ok(())
}

/// Checks a candidate state in which `bdb_uid` holds the changed bdb (shards and endpoint
/// already re-derived).
pub fn validate(candidate: &ClusterState, bdb_uid: u32, kind: ChangeKind) -> Result<(), Rejection> {
    let Some(bdb) = candidate.bdb(bdb_uid) else {
        return Err(Rejection::new(
            RejectionKind::NotFound,
            "db_not_exist",
            format!("db:{bdb_uid} does not exist"),
        ));
    };
    validate_name(&bdb.name)?;
    validate_sharding(bdb)?;
    if bdb.replication && candidate.nodes.len() < 2 {
        let code = if kind == ChangeKind::Create {
            "invalid_replication"
        } else {
            "replication_node_violation"
        };
        return Err(Rejection::invalid(
            code,
            "replication needs at least 2 nodes",
        ));
    }
    validate_proxies(candidate, bdb)?;
    let problems = oss_cluster_problems(bdb);
    if bdb.oss_cluster && !problems.is_empty() {
        return Err(Rejection::invalid(
            "invalid_oss_cluster_configuration",
            format!(
                "configuration does not meet the requirements for OSS cluster mode: {}",
                problems.join("; ")
            ),
        ));
    }
    Ok(())
}

fn validate_name(name: &str) -> Result<(), Rejection> {
    let edges_ok = name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if edges_ok && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(())
    } else {
        Err(Rejection::bad_field(format!(
            "invalid database name '{name}': use letters, digits and hyphens, starting and ending with a letter or digit"
        )))
    }
}

fn validate_sharding(bdb: &Bdb) -> Result<(), Rejection> {
    if !(1..=512).contains(&bdb.shards_count) {
        return Err(Rejection::invalid(
            "invalid_sharding",
            format!("shards_count {} is not in 1-512", bdb.shards_count),
        ));
    }
    if !bdb.sharding && bdb.shards_count != 1 {
        return Err(Rejection::invalid(
            "invalid_sharding",
            format!("shards_count {} needs sharding enabled", bdb.shards_count),
        ));
    }
    if bdb.sharding && bdb.shard_key_regex.is_empty() {
        return Err(Rejection::invalid(
            "invalid_sharding",
            "a sharded database needs shard_key_regex hashing rules",
        ));
    }
    Ok(())
}

fn validate_proxies(state: &ClusterState, bdb: &Bdb) -> Result<(), Rejection> {
    let listed = bdb.endpoints.iter().flat_map(|endpoint| {
        endpoint
            .include_proxies
            .iter()
            .chain(endpoint.exclude_proxies.iter())
            .flatten()
    });
    for proxy_uid in listed {
        if state.node(*proxy_uid).is_none() {
            return Err(Rejection::invalid(
                "invalid_proxy_policy",
                format!("proxy {proxy_uid} does not exist"),
            ));
        }
    }
    if state.bound_node_uids(bdb.uid).is_empty() {
        return Err(Rejection::invalid(
            "invalid_proxy_policy",
            "no proxy would be bound to the endpoint",
        ));
    }
    Ok(())
}

/// Everything that keeps `bdb` from the OSS Cluster API (rest-api.md §2.3, §9 item 6).
/// An unsharded database with no hashing rules counts as standard hashing (UNCONFIRMED).
pub fn oss_cluster_problems(bdb: &Bdb) -> Vec<String> {
    let mut problems = Vec::new();
    if bdb.hash_slots_policy != HashSlotsPolicy::Slots16k {
        problems.push("hash_slots_policy must be 16k".to_string());
    }
    let rules: Vec<&str> = bdb
        .shard_key_regex
        .iter()
        .map(|rule| rule.regex.as_str())
        .collect();
    let standard_hashing = rules == STANDARD_SHARD_KEY_REGEX || (!bdb.sharding && rules.is_empty());
    if !standard_hashing {
        problems.push("shard_key_regex must be the standard hashing policy".to_string());
    }
    if bdb.proxy_policy == ProxyPolicy::Single {
        problems.push("proxy_policy must be all-master-shards or all-nodes".to_string());
    }
    for endpoint in &bdb.endpoints {
        if endpoint.include_proxies.is_some() || endpoint.exclude_proxies.is_some() {
            problems.push(format!(
                "endpoint {} must not have include/exclude proxy lists",
                endpoint.uid
            ));
        }
    }
    for module in &bdb.module_list {
        if OSS_CLUSTER_INCOMPATIBLE_MODULES
            .contains(&module.module_name.to_ascii_lowercase().as_str())
        {
            problems.push(format!(
                "module {} is not supported with the OSS Cluster API",
                module.module_name
            ));
        }
    }
    problems
}
