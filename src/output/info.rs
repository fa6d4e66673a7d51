//! `info` blocks in rladmin's layout: a header line, then one indented `key: value` line each.
//!
//! Indentation: rladmin's info.md sample indents 4 spaces but every documented `grep` example
//! (`  oss_cluster: enabled`, `  repl_timeout: 300 seconds`) shows 2 (UNCONFIRMED which is real);
//! we use 2, the form scripts were seen matching. Change `INDENT` to switch.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::tunables::{
    ABSENT, CLUSTER_POLICY_SETTINGS, NODE_SETTINGS, PROXY_SETTINGS, SETTINGS, Setting,
};

pub const INDENT: &str = "  ";

/// Built by appending, not one `format!` per line: `info db` prints 10,000 of these on a fleet.
fn block(header: &str, lines: &[(&str, String)]) -> String {
    let size = lines
        .iter()
        .map(|(key, value)| INDENT.len() + key.len() + value.len() + 3)
        .sum::<usize>();
    let mut text = String::with_capacity(header.len() + 1 + size);
    text.push_str(header);
    text.push('\n');
    for (key, value) in lines {
        push_line(&mut text, key, value);
    }
    text
}

/// One indented `key: value` line.
fn push_line(text: &mut String, key: &str, value: &str) {
    for part in [INDENT, key, ": ", value, "\n"] {
        text.push_str(part);
    }
}

/// The bdb fields [`db_block`] reads: the header's uid and name, and each printed setting's.
pub fn db_block_fields() -> Vec<&'static str> {
    let settings = SETTINGS
        .iter()
        .filter(|setting| setting.display_key.is_some())
        .map(|setting| setting.field);
    ["uid", "name"].into_iter().chain(settings).collect()
}

/// A database object [`db_block`] can read: the whole JSON object, or [`DbBlockFields`].
pub trait DbFields {
    fn field(&self, name: &str) -> Option<&Value>;
}

impl DbFields for Value {
    fn field(&self, name: &str) -> Option<&Value> {
        self.get(name)
    }
}

/// The fields of one database that [`db_block`] prints, read from its JSON object without a map
/// per object (`info db` reads 10,000 of them): the other keys are skipped unparsed.
#[derive(Debug, Default)]
pub struct DbBlockFields(Vec<Option<Value>>);

/// Each field of [`db_block_fields`] and its slot in [`DbBlockFields`]. A `BTreeMap`: its few
/// short comparisons cost less than hashing each key (twice per field and database).
fn db_field_slots() -> &'static BTreeMap<&'static str, usize> {
    static SLOTS: OnceLock<BTreeMap<&'static str, usize>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        db_block_fields()
            .into_iter()
            .enumerate()
            .map(|(slot, field)| (field, slot))
            .collect()
    })
}

impl DbFields for DbBlockFields {
    fn field(&self, name: &str) -> Option<&Value> {
        self.0.get(*db_field_slots().get(name)?)?.as_ref()
    }
}

impl<'de> Deserialize<'de> for DbBlockFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(DbBlockFieldsVisitor)
    }
}

struct DbBlockFieldsVisitor;

impl<'de> Visitor<'de> for DbBlockFieldsVisitor {
    type Value = DbBlockFields;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a database object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DbBlockFields, A::Error> {
        let mut values = vec![None; db_field_slots().len()];
        while let Some(FieldSlot(slot)) = map.next_key()? {
            match slot.and_then(|slot| values.get_mut(slot)) {
                Some(value) => *value = Some(map.next_value()?),
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(DbBlockFields(values))
    }
}

/// A key of a database object: the slot of a field [`db_block`] prints, if it is one (compared
/// in place, not copied).
struct FieldSlot(Option<usize>);

impl<'de> Deserialize<'de> for FieldSlot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = FieldSlot;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("a key")
            }

