//! `/v1/nodes`, `/v1/nodes/{uid}` (GET, and PUT of `external_addr`).

use super::error::ApiError;
use super::{Control, object_body};
use crate::state::change::{Rejection, RejectionKind};
use crate::state::render;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};
use std::net::Ipv4Addr;

fn node_not_found(uid: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "node_not_found",
        format!("node {uid} does not exist"),
    )
}

pub async fn list(State(control): Control) -> Json<Value> {
    Json(control.read(|state| {
        Value::Array(
            state
                .nodes
                .iter()
                .map(|node| render::node(state, node))
                .collect(),
        )
    }))
}

pub async fn get_one(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let node_uid: u32 = uid.parse().map_err(|_| node_not_found(&uid))?;
    control
        .read(|state| state.node(node_uid).map(|node| render::node(state, node)))
        .map(Json)
        .ok_or_else(|| node_not_found(&uid))
}

/// `external_addr` and the limits in [`NODE_LIMITS`] can change in the sandbox; `addr` needs an
/// offline node (406 `node_not_offline`, as documented), anything else is refused with 400.
/// Empty 200 body.
pub async fn update(
    State(control): Control,
    Path(uid): Path<String>,
    body: String,
) -> Result<(), ApiError> {
    let node_uid: u32 = uid.parse().map_err(|_| node_not_found(&uid))?;
    let body = object_body(&body)?;
    let external_addr = parse_external_addr(&body)?;
    let limits = parse_limits(&body)?;
    control.modify(true, |state| {
        let node = state
            .nodes
            .iter_mut()
            .find(|node| node.uid == node_uid)
            .ok_or_else(|| {
                Rejection::new(
                    RejectionKind::NotFound,
                    "node_not_found",
                    format!("node {node_uid} does not exist"),
                )
            })?;
        if let Some(external_addr) = external_addr {
            node.external_addr = external_addr;
        }
        node.limits.extend(limits);
        Ok(())
    })?;
    control.reconcile_in_background();
    Ok(())
}

/// Node limits a PUT may change (rest-api.md §4) and their lowest value (-1: the cluster's setting).
const NODE_LIMITS: [(&str, i64); 4] = [
    ("max_listeners", 0),
    ("max_redis_forks", -1),
    ("max_redis_servers", 0),
    ("max_slave_full_syncs", -1),
];

fn parse_limits(body: &Map<String, Value>) -> Result<Map<String, Value>, ApiError> {
    NODE_LIMITS
        .iter()
        .filter_map(|(key, min)| Some((*key, *min, body.get(*key)?)))
        .map(|(key, min, value)| match value.as_i64() {
            Some(number) if number >= min => Ok((key.to_string(), value.clone())),
            _ => Err(ApiError::bad_request(format!(
                "{key} must be an integer >= {min}, got {value}"
            ))),
        })
        .collect()
}

fn parse_external_addr(body: &Map<String, Value>) -> Result<Option<Vec<String>>, ApiError> {
    for key in body.keys() {
        match key.as_str() {
            "external_addr" => {}
            key if NODE_LIMITS.iter().any(|(limit, _)| *limit == key) => {}
            "addr" => {
                return Err(ApiError::new(
                    StatusCode::NOT_ACCEPTABLE,
                    "node_not_offline",
                    "addr can only change while the node is offline",
                ));
            }
            other => {
                return Err(ApiError::bad_request(format!(
                    "field '{other}' cannot be changed in the sandbox"
                )));
            }
        }
    }
    let Some(value) = body.get("external_addr") else {
        return Ok(None);
    };
    let addresses: Vec<String> = serde_json::from_value(value.clone()).map_err(|_| {
        ApiError::bad_request(format!(
            "external_addr must be an array of IP strings, got {value}"
        ))
    })?;
    if let Some(bad) = addresses
        .iter()
        .find(|address| address.parse::<Ipv4Addr>().is_err())
    {
        return Err(ApiError::bad_request(format!(
            "external_addr: '{bad}' is not an IPv4 address"
        )));
    }
    Ok(Some(addresses))
}
