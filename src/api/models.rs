//! Typed models of the Redis Software REST objects rsadmin reads, written from rest-api.md and
//! checked against the real captures in `tests/fixtures/captured/`.
//!
//! Tolerance rules: unknown fields are ignored (a newer cluster adds keys), and every field except
//! the identity fields may be absent (`GET /v1/bdbs?fields=uid,name` returns only those keys), so
//! settings are `Option`s or default to empty collections. Wire types are exact: bdb and node uids
//! are integers, endpoint, shard and shard-node uids are strings.

use std::borrow::Cow;

use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A database (`GET /v1/bdbs/{uid}`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Bdb {
    pub uid: u64,
    pub name: String,
    #[serde(rename = "type")]
    pub db_type: Option<String>,
    pub status: Option<String>,
    pub version: Option<String>,
    pub redis_version: Option<String>,
    pub memory_size: Option<u64>,
    /// Reads 0 when the port was auto-assigned; the real port is in `endpoints[].port`.
    pub port: Option<u64>,
    pub replication: Option<bool>,
    pub sharding: Option<bool>,
    pub shards_count: Option<u64>,
    pub shard_list: Vec<u64>,
    pub shard_key_regex: Vec<ShardKeyRegex>,
    pub hash_slots_policy: Option<String>,
    pub implicit_shard_key: Option<bool>,
    pub oss_sharding: Option<bool>,
    pub oss_cluster: Option<bool>,
    pub oss_cluster_api_preferred_ip_type: Option<String>,
    pub oss_cluster_api_preferred_endpoint_type: Option<String>,
    pub proxy_policy: Option<String>,
    pub shards_placement: Option<String>,
    pub endpoints: Vec<Endpoint>,
    pub crdt: Option<bool>,
    pub crdt_guid: Option<String>,
    pub crdt_sync: Option<String>,
    pub replica_sources: Vec<serde_json::Value>,
    pub replica_sync: Option<String>,
    pub data_persistence: Option<String>,
    pub eviction_policy: Option<String>,
    pub tls_mode: Option<String>,
    pub ssl: Option<bool>,
    pub module_list: Vec<Module>,
    pub mkms: Option<bool>,
    pub conns: Option<i64>,
    pub conns_type: Option<String>,
    pub sched_policy: Option<String>,
    pub max_connections: Option<i64>,
    pub maxclients: Option<i64>,
    pub max_client_pipeline: Option<i64>,
    pub max_pipelined: Option<i64>,
    pub resp3: Option<bool>,
    pub slave_ha: Option<bool>,
    pub master_persistence: Option<bool>,
    pub syncer_mode: Option<String>,
    pub action_uid: Option<String>,
}

/// One hashing rule of `shard_key_regex`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct ShardKeyRegex {
    pub regex: String,
}

/// An entry of `bdb.endpoints`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Endpoint {
    /// `"<bdb_uid>:<n>"`, a string on the wire.
    pub uid: String,
    pub dns_name: Option<String>,
    pub port: Option<u64>,
    /// IPs of the nodes whose proxies are bound to this endpoint.
    pub addr: Vec<String>,
    pub addr_type: Option<String>,
    pub proxy_policy: Option<String>,
    /// Absent when unused; proxy uids, integers or numeric strings (the reference leaves the
    /// element type open; no capture shows one).
    #[serde(deserialize_with = "proxy_uids")]
    pub exclude_proxies: Option<Vec<u64>>,
    #[serde(deserialize_with = "proxy_uids")]
    pub include_proxies: Option<Vec<u64>>,
    pub oss_cluster_api_preferred_ip_type: Option<String>,
    pub oss_cluster_api_preferred_endpoint_type: Option<String>,
}

/// A proxy uid list whose elements are integers or strings holding one; `null` reads as absent.
fn proxy_uids<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<u64>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum ProxyUid {
        Number(u64),
        Text(String),
    }
    let Some(uids) = Option::<Vec<ProxyUid>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    uids.into_iter()
        .map(|uid| match uid {
            ProxyUid::Number(uid) => Ok(uid),
            ProxyUid::Text(text) => text.trim().parse().map_err(|_| {
                serde::de::Error::custom(format!("proxy uid {text:?} is not a number"))
            }),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// An entry of `bdb.module_list`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Module {
    pub module_name: String,
    pub module_id: Option<String>,
    pub module_args: Option<String>,
    pub semantic_version: Option<String>,
}

/// A cluster node (`GET /v1/nodes`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Node {
    pub uid: u64,
    /// Internal address.
    pub addr: String,
    pub external_addr: Vec<String>,
    pub status: Option<String>,
    pub accept_servers: Option<bool>,
    pub shard_count: Option<u64>,
    pub shard_list: Vec<u64>,
    pub max_listeners: Option<u64>,
    pub max_redis_servers: Option<u64>,
    pub rack_id: Option<String>,
    pub software_version: Option<String>,
    pub total_memory: Option<u64>,
    pub cores: Option<u64>,
    pub uptime: Option<u64>,
    pub recovery_path: Option<String>,
}

