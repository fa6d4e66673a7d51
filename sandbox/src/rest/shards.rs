//! `/v1/shards`, `/v1/shards/{uid}` and `/v1/bdbs/{uid}/shards`.
//!
//! `extra_info_keys` (repeatable: `?extra_info_keys=a&extra_info_keys=b`) fills `redis_info`
//! with those fields of each shard's `INFO` (integers as integers, others as strings, unknown
//! keys omitted), as the REST reference documents; without it `redis_info` is `{}`.

use std::collections::BTreeMap;

use super::error::ApiError;
use super::{Control, parse_uid};
use crate::control::ControlPlane;
use crate::state::{ClusterState, Shard, render};
use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use serde_json::{Map, Value};

type RedisInfo = BTreeMap<String, Map<String, Value>>;

/// The `extra_info_keys` values of a raw query string, in order, each once.
fn extra_info_keys(query: Option<&str>) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for pair in query.unwrap_or_default().split('&') {
        let Some(("extra_info_keys", value)) = pair.split_once('=') else {
            continue;
        };
        if !value.is_empty() && !keys.iter().any(|key| key == value) {
            keys.push(value.to_string());
        }
    }
    keys
}

async fn redis_info(control: &ControlPlane, query: Option<&str>) -> RedisInfo {
    control.shard_redis_info(&extra_info_keys(query)).await
}

fn render_one(control: &ControlPlane, shard: &Shard, info: &RedisInfo) -> Value {
    let mut value = render::shard(shard, control.shard_is_down(&shard.uid));
    if let (Some(fields), Some(object)) = (info.get(&shard.uid), value.as_object_mut()) {
        object.insert("redis_info".into(), Value::Object(fields.clone()));
    }
    value
}

fn render_all<'a>(
    control: &ControlPlane,
    shards: impl Iterator<Item = &'a Shard>,
    info: &RedisInfo,
) -> Json<Value> {
    Json(Value::Array(
        shards
            .map(|shard| render_one(control, shard, info))
            .collect(),
    ))
}

pub async fn list(State(control): Control, RawQuery(query): RawQuery) -> Json<Value> {
    let info = redis_info(&control, query.as_deref()).await;
    control.read(|state| render_all(&control, state.shards.iter(), &info))
}

pub async fn get_one(
    State(control): Control,
    Path(uid): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let info = redis_info(&control, query.as_deref()).await;
    control
        .read(|state| {
            state
                .shards
                .iter()
                .find(|shard| shard.uid == uid)
                .map(|shard| render_one(&control, shard, &info))
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
    RawQuery(query): RawQuery,
) -> Result<Json<Value>, ApiError> {
    let uid = parse_uid(&uid)?;
    let info = redis_info(&control, query.as_deref()).await;
    control
        .read(|state: &ClusterState| {
            state
                .bdb(uid)
                .map(|_| render_all(&control, state.shards_of(uid), &info))
        })
        .ok_or_else(|| ApiError::db_not_found(uid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_info_keys_repeat_and_ignore_other_parameters() {
        assert_eq!(
            extra_info_keys(Some(
                "extra_info_keys=used_memory&x=1&extra_info_keys=role&extra_info_keys=used_memory"
            )),
            ["used_memory", "role"]
        );
        assert!(extra_info_keys(None).is_empty());
        assert!(extra_info_keys(Some("extra_info_keys=")).is_empty());
    }
}
