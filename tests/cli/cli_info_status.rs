//! `info` and `status` against a fresh sandbox: whole outputs, exit codes, requests sent.

use crate::support;

use support::Sandbox;

const DEMO_INFO_DB: &str = "db:1 [demo-db]:
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
  sharding: enabled
  shards_count: 3
  hash_slots_policy: 16k
  hashing_policy: standard
";

#[test]
fn info_db_prints_rladmin_layout_by_id_name_and_all() {
    let sandbox = Sandbox::start();
    for args in [
        &["info", "db", "db:1"][..],
        &["info", "db", "demo-db"],
        &["info", "db"],
    ] {
        let run = sandbox.rsadmin(args);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
        assert_eq!(run.stdout, DEMO_INFO_DB, "{args:?}");
    }
    let grepped: Vec<&str> = DEMO_INFO_DB
        .lines()
        .filter(|line| line.contains("oss_cluster:"))
        .collect();
    assert_eq!(grepped, ["  oss_cluster: disabled"]);
    assert!(sandbox.puts().is_empty());
}

#[test]
fn info_db_json_is_one_document_without_secrets() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["-o", "json", "info", "db", "db:1"]);
    assert_eq!(run.code, 0);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(document[0]["uid"], 1);
    assert_eq!(document[0]["oss_cluster"], false);
    assert_eq!(document[0]["endpoints"][0]["uid"], "1:1");
    assert!(!run.stdout.contains("authentication"));
}

#[test]
fn unknown_database_and_node_exit_5() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["info", "db", "db:9"]);
    assert_eq!(run.code, 5);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: database db:9 not found. `rsadmin status databases` lists the databases.\n"
    );
    let run = sandbox.rsadmin(&["info", "node", "9"]);
    assert_eq!(run.code, 5);
    assert_eq!(
        run.stderr,
        "error: node 9 not found. `rsadmin status nodes` lists the nodes.\n"
    );
}

#[test]
fn info_node_and_cluster() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["info", "node", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "node:2
  address: 127.0.1.2
  external addresses: 127.0.2.2
  recovery path: N/A
  quorum only: N/A
  max redis servers: 100
  max listeners: 100
  max redis forks: -1
  max slave full syncs: -1
  software version: 100.0.21-sandbox
  status: active
"
    );
    let run = sandbox.rsadmin(&["info", "cluster"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("Cluster configuration:\n  repl_diskless: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n  name: cluster1.sandbox.local\n"));
}

/// The endpoint cell (`redis-<port>.<cluster>:<port>`), whose port is ephemeral.
fn endpoint_cell(status: &str) -> String {
    let row = status
        .lines()
        .find(|line| line.starts_with("db:1  demo-db redis"))
        .expect("database row");
    row.split_whitespace()
        .nth(8)
        .expect("ENDPOINT column")
        .to_string()
}