/// One node's entry of `GET /v1/nodes/status` (keyed by node uid): host name, role and memory.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct NodeStatus {
    pub hostname: Option<String>,
    /// `master` or `slave`: which node is the cluster master.
    pub role: Option<String>,
    pub free_ram: Option<u64>,
    pub total_memory: Option<u64>,
    pub free_provisional_ram: Option<u64>,
    pub total_provisional_ram: Option<u64>,
}

/// A shard (`GET /v1/shards`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Shard {
    pub uid: String,
    pub bdb_uid: u64,
    pub node_uid: String,
    pub role: Option<String>,
    pub assigned_slots: Option<String>,
    pub status: Option<String>,
    pub detailed_status: Option<String>,
    /// Fields of the shard's redis `INFO` named by `?extra_info_keys=` (`{}` without it).
    pub redis_info: RedisInfo,
}

/// A shard as `status` reads it: [`Shard`]'s fields with the strings borrowed from the answer's
/// bytes (at 60,000 shards one allocation per string was most of the time spent reading them).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ShardSummary<'a> {
    #[serde(borrow)]
    pub uid: Text<'a>,
    pub bdb_uid: u64,
    #[serde(borrow)]
    pub node_uid: Text<'a>,
    #[serde(borrow)]
    pub role: Option<Text<'a>>,
    #[serde(borrow)]
    pub assigned_slots: Option<Text<'a>>,
    #[serde(borrow)]
    pub status: Option<Text<'a>>,
    #[serde(borrow)]
    pub detailed_status: Option<Text<'a>>,
    /// Fields of the shard's redis `INFO` named by `?extra_info_keys=` (`{}` without it).
    pub redis_info: RedisInfo,
}

impl ShardSummary<'_> {
    /// `redis_info.used_memory` in bytes, when the cluster sent it as an integer.
    pub fn used_memory(&self) -> Option<u64> {
        self.redis_info.used_memory
    }
}

/// A JSON string borrowed from the bytes it was read from, or owned where it had escapes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text<'a>(Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text(Cow::Borrowed(text))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_string())))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// What rsadmin reads of a shard's `redis_info`: `used_memory`, when it is an integer. Any other
/// shape (a string, `null`, an object without it) reads as absent instead of failing the request.
/// Typed rather than kept as a JSON map: at 60,000 shards one map per shard costs ~40 MB.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RedisInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_memory: Option<u64>,
}

impl<'de> Deserialize<'de> for RedisInfo {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RedisInfoVisitor)
    }
}

struct RedisInfoVisitor;

impl RedisInfoVisitor {
    fn absent<E>(self) -> Result<RedisInfo, E> {
        Ok(RedisInfo::default())
    }
}

impl<'de> Visitor<'de> for RedisInfoVisitor {
    type Value = RedisInfo;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a shard's redis_info")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RedisInfo, A::Error> {
        let mut info = RedisInfo::default();
        while let Some(InfoKey(is_used_memory)) = map.next_key()? {
            if is_used_memory {
                info.used_memory = map.next_value::<serde_json::Value>()?.as_u64();
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(info)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RedisInfo, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        self.absent()
    }

    fn visit_unit<E>(self) -> Result<RedisInfo, E> {
        self.absent()
    }

    fn visit_bool<E>(self, _: bool) -> Result<RedisInfo, E> {
        self.absent()
    }

    fn visit_i64<E>(self, _: i64) -> Result<RedisInfo, E> {
        self.absent()
    }

    fn visit_u64<E>(self, _: u64) -> Result<RedisInfo, E> {
        self.absent()
    }

    fn visit_f64<E>(self, _: f64) -> Result<RedisInfo, E> {
        self.absent()
    }

    fn visit_str<E>(self, _: &str) -> Result<RedisInfo, E> {
        self.absent()
    }
}

/// A `redis_info` key: whether it is `used_memory` (compared in place, not copied).
struct InfoKey(bool);

impl<'de> Deserialize<'de> for InfoKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = InfoKey;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a key")
            }

            fn visit_str<E>(self, key: &str) -> Result<InfoKey, E> {
                Ok(InfoKey(key == "used_memory"))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// One slot range of a shards blueprint (`GET /v1/bdbs/{uid}/actions/optimize_shards_placement`,
/// and `shards_blueprint` of `PUT /v1/bdbs/{uid}`): where its master and replica should be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct BlueprintEntry {
    pub nodes: Vec<BlueprintNode>,
    pub slot_range: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct BlueprintNode {
    /// A string on the wire, like `shard.node_uid`.
    pub node_uid: String,
    pub role: String,
}

/// The answer to a shard action (`POST /v1/shards/actions/migrate|failover`):
/// `{"action_uid": "...", "description": "Migrate was triggered"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ActionStarted {
    pub action_uid: Option<String>,
    pub description: Option<String>,
}

