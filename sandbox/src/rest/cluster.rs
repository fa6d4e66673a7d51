//! `/v1/cluster`, `/v1/cluster/policy` and `/v1/proxies`.

use super::error::ApiError;
use super::{Control, object_body};
use crate::state::render;
use axum::Json;
use axum::extract::State;
use serde_json::Value;

pub async fn get_cluster(State(control): Control) -> Json<Value> {
    Json(control.read(|state| render::cluster(state, control.api_port)))
}

/// Only `handle_redirects` can change in the sandbox; any other field is refused with 400.
pub async fn update_cluster(
    State(control): Control,
    body: String,
) -> Result<Json<Value>, ApiError> {
    let body = object_body(&body)?;
    let mut handle_redirects = None;
    for (key, value) in &body {
        match (key.as_str(), value) {
            ("handle_redirects", Value::Bool(enabled)) => handle_redirects = Some(*enabled),
            ("handle_redirects", other) => {
                return Err(ApiError::bad_request(format!(
                    "field 'handle_redirects' must be a boolean, got {other}"
                )));
            }
            (other, _) => {
                return Err(ApiError::bad_request(format!(
                    "field '{other}' cannot be changed in the sandbox"
                )));
            }
        }
    }
    control.modify(true, |state| {
        if let Some(enabled) = handle_redirects {
            state.cluster.handle_redirects = enabled;
        }
        Ok(())
    })?;
    Ok(Json(
        control.read(|state| render::cluster(state, control.api_port)),
    ))
}

pub async fn get_policy() -> Json<Value> {
    Json(render::cluster_policy())
}

pub async fn list_proxies(State(control): Control) -> Json<Value> {
    Json(control.read(|state| Value::Array(state.nodes.iter().map(render::proxy).collect())))
}
