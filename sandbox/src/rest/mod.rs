//! The Cluster Manager REST API (routes of rest-api.md) over HTTPS with Basic auth.

mod actions;
mod bdbs;
mod cluster;
mod crdbs;
pub mod error;
mod nodes;
mod rebalance;
mod shard_actions;
mod shards;

use crate::control::{ControlPlane, LoggedRequest};
use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use base64::Engine;
use error::ApiError;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

type Control = State<Arc<ControlPlane>>;
type Query = axum::extract::Query<HashMap<String, String>>;

/// Request bodies above this are refused (the API takes small JSON objects).
const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

pub fn router(control: Arc<ControlPlane>) -> Router {
    Router::new()
        .route(
            "/v1/cluster",
            get(cluster::get_cluster).put(cluster::update_cluster),
        )
        .route(
            "/v1/cluster/policy",
            get(cluster::get_policy).put(cluster::update_policy),
        )
        .route(
            "/v1/proxies",
            get(cluster::list_proxies).put(cluster::update_all_proxies),
        )
        .route(
            "/v1/proxies/{uid}",
            get(cluster::get_proxy).put(cluster::update_proxy),
        )
        .route("/v1/nodes", get(nodes::list))
        .route("/v1/nodes/status", get(nodes::status_all))
        .route("/v1/nodes/{uid}/status", get(nodes::status_one))
        .route("/v1/nodes/{uid}", get(nodes::get_one).put(nodes::update))
        .route("/v1/bdbs", get(bdbs::list).post(bdbs::create))
        .route(
            "/v1/bdbs/{uid}",
            get(bdbs::get_one).put(bdbs::update).delete(bdbs::delete),
        )
        .route("/v1/bdbs/{uid}/shards", get(shards::list_of_bdb))
        .route(
            "/v1/bdbs/{uid}/actions/optimize_shards_placement",
            get(rebalance::optimize_shards_placement),
        )
        .route(
            "/v1/bdbs/{uid}/actions/rebalance",
            put(rebalance::rebalance),
        )
        .route(
            "/v1/shards/actions/migrate",
            post(shard_actions::migrate_many),
        )
        .route(
            "/v1/shards/actions/failover",
            post(shard_actions::failover_many),
        )
        .route(
            "/v1/shards/{uid}/actions/migrate",
            post(shard_actions::migrate_one),
        )
        .route(
            "/v1/shards/{uid}/actions/failover",
            post(shard_actions::failover_one),
        )
        .route("/v1/shards", get(shards::list))
        .route("/v1/shards/{uid}", get(shards::get_one))
        .route("/v1/actions", get(actions::list))
        .route("/v1/actions/{uid}", get(actions::get_one))
        .route("/v1/actions/bdb/{uid}", get(actions::of_bdb))
        .merge(crdbs::routes())
        .fallback(not_found)
        .layer(middleware::from_fn(require_json_content_type))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&control),
            inject_unavailable_reads,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&control),
            require_basic_auth,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&control),
            log_request,
        ))
        .with_state(control)
}

/// The REST API as node `node_uid` serves it on its own address: while it is not the master and
/// the cluster's `handle_redirects` is off, every request gets `307 Temporary Redirect` to the
/// same path on the master's internal address (rest-api.md §1.2; observed on real clusters).
pub fn node_router(control: Arc<ControlPlane>, node_uid: u32) -> Router {
    router(Arc::clone(&control)).layer(middleware::from_fn_with_state(
        (control, node_uid),
        redirect_to_master,
    ))
}