/// The cluster object (`GET /v1/cluster`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Cluster {
    pub name: String,
    pub created_time: Option<String>,
    pub rack_aware: Option<bool>,
    pub http_support: Option<bool>,
    pub handle_redirects: Option<bool>,
    pub cm_port: Option<u64>,
    pub cnm_http_port: Option<u64>,
    pub cnm_https_port: Option<u64>,
    pub cm_session_timeout_minutes: Option<u64>,
    pub bigstore_driver: Option<String>,
    pub upgrade_mode: Option<bool>,
}

/// A proxy (`GET /v1/proxies`); one per node.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Proxy {
    pub uid: u64,
    pub threads: Option<u64>,
    pub max_threads: Option<u64>,
    pub max_listeners: Option<u64>,
    pub conns: Option<u64>,
}

/// Error body: `{"error_code", "description"}`; older pages document `message` instead.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ApiErrorBody {
    pub error_code: Option<String>,
    pub description: Option<String>,
    pub message: Option<String>,
}

impl ApiErrorBody {
    /// The human text of the error: `description`, else `message`.
    pub fn text(&self) -> Option<&str> {
        self.description.as_deref().or(self.message.as_deref())
    }
}

/// The cluster's version as the lowest `software_version` of its nodes (a cluster mid-upgrade
/// behaves as its oldest node).
pub fn cluster_version(nodes: &[Node]) -> Option<&str> {
    nodes
        .iter()
        .filter_map(|node| node.software_version.as_deref())
        .min_by(|a, b| compare_versions(a, b))
}

