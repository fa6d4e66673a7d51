//! `/v1/cluster`, `/v1/cluster/policy` and `/v1/proxies`.

use super::Control;
use crate::state::render;
use axum::Json;
use axum::extract::State;
use serde_json::Value;

pub async fn get_cluster(State(control): Control) -> Json<Value> {
    Json(control.read(|state| render::cluster(state, control.api_port)))
}

pub async fn get_policy() -> Json<Value> {
    Json(render::cluster_policy())
}

pub async fn list_proxies(State(control): Control) -> Json<Value> {
    Json(control.read(|state| Value::Array(state.nodes.iter().map(render::proxy).collect())))
}
