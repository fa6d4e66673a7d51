//! Rearranging a database's shards: `GET /v1/bdbs/{uid}/actions/optimize_shards_placement`,
//! `PUT /v1/bdbs/{uid}` with `shards_blueprint` and the `cluster-state-id` header, and
//! `PUT /v1/bdbs/{uid}/actions/rebalance`.
//!
//! Evidence: requests/bdbs/actions/optimize_shards_placement.md (blueprint shape, header, PUT),
//! requests/bdbs/actions/rebalance.md (query parameters, answers); optimize_shards_placement is
//! present on 7.4-8.2 in route_inventory.json, rebalance is listed there.

use super::error::ApiError;
use super::{Control, Query, is_dry_run, parse_uid};
use crate::control::MoveKind;
use crate::state::change::{Rejection, RejectionKind};
use crate::state::moves::{MoveStep, placement_policy, render_blueprint};
use crate::state::{BdbStatus, ClusterState, render};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use std::sync::Arc;

/// The header that ties a blueprint to the cluster state it was computed for.
const CLUSTER_STATE_ID: &str = "cluster-state-id";

fn not_found(uid: u32) -> Rejection {
    Rejection::new(
        RejectionKind::NotFound,
        "db_not_exist",
        format!("database {uid} does not exist"),
    )
}

/// The blueprint of `placement` for db `uid`, and the cluster state id it belongs to.
fn blueprint(
    state: &ClusterState,
    uid: u32,
    requested_placement: Option<&str>,
) -> Result<(Value, u64), Rejection> {
    state.bdb(uid).ok_or_else(|| not_found(uid))?;
    let placement = placement_policy(state, uid, requested_placement)?;
    let ideal = state.ideal_placement(uid, placement);
    Ok((render_blueprint(&ideal), state.cluster_state_id))
}

fn with_state_id(body: Value, cluster_state_id: u64) -> Response {
    let mut response = Json(body).into_response();
    response
        .headers_mut()
        .insert(CLUSTER_STATE_ID, HeaderValue::from(cluster_state_id));
    response
}

/// The moves that take db `uid` to where `shards_placement` wants its shards.
fn steps_to_ideal(state: &ClusterState, uid: u32) -> Result<Vec<MoveStep>, Rejection> {
    let bdb = state.bdb(uid).ok_or_else(|| not_found(uid))?;
    let ideal = state.ideal_placement(uid, bdb.shards_placement);
    state.plan_towards(uid, &ideal)
}

/// The other query parameters (`shards_count`, `memory_size`, ...) are accepted and ignored.
pub async fn optimize_shards_placement(
    State(control): Control,
    Path(uid): Path<String>,
    query: Query,
) -> Result<Response, ApiError> {
    let uid = parse_uid(&uid)?;
    let requested = query.get("shards_placement").map(String::as_str);
    let (body, state_id) = control.read(|state| blueprint(state, uid, requested))?;
    Ok(with_state_id(body, state_id))
}

/// `dry_run`: the blueprint (and its `cluster-state-id`); otherwise `{"action_uid"}`.
/// `only_failovers` keeps the failovers of the plan, at most `max_operations` of them.
pub async fn rebalance(
    State(control): Control,
    Path(uid): Path<String>,
    query: Query,
) -> Result<Response, ApiError> {
    let uid = parse_uid(&uid)?;
    if is_dry_run(&query) {
        let (body, state_id) = control.read(|state| blueprint(state, uid, None))?;
        return Ok(with_state_id(body, state_id));
    }
    let only_failovers = query
        .get("only_failovers")
        .is_some_and(|value| matches!(value.as_str(), "true" | "1"));
    let max_operations = match query.get("max_operations") {
        Some(text) => Some(text.parse::<usize>().map_err(|_| {
            ApiError::bad_request(format!("max_operations must be a number, not {text}"))
        })?),
        None => None,
    };
    let mut steps = control.read(|state| steps_to_ideal(state, uid))?;
    if only_failovers {
        steps.retain(|step| matches!(step, MoveStep::Failover { .. }));
        steps.truncate(max_operations.unwrap_or(usize::MAX));
    }
    let action_uid = control
        .accept_moves(MoveKind::Rebalance, Some(uid), steps, true)?
        .unwrap_or_default();
    Ok(Json(serde_json::json!({ "action_uid": action_uid })).into_response())
}

/// `PUT /v1/bdbs/{uid}` whose body is `{"shards_blueprint": [...]}`: checks the
/// `cluster-state-id` header (when given) and the blueprint, then moves the shards there.
/// Answers the bdb like every PUT, with the moves' `action_uid`.
pub async fn apply_blueprint(
    control: &Arc<crate::control::ControlPlane>,
    uid: u32,
    body: &Map<String, Value>,
    headers: &HeaderMap,
    dry_run: bool,
) -> Result<Json<Value>, ApiError> {
    if body.len() != 1 {
        // CHOSEN: a blueprint rearranges shards only; other fields go in their own PUT.
        return Err(ApiError::bad_request(
            "shards_blueprint cannot be combined with other fields",
        ));
    }
    let expected_state_id = match headers.get(CLUSTER_STATE_ID) {
        Some(value) => Some(
            value
                .to_str()
                .ok()
                .and_then(|text| text.trim().parse::<u64>().ok())
                .ok_or_else(|| ApiError::bad_request("cluster-state-id must be an integer"))?,
        ),
        None => None,
    };
    let steps = control.read(|state| {
        let bdb = state.bdb(uid).ok_or_else(|| not_found(uid))?;
        if bdb.status != BdbStatus::Active {
            return Err(Rejection::new(
                RejectionKind::Conflict,
                "busy",
                format!("db:{uid} is busy: status is {}", bdb.status.as_str()),
            ));
        }
        if expected_state_id.is_some_and(|id| id != state.cluster_state_id) {
            // The code is documented (POST bdb); the status is UNCONFIRMED, 409 CHOSEN.
            return Err(Rejection::new(
                RejectionKind::Conflict,
                "wrong_cluster_state_id",
                "the cluster state changed since the blueprint was made; get a new one",
            ));
        }
        let target = state.parse_blueprint(uid, &body["shards_blueprint"])?;
        state.plan_towards(uid, &target)
    })?;
    let action_uid = control.accept_moves(MoveKind::Rebalance, Some(uid), steps, !dry_run)?;
    let mut answer = control
        .read(|state| state.bdb(uid).map(|bdb| render::bdb(state, bdb)))
        .ok_or_else(|| ApiError::db_not_found(uid))?;
    if let Some(action_uid) = action_uid {
        answer["action_uid"] = Value::String(action_uid);
    }
    Ok(Json(answer))
}
