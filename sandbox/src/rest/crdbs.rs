//! `/v1/crdbs` and `/v1/crdb_tasks` (rest-api.md §6.3, §6.4) over the cluster's crdb coordinator
//! (`crate::crdb`). Requests are checked here, at once; what only a participating cluster can
//! refuse fails the task instead.

mod modify;

use super::error::ApiError;
use super::{Control, Query, is_dry_run, object_body};
use crate::control::ControlPlane;
use crate::crdb::{CancelRefusal, Coordinator, Crdb, CrdbTask, Credentials, Instance, Operation};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::Arc;

/// Top-level fields a PATCH may change (rest-api.md §6.3; instances only for credentials and
/// compression: adding or removing instances goes through `POST .../updates`).
const PATCHABLE_FIELDS: [&str; 4] = [
    "default_db_config",
    "encryption",
    "causal_consistency",
    "instances",
];

pub fn routes() -> Router<Arc<ControlPlane>> {
    Router::new()
        .route("/v1/crdbs", get(list).post(create))
        .route(
            "/v1/crdbs/{guid}",
            get(get_one).patch(update).delete(delete),
        )
        .route("/v1/crdbs/{guid}/updates", post(modify::updates))
        .route("/v1/crdbs/{guid}/flush", put(modify::flush))
        .route("/v1/crdbs/{guid}/purge", put(modify::purge))
        .route("/v1/crdbs/{guid}/health_report", get(modify::health_report))
        .route("/v1/crdb_tasks", get(list_tasks))
        .route("/v1/crdb_tasks/{id}", get(get_task))
        .route("/v1/crdb_tasks/{id}/actions/cancel", post(cancel_task))
}

fn invalid(description: impl Into<String>) -> ApiError {
    ApiError::bad_request(description)
}

/// UNCONFIRMED: the 404 error codes of crdb and crdb_task requests are undocumented.
fn crdb_not_found(guid: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "crdb_not_found",
        format!("crdb {guid} does not exist"),
    )
}

fn task_not_found(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "crdb_task_not_found",
        format!("task {id} does not exist (finished tasks are kept 500 seconds)"),
    )
}

fn task_json(task: &CrdbTask) -> Json<Value> {
    Json(serde_json::to_value(task).unwrap_or_default())
}

fn existing(coordinator: &Coordinator, guid: &str) -> Result<Crdb, ApiError> {
    coordinator.crdb(guid).ok_or_else(|| crdb_not_found(guid))
}

/// A crdb no task of this cluster is changing. UNCONFIRMED: the code a real cluster answers
/// while a crdb task runs; 409 is what the API uses for "busy".
fn idle(coordinator: &Coordinator, guid: &str) -> Result<Crdb, ApiError> {
    let crdb = existing(coordinator, guid)?;
    if coordinator.is_busy(guid) {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "crdb_busy",
            format!("crdb {guid} is busy: a task of it is still running"),
        ));
    }
    Ok(crdb)
}

/// `{"crdbs": [...]}`: real clusters wrap the list (captured `crdbs_list.json`), although the
/// reference shows a bare array.
async fn list(State(control): Control) -> Json<Value> {
    let coordinator = &control.crdb;
    let crdbs: Vec<Value> = coordinator
        .crdbs()
        .iter()
        .map(|crdb| crdb.render(coordinator.fqdn()))
        .collect();
    Json(serde_json::json!({ "crdbs": crdbs }))
}

