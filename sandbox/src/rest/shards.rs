//! `/v1/shards`, `/v1/shards/{uid}` and `/v1/bdbs/{uid}/shards`.

use super::Control;
use super::bdbs::parse_uid;
use super::error::ApiError;
use crate::control::ControlPlane;
use crate::state::{ClusterState, Shard, render};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::Value;

fn render_one(control: &ControlPlane, shard: &Shard) -> Value {
    render::shard(shard, control.shard_is_down(&shard.uid))
}

fn render_all<'a>(control: &ControlPlane, shards: impl Iterator<Item = &'a Shard>) -> Json<Value> {
    Json(Value::Array(
        shards.map(|shard| render_one(control, shard)).collect(),
    ))
}

pub async fn list(State(control): Control) -> Json<Value> {
    control.read(|state| render_all(&control, state.shards.iter()))
}

pub async fn get_one(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    control
        .read(|state| {
            state
                .shards
                .iter()
                .find(|shard| shard.uid == uid)
                .map(|shard| render_one(&control, shard))
        })
        .map(Json)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "shard_not_exist",
                format!("shard {uid} does not exist"),
            )
        })
}

pub async fn list_of_bdb(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let uid = parse_uid(&uid)?;
    control
        .read(|state: &ClusterState| {
            state
                .bdb(uid)
                .map(|_| render_all(&control, state.shards_of(uid)))
        })
        .ok_or_else(|| ApiError::db_not_found(uid))
}
