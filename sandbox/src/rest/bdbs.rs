//! `/v1/bdbs`: list, get, create, update (partial, `dry_run`), delete.

use super::error::ApiError;
use super::{Control, Query, is_dry_run, object_body, parse_uid, select_fields};
use crate::control::{BdbSnapshot, PendingChange};
use crate::ports;
use crate::state::change::{self, ChangeKind, Rejection, RejectionKind};
use crate::state::{Bdb, BdbStatus, ClusterState, now_rfc3339, render};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde_json::{Map, Value};

pub async fn list(State(control): Control, query: Query) -> Json<Value> {
    let bdbs = control.read(|state| {
        state
            .bdbs
            .iter()
            .map(|bdb| select_fields(render::bdb(state, bdb), &query))
            .collect::<Vec<_>>()
    });
    Json(Value::Array(bdbs))
}

pub async fn get_one(
    State(control): Control,
    Path(uid): Path<String>,
    query: Query,
) -> Result<Json<Value>, ApiError> {
    let uid = parse_uid(&uid)?;
    control
        .read(|state| {
            state
                .bdb(uid)
                .map(|bdb| select_fields(render::bdb(state, bdb), &query))
        })
        .map(Json)
        .ok_or_else(|| ApiError::db_not_found(uid))
}

fn busy(bdb: &Bdb) -> Rejection {
    Rejection::new(
        RejectionKind::Conflict,
        "busy",
        format!(
            "db:{} is busy: status is {}, wait until it is active",
            bdb.uid,
            bdb.status.as_str()
        ),
    )
}

fn not_found(uid: u32) -> Rejection {
    Rejection::new(
        RejectionKind::NotFound,
        "db_not_exist",
        format!("database {uid} does not exist"),
    )
}

pub async fn create(
    State(control): Control,
    query: Query,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    let dry_run = is_dry_run(&query);
    let (uid, mut created) = control.modify(!dry_run, |state| create_in(state, &body, dry_run))?;
    if !dry_run {
        let action_uid = control.finish_in_background(PendingChange::Create { uid });
        created["action_uid"] = Value::String(action_uid);
    }
    Ok(Json(created))
}

fn create_in(
    state: &mut ClusterState,
    body: &Map<String, Value>,
    dry_run: bool,
) -> Result<(u32, Value), Rejection> {
    for (field, code) in [
        ("name", "missing_db_name"),
        ("memory_size", "missing_memory_size"),
    ] {
        if !body.contains_key(field) {
            return Err(Rejection::new(
                RejectionKind::BadRequest,
                code,
                format!("'{field}' is required"),
            ));
        }
    }
    let uid = match body.get("uid") {
        Some(value) => value
            .as_u64()
            .and_then(|uid| u32::try_from(uid).ok())
            .filter(|uid| *uid > 0)
            .ok_or_else(|| {
                Rejection::new(
                    RejectionKind::BadRequest,
                    "invalid_schema",
                    format!("invalid uid {value}"),
                )
            })?,
        None => state.last_bdb_uid + 1,
    };
    if state.bdb(uid).is_some() {
        return Err(Rejection::new(
            RejectionKind::Conflict,
            "uid_exists",
            format!("database {uid} already exists"),
        ));
    }
    let template = Bdb::with_defaults(uid, String::new(), 0, &now_rfc3339());
    let body = with_policy_defaults(&render::cluster_policy(state), body);
    let mut bdb = change::apply_body(&template, &body, ChangeKind::Create)?;
    let port = endpoint_port(state, bdb.port)?;
    if !dry_run {
        bdb.status = BdbStatus::Pending;
    }
    state.last_bdb_uid = state.last_bdb_uid.max(uid);
    state.insert_bdb(bdb, port);
    let created = validate_and_render(state, uid, ChangeKind::Create)?;
    Ok((uid, created))
}

