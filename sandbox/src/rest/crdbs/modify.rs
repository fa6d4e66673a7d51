//! `POST /v1/crdbs/{guid}/updates` (modify_request: add or remove instances),
//! `PUT /v1/crdbs/{guid}/flush`, `PUT /v1/crdbs/{guid}/purge` and
//! `GET /v1/crdbs/{guid}/health_report` (R:requests/crdbs/updates.md, flush.md, purge.md,
//! health_report.md; R:objects/crdb/modify_request.md). Requests are checked here; what only a
//! participating cluster can refuse fails the task.

use super::{check_credential_kinds, existing, idle, invalid, task_json};
use crate::crdb::{Crdb, Instance, Operation};
use crate::rest::error::ApiError;
use crate::rest::{Control, Query, is_dry_run, object_body};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value, json};

/// modify_request fields (R:objects/crdb/modify_request.md). The reference lists
/// `remove_instances.force_remove` next to `remove_instances` (an array of integers, which
/// cannot hold it), so the sandbox reads `force_remove` at the top level of the request
/// (UNCONFIRMED, as is refusing `crdb`: configuration changes go through PATCH here).
const MODIFY_FIELDS: [&str; 5] = [
    "add_instances",
    "remove_instances",
    "force_remove",
    "force_update",
    "crdb",
];

fn instance_not_found(crdb: &Crdb, id: u64) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "crdb_instance_not_found",
        format!("crdb {} has no instance {id}", crdb.guid),
    )
}

/// The instance ids in `field` (an array of integers).
fn instance_ids(body: &Map<String, Value>, field: &str) -> Result<Vec<u64>, ApiError> {
    body.get(field)
        .and_then(Value::as_array)
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| {
            invalid(format!(
                "'{field}' must be a non-empty array of instance ids"
            ))
        })?
        .iter()
        .map(|id| {
            id.as_u64()
                .ok_or_else(|| invalid(format!("'{field}': {id} is not an instance id")))
        })
        .collect()
}

pub(super) async fn updates(
    State(control): Control,
    Path(guid): Path<String>,
    query: Query,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let coordinator = &control.crdb;
    let crdb = idle(coordinator, &guid)?;
    let body = object_body(&body)?;
    if let Some(key) = body
        .keys()
        .find(|key| !MODIFY_FIELDS.contains(&key.as_str()))
    {
        return Err(invalid(format!("unknown modify_request field '{key}'")));
    }
    if body.contains_key("crdb") {
        return Err(invalid(format!(
            "the sandbox takes configuration changes through PATCH /v1/crdbs/{guid}"
        )));
    }
    let operation = match (
        body.contains_key("add_instances"),
        body.contains_key("remove_instances"),
    ) {
        (true, false) => add(crdb, &body)?,
        (false, true) => remove(crdb, &body, coordinator.fqdn())?,
        (true, true) => {
            return Err(invalid(
                "add_instances and remove_instances go in separate requests",
            ));
        }
        (false, false) => {
            return Err(invalid(
                "nothing to modify: give add_instances or remove_instances",
            ));
        }
    };
    if is_dry_run(&query) {
        return Ok(Json(operation.crdb().render(coordinator.fqdn())));
    }
    Ok(task_json(&coordinator.submit(operation)))
}

/// The crdb with the new instances (next free ids), checked like a create's.
fn add(mut crdb: Crdb, body: &Map<String, Value>) -> Result<Operation, ApiError> {
    let listed = Map::from_iter([("instances".to_string(), body["add_instances"].clone())]);
    check_credential_kinds(&listed)?;
    let new: Vec<Instance> = serde_json::from_value(body["add_instances"].clone())
        .map_err(|error| invalid(format!("invalid add_instances: {error}")))?;
    if new.is_empty() {
        return Err(invalid("'add_instances' is empty"));
    }
    let mut added = Vec::new();
    for mut instance in new {
        let name = instance.cluster.name.clone();
        if instance.cluster.url.is_empty() {
            return Err(invalid(format!(
                "cluster {name}: cluster.url is required (https://<fqdn>:9443)"
            )));
        }
        if crdb
            .instances
            .iter()
            .any(|other| other.cluster.name.eq_ignore_ascii_case(&name))
        {
            return Err(invalid(format!(
                "cluster {name} already participates in crdb {}",
                crdb.guid
            )));
        }
        instance.id = crdb.instances.iter().map(|i| i.id).max().unwrap_or(0) + 1;
        instance.db_uid = None;
        added.push(instance.id);
        crdb.instances.push(instance);
    }
    Ok(Operation::AddInstances { crdb, added })
}

