//! `POST /v1/shards/{uid}/actions/migrate`, `POST /v1/shards/actions/migrate`,
//! `POST /v1/shards/{uid}/actions/failover`, `POST /v1/shards/actions/failover`.
//!
//! Evidence: requests/shards/actions/migrate.md and failover.md (redis/docs): bodies, the
//! `{"action_uid", "description"}` answer, status and error codes; the routes are listed in
//! route_inventory.json. Codes the reference leaves open are chosen in `state::moves`.

use super::error::ApiError;
use super::{Control, object_body};
use crate::control::MoveKind;
use crate::state::change::{Rejection, RejectionKind};
use crate::state::moves::MoveStep;
use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Map, Value, json};

/// Fields the reference documents for each body; others are refused 400 `invalid_schema`.
const MIGRATE_FIELDS: [&str; 6] = [
    "shard_uids",
    "target_node_uid",
    "override_rack_policy",
    "dry_run",
    "preserve_roles",
    "max_concurrent_bdb_migrations",
];
const FAILOVER_FIELDS: [&str; 7] = [
    "shard_uids",
    "dead_uid",
    "dead_uids",
    "dead_nodes",
    "dry_run",
    "force_rebind",
    "redis_version_upgrade",
];

fn invalid(description: impl Into<String>) -> ApiError {
    ApiError::bad_request(description)
}

fn check_fields(body: &Map<String, Value>, known: &[&str]) -> Result<(), ApiError> {
    match body.keys().find(|key| !known.contains(&key.as_str())) {
        Some(unknown) => Err(invalid(format!("unknown field '{unknown}'"))),
        None => Ok(()),
    }
}

fn dry_run(body: &Map<String, Value>) -> Result<bool, ApiError> {
    match body.get("dry_run") {
        None => Ok(false),
        Some(Value::Bool(flag)) => Ok(*flag),
        Some(other) => Err(invalid(format!("dry_run must be a boolean, not {other}"))),
    }
}

/// A uid given as a JSON string or integer (the reference shows both styles).
fn uid_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.is_empty() => Some(text.clone()),
        Value::Number(number) => number.as_u64().map(|n| n.to_string()),
        _ => None,
    }
}

fn target_node(body: &Map<String, Value>) -> Result<u32, ApiError> {
    let value = body.get("target_node_uid").ok_or_else(|| {
        // R: 404 "node UID is required and not given"; the code is CHOSEN.
        ApiError::from(Rejection::new(
            RejectionKind::NotFound,
            "node_uid_required",
            "target_node_uid is required",
        ))
    })?;
    uid_text(value)
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| invalid(format!("target_node_uid must be a node uid, not {value}")))
}

/// `shard_uids` of a multi-shard request: 404 `shard_uids_required` when missing or empty.
fn shard_uids(body: &Map<String, Value>) -> Result<Vec<String>, ApiError> {
    let required = || {
        ApiError::from(Rejection::new(
            RejectionKind::NotFound,
            "shard_uids_required",
            "shard_uids is required",
        ))
    };
    let list = body
        .get("shard_uids")
        .and_then(Value::as_array)
        .ok_or_else(required)?;
    if list.is_empty() {
        return Err(required());
    }
    list.iter()
        .map(|value| uid_text(value).ok_or_else(|| invalid(format!("bad shard uid {value}"))))
        .collect()
}

/// The documented answer: the action to follow, or (dry run) only a description.
fn answer(action_uid: Option<String>, triggered: &str) -> Json<Value> {
    Json(match action_uid {
        Some(action_uid) => json!({"action_uid": action_uid, "description": triggered}),
        // UNCONFIRMED: the reference says only "returns 200 OK" for a dry run that succeeds.
        None => json!({"description": "dry run succeeded"}),
    })
}

async fn migrate(
    control: Control,
    uids: Vec<String>,
    body: &Map<String, Value>,
) -> Result<Json<Value>, ApiError> {
    let target_node = target_node(body)?;
    let steps = uids
        .into_iter()
        .map(|shard_uid| MoveStep::Migrate {
            shard_uid,
            target_node,
        })
        .collect();
    let commit = !dry_run(body)?;
    let action = control.accept_moves(MoveKind::Migrate, None, steps, commit)?;
    Ok(answer(action, "Migrate was triggered"))
}

pub async fn migrate_one(
    State(control): Control,
    Path(uid): Path<String>,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    check_fields(&body, &MIGRATE_FIELDS[1..5])?;
    migrate(State(control), vec![uid], &body).await
}

pub async fn migrate_many(State(control): Control, body: String) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    check_fields(&body, &MIGRATE_FIELDS)?;
    let uids = shard_uids(&body)?;
    migrate(State(control), uids, &body).await
}

async fn failover(
    control: Control,
    uids: Vec<String>,
    body: &Map<String, Value>,
) -> Result<Json<Value>, ApiError> {
    let commit = !dry_run(body)?;
    let mut bdbs: Vec<u32> = control
        .read(|state| {
            uids.iter()
                .map(|uid| state.bdb_of_shard(uid))
                .collect::<Result<_, _>>()
        })
        .map_err(ApiError::from)?;
    bdbs.sort_unstable();
    bdbs.dedup();
    if bdbs.len() > 1 {
        return Err(ApiError::from(Rejection::new(
            RejectionKind::BadRequest,
            "failover_shards_different_bdb",
            "all failover shards must be in the same database",
        )));
    }
    let steps = uids
        .into_iter()
        .map(|shard_uid| MoveStep::Failover { shard_uid })
        .collect();
    let action = control.accept_moves(MoveKind::Failover, None, steps, commit)?;
    Ok(answer(action, "Failover was triggered"))
}

pub async fn failover_one(
    State(control): Control,
    Path(uid): Path<String>,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let body = if body.trim().is_empty() {
        Map::new()
    } else {
        object_body(&body)?
    };
    check_fields(&body, &FAILOVER_FIELDS[1..])?;
    failover(State(control), vec![uid], &body).await
}

pub async fn failover_many(State(control): Control, body: String) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    check_fields(&body, &FAILOVER_FIELDS)?;
    let uids = shard_uids(&body)?;
    failover(State(control), uids, &body).await
}