fn compare_versions(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> {
        v.split(['.', '-'])
            .map(|part| part.parse().unwrap_or(0))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::{fixture, fixtures_dir};

    #[test]
    fn bdb_fixture_deserializes_with_exact_types() {
        let bdb: Bdb = serde_json::from_str(&fixture("bdb_single.json")).unwrap();
        assert_eq!(bdb.uid, 1);
        assert_eq!(bdb.name, "default-db");
        assert_eq!(bdb.port, Some(0));
        assert_eq!(bdb.oss_cluster, Some(false));
        assert_eq!(bdb.proxy_policy.as_deref(), Some("single"));
        assert_eq!(bdb.shards_placement.as_deref(), Some("dense"));
        assert_eq!(bdb.hash_slots_policy.as_deref(), Some("16k"));
        assert!(bdb.shard_key_regex.is_empty());
        assert_eq!(bdb.module_list.len(), 4);
        let endpoint = &bdb.endpoints[0];
        assert_eq!(endpoint.uid, "1:1");
        assert_eq!(endpoint.port, Some(14968));
        assert_eq!(endpoint.addr, vec!["192.168.16.2".to_string()]);
        assert_eq!(endpoint.include_proxies, None);
    }

    #[test]
    fn nodes_fixture_deserializes() {
        let nodes: Vec<Node> = serde_json::from_str(&fixture("nodes_list.json")).unwrap();
        assert_eq!(nodes.len(), 1);
        assert_eq!(nodes[0].uid, 1);
        assert_eq!(nodes[0].addr, "192.168.16.2");
        assert!(nodes[0].external_addr.is_empty());
        assert_eq!(cluster_version(&nodes), Some("100.0.21-16135"));
    }

    #[test]
    fn shards_fixture_deserializes() {
        let shards: Vec<Shard> = serde_json::from_str(&fixture("shards_list.json")).unwrap();
        assert_eq!(shards[0].uid, "1");
        assert_eq!(shards[0].node_uid, "1");
        assert_eq!(shards[0].bdb_uid, 1);
        assert_eq!(shards[0].assigned_slots.as_deref(), Some("0-16383"));
    }

    #[test]
    fn cluster_and_proxies_fixtures_deserialize() {
        let cluster: Cluster = serde_json::from_str(&fixture("cluster_trimmed.json")).unwrap();
        assert_eq!(cluster.name, "docker-cluster");
        assert_eq!(cluster.cnm_https_port, Some(9443));
        let proxies: Vec<Proxy> = serde_json::from_str(&fixture("proxies_list.json")).unwrap();
        assert_eq!(proxies[0].uid, 1);
    }

    #[test]
    fn every_fixture_file_deserializes() {
        let entries = std::fs::read_dir(fixtures_dir()).unwrap();
        let mut seen = 0;
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".json") {
                continue;
            }
            let text = fixture(&name);
            let parsed = match name.as_str() {
                "bdb_single.json" => serde_json::from_str::<Bdb>(&text).map(drop),
                "nodes_list.json" => serde_json::from_str::<Vec<Node>>(&text).map(drop),
                "shards_list.json" => serde_json::from_str::<Vec<Shard>>(&text).map(drop),
                "proxies_list.json" => serde_json::from_str::<Vec<Proxy>>(&text).map(drop),
                "cluster_trimmed.json" => serde_json::from_str::<Cluster>(&text).map(drop),
                "bdbs_list.json" => serde_json::from_str::<Vec<Bdb>>(&text).map(drop),
                "node_single.json" => serde_json::from_str::<Node>(&text).map(drop),
                "actions_list.json" => {
                    serde_json::from_str::<crate::api::actions::ActionList>(&text).map(drop)
                }
                "crdbs_list.json" => {
                    crate::api::crdb::parse_crdb_list(&text).expect(&name);
                    Ok(())
                }
                // Evidence about routes, not an answer to one request (see tests/cli/routes.rs).
                "route_inventory.json" => continue,
                other => panic!("fixture {other} has no model mapping; add one"),
            };
            parsed.unwrap_or_else(|err| panic!("{name}: {err}"));
            seen += 1;
        }
        assert!(seen >= 9);
    }

    #[test]
    fn redis_info_keeps_an_integer_used_memory_and_reads_any_other_shape_as_absent() {
        let used = |json: &str| {
            let shard = format!(r#"{{"uid": "1", "redis_info": {json}}}"#);
            serde_json::from_str::<ShardSummary>(&shard)
                .unwrap()
                .used_memory()
        };
        assert_eq!(
            used(r#"{"used_memory": 2506096, "x": [1, {"y": 2}]}"#),
            Some(2506096)
        );
        assert_eq!(used(r#"{"used\u005fmemory": 7}"#), Some(7));
        for other in [
            r#"{}"#,
            r#"{"used_memory": "2.39M"}"#,
            r#"{"used_memory": 2.5}"#,
            r#"{"used_memory": -1}"#,
            r#"{"used_memory": null}"#,
            "null",
            "[1, 2]",
            r#""text""#,
            "true",
            "3",
        ] {
            assert_eq!(used(other), None, "{other}");
        }
    }

    #[test]
    fn proxy_lists_read_integers_or_strings() {
        let endpoint: Endpoint = serde_json::from_str(
            r#"{"uid": "1:1", "include_proxies": [1, "2"], "exclude_proxies": null, "new_field": {}}"#,
        )
        .unwrap();
        assert_eq!(endpoint.include_proxies, Some(vec![1, 2]));
        assert_eq!(endpoint.exclude_proxies, None);
        assert!(serde_json::from_str::<Endpoint>(r#"{"include_proxies": ["x"]}"#).is_err());
    }

    #[test]
    fn a_bdb_without_the_fields_7_4_lacks_deserializes() {
        // Only the identity fields: whatever an older cluster leaves out reads as absent.
        let bdb: Bdb =
            serde_json::from_str(r#"{"uid": 1, "name": "a", "endpoints": [{"uid": "1:1"}]}"#)
                .unwrap();
        assert_eq!(
            (bdb.oss_cluster, bdb.endpoints[0].include_proxies.clone()),
            (None, None)
        );
    }

    #[test]
    fn partial_bdb_from_fields_query_deserializes() {
        let bdbs: Vec<Bdb> =
            serde_json::from_str(r#"[{"uid": 3, "name": "a"}, {"uid": 4, "name": "b"}]"#).unwrap();
        assert_eq!(bdbs[1].uid, 4);
        assert_eq!(bdbs[1].oss_cluster, None);
    }

    #[test]
    fn error_body_prefers_description_then_message() {
        let body: ApiErrorBody =
            serde_json::from_str(r#"{"error_code": "x", "message": "m"}"#).unwrap();
        assert_eq!(body.text(), Some("m"));
        let body: ApiErrorBody =
            serde_json::from_str(r#"{"description": "d", "message": "m"}"#).unwrap();
        assert_eq!(body.text(), Some("d"));
    }
}
