//! `/v1/cluster`, `/v1/cluster/policy` and `/v1/proxies` (R:requests/cluster/policy.md,
//! R:requests/proxies/_index.md).
//!
//! Both PUTs answer 200 with an empty body ("returns a status code"). A field the object does not
//! have, a read-only `uid`, a wrong JSON type or a value outside the documented set or range is
//! 400 (the reference documents only 400 "bad content" / "failed to set parameters" for them);
//! an unknown proxy is 404.

use super::error::ApiError;
use super::{Control, object_body};
use crate::state::change::{Rejection, RejectionKind};
use crate::state::{ClusterState, render};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};

pub async fn get_cluster(State(control): Control) -> Json<Value> {
    Json(control.read(|state| render::cluster(state, control.api_port)))
}

pub async fn get_policy(State(control): Control) -> Json<Value> {
    Json(control.read(render::cluster_policy))
}

const PROXY_POLICIES: &[&str] = &["single", "all-master-shards", "all-nodes"];

/// Policy fields with a documented set of values (R:objects/cluster_settings.md).
const POLICY_CHOICES: &[(&str, &[&str])] = &[
    ("default_sharded_proxy_policy", PROXY_POLICIES),
    ("default_non_sharded_proxy_policy", PROXY_POLICIES),
    ("default_shards_placement", &["dense", "sparse"]),
    (
        "oss_cluster_api_preferred_ip_type",
        &["internal", "external"],
    ),
    (
        "oss_cluster_api_preferred_endpoint_type",
        &["ip", "hostname"],
    ),
    ("redis_upgrade_policy", &["major", "latest"]),
];

/// Proxy fields with a documented range (RL/tune.md `tune proxy`).
const PROXY_RANGES: &[(&str, i64, i64)] = &[
    ("threads", 1, 255),
    ("max_threads", 1, 255),
    ("threads_usage_threshold", 50, 99),
    ("duration_usage_threshold", 10, 300),
];

fn bad_content(description: String) -> Rejection {
    Rejection::new(RejectionKind::BadRequest, "invalid_schema", description)
}

/// Checks `changes` against the `current` object: known, writable, same JSON type, allowed value.
fn checked_changes(
    current: &Value,
    changes: &Map<String, Value>,
    choices: &[(&str, &[&str])],
    ranges: &[(&str, i64, i64)],
) -> Result<(), Rejection> {
    for (key, value) in changes {
        let Some(existing) = current.get(key).filter(|_| key != "uid") else {
            return Err(bad_content(format!("field '{key}' cannot be set")));
        };
        if std::mem::discriminant(existing) != std::mem::discriminant(value)
            || (existing.is_i64() && !value.is_i64())
        {
            return Err(bad_content(format!(
                "field '{key}' has the wrong type: {value}"
            )));
        }
        if let Some((_, allowed)) = choices.iter().find(|(field, _)| field == key)
            && !value.as_str().is_some_and(|text| allowed.contains(&text))
        {
            return Err(bad_content(format!(
                "invalid value {value} for '{key}': expected one of {}",
                allowed.join(", ")
            )));
        }
        if let Some((_, min, max)) = ranges.iter().find(|(field, _, _)| field == key)
            && !value
                .as_i64()
                .is_some_and(|number| (*min..=*max).contains(&number))
        {
            return Err(bad_content(format!(
                "invalid value {value} for '{key}': expected {min}-{max}"
            )));
        }
    }
    Ok(())
}

pub async fn update_policy(State(control): Control, body: String) -> Result<(), ApiError> {
    let body = object_body(&body)?;
    control.modify(true, |state| {
        checked_changes(&render::cluster_policy(state), &body, POLICY_CHOICES, &[])?;
        state.cluster_policy.extend(body);
        Ok(())
    })?;
    Ok(())
}

pub async fn list_proxies(State(control): Control) -> Json<Value> {
    Json(control.read(|state| {
        Value::Array(
            state
                .nodes
                .iter()
                .map(|node| render::proxy(state, node))
                .collect(),
        )
    }))
}

fn proxy_not_found(uid: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "proxy_not_found",
        format!("proxy {uid} does not exist"),
    )
}

pub async fn get_proxy(
    State(control): Control,
    Path(uid): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let proxy_uid: u32 = uid.parse().map_err(|_| proxy_not_found(&uid))?;
    control
        .read(|state| state.node(proxy_uid).map(|node| render::proxy(state, node)))
        .map(Json)
        .ok_or_else(|| proxy_not_found(&uid))
}

/// The `proxy` object of a PUT body (`{"allow_restart": bool, "proxy": {...}}`).
fn proxy_changes(body: &str) -> Result<Map<String, Value>, ApiError> {
    let mut body = object_body(body)?;
    if let Some(allow_restart) = body.remove("allow_restart")
        && !allow_restart.is_boolean()
    {
        return Err(ApiError::bad_request("allow_restart must be a boolean"));
    }
    let proxy = match body.remove("proxy") {
        Some(Value::Object(proxy)) => proxy,
        _ => return Err(ApiError::bad_request("the body needs a `proxy` object")),
    };
    if let Some(key) = body.keys().next() {
        return Err(ApiError::bad_request(format!("unknown field '{key}'")));
    }
    Ok(proxy)
}

/// Applies `changes` to the proxies `uids` (every one must exist), all or nothing.
fn update_proxies(
    state: &mut ClusterState,
    uids: &[u32],
    changes: &Map<String, Value>,
) -> Result<(), Rejection> {
    for uid in uids {
        let node = state.node(*uid).ok_or_else(|| {
            Rejection::new(
                RejectionKind::NotFound,
                "proxy_not_found",
                format!("proxy {uid} does not exist"),
            )
        })?;
        checked_changes(&render::proxy(state, node), changes, &[], PROXY_RANGES)?;
    }
    for uid in uids {
        state
            .proxy_settings
            .entry(*uid)
            .or_default()
            .extend(changes.clone());
    }
    Ok(())
}

pub async fn update_proxy(
    State(control): Control,
    Path(uid): Path<String>,
    body: String,
) -> Result<(), ApiError> {
    let proxy_uid: u32 = uid.parse().map_err(|_| proxy_not_found(&uid))?;
    let changes = proxy_changes(&body)?;
    control.modify(true, |state| update_proxies(state, &[proxy_uid], &changes))?;
    Ok(())
}

pub async fn update_all_proxies(State(control): Control, body: String) -> Result<(), ApiError> {
    let changes = proxy_changes(&body)?;
    control.modify(true, |state| {
        let uids: Vec<u32> = state.nodes.iter().map(|node| node.uid).collect();
        update_proxies(state, &uids, &changes)
    })?;
    Ok(())
}
