//! The client proof of `migrate` and `failover`: redis-py 8 `RedisCluster`, node-redis and ioredis
//! each run a SET/GET loop over 1,000 keys while rsadmin migrates a master shard, and again while
//! it fails a master over. Every key must read back as last written, and the client's slot map
//! must name the new node. The retries each client needed are printed (run with --nocapture).

use crate::shard_moves::{serving, with_replication};
use crate::support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::json;
use support::Sandbox;

/// How long a client may take to warm up or to finish its last pass (a loaded machine is slow).
const CLIENT_WAIT: Duration = Duration::from_secs(180);

const CLIENTS: [(&str, &str); 3] = [
    ("python3", "redis_py_topology_loop.py"),
    ("node", "node_redis_topology_loop.js"),
    ("node", "ioredis_topology_loop.js"),
];

fn db_port(sandbox: &Sandbox) -> u64 {
    let run = sandbox.rsadmin(&["-o", "json", "info", "db", "db:1"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    document[0]["endpoints"][0]["port"]
        .as_u64()
        .expect("endpoint port")
}

/// Starts `script` on `slot`, waits until it is connected, runs `change` with rsadmin while its
/// loop runs, stops the loop and returns the client's report.
fn client_during(
    sandbox: &Sandbox,
    client: (&str, &str),
    slot: u16,
    change: &[&str],
) -> serde_json::Value {
    let port = db_port(sandbox);
    let (interpreter, script) = client;
    let dir = tempfile::tempdir().expect("temp dir");
    let stop_file = dir.path().join("stop");
    let mut child = Command::new(interpreter)
        .arg(format!(
            "{}/tests/clients/{script}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .arg(&stop_file)
        .arg(slot.to_string())
        .args((1..=3).map(|node| format!("127.0.1.{node}:{port}")))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("client starts");
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let ready = received.recv_timeout(CLIENT_WAIT);
    assert_eq!(ready.as_deref(), Ok("ready"), "{script} did not connect");
    // Let the loop write for a moment before the change.
    std::thread::sleep(Duration::from_millis(300));
    let run = sandbox.rsadmin(change);
    assert_eq!(run.code, 0, "{change:?}: {}", run.stderr);
    std::fs::write(&stop_file, b"").expect("stop file");
    let report = received
        .recv_timeout(CLIENT_WAIT)
        .unwrap_or_else(|_| panic!("{script} sent no report"));
    assert!(child.wait().expect("client ends").success(), "{script}");
    eprintln!("{script} during {change:?}: {report}");
    let report: serde_json::Value = serde_json::from_str(&report).expect("JSON report");
    assert_eq!(
        (&report["mismatches"], &report["bad_keys"], &report["keys"]),
        (&json!(0), &json!(0), &json!(1000)),
        "{script}: {report}"
    );
    report
}

/// A database with replication and the OSS Cluster API on: masters on three nodes after the
/// rebalance `--fix` runs.
fn oss_sandbox() -> Sandbox {
    let sandbox = with_replication();
    sandbox.enable_oss_cluster();
    sandbox
}

/// The slot ranges of the demo database's three master shards.
const MIGRATED_RANGE: (&str, u16) = ("5461-10922", 5461);
const FAILED_OVER_RANGE: (&str, u16) = ("0-5460", 0);

#[test]
fn clients_follow_a_master_migration_without_losing_a_write() {
    for client in CLIENTS {
        let sandbox = oss_sandbox();
        let port = db_port(&sandbox);
        let (slots, slot) = MIGRATED_RANGE;
        let (master, master_node) = serving(&sandbox, slots, "master");
        let (_, replica_node) = serving(&sandbox, slots, "slave");
        // The node holding neither the master nor its replica.
        let target = (1..=3)
            .map(|node| format!("node:{node}"))
            .find(|node| *node != master_node && *node != replica_node)
            .expect("a free node");
        let target = target.trim_start_matches("node:");
        let report = client_during(
            &sandbox,
            client,
            slot,
            &["migrate", "shard", &master, "target_node", target, "-y"],
        );
        assert_eq!(
            report["owner"],
            format!("127.0.1.{target}:{port}"),
            "{report}"
        );
    }
}

#[test]
fn clients_follow_a_master_failover_without_losing_a_write() {
    for client in CLIENTS {
        let sandbox = oss_sandbox();
        let port = db_port(&sandbox);
        let (slots, slot) = FAILED_OVER_RANGE;
        let (master, _) = serving(&sandbox, slots, "master");
        let (_, promoted) = serving(&sandbox, slots, "slave");
        let report = client_during(
            &sandbox,
            client,
            slot,
            &["failover", "db", "db:1", "shard", &master, "-y"],
        );
        assert_eq!(
            report["owner"],
            format!("127.0.1.{}:{port}", promoted.trim_start_matches("node:")),
            "{report}"
        );
    }
}
