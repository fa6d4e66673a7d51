//! Shard moves through the REST routes (migrate, failover, rebalance, optimize_shards_placement +
//! shards_blueprint): validation codes, the shards' data kept, and real cluster clients (redis-py,
//! node-redis, ioredis) following a migration and a failover under a write loop.

use crate::support::{Api, sandbox_with_api, scratch_dir};
use reqwest::StatusCode;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// (node_uid, role) of every shard, by shard uid.
fn placement(api: &Api) -> Vec<(String, String, String)> {
    let (_, shards) = api.get("/v1/shards");
    let mut placed: Vec<(String, String, String)> = shards
        .as_array()
        .expect("shards")
        .iter()
        .map(|shard| {
            (
                shard["uid"].as_str().unwrap().to_string(),
                shard["node_uid"].as_str().unwrap().to_string(),
                shard["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    placed.sort_by_key(|(uid, _, _)| uid.parse::<u32>().unwrap());
    placed
}

fn master_nodes(api: &Api) -> Vec<String> {
    placement(api)
        .into_iter()
        .filter(|(_, _, role)| role == "master")
        .map(|(_, node, _)| node)
        .collect()
}

/// PUT db:1 and waits until it is active again.
fn update_db(api: &Api, body: &str) {
    let (status, answer) = api.put("/v1/bdbs/1", body);
    assert_eq!(status, StatusCode::OK, "{body}: {answer}");
    api.wait_for_status(1, "active");
}

/// Starts an action with `request` (status 200 and an `action_uid` expected); waits for it.
fn run_action(api: &Api, (status, answer): (StatusCode, Value)) -> Value {
    assert_eq!(status, StatusCode::OK, "{answer}");
    let uid = answer["action_uid"]
        .as_str()
        .expect("action_uid")
        .to_string();
    let action = api.wait_for_action(&uid);
    assert_eq!(action["status"], "completed", "{action}");
    api.wait_for_status(1, "active");
    action
}

fn rebalance(api: &Api) -> Value {
    run_action(api, api.put("/v1/bdbs/1/actions/rebalance", ""))
}

fn port(api: &Api) -> u16 {
    let (_, bdb) = api.get("/v1/bdbs/1");
    u16::try_from(bdb["endpoints"][0]["port"].as_u64().unwrap()).unwrap()
}

fn error_code(answer: &(StatusCode, Value)) -> (u16, String) {
    (
        answer.0.as_u16(),
        answer.1["error_code"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

#[test]
fn placement_changes_keep_shards_and_rebalance_spreads_masters_with_their_keys() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    let address = format!("127.0.1.1:{}", port(&api));
    let mut writes = String::new();
    for index in 0..3000 {
        writes.push_str(&resp(&["SET", &format!("key:{index}"), &index.to_string()]));
    }
    writes.push_str(&resp(&["SET", "expiring", "soon", "EX", "1000"]));
    let replies = exchange(&address, &writes, 3001);
    assert!(replies.iter().all(|reply| reply == "+OK"), "{replies:?}");

    update_db(&api, r#"{"shards_placement": "sparse"}"#);
    assert_eq!(
        master_nodes(&api),
        ["1", "1", "1"],
        "a placement change moves no shard"
    );
    let (status, blueprint) = api.put("/v1/bdbs/1/actions/rebalance?dry_run=true", "");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        blueprint,
        serde_json::json!([
            {"nodes": [{"node_uid": "1", "role": "master"}], "slot_range": "0-5460"},
            {"nodes": [{"node_uid": "2", "role": "master"}], "slot_range": "5461-10922"},
            {"nodes": [{"node_uid": "3", "role": "master"}], "slot_range": "10923-16383"},
        ])
    );
    assert_eq!(
        master_nodes(&api),
        ["1", "1", "1"],
        "a dry run moves nothing"
    );

    rebalance(&api);
    assert_eq!(master_nodes(&api), ["1", "2", "3"]);
    let mut reads = resp(&["DBSIZE"]);
    for index in (0..3000).step_by(7) {
        reads.push_str(&resp(&["GET", &format!("key:{index}")]));
    }
    reads.push_str(&resp(&["TTL", "expiring"]));
    let replies = exchange(&address, &reads, 2 + 3000_usize.div_ceil(7));
    assert_eq!(replies[0], ":3001", "every key kept");
    for (reply, index) in replies[1..replies.len() - 1]
        .iter()
        .zip((0..3000).step_by(7))
    {
        assert_eq!(reply, &format!("${}\r\n{index}", index.to_string().len()));
    }
    let ttl: i64 = replies.last().unwrap()[1..].parse().unwrap();
    assert!((900..=1000).contains(&ttl), "TTL kept: {ttl}");

    let action = rebalance(&api);
    assert_eq!(
        action["progress"], "100",
        "a balanced database has nothing to move"
    );
}

#[test]
fn shard_actions_refuse_what_a_cluster_refuses_and_change_nothing() {
    let (_dir, sandbox, api) = sandbox_with_api();
    update_db(&api, r#"{"replication": true}"#);
    let before = placement(&api);
    // Dense: masters 1, 2, 3 stay on node 1; the new replicas 4, 5, 6 go to node 2.
    assert_eq!(before[0], ("1".into(), "1".into(), "master".into()));
    assert_eq!(before[3], ("4".into(), "2".into(), "slave".into()));
    let migrate = |path: &str, body: &str| error_code(&api.post(path, body));
    assert_eq!(
        migrate("/v1/shards/99/actions/migrate", r#"{"target_node_uid": 2}"#),
        (404, "shard_not_exist".into())
    );
    assert_eq!(
        migrate("/v1/shards/1/actions/migrate", r#"{"target_node_uid": 9}"#),
        (404, "node_not_exist".into())
    );
    assert_eq!(
        migrate("/v1/shards/1/actions/migrate", "{}"),
        (404, "node_uid_required".into())
    );
    assert_eq!(
        migrate("/v1/shards/1/actions/migrate", r#"{"target_node_uid": 2}"#),
        (406, "replication_node_violation".into()),
        "master and replica on one node"
    );
    assert_eq!(
        migrate(
            "/v1/shards/1/actions/migrate",
            r#"{"target_node_uid": 3, "colour": 1}"#
        ),
        (400, "invalid_schema".into())
    );
    assert_eq!(
        migrate("/v1/shards/actions/migrate", r#"{"target_node_uid": 3}"#),
        (404, "shard_uids_required".into())
    );
    assert_eq!(
        migrate("/v1/shards/4/actions/failover", "{}"),
        (400, "shard_is_slave".into())
    );
    assert_eq!(
        migrate("/v1/shards/actions/failover", r#"{"shard_uids": []}"#),
        (404, "shard_uids_required".into())
    );
    let (status, answer) = api.post(
        "/v1/shards/1/actions/migrate",
        r#"{"target_node_uid": 3, "dry_run": true}"#,
    );
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer.get("action_uid").is_none(), "{answer}");
    assert_eq!(placement(&api), before, "nothing moved");

    sandbox.set_change_delay(Duration::from_secs(2));
    let (status, _) = api.put("/v1/bdbs/1", r#"{"eviction_policy": "allkeys-lru"}"#);
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        migrate("/v1/shards/1/actions/migrate", r#"{"target_node_uid": 3}"#),
        (409, "db_busy".into())
    );
    sandbox.set_change_delay(Duration::ZERO);
    api.wait_for_status(1, "active");
    update_db(&api, r#"{"replication": false}"#);
    assert_eq!(
        migrate("/v1/shards/1/actions/failover", "{}"),
        (406, "no_replica".into())
    );
    assert_eq!(placement(&api).len(), 3);
}

#[test]
fn a_blueprint_needs_the_current_cluster_state_id_and_moves_the_shards_there() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    update_db(
        &api,
        r#"{"replication": true, "shards_placement": "sparse"}"#,
    );
    let (status, blueprint, state_id) = api.get_with_header(
        "/v1/bdbs/1/actions/optimize_shards_placement",
        "cluster-state-id",
    );
    assert_eq!(status, StatusCode::OK);
    let state_id = state_id.expect("cluster-state-id header");
    assert_eq!(
        blueprint[1],
        serde_json::json!({"nodes": [{"node_uid": "2", "role": "master"},
            {"node_uid": "3", "role": "slave"}], "slot_range": "5461-10922"})
    );
    let body = serde_json::json!({ "shards_blueprint": blueprint }).to_string();
    let json = ("Content-Type", "application/json");
    let stale = api.put_with_headers("/v1/bdbs/1", &body, &[json, ("cluster-state-id", "1")]);
    assert_eq!(error_code(&stale), (409, "wrong_cluster_state_id".into()));
    let mut broken = blueprint.clone();
    broken[0]["nodes"][1]["node_uid"] = broken[0]["nodes"][0]["node_uid"].clone();
    let same_node = serde_json::json!({ "shards_blueprint": broken }).to_string();
    let refused = api.put_with_headers("/v1/bdbs/1", &same_node, &[json]);
    assert_eq!(error_code(&refused), (406, "bad_shards_blueprint".into()));

    let accepted = api.put_with_headers(
        "/v1/bdbs/1",
        &body,
        &[json, ("cluster-state-id", &state_id)],
    );
    assert_eq!(accepted.1["uid"], 1, "the answer is the bdb");
    run_action(&api, accepted);
    let masters: Vec<(String, String)> = placement(&api)
        .into_iter()
        .map(|(_, node, role)| (node, role))
        .collect();
    let wanted: Vec<(String, String)> = blueprint
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|range| range["nodes"].as_array().unwrap().clone())
        .map(|node| {
            (
                node["node_uid"].as_str().unwrap().to_string(),
                node["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut masters_sorted = masters.clone();
    masters_sorted.sort();
    let mut wanted_sorted = wanted;
    wanted_sorted.sort();
    assert_eq!(masters_sorted, wanted_sorted);
    assert_eq!(master_nodes(&api).len(), 3);
    let (_, _, newer) = api.get_with_header(
        "/v1/bdbs/1/actions/optimize_shards_placement",
        "cluster-state-id",
    );
    assert_ne!(
        newer.as_deref(),
        Some(state_id.as_str()),
        "moves change the state id"
    );
}

#[test]
fn cluster_clients_follow_a_master_migration_without_losing_a_write() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    update_db(
        &api,
        r#"{"shards_placement": "sparse", "proxy_policy": "all-master-shards", "oss_cluster": true}"#,
    );
    rebalance(&api);
    assert_eq!(master_nodes(&api), ["1", "2", "3"]);
    let port = port(&api);
    // Each client in turn (they write the same keys) while shard 2 moves on: 3, 1, back to 2.
    for (client, node) in CLIENTS.iter().zip([3, 1, 2]) {
        under_client_loop(
            client,
            port,
            5461,
            &format!("127.0.1.{node}:{port}"),
            || {
                let (status, answer) = api.post(
                    "/v1/shards/2/actions/migrate",
                    &format!(r#"{{"target_node_uid": {node}}}"#),
                );
                assert_eq!(answer["description"], "Migrate was triggered");
                let action = run_action(&api, (status, answer));
                assert_eq!(action["name"], "migrate_shards");
            },
        );
        if node == 3 {
            assert_eq!(master_nodes(&api), ["1", "3", "3"]);
            let (_, bdb) = api.get("/v1/bdbs/1");
            assert_eq!(
                bdb["endpoints"][0]["addr"],
                serde_json::json!(["127.0.1.1", "127.0.1.2", "127.0.1.3"]),
                "node 2's proxy stays bound (a cluster avoids disconnecting clients)"
            );
            let mut old_node = TcpStream::connect(format!("127.0.1.2:{port}")).unwrap();
            let moved = exchange_on(&mut old_node, &resp(&["GET", "loop:0"]), 1);
            let slot_of_loop_0 = moved[0].split(' ').nth(1).unwrap().to_string();
            assert!(
                moved[0] == format!("-MOVED {slot_of_loop_0} 127.0.1.1:{port}")
                    || moved[0] == format!("-MOVED {slot_of_loop_0} 127.0.1.3:{port}"),
                "{moved:?}"
            );
        }
    }
    assert_eq!(master_nodes(&api), ["1", "2", "3"]);
}

#[test]
fn cluster_clients_follow_a_failover_without_losing_a_write() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    update_db(
        &api,
        r#"{"replication": true, "shards_placement": "sparse", "proxy_policy": "all-master-shards", "oss_cluster": true}"#,
    );
    rebalance(&api);
    let shards = placement(&api);
    let (master, master_node, _) = shards
        .iter()
        .find(|(uid, _, role)| {
            role == "master" && {
                let (_, shard) = api.get(&format!("/v1/shards/{uid}"));
                shard["assigned_slots"] == "0-5460"
            }
        })
        .cloned()
        .unwrap();
    let (replica, replica_node, _) = shards
        .iter()
        .find(|(uid, _, role)| {
            role == "slave" && {
                let (_, shard) = api.get(&format!("/v1/shards/{uid}"));
                shard["assigned_slots"] == "0-5460"
            }
        })
        .cloned()
        .unwrap();
    let port = port(&api);
    // Each client in turn (they write the same keys) through a failover of the slot-0 master:
    // to the replica's node, back, and again.
    let mut current = (master.clone(), master_node.clone());
    let mut standby = (replica.clone(), replica_node.clone());
    for client in &CLIENTS {
        under_client_loop(
            client,
            port,
            0,
            &format!("127.0.1.{}:{port}", standby.1),
            || {
                let (status, answer) = api.post(
                    "/v1/shards/actions/failover",
                    &format!(r#"{{"shard_uids": ["{}"]}}"#, current.0),
                );
                assert_eq!(answer["description"], "Failover was triggered");
                run_action(&api, (status, answer));
            },
        );
        let after = placement(&api);
        assert!(after.contains(&(standby.0.clone(), standby.1.clone(), "master".into())));
        assert!(after.contains(&(current.0.clone(), current.1.clone(), "slave".into())));
        std::mem::swap(&mut current, &mut standby);
    }
    // The last demoted master is a replica now.
    assert_eq!(
        error_code(&api.post(&format!("/v1/shards/{}/actions/failover", standby.0), "{}")),
        (400, "shard_is_slave".into())
    );
}

/// The cluster clients each test drives: how to run its loop script.
const CLIENTS: [(&str, &[&str]); 3] = [
    (
        "redis-py",
        &["python3", "tests/clients/redis_py_topology_loop.py"],
    ),
    (
        "node-redis",
        &["node", "tests/clients/node_redis_topology_loop.js"],
    ),
    (
        "ioredis",
        &["node", "tests/clients/ioredis_topology_loop.js"],
    ),
];

/// Runs `client`'s loop on 1,000 keys around `change`; checks that no write was lost and that
/// its slot map names `owner` for `slot` afterwards.
fn under_client_loop(
    (name, command): &(&str, &[&str]),
    port: u16,
    slot: u16,
    owner: &str,
    change: impl FnOnce(),
) {
    // The client stops when this file appears.
    let scratch = scratch_dir();
    let stop_file = scratch.path().join("stop");
    let seeds: Vec<String> = (1..=3)
        .map(|node| format!("127.0.1.{node}:{port}"))
        .collect();
    let mut child = Command::new(command[0])
        .args(&command[1..])
        .arg(&stop_file)
        .arg(slot.to_string())
        .args(&seeds)
        .current_dir(workspace_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("{name}: {error}"));
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().map(Result::unwrap);
    if first.as_deref() == Some("ready") {
        std::thread::sleep(Duration::from_millis(300));
        change();
        std::thread::sleep(Duration::from_millis(300));
    }
    std::fs::write(&stop_file, "").unwrap();
    let result = lines.next().map(Result::unwrap).unwrap_or_default();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        status.success() && first.as_deref() == Some("ready"),
        "{name}: {first:?} {result}\n{stderr}"
    );
    let stats: Value = serde_json::from_str(&result).expect("statistics line");
    eprintln!("{name} statistics: {stats}");
    assert_eq!(stats["keys"], 1000, "{name}");
    assert_eq!(
        stats["bad_keys"], 0,
        "{name}: every key holds its last write: {stats}"
    );
    assert_eq!(stats["mismatches"], 0, "{name}: {stats}");
    assert!(stats["rounds"].as_u64().unwrap() >= 2, "{name}: {stats}");
    assert_eq!(stats["owner"], owner, "{name}'s slot map: {stats}");
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn resp(args: &[&str]) -> String {
    let mut request = format!("*{}\r\n", args.len());
    for arg in args {
        request.push_str(&format!("${}\r\n{arg}\r\n", arg.len()));
    }
    request
}

fn exchange(address: &str, requests: &str, replies: usize) -> Vec<String> {
    let mut stream = TcpStream::connect(address).unwrap();
    exchange_on(&mut stream, requests, replies)
}

/// Sends pipelined `requests` and reads `replies` simple replies (status, error, integer or bulk
/// string; a bulk reply is returned with its length line, `$1\r\n7`).
fn exchange_on(stream: &mut TcpStream, requests: &str, replies: usize) -> Vec<String> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(requests.as_bytes()).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut answers = Vec::new();
    for _ in 0..replies {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end().to_string();
        if line.starts_with('$') && line != "$-1" {
            let mut value = String::new();
            reader.read_line(&mut value).unwrap();
            answers.push(format!("{line}\r\n{}", value.trim_end()));
        } else {
            answers.push(line);
        }
    }
    answers
}
