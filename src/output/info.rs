//! `info` blocks in rladmin's layout: a header line, then one indented `key: value` line each.
//!
//! Indentation: rladmin's info.md sample indents 4 spaces but every documented `grep` example
//! (`  oss_cluster: enabled`, `  repl_timeout: 300 seconds`) shows 2 (UNCONFIRMED which is real);
//! we use 2, the form scripts were seen matching. Change `INDENT` to switch.

use serde_json::Value;

use crate::api::models::{Cluster, Node};
use crate::tunables::{ABSENT, SETTINGS};

pub const INDENT: &str = "  ";

fn block(header: &str, lines: &[(&str, String)]) -> String {
    let mut text = format!("{header}\n");
    for (key, value) in lines {
        text.push_str(&format!("{INDENT}{key}: {value}\n"));
    }
    text
}

/// `db:<uid> [<name>]:` then every setting of the tunables table, in table order.
pub fn db_block(bdb: &Value) -> String {
    let uid = bdb.get("uid").map(Value::to_string).unwrap_or_default();
    let name = bdb.get("name").and_then(Value::as_str).unwrap_or_default();
    let lines: Vec<(&str, String)> = SETTINGS
        .iter()
        .map(|setting| (setting.display_key, setting.display(bdb.get(setting.field))))
        .collect();
    block(&format!("db:{uid} [{name}]:"), &lines)
}

fn optional<T: ToString>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_else(|| ABSENT.to_string())
}

fn enabled(value: Option<bool>) -> String {
    match value {
        Some(true) => "enabled".to_string(),
        Some(false) => "disabled".to_string(),
        None => ABSENT.to_string(),
    }
}

pub fn cluster_block(cluster: &Cluster) -> String {
    block(
        "Cluster configuration:",
        &[
            ("name", cluster.name.clone()),
            ("created_time", optional(&cluster.created_time)),
            ("rack_aware", enabled(cluster.rack_aware)),
            ("http support", enabled(cluster.http_support)),
            ("handle_redirects", enabled(cluster.handle_redirects)),
            ("upgrade mode", enabled(cluster.upgrade_mode)),
            (
                "cm_session_timeout_minutes",
                optional(&cluster.cm_session_timeout_minutes),
            ),
            ("cm_port", optional(&cluster.cm_port)),
            ("cnm_http_port", optional(&cluster.cnm_http_port)),
            ("cnm_https_port", optional(&cluster.cnm_https_port)),
            ("bigstore_driver", optional(&cluster.bigstore_driver)),
        ],
    )
}

/// `node:<uid>` then rladmin's node keys. rladmin's sample prefixes the header with
/// `Command Output: `; scripts look for the `node:N` line, so we print it bare.
pub fn node_block(node: &Node) -> String {
    let external = if node.external_addr.is_empty() {
        ABSENT.to_string()
    } else {
        node.external_addr.join(",")
    };
    block(
        &format!("node:{}", node.uid),
        &[
            ("address", node.addr.clone()),
            ("external addresses", external),
            ("recovery path", optional(&node.recovery_path)),
            ("max redis servers", optional(&node.max_redis_servers)),
            ("max listeners", optional(&node.max_listeners)),
            ("software version", optional(&node.software_version)),
            ("status", optional(&node.status)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture;

    #[test]
    fn renders_info_db_from_the_captured_bdb() {
        let bdb: Value = serde_json::from_str(&fixture("bdb_single.json")).unwrap();
        assert_eq!(
            db_block(&bdb),
            "db:1 [default-db]:
  master_persistence: disabled
  maxclients: 10000
  conns: 5
  conns_type: per-thread
  sched_policy: cmp
  max_aof_load_time: 3600 seconds
  max_client_pipeline: 200
  max_shard_pipeline: 2000
  max_connections: 0
  oss_cluster: disabled
  oss_cluster_api_preferred_ip_type: internal
  oss_cluster_api_preferred_endpoint_type: ip
  mkms: enabled
  oss_sharding: disabled
  mtls_allow_weak_hashing: disabled
  mtls_allow_outdated_certs: disabled
  data_internode_encryption: disabled
  proxy_policy: single
  db_conns_auditing: disabled
  syncer_mode: distributed
  shards_placement: dense
  resp3: enabled
  tracking_table_max_keys: 1000000
  metrics_export_all: disabled
  sharding: disabled
  shards_count: 1
  hash_slots_policy: 16k
  hashing_policy: standard
"
        );
    }

    #[test]
    fn renders_info_node_and_cluster_from_fixtures() {
        let nodes: Vec<Node> = serde_json::from_str(&fixture("nodes_list.json")).unwrap();
        assert_eq!(
            node_block(&nodes[0]),
            "node:1
  address: 192.168.16.2
  external addresses: N/A
  recovery path: N/A
  max redis servers: 100
  max listeners: 100
  software version: 100.0.21-16135
  status: active
"
        );
        let cluster: Cluster = serde_json::from_str(&fixture("cluster_trimmed.json")).unwrap();
        assert!(
            cluster_block(&cluster).starts_with("Cluster configuration:\n  name: docker-cluster\n")
        );
    }
}