/// What stays and what goes. The cluster that answers keeps its own instance: removing it is
/// done from another participant (UNCONFIRMED what a real cluster answers; the sandbox refuses).
fn remove(crdb: Crdb, body: &Map<String, Value>, local_fqdn: &str) -> Result<Operation, ApiError> {
    let ids = instance_ids(body, "remove_instances")?;
    let force = match body.get("force_remove") {
        None => false,
        Some(value) => value
            .as_bool()
            .ok_or_else(|| invalid(format!("'force_remove' must be a boolean, got {value}")))?,
    };
    if let Some(id) = ids
        .iter()
        .find(|id| !crdb.instances.iter().any(|i| u64::from(i.id) == **id))
    {
        return Err(instance_not_found(&crdb, *id));
    }
    let (removed, kept): (Vec<Instance>, Vec<Instance>) = crdb
        .instances
        .iter()
        .cloned()
        .partition(|instance| ids.contains(&u64::from(instance.id)));
    if let Some(local) = removed
        .iter()
        .find(|instance| instance.cluster.name.eq_ignore_ascii_case(local_fqdn))
    {
        return Err(invalid(format!(
            "instance {} is this cluster's own; run remove-instance from another participating cluster",
            local.id
        )));
    }
    if kept.is_empty() {
        return Err(invalid(format!(
            "removing every instance leaves nothing; delete crdb {} instead",
            crdb.guid
        )));
    }
    Ok(Operation::RemoveInstances {
        crdb: Crdb {
            instances: kept,
            ..crdb
        },
        removed,
        force,
    })
}

/// `?async_flush` is accepted; the sandbox's flush is a task either way.
pub(super) async fn flush(
    State(control): Control,
    Path(guid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let crdb = idle(&control.crdb, &guid)?;
    Ok(task_json(&control.crdb.submit(Operation::Flush(crdb))))
}

/// `{"instances": [ids]}`: instances of THIS cluster only ("must be executed locally on the
/// removed instance", R:requests/crdbs/purge.md).
pub(super) async fn purge(
    State(control): Control,
    Path(guid): Path<String>,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let coordinator = &control.crdb;
    let crdb = idle(coordinator, &guid)?;
    let body = object_body(&body)?;
    let mut instances = Vec::new();
    for id in instance_ids(&body, "instances")? {
        let instance = crdb
            .instances
            .iter()
            .find(|instance| u64::from(instance.id) == id)
            .ok_or_else(|| instance_not_found(&crdb, id))?;
        if !instance
            .cluster
            .name
            .eq_ignore_ascii_case(coordinator.fqdn())
        {
            return Err(invalid(format!(
                "instance {id} is on {}, not on this cluster ({}); purge runs on the removed \
                 instance's own cluster",
                instance.cluster.name,
                coordinator.fqdn()
            )));
        }
        instances.push(instance.id);
    }
    Ok(task_json(
        &coordinator.submit(Operation::Purge { crdb, instances }),
    ))
}

/// `?instance_id=N` narrows the report to that instance's cluster; an unknown id reports on
/// all of them, as the reference says.
pub(super) async fn health_report(
    State(control): Control,
    Path(guid): Path<String>,
    query: Query,
) -> Result<Json<Value>, ApiError> {
    let crdb = existing(&control.crdb, &guid)?;
    let only = query
        .get("instance_id")
        .and_then(|id| id.parse::<u32>().ok())
        .filter(|id| crdb.instances.iter().any(|instance| instance.id == *id));
    Ok(Json(json!(control.crdb.health_report(&crdb, only).await)))
}
