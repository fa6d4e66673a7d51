//! `verify db` against a real sandbox: passes after enabling, fails with precise lines when the
//! topology is broken on purpose (API disabled, policy single, a stopped shard, external addresses
//! missing).

use crate::support;

use std::path::PathBuf;
use std::process::Command;

use rsadmin::api::ApiClient;
use rsadmin::api::ConnectionSettings;
use serde_json::{Value, json};
use support::{Run, Sandbox, wait_until_active};

/// The database port and cluster FQDN of db:1, which appear in every line.
fn db_port(sandbox: &Sandbox) -> u16 {
    sandbox.handle.state().bdbs[0].endpoint_port()
}

fn dns_seed(sandbox: &Sandbox) -> String {
    let port = db_port(sandbox);
    let fqdn = sandbox.handle.state().cluster.name;
    format!("redis-{port}.{fqdn}:{port}")
}

/// A REST client from the real rsadmin library, to break things the CLI would refuse to break.
fn rest(sandbox: &Sandbox) -> ApiClient {
    ApiClient::new(&ConnectionSettings {
        url: sandbox.handle.url(),
        user: sandbox.handle.user(),
        password: sandbox.handle.password(),
        ca_cert: Some(sandbox.handle.ca_cert_path()),
        insecure: false,
    })
    .expect("REST client")
}

fn verify_json(sandbox: &Sandbox, extra: &[&str]) -> (Run, Value) {
    let mut args = vec!["-o", "json", "verify", "db", "db:1"];
    args.extend_from_slice(extra);
    let run = sandbox.rsadmin(&args);
    let document: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|err| panic!("verify -o json printed no JSON ({err}): {}", run.stdout));
    (run, document)
}