            fn visit_str<E>(self, key: &str) -> Result<FieldSlot, E> {
                Ok(FieldSlot(db_field_slots().get(key).copied()))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// `db:<uid> [<name>]:` then every setting of the tunables table, in table order.
pub fn db_block(bdb: &impl DbFields) -> String {
    let mut text = String::new();
    push_db_block(&mut text, bdb);
    text
}

/// [`db_block`] appended to `text`: `info db` writes 10,000 of them into one buffer.
pub fn push_db_block(text: &mut String, bdb: &impl DbFields) {
    let uid = bdb.field("uid").map(Value::to_string).unwrap_or_default();
    let name = bdb
        .field("name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    for part in ["db:", &uid, " [", name, "]:\n"] {
        text.push_str(part);
    }
    for setting in SETTINGS {
        if let Some(key) = setting.display_key {
            push_line(text, key, &setting.display(bdb.field(setting.field)));
        }
    }
}

/// The `key: value` lines of `table` read from `object`, in table order.
fn table_lines(table: &'static [Setting], object: &Value) -> Vec<(&'static str, String)> {
    table
        .iter()
        .filter_map(|setting| {
            Some((
                setting.display_key?,
                setting.display(object.get(setting.field)),
            ))
        })
        .collect()
}

/// `Cluster configuration:` then rladmin's keys, from the cluster object merged with the
/// cluster policy (the policy's fields win where both carry one).
pub fn cluster_block(cluster: &Value, policy: &Value) -> String {
    let mut merged = cluster.clone();
    if let (Value::Object(merged), Value::Object(policy)) = (&mut merged, policy) {
        merged.extend(policy.clone());
    }
    block(
        "Cluster configuration:",
        &table_lines(CLUSTER_POLICY_SETTINGS, &merged),
    )
}

/// `node:<uid>` then rladmin's node keys (RL/info.md), then the ones rsadmin adds. rladmin's
/// sample prefixes the header with `Command Output: `; scripts look for the `node:N` line, so we
/// print it bare.
pub fn node_block(node: &Value) -> String {
    let text = |field: &str| {
        node.get(field)
            .and_then(Value::as_str)
            .filter(|text| !text.is_empty())
            .map_or_else(|| ABSENT.to_string(), str::to_string)
    };
    let external: Vec<&str> = node
        .get("external_addr")
        .and_then(Value::as_array)
        .map(|addresses| addresses.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let external = if external.is_empty() {
        ABSENT.to_string()
    } else {
        external.join(",")
    };
    let mut lines = vec![
        ("address", text("addr")),
        ("external addresses", external),
        ("recovery path", text("recovery_path")),
    ];
    lines.extend(table_lines(NODE_SETTINGS, node));
    lines.extend([
        ("software version", text("software_version")),
        ("status", text("status")),
    ]);
    let uid = node.get("uid").map(Value::to_string).unwrap_or_default();
    block(&format!("node:{uid}"), &lines)
}

/// `proxy:<uid>` then rladmin's proxy keys (RL/info.md), from the proxy object.
pub fn proxy_block(proxy: &Value) -> String {
    let uid = proxy.get("uid").map(Value::to_string).unwrap_or_default();
    block(&format!("proxy:{uid}"), &table_lines(PROXY_SETTINGS, proxy))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture;

    #[test]
    fn the_printed_fields_alone_render_as_the_whole_object() {
        let text = fixture("bdb_single.json");
        let whole: Value = serde_json::from_str(&text).unwrap();
        let fields: DbBlockFields = serde_json::from_str(&text).unwrap();
        assert_eq!(db_block(&fields), db_block(&whole));
        let empty: DbBlockFields = serde_json::from_str("{}").unwrap();
        assert_eq!(db_block(&empty), db_block(&serde_json::json!({})));
    }

    #[test]
    fn renders_info_db_from_the_captured_bdb() {
        let bdb: Value = serde_json::from_str(&fixture("bdb_single.json")).unwrap();
        assert_eq!(
            db_block(&bdb),
            "db:1 [default-db]:
  client_buffer_limits: N/A
  slave_buffer: auto
  pubsub_buffer_limits: N/A
  proxy_client_buffer_limits: N/A
  proxy_slave_buffer_limits: N/A
  proxy_pubsub_buffer_limits: N/A
  repl_backlog: auto
  repl_timeout: N/A
  repl_diskless: N/A
  master_persistence: disabled
  maxclients: 10000
  conns: 5
  conns_type: per-thread
  sched_policy: cmp
  max_aof_file_size: 300GB
  max_aof_load_time: 3600 seconds
  dedicated_replicaof_threads: 5
  max_client_pipeline: 200
  max_shard_pipeline: 2000
  max_connections: 0
  oss_cluster: disabled
  oss_cluster_api_preferred_ip_type: internal
  gradual_src_mode: disabled
  gradual_src_max_sources: 1
  gradual_sync_mode: auto
  gradual_sync_max_shards_per_source: 1
  slave_ha: disabled (database)
  mkms: enabled
  oss_sharding: disabled
  mtls_allow_weak_hashing: disabled
  mtls_allow_outdated_certs: disabled
  data_internode_encryption: disabled
  proxy_policy: single
  db_conns_auditing: disabled
  syncer_mode: distributed
  oss_cluster_api_preferred_endpoint_type: ip
  shards_placement: dense
  resp3: enabled
  tracking_table_max_keys: 1000000
  metrics_export_all: disabled
  slave_ha_priority: 0
  skip_import_analyze: disabled
  crdt_repl_backlog: auto
  crdt_xadd_id_uniqueness_mode: strict
  sharding: disabled
  shards_count: 1
  hash_slots_policy: 16k
  hashing_policy: standard
"
        );
    }

    /// rladmin's documented `info db` keys (RL/info.md), in its order, come first.
    #[test]
    fn rladmin_keys_come_first_in_rladmins_order() {
        const RLADMIN_INFO_DB_KEYS: [&str; 35] = [
            "client_buffer_limits",
            "slave_buffer",
            "pubsub_buffer_limits",
            "proxy_client_buffer_limits",
            "proxy_slave_buffer_limits",
            "proxy_pubsub_buffer_limits",
            "repl_backlog",
            "repl_timeout",
            "repl_diskless",
            "master_persistence",
            "maxclients",
            "conns",
            "conns_type",
            "sched_policy",
            "max_aof_file_size",
            "max_aof_load_time",
            "dedicated_replicaof_threads",
            "max_client_pipeline",
            "max_shard_pipeline",
            "max_connections",
            "oss_cluster",
            "oss_cluster_api_preferred_ip_type",
            "gradual_src_mode",
            "gradual_src_max_sources",
            "gradual_sync_mode",
            "gradual_sync_max_shards_per_source",
            "slave_ha",
            "mkms",
            "oss_sharding",
            "mtls_allow_weak_hashing",
            "mtls_allow_outdated_certs",
            "data_internode_encryption",
            "proxy_policy",
            "db_conns_auditing",
            "syncer_mode",
        ];
        let keys: Vec<&str> = SETTINGS.iter().filter_map(|s| s.display_key).collect();
        assert_eq!(keys[..RLADMIN_INFO_DB_KEYS.len()], RLADMIN_INFO_DB_KEYS);
    }

    #[test]
    fn renders_info_node_and_cluster_from_fixtures() {
        let nodes: Vec<Value> = serde_json::from_str(&fixture("nodes_list.json")).unwrap();
        assert_eq!(
            node_block(&nodes[0]),
            "node:1
  address: 192.168.16.2
  external addresses: N/A
  recovery path: N/A
  quorum only: N/A
  max redis servers: 100
  max listeners: 100
  max redis forks: -1
  max slave full syncs: -1
  software version: 100.0.21-16135
  status: active
"
        );
        let cluster: Value = serde_json::from_str(&fixture("cluster_trimmed.json")).unwrap();
        let policy = serde_json::json!({"default_shards_placement": "dense", "slave_ha": false});
        let text = cluster_block(&cluster, &policy);
        assert!(
            text.starts_with("Cluster configuration:\n  repl_diskless: N/A\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  default_shards_placement: dense\n"),
            "{text}"
        );
        assert!(
            text.contains("\n  slave_ha: disabled\n"),
            "the policy wins: {text}"
        );
        assert!(text.contains("\n  http support: "), "{text}");
        assert!(text.contains("\n  name: docker-cluster\n"), "{text}");
        let proxies: Vec<Value> = serde_json::from_str(&fixture("proxies_list.json")).unwrap();
        assert_eq!(
            proxy_block(&proxies[0]),
            "proxy:1
  mode: dynamic
  scale_threshold: 80 (%)
  scale_duration: 30 (seconds)
  max_threads: 8
  threads: 3
  client_eviction: false
  incoming_connections_capacity: 0
  incoming_connections_min_capacity: 10
  incoming_connections_rate_limit: 0
"
        );
    }
}
