//! REST wire objects: the typed state over the captured defaults (`defaults/*.json`, taken from
//! `tests/fixtures/captured/` with the modelled keys removed), so every key a real cluster sends
//! is present with the same JSON type.

use super::{Bdb, ClusterState, Node, Shard, now_rfc3339};
use serde_json::{Map, Value, json};
use std::sync::LazyLock;

fn parse_defaults(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => map,
        // The files are compiled in and checked by the unit test below.
        _ => Map::new(),
    }
}

static BDB_DEFAULTS: LazyLock<Map<String, Value>> =
    LazyLock::new(|| parse_defaults(include_str!("defaults/bdb.json")));
static NODE_DEFAULTS: LazyLock<Map<String, Value>> =
    LazyLock::new(|| parse_defaults(include_str!("defaults/node.json")));
static PROXY_DEFAULTS: LazyLock<Map<String, Value>> =
    LazyLock::new(|| parse_defaults(include_str!("defaults/proxy.json")));
static CLUSTER_DEFAULTS: LazyLock<Map<String, Value>> =
    LazyLock::new(|| parse_defaults(include_str!("defaults/cluster.json")));

/// A healthy shard as seen by the cluster manager.
static SHARD_DEFAULTS: LazyLock<Map<String, Value>> = LazyLock::new(|| {
    parse_defaults(
        r#"{"detailed_status": "ok", "loading": {"status": "idle"}, "redis_info": {}, "status": "active"}"#,
    )
});

/// Default values of the bdb fields the sandbox stores but does not act on.
pub fn bdb_defaults() -> &'static Map<String, Value> {
    &BDB_DEFAULTS
}

fn overlay(defaults: &Map<String, Value>, typed: Value) -> Map<String, Value> {
    let mut object = defaults.clone();
    if let Value::Object(fields) = typed {
        object.extend(fields);
    }
    object
}

fn to_value(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

pub fn bdb(state: &ClusterState, bdb: &Bdb) -> Value {
    let mut object = overlay(&BDB_DEFAULTS, to_value(bdb));
    let shard_list: Vec<u64> = state
        .shards_of(bdb.uid)
        .filter_map(|shard| shard.uid.parse().ok())
        .collect();
    object.insert("shard_list".into(), json!(shard_list));
    Value::Object(object)
}

pub fn node(state: &ClusterState, node: &Node) -> Value {
    let mut object = overlay(&NODE_DEFAULTS, to_value(node));
    let node_uid = node.uid.to_string();
    let shard_list: Vec<u64> = state
        .shards
        .iter()
        .filter(|shard| shard.node_uid == node_uid)
        .filter_map(|shard| shard.uid.parse().ok())
        .collect();
    object.insert("shard_count".into(), json!(shard_list.len()));
    object.insert("ram_shard_count".into(), json!(shard_list.len()));
    object.insert("shard_list".into(), json!(shard_list));
    Value::Object(object)
}

/// One proxy per node; proxy uid = node uid.
/// A proxy (one per node, uid = node uid) with the fields changed through `PUT /v1/proxies`.
pub fn proxy(state: &ClusterState, node: &Node) -> Value {
    let mut object = overlay(&PROXY_DEFAULTS, json!({ "uid": node.uid }));
    if let Some(changed) = state.proxy_settings.get(&node.uid) {
        object.extend(changed.clone());
    }
    Value::Object(object)
}

/// `down`: its redis-server died and the restart does not answer yet. INFERRED: the shard stays
/// `status: active` (its place in the database) with `detailed_status: down` (its process).
pub fn shard(shard: &Shard, down: bool) -> Value {
    let mut object = overlay(&SHARD_DEFAULTS, to_value(shard));
    if down {
        object.insert("detailed_status".into(), json!("down"));
    }
    object.insert("report_timestamp".into(), json!(now_rfc3339()));
    Value::Object(object)
}

pub fn cluster(state: &ClusterState, api_port: u16) -> Value {
    let typed = json!({
        "name": state.cluster.name,
        "created_time": state.cluster.created_time,
        "cnm_https_port": api_port,
    });
    Value::Object(overlay(&CLUSTER_DEFAULTS, typed))
}

/// `GET /v1/cluster/policy`: the defaults new databases get (rest-api.md §8.2), with the fields
/// changed through `PUT /v1/cluster/policy`.
pub fn cluster_policy(state: &ClusterState) -> Value {
    let mut policy = default_cluster_policy();
    if let Value::Object(fields) = &mut policy {
        fields.extend(state.cluster_policy.clone());
    }
    policy
}

/// CONFLICT in the docs on `default_sharded_proxy_policy`; the sandbox follows the policy
/// example and rladmin (`single`), which is also what new sandbox databases get.
fn default_cluster_policy() -> Value {
    json!({
        "default_non_sharded_proxy_policy": "single",
        "default_sharded_proxy_policy": "single",
        "default_shards_placement": "dense",
        "default_oss_cluster": false,
        "default_oss_sharding": false,
        "oss_cluster_api_preferred_ip_type": "internal",
        "oss_cluster_api_preferred_endpoint_type": "ip",
        "default_provisioned_redis_version": "7.0",
        "redis_upgrade_policy": "major",
        "rack_aware": false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_files_are_json_objects() {
        for defaults in [
            &*BDB_DEFAULTS,
            &*NODE_DEFAULTS,
            &*PROXY_DEFAULTS,
            &*CLUSTER_DEFAULTS,
        ] {
            assert!(defaults.len() > 10, "defaults file did not parse");
        }
    }
}