#[test]
fn status_prints_every_section_with_one_request_per_resource() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let endpoint = endpoint_cell(&run.stdout);
    let port = endpoint.rsplit(':').next().unwrap();
    assert_eq!(
        endpoint,
        format!("redis-{port}.cluster1.sandbox.local:{port}")
    );
    // Node rows: HOSTNAME and RAM from /v1/nodes/status (the machine's, so they vary): every
    // cell filled, RAM as rladmin's `free/total`, so `split()` indexes stay rladmin's.
    let (nodes, rest) = run.stdout.split_once("\nDATABASES:").expect("sections");
    let hostname = std::fs::read_to_string("/proc/sys/kernel/hostname").expect("hostname");
    let rows: Vec<Vec<&str>> = nodes
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().collect())
        .collect();
    assert_eq!(rows.len(), 3, "{nodes}");
    for (index, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 11, "{row:?}");
        let uid = index + 1;
        let role = if uid == 1 { "master" } else { "slave" };
        assert_eq!(
            row[..5],
            [
                format!("node:{uid}").as_str(),
                role,
                &format!("127.0.1.{uid}"),
                &format!("127.0.2.{uid}"),
                hostname.trim()
            ]
        );
        for ram in [row[7], row[8]] {
            let (free, total) = ram.split_once('/').expect("free/total");
            assert!(free.ends_with("GB") && total.ends_with("GB"), "{ram}");
        }
        assert_eq!(row[9..], ["100.0.21-sandbox", "OK"]);
    }
    // Shard USED_MEMORY is each shard's live `used_memory` (varies): checked for rladmin's shape,
    // then masked so every other byte is compared exactly.
    let rest = masked_used_memory(rest);
    assert_eq!(
        format!("\nDATABASES:{rest}"),
        format!(
            "
DATABASES:
DB:ID NAME    TYPE  STATUS SHARDS PLACEMENT REPLICATION PERSISTENCE ENDPOINT
db:1  demo-db redis active 3      dense     disabled    disabled    {endpoint}

ENDPOINTS:
DB:ID NAME    ID           NODE   ROLE   SSL
db:1  demo-db endpoint:1:1 node:1 single No

SHARDS:
DB:ID NAME    ID      NODE   ROLE   SLOTS       USED_MEMORY STATUS
db:1  demo-db redis:1 node:1 master 0-5460      <used>      OK
db:1  demo-db redis:2 node:1 master 5461-10922  <used>      OK
db:1  demo-db redis:3 node:1 master 10923-16383 <used>      OK
"
        )
    );
    let requests: Vec<String> = sandbox
        .requests()
        .into_iter()
        .map(|request| format!("{} {}", request.method, request.path))
        .collect();
    assert_eq!(requests, crate::scale::STATUS_REQUESTS);
    // `grep node:1 | grep /` singles out the node row (FREE_RAM is `free/total`): no shard or
    // endpoint row on node 1 has a `/`.
    let slashed: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.contains("node:1") && line.contains('/'))
        .collect();
    assert_eq!(slashed.len(), 1, "{slashed:?}");
    assert!(slashed[0].starts_with("node:1 "), "{slashed:?}");
}

/// rladmin's size shape `^\d+(\.\d+)?(B|KB|MB|GB)$`: `2.39MB`, `512.00B`.
fn is_size(cell: &str) -> bool {
    let Some(number) = ["KB", "MB", "GB", "B"]
        .iter()
        .find_map(|unit| cell.strip_suffix(unit))
    else {
        return false;
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|byte| byte.is_ascii_digit())
        && fraction.bytes().all(|byte| byte.is_ascii_digit())
}

/// The SHARDS section with each row's USED_MEMORY cell (asserted to be a size) replaced by
/// `<used>`, padded to the cell's width.
pub fn masked_used_memory(text: &str) -> String {
    let (before, shards) = text.split_once("SHARDS:\n").expect("SHARDS section");
    let mut lines = shards.lines();
    let header = lines.next().expect("header");
    let start = header.find("USED_MEMORY").expect("USED_MEMORY column");
    let end = start + "USED_MEMORY ".len();
    let mut out = format!("{before}SHARDS:\n{header}\n");
    for line in lines {
        let cell = &line[start..end];
        assert!(is_size(cell.trim()), "USED_MEMORY {cell:?} in {line:?}");
        out.push_str(&format!(
            "{}{:<12}{}\n",
            &line[..start],
            "<used>",
            &line[end..]
        ));
    }
    out
}

#[test]
fn status_single_sections_extra_all_and_issues_only() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["status", "shards"]);
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "SHARDS:");
    assert_eq!(
        lines[1],
        "DB:ID NAME    ID      NODE   ROLE   SLOTS       USED_MEMORY STATUS"
    );
    assert_eq!(lines.len(), 5);
    for line in &lines[2..] {
        let cells: Vec<&str> = line.split_whitespace().collect();
        assert!(is_size(cells[6]), "{line}");
    }
    let run = sandbox.rsadmin(&["status", "endpoints", "extra", "all"]);
    assert_eq!(
        run.stdout,
        "ENDPOINTS:\nDB:ID NAME    ID           NODE   ROLE   SSL WATCHDOG_STATUS\n\
         db:1  demo-db endpoint:1:1 node:1 single No  OK\n"
    );
    let run = sandbox.rsadmin(&["status", "nodes", "issues_only"]);
    assert_eq!(
        run.stdout,
        "CLUSTER NODES:\nNODE:ID ROLE ADDRESS EXTERNAL_ADDRESS HOSTNAME SHARDS CORES FREE_RAM PROVISIONAL_RAM VERSION STATUS\n"
    );
    let run = sandbox.rsadmin(&["status", "bogus"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: unexpected \"bogus\". Usage: rsadmin status")
    );
}