async fn get_one(
    State(control): Control,
    Path(guid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let crdb = existing(&control.crdb, &guid)?;
    Ok(Json(crdb.render(control.crdb.fqdn())))
}

#[derive(Deserialize)]
struct CreateRequest {
    name: String,
    #[serde(default)]
    encryption: bool,
    #[serde(default)]
    causal_consistency: bool,
    #[serde(default)]
    default_db_config: Map<String, Value>,
    instances: Vec<Instance>,
}

/// `?dry_run` validates only and answers with the crdb object as it would be created
/// (UNCONFIRMED: the dry-run answer of a real cluster is undocumented).
async fn create(
    State(control): Control,
    query: Query,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    check_credential_kinds(&body)?;
    let request: CreateRequest = serde_json::from_value(Value::Object(body))
        .map_err(|error| invalid(format!("invalid crdb object: {error}")))?;
    let crdb = new_crdb(request)?;
    if is_dry_run(&query) {
        return Ok(Json(crdb.render(control.crdb.fqdn())));
    }
    Ok(task_json(&control.crdb.submit(Operation::Create(crdb))))
}

/// Exactly one of `credentials` and `certificate_auth` per cluster (rest-api.md §6.2).
fn check_credential_kinds(body: &Map<String, Value>) -> Result<(), ApiError> {
    let instances = body.get("instances").and_then(Value::as_array);
    for cluster in instances.into_iter().flatten().map(|i| &i["cluster"]) {
        let name = cluster["name"].as_str().unwrap_or("?");
        match (cluster.get("credentials"), cluster.get("certificate_auth")) {
            (Some(_), Some(_)) => {
                return Err(invalid(format!(
                    "cluster {name}: use either credentials or certificate_auth, not both"
                )));
            }
            // The sandbox's REST API takes Basic auth only.
            (None, Some(_)) => {
                return Err(invalid(format!(
                    "cluster {name}: certificate_auth is not supported by the sandbox; use credentials"
                )));
            }
            (None, None) => {
                return Err(invalid(format!("cluster {name}: credentials are required")));
            }
            (Some(_), None) => {}
        }
    }
    Ok(())
}

fn new_crdb(request: CreateRequest) -> Result<Crdb, ApiError> {
    if request.name.is_empty() {
        return Err(invalid("'name' is required"));
    }
    if request.instances.is_empty() {
        return Err(invalid(
            "'instances' needs at least one participating cluster",
        ));
    }
    let mut instances = request.instances;
    for (index, instance) in instances.iter_mut().enumerate() {
        if instance.id == 0 {
            instance.id = u32::try_from(index + 1).unwrap_or(u32::MAX);
        }
        // The reference marks `cluster.url` required; refused like other schema errors.
        if instance.cluster.url.is_empty() {
            return Err(invalid(format!(
                "instances[{index}].cluster.url is required (https://<fqdn>:9443)"
            )));
        }
    }
    for (index, instance) in instances.iter().enumerate() {
        if instances[..index].iter().any(|other| {
            other
                .cluster
                .name
                .eq_ignore_ascii_case(&instance.cluster.name)
        }) {
            return Err(invalid(format!(
                "cluster {} is listed more than once",
                instance.cluster.name
            )));
        }
    }
    Ok(Crdb {
        guid: uuid::Uuid::new_v4().to_string(),
        name: request.name,
        encryption: request.encryption,
        causal_consistency: request.causal_consistency,
        protocol_version: 1,
        featureset_version: 5,
        modules: Vec::new(),
        default_db_config: request.default_db_config,
        instances,
    })
}

async fn update(
    State(control): Control,
    Path(guid): Path<String>,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let crdb = idle(&control.crdb, &guid)?;
    let body = object_body(&body)?;
    let (updated, changes) = patched(crdb, &body)?;
    let operation = Operation::Update {
        crdb: updated,
        changes,
    };
    Ok(task_json(&control.crdb.submit(operation)))
}

/// The crdb after the PATCH, and the `default_db_config` fields it sets.
fn patched(
    mut crdb: Crdb,
    body: &Map<String, Value>,
) -> Result<(Crdb, Map<String, Value>), ApiError> {
    if let Some(key) = body
        .keys()
        .find(|key| !PATCHABLE_FIELDS.contains(&key.as_str()))
    {
        return Err(invalid(format!(
            "field '{key}' cannot be changed with PATCH"
        )));
    }
    let changes = match body.get("default_db_config") {
        None => Map::new(),
        Some(Value::Object(changes)) => changes.clone(),
        Some(other) => {
            return Err(invalid(format!(
                "'default_db_config' must be an object, got {other}"
            )));
        }
    };
    if let Some(sharding) = changes.get("sharding")
        && Some(sharding) != crdb.default_db_config.get("sharding")
    {
        return Err(ApiError::new(
            StatusCode::NOT_ACCEPTABLE,
            "crdt_sharding_violation",
            "sharding cannot be changed after an Active-Active database is created",
        ));
    }
    crdb.default_db_config.extend(changes.clone());
    for (field, slot) in [
        ("encryption", &mut crdb.encryption),
        ("causal_consistency", &mut crdb.causal_consistency),
    ] {
        if let Some(value) = body.get(field) {
            *slot = value
                .as_bool()
                .ok_or_else(|| invalid(format!("'{field}' must be a boolean, got {value}")))?;
        }
    }
    for change in body
        .get("instances")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        apply_instance_change(&mut crdb, change)?;
    }
    Ok((crdb, changes))
}

/// `{"id": 2, "cluster": {"credentials": {...}}, "compression": 6}`: new credentials the
/// coordinator uses for that cluster from now on, or a new compression level.
fn apply_instance_change(crdb: &mut Crdb, change: &Value) -> Result<(), ApiError> {
    let id = change["id"]
        .as_u64()
        .ok_or_else(|| invalid(format!("an instance change needs its 'id': {change}")))?;
    let instance = crdb
        .instances
        .iter_mut()
        .find(|instance| u64::from(instance.id) == id)
        .ok_or_else(|| invalid(format!("crdb {} has no instance {id}", crdb.guid)))?;
    if let Some(credentials) = change.pointer("/cluster/credentials") {
        let credentials: Credentials = serde_json::from_value(credentials.clone())
            .map_err(|error| invalid(format!("instance {id}: invalid credentials: {error}")))?;
        instance.cluster.credentials = Some(credentials);
    }
    if let Some(compression) = change.get("compression") {
        instance.compression = compression
            .as_u64()
            .and_then(|level| u8::try_from(level).ok())
            .filter(|level| *level <= 6)
            .ok_or_else(|| invalid(format!("instance {id}: compression must be 0-6")))?;
    }
    Ok(())
}

async fn delete(
    State(control): Control,
    Path(guid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let crdb = idle(&control.crdb, &guid)?;
    Ok(task_json(&control.crdb.submit(Operation::Delete(crdb))))
}

/// A bare array, as the reference shows and the vendor's client (which reads the `crdbs`
/// wrapper) expects here; no capture says otherwise.
async fn list_tasks(State(control): Control) -> Json<Value> {
    Json(serde_json::to_value(control.crdb.tasks()).unwrap_or_default())
}

async fn get_task(
    State(control): Control,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let task = control.crdb.task(&id).ok_or_else(|| task_not_found(&id))?;
    Ok(task_json(&task))
}

/// 200 with no body: the reference says the cancel "returns a status code".
async fn cancel_task(State(control): Control, Path(id): Path<String>) -> Result<(), ApiError> {
    match control.crdb.cancel_task(&id) {
        Ok(()) => Ok(()),
        Err(CancelRefusal::NotFound) => Err(task_not_found(&id)),
        Err(CancelRefusal::NotQueued(status)) => Err(ApiError::new(
            StatusCode::NOT_ACCEPTABLE,
            "task_cannot_be_canceled",
            format!("task {id} cannot be canceled: it is {}", status.as_str()),
        )),
    }
}