/// A new database takes the cluster policy's defaults for what its body leaves out
/// (R:objects/cluster_settings.md: "default ... for new databases").
fn with_policy_defaults(policy: &Value, body: &Map<String, Value>) -> Map<String, Value> {
    let mut body = body.clone();
    let sharded = body
        .get("sharding")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let proxy_policy_default = if sharded {
        "default_sharded_proxy_policy"
    } else {
        "default_non_sharded_proxy_policy"
    };
    for (field, policy_field) in [
        ("proxy_policy", proxy_policy_default),
        ("shards_placement", "default_shards_placement"),
        ("oss_cluster", "default_oss_cluster"),
        (
            "oss_cluster_api_preferred_ip_type",
            "oss_cluster_api_preferred_ip_type",
        ),
        (
            "oss_cluster_api_preferred_endpoint_type",
            "oss_cluster_api_preferred_endpoint_type",
        ),
    ] {
        if !body.contains_key(field)
            && let Some(value) = policy.get(policy_field)
        {
            body.insert(field.to_string(), value.clone());
        }
    }
    body
}

/// Checks the candidate state holding the changed db:`uid`; the bdb as the reply shows it.
fn validate_and_render(
    state: &ClusterState,
    uid: u32,
    kind: ChangeKind,
) -> Result<Value, Rejection> {
    change::validate(state, uid, kind)?;
    Ok(state
        .bdb(uid)
        .map(|bdb| render::bdb(state, bdb))
        .unwrap_or_default())
}

/// The requested port when it is free on every node, or a free one when none was requested.
fn endpoint_port(state: &ClusterState, requested: u16) -> Result<u16, Rejection> {
    let addresses = state.node_addresses();
    let used = state.used_ports();
    if requested == 0 {
        return ports::choose_free(&addresses, &used).map_err(|error| {
            Rejection::new(
                RejectionKind::InvalidConfiguration,
                "insufficient_resources",
                format!("no free port: {error}"),
            )
        });
    }
    if used.contains(&requested) || !ports::is_free(&addresses, requested) {
        return Err(Rejection::new(
            RejectionKind::Conflict,
            "port_unavailable",
            format!("port {requested} is not available on every node"),
        ));
    }
    Ok(requested)
}

/// Partial update; the answer is the bdb with the `action_uid` of the `SMUpdateBDB` that applies
/// it. UNCONFIRMED: the body of a `dry_run` answer is undocumented; the sandbox returns the bdb
/// as it would be (status unchanged, no `action_uid`) and changes nothing.
pub async fn update(
    State(control): Control,
    Path(uid): Path<String>,
    query: Query,
    headers: HeaderMap,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let uid = parse_uid(&uid)?;
    let body = object_body(&body)?;
    let dry_run = is_dry_run(&query);
    if body.contains_key("shards_blueprint") {
        return super::rebalance::apply_blueprint(&control, uid, &body, &headers, dry_run).await;
    }
    let (before, mut updated) =
        control.modify(!dry_run, |state| update_in(state, uid, &body, dry_run))?;
    if !dry_run {
        let action_uid = control.finish_in_background(PendingChange::Update { before });
        updated["action_uid"] = Value::String(action_uid);
    }
    Ok(Json(updated))
}

fn update_in(
    state: &mut ClusterState,
    uid: u32,
    body: &Map<String, Value>,
    dry_run: bool,
) -> Result<(BdbSnapshot, Value), Rejection> {
    let current = state.bdb(uid).ok_or_else(|| not_found(uid))?;
    if current.status != BdbStatus::Active {
        return Err(busy(current));
    }
    let before = BdbSnapshot::of(state, current);
    let mut updated = change::apply_body(current, body, ChangeKind::Update)?;
    if body.contains_key("proxy_policy") {
        // Applying the policy again binds exactly the proxies it names (cli-grammar.md).
        state.drifted_proxies.remove(&uid);
    }
    if !dry_run {
        updated.status = BdbStatus::ActiveChangePending;
    }
    state.replace_bdb(updated);
    let rendered = validate_and_render(state, uid, ChangeKind::Update)?;
    Ok((before, rendered))
}

pub async fn delete(State(control): Control, Path(uid): Path<String>) -> Result<(), ApiError> {
    let uid = parse_uid(&uid)?;
    let before = control.modify(true, |state| {
        let bdb = state.bdb(uid).ok_or_else(|| not_found(uid))?;
        if bdb.status != BdbStatus::Active && bdb.status != BdbStatus::CreationFailed {
            return Err(busy(bdb));
        }
        let before = BdbSnapshot::of(state, bdb);
        if let Some(bdb) = state.bdb_mut(uid) {
            bdb.status = BdbStatus::DeletePending;
        }
        Ok(before)
    })?;
    // The reference documents no body for DELETE; the action is still tracked.
    control.finish_in_background(PendingChange::Delete { before });
    Ok(())
}