/// `(check, severity, subject)` of every line that is not OK.
fn problems(document: &Value) -> Vec<(String, String, String, String)> {
    document["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|check| check["severity"] != "OK")
        .map(|check| {
            let text = |field: &str| check[field].as_str().unwrap_or_default().to_string();
            (
                text("check"),
                text("severity"),
                text("subject"),
                text("seen"),
            )
        })
        .collect()
}

#[test]
fn verify_fails_while_disabled_then_passes_after_enabling() {
    let sandbox = Sandbox::start();
    let port = db_port(&sandbox);
    let seed = dns_seed(&sandbox);

    let run = sandbox.rsadmin(&["verify", "db", "db:1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "db:1 [demo-db]:\n\
             OK   shard_status db:1: 3 master shard(s) active\n\
             FAIL oss_cluster  db:1: oss_cluster: disabled in the REST API; cluster-aware clients \
             cannot discover the topology; expected oss_cluster: enabled. Fix: rsadmin tune db \
             db:1 oss_cluster enabled --fix\n\
             WARN seed_connect {seed}: cannot resolve {seed}; expected clients that seed with the \
             database DNS name can connect\n\
             OK   cluster_api  127.0.1.1:{port}: CLUSTER SLOTS answered -ERR command is not allowed\n\
             summary: 2 OK, 1 WARN, 1 FAIL\n"
        )
    );
    assert_eq!(
        run.stderr,
        "error: 1 check(s) failed: cluster-aware clients of db:1 do not see the topology the \
         REST API describes\n"
    );

    sandbox.enable_oss_cluster();
    let run = sandbox.rsadmin(&["verify", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let node = |n: u8| format!("127.0.1.{n}:{port}");
    let expected = format!(
        "db:1 [demo-db]:\n\
         OK   shard_status   db:1: 3 master shard(s) active\n\
         WARN seed_connect   {seed}: cannot resolve {seed}; expected clients that seed with the \
         database DNS name can connect\n\
         OK   cluster_api    {n1}: CLUSTER SLOTS answered with 3 range(s)\n\
         OK   cluster_api    {n2}: CLUSTER SLOTS answered with 3 range(s)\n\
         OK   cluster_api    {n3}: CLUSTER SLOTS answered with 3 range(s)\n\
         OK   slot_coverage  {n1}: 3 range(s) cover 0-16383 once\n\
         OK   slot_coverage  {n2}: 3 range(s) cover 0-16383 once\n\
         OK   slot_coverage  {n3}: 3 range(s) cover 0-16383 once\n\
         OK   same_topology  3 seed address(es): 0-5460 {n1}, 5461-10922 {n2}, 10923-16383 {n3}\n\
         OK   cluster_shards {n1}: 3 shard(s) agree with CLUSTER SLOTS\n\
         OK   cluster_shards {n2}: 3 shard(s) agree with CLUSTER SLOTS\n\
         OK   cluster_shards {n3}: 3 shard(s) agree with CLUSTER SLOTS\n\
         OK   resp3          {n1}: CLUSTER SLOTS agrees in RESP3\n\
         OK   resp3          {n2}: CLUSTER SLOTS agrees in RESP3\n\
         OK   resp3          {n3}: CLUSTER SLOTS agrees in RESP3\n\
         OK   address_type   {n1}, {n2}, {n3}: each is a node's internal address \
         (oss_cluster_api_preferred_ip_type internal)\n\
         OK   rest_match     db:1: 3 master shard(s) where the REST API places them\n\
         OK   reachable      {n1}: PONG\n\
         OK   routing        {n1} slot 4828 (key rsadmin-verify:probe:0): EXISTS answered\n\
         OK   moved          {n1} slot 8895 (key rsadmin-verify:probe:3): -MOVED 8895 {n2}\n\
         OK   reachable      {n2}: PONG\n\
         OK   routing        {n2} slot 8895 (key rsadmin-verify:probe:3): EXISTS answered\n\
         OK   moved          {n2} slot 12958 (key rsadmin-verify:probe:2): -MOVED 12958 {n3}\n\
         OK   reachable      {n3}: PONG\n\
         OK   routing        {n3} slot 12958 (key rsadmin-verify:probe:2): EXISTS answered\n\
         OK   moved          {n3} slot 4828 (key rsadmin-verify:probe:0): -MOVED 4828 {n1}\n\
         summary: 25 OK, 1 WARN, 0 FAIL\n",
        n1 = node(1),
        n2 = node(2),
        n3 = node(3),
    );
    assert_eq!(run.stdout, expected);

    // The write probe writes, reads back and deletes its own keys.
    let (run, document) = verify_json(&sandbox, &["--write-probe"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(document["passed"], json!(true));
    assert_eq!(document["summary"], json!({"ok": 25, "warn": 1, "fail": 0}));
    let routing: Vec<&Value> = document["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|check| check["check"] == "routing")
        .collect();
    assert_eq!(routing.len(), 3);
    for check in routing {
        assert_eq!(check["seen"], "SET/GET/DEL answered");
        let key = check["subject"].as_str().unwrap();
        assert!(key.contains("(key rsadmin-verify:"), "{key}");
        assert!(
            !key.contains("probe:"),
            "write probes use a unique prefix: {key}"
        );
    }
}

#[test]
fn verify_fails_when_disabled_with_policy_single() {
    let sandbox = Sandbox::start();
    sandbox.enable_oss_cluster();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "oss_cluster", "disabled", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = sandbox.rsadmin(&[
        "bind", "db", "db:1", "endpoint", "1:1", "policy", "single", "-y",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let port = db_port(&sandbox);
    let (run, document) = verify_json(&sandbox, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(document["passed"], json!(false));
    assert_eq!(
        problems(&document),
        vec![
            (
                "oss_cluster".to_string(),
                "FAIL".to_string(),
                "db:1".to_string(),
                "oss_cluster: disabled in the REST API; cluster-aware clients cannot discover \
                 the topology"
                    .to_string()
            ),
            (
                "seed_connect".to_string(),
                "WARN".to_string(),
                dns_seed(&sandbox),
                format!("cannot resolve {}", dns_seed(&sandbox)),
            ),
        ]
    );
    // With policy single only node 1's proxy is bound, and it really refuses the cluster API.
    let api_lines: Vec<(String, String)> = document["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|check| check["check"] == "cluster_api")
        .map(|check| {
            (
                check["subject"].as_str().unwrap().to_string(),
                check["seen"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        api_lines,
        vec![(
            format!("127.0.1.1:{port}"),
            "CLUSTER SLOTS answered -ERR command is not allowed".to_string()
        )]
    );
}

/// Resumes a stopped shard even when an assertion fails, so the sandbox can shut down.
struct StoppedProcess(String);

impl StoppedProcess {
    fn stop(pid: String) -> StoppedProcess {
        let status = Command::new("kill").args(["-STOP", &pid]).status().unwrap();
        assert!(status.success());
        StoppedProcess(pid)
    }
}

impl Drop for StoppedProcess {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-CONT", &self.0]).status();
    }
}

#[test]
fn verify_fails_when_a_shard_stops_answering() {
    let sandbox = Sandbox::start();
    sandbox.enable_oss_cluster();
    let port = db_port(&sandbox);
    let state = sandbox.handle.state();
    let shard = state
        .shards
        .iter()
        .find(|shard| shard.assigned_slots == "5461-10922")
        .expect("the second master shard");
    let node = &state
        .nodes
        .iter()
        .find(|node| node.uid.to_string() == shard.node_uid)
        .unwrap()
        .addr;
    let dir: PathBuf = sandbox.handle.env_file().parent().unwrap().to_path_buf();
    // A shard the --fix rebalance moved runs from its alternate files (`shard-<uid>.b.*`).
    let pid = [
        format!("run/shard-{}.pid", shard.uid),
        format!("run/shard-{}.b.pid", shard.uid),
    ]
    .iter()
    .find_map(|name| std::fs::read_to_string(dir.join(name)).ok())
    .expect("the shard's pid file");
    let stopped = StoppedProcess::stop(pid.trim().to_string());

    let (run, document) = verify_json(&sandbox, &["--probe-timeout", "1"]);
    drop(stopped);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let failures: Vec<_> = problems(&document)
        .into_iter()
        .filter(|(_, severity, _, _)| severity == "FAIL")
        .collect();
    assert_eq!(
        failures,
        vec![(
            "routing".to_string(),
            "FAIL".to_string(),
            format!("{node}:{port} slot 8895 (key rsadmin-verify:probe:3)"),
            format!(
                "no reply from {node}:{port} within 1.0s (reply) (the shard serving slots \
                 5461-10922 does not answer)"
            ),
        )]
    );

    // Once the shard answers again, so does verify.
    let (run, document) = verify_json(&sandbox, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(document["summary"]["fail"], json!(0));
}

#[test]
fn verify_fails_with_external_ip_type_and_a_node_without_external_address() {
    let sandbox = Sandbox::start();
    sandbox.enable_oss_cluster();
    let port = db_port(&sandbox);
    let run = sandbox.rsadmin(&["node", "2", "external_addr", "remove", "127.0.2.2", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // rsadmin refuses the switch (the external_addresses rule); the REST API accepts it.
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "oss_cluster_api_preferred_ip_type",
        "external",
        "-y",
    ]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let client = rest(&sandbox);
    client
        .put_bdb(1, &json!({"oss_cluster_api_preferred_ip_type": "external"}))
        .expect("PUT accepted");
    wait_until_active(&client);

    let run = sandbox.rsadmin(&["verify", "db", "db:1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let failing: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| !line.starts_with("OK ") && !line.starts_with("WARN "))
        .collect();
    assert_eq!(
        failing,
        vec![
            "db:1 [demo-db]:",
            format!(
                "FAIL address_type   127.0.1.2:{port}: advertised 127.0.1.2 (internal address of \
                 node:2); node:2 has no external address; expected a node's external address \
                 (oss_cluster_api_preferred_ip_type external). Fix: rsadmin node 2 \
                 external_addr add <ip>"
            )
            .as_str(),
            "summary: 24 OK, 1 WARN, 1 FAIL",
        ]
    );
    // The other nodes are advertised, reached and routed on their external addresses.
    assert!(run.stdout.contains(&format!(
        "OK   routing        127.0.2.3:{port} slot 12958 (key rsadmin-verify:probe:2): EXISTS answered\n"
    )));
}

#[test]
fn verify_needs_a_database_that_exists() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["verify", "db", "db:9"]);
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    sandbox.clear_requests();
    for absurd in ["0", "1e20", "-1", "NaN"] {
        let flag = format!("--probe-timeout={absurd}");
        let run = sandbox.rsadmin(&["verify", "db", "db:1", &flag]);
        assert_eq!(run.code, 2);
        assert_eq!(
            run.stderr.lines().last(),
            Some(
                format!(
                    "error: invalid value '{absurd}' for '--probe-timeout <SECS>': expected \
                     seconds from 0.001 to 600"
                )
                .as_str()
            )
        );
        assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    }
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}

#[test]
fn verify_with_every_master_on_one_node() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&[
        "bind",
        "endpoint",
        "1:1",
        "policy",
        "all-master-shards",
        "-y",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Dense placement is only a warning, so tune enables without --fix and keeps it.
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "oss_cluster", "enabled", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let port = db_port(&sandbox);
    let run = sandbox.rsadmin(&["verify", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let node1 = format!("127.0.1.1:{port}");
    let data_plane: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| {
            [
                "OK   same_topology",
                "OK   reachable",
                "OK   routing",
                "OK   moved",
            ]
            .iter()
            .any(|prefix| line.starts_with(prefix))
        })
        .collect();
    assert_eq!(
        data_plane,
        vec![
            format!(
                "OK   same_topology  1 seed address(es): 0-5460 {node1}, 5461-10922 {node1}, \
                 10923-16383 {node1}"
            ),
            format!("OK   reachable      {node1}: PONG"),
            format!(
                "OK   routing        {node1} slot 4828 (key rsadmin-verify:probe:0): EXISTS answered"
            ),
            format!(
                "OK   routing        {node1} slot 8895 (key rsadmin-verify:probe:3): EXISTS answered"
            ),
            format!(
                "OK   routing        {node1} slot 12958 (key rsadmin-verify:probe:2): EXISTS answered"
            ),
            format!(
                "OK   moved          {node1}: not applicable: this node serves every slot, so no \
                 key can be redirected"
            ),
        ]
    );
}