async fn redirect_to_master(
    State((control, node_uid)): State<(Arc<ControlPlane>, u32)>,
    request: Request,
    next: Next,
) -> Response {
    let master_addr = control.read(|state| {
        let master = state.master_node()?;
        (master.uid != node_uid && !state.cluster.handle_redirects).then(|| master.addr.clone())
    });
    let Some(master_addr) = master_addr else {
        return next.run(request).await;
    };
    let path = request.uri().path_and_query().map_or_else(
        || request.uri().path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    let location = format!("https://{master_addr}:{}{path}", control.api_port);
    match header::HeaderValue::from_str(&location) {
        Ok(location) => (
            StatusCode::TEMPORARY_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => ApiError::bad_request("unusable request path").into_response(),
    }
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such URI")
}

/// Records method, path with query and body text of every request; the body only of an
/// authenticated one: an unauthenticated body is never read, so it costs no memory.
async fn log_request(State(control): Control, request: Request, next: Next) -> Response {
    let authorized = is_authorized(request.headers(), &control);
    let (parts, body) = request.into_parts();
    let path = parts.uri.path_and_query().map_or_else(
        || parts.uri.path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    if !authorized {
        control.log_request(LoggedRequest {
            method: parts.method.to_string(),
            path,
            body: String::new(),
        });
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return ApiError::bad_request("request body too large or unreadable").into_response();
        }
    };
    control.log_request(LoggedRequest {
        method: parts.method.to_string(),
        path,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    });
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

async fn require_basic_auth(State(control): Control, request: Request, next: Next) -> Response {
    if is_authorized(request.headers(), &control) {
        return next.run(request).await;
    }
    let mut response = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "authentication required: wrong or missing credentials",
    )
    .into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        header::HeaderValue::from_static("Basic realm=\"rsadmin-sandbox\""),
    );
    response
}

fn is_authorized(headers: &HeaderMap, control: &ControlPlane) -> bool {
    let Some(encoded) = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "))
    else {
        return false;
    };
    let Ok(decoded) = base64::engine::general_purpose::STANDARD.decode(encoded.trim()) else {
        return false;
    };
    let expected = format!(
        "{}:{}",
        control.credentials.user, control.credentials.password
    );
    decoded == expected.as_bytes()
}

/// Fault injection (`SandboxHandle::fail_reads_after_next_put`): an authenticated GET answers 503.
async fn inject_unavailable_reads(
    State(control): Control,
    request: Request,
    next: Next,
) -> Response {
    if control.take_unavailable_read(request.method()) {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "service_unavailable",
            "the cluster manager is not available (injected)",
        )
        .into_response();
    }
    next.run(request).await
}

/// Redis Software requires `Content-Type: application/json` on PUT and POST (400 otherwise).
async fn require_json_content_type(request: Request, next: Next) -> Response {
    let needs_json = request.method() == Method::PUT || request.method() == Method::POST;
    let is_json = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    if needs_json && !is_json {
        return ApiError::bad_request("Content-Type must be application/json").into_response();
    }
    next.run(request).await
}

/// A uid from the request path; anything but a number is answered like an unknown one.
fn parse_uid(uid: &str) -> Result<u32, ApiError> {
    uid.parse().map_err(|_| ApiError::db_not_found(uid))
}

/// Parses a PUT/POST body that must be a JSON object (400 otherwise).
fn object_body(body: &str) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(ApiError::bad_request("request body must be a JSON object")),
        Err(error) => Err(ApiError::bad_request(format!("malformed JSON: {error}"))),
    }
}

/// `?dry_run`, `?dry_run=true` and `?dry_run=1` ask for validation only.
fn is_dry_run(query: &HashMap<String, String>) -> bool {
    query
        .get("dry_run")
        .is_some_and(|value| !matches!(value.as_str(), "false" | "0"))
}

/// Applies `?fields=a,b`: keeps only the listed keys of an object.
fn select_fields(object: Value, query: &HashMap<String, String>) -> Value {
    let (Some(fields), Value::Object(map)) = (query.get("fields"), &object) else {
        return object;
    };
    let wanted: Vec<&str> = fields
        .split(',')
        .map(str::trim)
        .filter(|field| !field.is_empty())
        .collect();
    Value::Object(
        map.iter()
            .filter(|(key, _)| wanted.contains(&key.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    )
}
