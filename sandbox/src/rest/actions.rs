//! `GET /v1/actions`, `/v1/actions/{uid}` and `/v1/actions/bdb/{uid}` (rest-api.md §3.6): read
//! the action registry that background changes report to.

use super::error::ApiError;
use super::{Control, parse_uid};
use crate::actions::bdb_object_name;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::Value;

pub async fn list(State(control): Control) -> Json<Value> {
    Json(control.actions.list())
}

/// 404 `action_not_found` for an unknown action and for one that ended long enough ago.
pub async fn get_one(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    control.actions.get(&uid).map(Json).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "action_not_found",
            format!("action {uid} does not exist (not running and no status of its last run)"),
        )
    })
}

/// The state machines of one database, a bare array; 404 when the database does not exist.
pub async fn of_bdb(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let uid = parse_uid(&uid)?;
    if control.read(|state| state.bdb(uid).is_none()) {
        return Err(ApiError::db_not_found(uid));
    }
    Ok(Json(Value::Array(
        control.actions.of_object(&bdb_object_name(uid)),
    )))
}
