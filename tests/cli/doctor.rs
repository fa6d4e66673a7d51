//! `doctor db` and `keyslot` against a real sandbox.

use crate::support;

use serde_json::Value;
use support::{Sandbox, run_rsadmin};

/// `(severity, problem)` of every doctor line, and the fix of the lines that have one.
fn diagnoses(stdout: &str) -> Vec<(String, String, Option<String>)> {
    let document: Value = serde_json::from_str(stdout).expect("doctor -o json prints JSON");
    document["diagnoses"]
        .as_array()
        .expect("diagnoses")
        .iter()
        .map(|diagnosis| {
            (
                diagnosis["severity"].as_str().unwrap().to_string(),
                diagnosis["problem"].as_str().unwrap().to_string(),
                diagnosis["fix"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn row(severity: &str, problem: &str, fix: Option<&str>) -> (String, String, Option<String>) {
    (
        severity.to_string(),
        problem.to_string(),
        fix.map(str::to_string),
    )
}

#[test]
fn doctor_maps_a_fresh_database_then_a_healthy_one() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&[
        "-o", "json", "doctor", "db", "db:1", "--key", "a", "--key", "b",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        diagnoses(&run.stdout),
        vec![
            row(
                "FAIL",
                "\"Cluster not enabled\" errors",
                Some("rsadmin tune db db:1 oss_cluster enabled --fix")
            ),
            row(
                "FAIL",
                "Prerequisites",
                Some("rsadmin bind db db:1 endpoint 1:1 policy all-master-shards")
            ),
            row(
                "WARN",
                "Prerequisites",
                Some("rsadmin tune db db:1 shards_placement sparse")
            ),
            row(
                "WARN",
                "Prerequisites",
                Some(
                    "rsadmin migrate shard 2 target_node 2 && rsadmin migrate shard 3 \
                     target_node 3"
                )
            ),
            row("WARN", "Prerequisites", None),
            row(
                "WARN",
                "MOVED or CROSSSLOT errors",
                Some("rsadmin keyslot a b")
            ),
            row(
                "WARN",
                "Cannot connect externally",
                Some("rsadmin tune db db:1 oss_cluster_api_preferred_ip_type external")
            ),
            row("OK", "Changes not reflected in clients", None),
            row("OK", "Tools that are not cluster-aware", None),
            row(
                "WARN",
                "Client library compatibility",
                Some("read from masters only: turn replica reads off in the client")
            ),
            row(
                "WARN",
                "Client library compatibility",
                Some("configure such clients for a single (proxy) endpoint explicitly")
            ),
        ]
    );
    assert_eq!(
        run.stderr,
        "error: doctor found 2 problem(s) with db:1; each FAIL line names its fix\n"
    );

    sandbox.enable_oss_cluster();
    let run = sandbox.rsadmin(&["doctor", "db", "db:1", "--key", "{u1}.a", "--key", "{u1}.b"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let port = sandbox.handle.state().bdbs[0].endpoint_port();
    let summary: Vec<String> = run
        .stdout
        .lines()
        .take_while(|line| *line != "verify:")
        .map(str::to_string)
        .collect();
    let expected: Vec<String> = [
        "db:1 [demo-db]:",
        "OK   \"Cluster not enabled\" errors: the OSS Cluster API is enabled for db:1 and \
             answers CLUSTER SLOTS",
        "OK   Prerequisites: db:1 meets every OSS Cluster API prerequisite",
        "OK   MOVED or CROSSSLOT errors: the given keys share slot 4574: multi-key commands \
             on them work",
        "WARN Cannot connect externally: db:1 advertises internal addresses: clients outside \
             the cluster's network cannot reach them, although 3 node(s) have external \
             addresses. Fix: rsadmin tune db db:1 oss_cluster_api_preferred_ip_type external",
        "OK   Changes not reflected in clients: every node advertises the same topology, \
             matching the REST API; after a change, clients must reconnect to see it",
        "OK   Tools that are not cluster-aware: Redis Insight and redis-cli without -c are not \
             cluster-aware; use redis-cli -c or a cluster client (redis-py RedisCluster, \
             node-redis createCluster, ioredis Cluster, JedisCluster, go-redis ClusterClient): \
             with the OSS Cluster API on, other tools see MOVED",
        "WARN Client library compatibility: 127.0.1.1:{port} answers READONLY with -ERR \
             unknown command 'READONLY': clients that read from replicas (JedisCluster, ioredis \
             scaleReads, go-redis ReadOnly/RouteByLatency, Redisson) or send READONLY on every \
             connection (newer redis-rs cluster code) fail. Fix: read from masters only: turn \
             replica reads off in the client",
    ]
    .iter()
    .map(|line| line.replace("{port}", &port.to_string()))
    .collect();
    assert_eq!(summary, expected);
    assert!(run.stdout.contains("\nsummary: 25 OK, 1 WARN, 0 FAIL\n"));
}

#[test]
fn keyslot_without_and_with_a_database() {
    let run = run_rsadmin(
        &["keyslot", "foo", "{user1000}.following", "foo{}{bar}"],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "KEY                  SLOT  HASH_TAG\n\
         foo                  12182 -\n\
         {user1000}.following 3443  user1000\n\
         foo{}{bar}           8363  -\n"
    );
    assert_eq!(
        run.stderr,
        "note: these keys span 3 slots; a multi-key command on them fails with CROSSSLOT unless \
         they share a hash tag, e.g. {tag}:key\n"
    );

    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["-o", "json", "keyslot", "bar", "foo", "--db", "db:1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let placements: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        placements,
        serde_json::json!([
            {"key": "bar", "slot": 5061, "hash_tag": null, "shard": "redis:1", "node": "node:1"},
            {"key": "foo", "slot": 12182, "hash_tag": null, "shard": "redis:3", "node": "node:1"},
        ])
    );
    sandbox.enable_oss_cluster();
    let run = sandbox.rsadmin(&["keyslot", "bar", "foo", "--db", "db:1"]);
    assert_eq!(
        run.stdout,
        "KEY SLOT  HASH_TAG SHARD   NODE\n\
         bar 5061  -        redis:1 node:1\n\
         foo 12182 -        redis:3 node:3\n"
    );

    let run = sandbox.rsadmin(&["keyslot", "foo", "--db", "db:7"]);
    assert_eq!(run.code, 5, "{}", run.stderr);
    let run = run_rsadmin(&["keyslot"], &[]);
    assert_eq!(run.code, 2);
}