/// A record's keys with the JSON types of their values, in key order.
type Shape<'a> = Vec<(&'a str, &'static str)>;

/// Each key of a JSON record with the type of its value, in key order.
fn shape(record: &serde_json::Value) -> Shape<'_> {
    let mut shape: Shape = record
        .as_object()
        .expect("a record is an object")
        .iter()
        .map(|(key, value)| {
            let kind = match value {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "bool",
                serde_json::Value::Number(number) if number.is_u64() => "integer",
                serde_json::Value::Number(_) => "number",
                serde_json::Value::String(_) => "string",
                serde_json::Value::Array(_) => "array",
                serde_json::Value::Object(_) => "object",
            };
            (key.as_str(), kind)
        })
        .collect();
    shape.sort();
    shape
}

/// The documented shape of `status -o json` (README, "Output contracts for scripts"): a change of
/// any section's keys or value types fails here.
#[test]
fn status_json_has_typed_snake_case_records() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["status", "-o", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let sections: Vec<&str> = document
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(sections, ["databases", "endpoints", "nodes", "shards"]);
    let expected: [(&str, usize, Shape); 4] = [
        (
            "nodes",
            3,
            vec![
                ("addr", "string"),
                ("connected", "bool"),
                ("cores", "integer"),
                ("external_addr", "array"),
                ("free_provisional_ram", "integer"),
                ("free_ram", "integer"),
                ("hostname", "string"),
                ("master_shards", "integer"),
                ("max_redis_servers", "integer"),
                ("rack_id", "null"),
                ("role", "string"),
                ("shard_count", "integer"),
                ("slave_shards", "integer"),
                ("software_version", "string"),
                ("status", "string"),
                ("total_memory", "integer"),
                ("total_provisional_ram", "integer"),
                ("uid", "integer"),
            ],
        ),
        (
            "databases",
            1,
            vec![
                ("data_persistence", "string"),
                ("endpoint_host", "string"),
                ("endpoint_port", "integer"),
                ("name", "string"),
                ("redis_version", "string"),
                ("replication", "bool"),
                ("shards_count", "integer"),
                ("shards_placement", "string"),
                ("status", "string"),
                ("type", "string"),
                ("uid", "integer"),
            ],
        ),
        (
            "endpoints",
            1,
            vec![
                ("bdb_name", "string"),
                ("bdb_uid", "integer"),
                ("exclude_proxies", "array"),
                ("include_proxies", "array"),
                ("node_uid", "integer"),
                ("proxy_policy", "string"),
                ("ssl", "bool"),
                ("uid", "string"),
            ],
        ),
        (
            "shards",
            3,
            vec![
                ("assigned_slots", "string"),
                ("bdb_name", "string"),
                ("bdb_uid", "integer"),
                ("detailed_status", "string"),
                ("node_uid", "integer"),
                ("role", "string"),
                ("status", "string"),
                ("uid", "integer"),
                ("used_memory", "integer"),
            ],
        ),
    ];
    for (section, rows, keys) in expected {
        let records = document[section].as_array().expect("array");
        assert_eq!(records.len(), rows, "{section}");
        for record in records {
            assert_eq!(shape(record), keys, "{section}: {record}");
        }
    }
    let nodes = &document["nodes"];
    assert_eq!(nodes[0]["uid"], 1);
    // The sandbox's URL is 127.0.0.1, no node's address (the table marks no `*node:N`).
    assert_eq!(nodes[0]["connected"], false);
    assert_eq!(nodes[1]["external_addr"], serde_json::json!(["127.0.2.2"]));
    assert_eq!(document["databases"][0]["shards_placement"], "dense");
    assert_eq!(document["databases"][0]["shards_count"], 3);
    assert_eq!(document["endpoints"][0]["proxy_policy"], "single");
    assert_eq!(document["shards"][2]["assigned_slots"], "10923-16383");
    assert_eq!(document["shards"][2]["uid"], 3);
    // The row filters pick records as they pick rows.
    let run = sandbox.rsadmin(&["-o", "json", "status", "shards", "node", "2"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "{\n  \"shards\": []\n}\n");
}
