//! `tune db`: refusal, --fix, idempotence, dry-run, bad input, confirmation, waiting, read back.

use crate::support;

use std::time::Duration;

use support::{ENABLE_OSS_CLUSTER, Run, Sandbox};

/// The blueprint `--fix` sends for the demo database: one master per node, by slot range.
const BLUEPRINT: &str = r#"{"shards_blueprint":[{"nodes":[{"node_uid":"1","role":"master"}],"slot_range":"0-5460"},{"nodes":[{"node_uid":"2","role":"master"}],"slot_range":"5461-10922"},{"nodes":[{"node_uid":"3","role":"master"}],"slot_range":"10923-16383"}]}"#;

fn info_lines(sandbox: &Sandbox, keys: &[&str]) -> Vec<String> {
    let run = sandbox.rsadmin(&["info", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .filter(|line| {
            keys.iter()
                .any(|key| line.starts_with(&format!("  {key}:")))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn enabling_on_the_demo_database_is_refused_and_sends_nothing() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "oss_cluster", "enabled"]);
    assert_eq!(run.code, 3);
    assert_eq!(run.stdout, "");
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("error:"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: db:1 uses proxy policy \"single\"; the OSS Cluster API needs \"all-master-shards\" or \
             \"all-nodes\". Fix: rsadmin bind db db:1 endpoint 1:1 policy all-master-shards",
            "error: refused: 1 prerequisite(s) of the OSS Cluster API not met for db:1 [demo-db]; nothing was changed. rsadmin can apply the fixable ones first: rsadmin tune db db:1 \
             oss_cluster enabled --fix",
        ]
    );
    assert!(
        run.stderr
            .contains("warning: db:1 uses shard placement \"dense\"")
    );
    assert!(sandbox.puts().is_empty());
}

/// The plan of `--fix` reads each resource once: the database, the nodes, its shards and the
/// blueprint, then gates the whole plan on what it read.
#[test]
fn fix_plans_from_one_read_per_resource() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let mut args = ENABLE_OSS_CLUSTER.to_vec();
    args.push("--dry-run");
    let run = sandbox.rsadmin(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reads: Vec<String> = sandbox
        .requests()
        .into_iter()
        .take_while(|request| request.method == "GET")
        .map(|request| request.path)
        .collect();
    assert_eq!(
        reads,
        [
            "/v1/bdbs?fields=uid,name",
            "/v1/bdbs/1",
            "/v1/nodes",
            "/v1/bdbs/1/shards",
            "/v1/bdbs/1/actions/optimize_shards_placement?shards_placement=sparse",
        ]
    );
}

#[test]
fn fix_applies_prerequisites_in_order_then_enables() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&ENABLE_OSS_CLUSTER);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The rebalance after sparse placement moved two masters (a placement change moves none).
    assert_eq!(
        run.stdout,
        "slots 5461-10922 master is now node:2\nslots 10923-16383 master is now node:3\n\
         Finished successfully\n"
    );
    let steps: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| line.starts_with("Step "))
        .collect();
    assert_eq!(
        steps,
        [
            "Step 1/4: endpoint:1:1 proxy_policy: single -> all-master-shards",
            "Step 2/4: shards_placement: dense -> sparse",
            "Step 3/4: slots 5461-10922 master: node:1 -> node:2, slots 10923-16383 master: \
             node:1 -> node:3",
            "Step 4/4: oss_cluster: disabled -> enabled",
        ]
    );
    assert_eq!(
        sandbox.puts(),
        [
            (
                "/v1/bdbs/1".to_string(),
                r#"{"endpoint":"1:1","proxy_policy":"all-master-shards"}"#.to_string()
            ),
            (
                "/v1/bdbs/1".to_string(),
                r#"{"shards_placement":"sparse"}"#.to_string()
            ),
            ("/v1/bdbs/1".to_string(), BLUEPRINT.to_string()),
            (
                "/v1/bdbs/1".to_string(),
                r#"{"oss_cluster":true}"#.to_string()
            ),
        ]
    );
    assert_eq!(
        info_lines(
            &sandbox,
            &["oss_cluster", "proxy_policy", "shards_placement"]
        ),
        [
            "  oss_cluster: enabled",
            "  proxy_policy: all-master-shards",
            "  shards_placement: sparse"
        ]
    );
    // The rebalance moved the masters: one per node, as `check` wants them.
    let masters: Vec<(String, String)> = crate::shard_moves::shard_rows(&sandbox)
        .into_iter()
        .filter(|(_, _, role)| role == "master")
        .map(|(shard, node, _)| (shard, node))
        .collect();
    assert_eq!(
        masters,
        [
            ("redis:1".to_string(), "node:1".to_string()),
            ("redis:2".to_string(), "node:2".to_string()),
            ("redis:3".to_string(), "node:3".to_string()),
        ]
    );
    // Asking again for the current value changes nothing.
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&ENABLE_OSS_CLUSTER);
    assert_eq!((run.code, run.stdout.as_str()), (0, "Nothing to change\n"));
    assert!(sandbox.puts().is_empty());
    let run = sandbox.rsadmin(&["check", "db", "db:1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .ends_with("db:1 [demo-db]: the OSS Cluster API can be enabled\n")
    );
}

#[test]
fn dry_run_prints_the_plan_and_sends_nothing() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "oss_cluster",
        "enabled",
        "--fix",
        "--dry-run",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Plan for db:1 [demo-db]:
  endpoint:1:1 proxy_policy: single -> all-master-shards
  shards_placement: dense -> sparse
  slots 5461-10922 master: node:1 -> node:2
  slots 10923-16383 master: node:1 -> node:3
  oss_cluster: disabled -> enabled
REST calls:
  PUT /v1/bdbs/1 {\"endpoint\":\"1:1\",\"proxy_policy\":\"all-master-shards\"}
  PUT /v1/bdbs/1 {\"shards_placement\":\"sparse\"}
  GET /v1/bdbs/1/actions/optimize_shards_placement?shards_placement=sparse
  PUT /v1/bdbs/1 {BLUEPRINT} (with the cluster-state-id header of the GET)
  PUT /v1/bdbs/1 {\"oss_cluster\":true}
Dry run: the cluster validated the calls (dry_run=true); nothing was changed.
"
        .replace("{BLUEPRINT}", BLUEPRINT)
    );
    // The cluster checked the end state of the plan, and was asked for nothing else.
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/bdbs/1?dry_run=true".to_string(),
            r#"{"endpoint":"1:1","oss_cluster":true,"proxy_policy":"all-master-shards","shards_placement":"sparse"}"#
                .to_string()
        )]
    );
    let run = sandbox.rsadmin(&[
        "-o",
        "json",
        "tune",
        "db",
        "db:1",
        "max_connections",
        "50",
        "--dry-run",
    ]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["outcome"], "dry_run");
    assert_eq!(
        document["requests"][0]["body"],
        serde_json::json!({"max_connections": 50})
    );
    assert_eq!(document["requests"][0]["changes"][0]["current"], 0);
    // Only dry runs reached the cluster: one that ignored the parameter never got a real change.
    let puts = sandbox.puts();
    assert_eq!(puts.len(), 2);
    assert!(
        puts.iter()
            .all(|(path, _)| path == "/v1/bdbs/1?dry_run=true"),
        "{puts:?}"
    );
    assert_eq!(
        sandbox
            .handle
            .state()
            .bdb(1)
            .expect("db:1")
            .shards_placement,
        rsadmin_sandbox::state::ShardsPlacement::Dense
    );
}

#[test]
fn a_dry_run_the_cluster_refuses_shows_the_plan_and_its_refusal() {
    let sandbox = Sandbox::start();
    // A change in flight: the cluster refuses another one, dry run or not.
    sandbox.set_change_delay(Duration::from_secs(5));
    sandbox.put_demo_db_without_waiting(&serde_json::json!({"max_connections": 3}));
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "max_connections", "5", "--dry-run"]);
    assert_eq!(run.code, 6, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Plan for db:1 [demo-db]:\n  max_connections: 3 -> 5\nREST calls:\n  \
         PUT /v1/bdbs/1 {\"max_connections\":5}\n"
    );
    assert!(
        run.stderr.starts_with(
            "error: dry run: the cluster is busy: PUT /v1/bdbs/1?dry_run=true (HTTP 409 busy)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("; nothing was changed\n"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.puts().len(), 1);
}

#[test]
fn a_plain_setting_is_applied_and_read_back() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "demo-db",
        "max_connections",
        "100",
        "schedpolicy",
        "mru",
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "Finished successfully\n", "")
    );
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/bdbs/1".to_string(),
            r#"{"max_connections":100,"sched_policy":"mru"}"#.to_string()
        )]
    );
    assert_eq!(
        info_lines(&sandbox, &["max_connections", "sched_policy"]),
        ["  sched_policy: mru", "  max_connections: 100"]
    );
    let run = sandbox.rsadmin(&["-o", "json", "tune", "db", "db:1", "max_connections", "100"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["outcome"], "nothing_to_change");
}

#[test]
fn bad_keys_and_values_exit_2_and_send_nothing() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "oss_clusterr", "enabled"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with(
        "error: unknown key \"oss_clusterr\" for tune db. Valid keys: slave_buffer, repl_backlog, \
         master_persistence, maxclients, conns,"
    ));
    assert!(
        run.stderr
            .contains("oss_cluster, oss_cluster_api_preferred_ip_type")
    );
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "oss_cluster_api_preferred_ip_type",
        "public",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: invalid value \"public\" for oss_cluster_api_preferred_ip_type: expected internal|external\n"
    );
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "max_client_pipeline", "5000"]);
    assert_eq!(run.code, 2);
    let run = sandbox.rsadmin(&["tune", "db", "db:x", "mkms", "enabled"]);
    assert_eq!(run.code, 2);
    let run = sandbox.rsadmin(&["tune", "db", "db:7", "mkms", "enabled"]);
    assert_eq!(run.code, 5);
    assert!(sandbox.puts().is_empty());
    assert!(
        sandbox
            .requests()
            .iter()
            .all(|request| request.method == "GET")
    );
}

#[test]
fn disruptive_change_without_terminal_or_yes_exits_2() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "oss_cluster_api_preferred_ip_type",
        "external",
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: changing oss_cluster_api_preferred_ip_type on db:1 [demo-db] affects connected clients and \
         needs confirmation, but there is no terminal to ask on. Re-run with -y to confirm (or --dry-run to \
         see the plan); nothing was sent.\n"
    );
    assert!(sandbox.puts().is_empty());
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "oss_cluster_api_preferred_ip_type",
        "external",
        "-y",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn waiting_times_out_with_exit_7() {
    let sandbox = Sandbox::start();
    let run = tune_that_times_out(&sandbox, Duration::from_secs(3));
    // The wait follows the action the PUT named, so the timeout names it.
    let action_uid = sandbox.action_uid_of_last_put();
    assert_eq!(
        run.stderr,
        format!(
            "error: SMUpdateBDB on bdb:1 (action {action_uid}) is still pending (0%) after 1 s; the change \
             was sent and may still be applied (raise --timeout to wait longer)\n"
        )
    );
}

#[test]
fn a_change_the_cluster_did_not_apply_exits_1() {
    let sandbox = Sandbox::start();
    sandbox.handle.fail_next_change();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "max_connections", "7"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let action_uid = sandbox.action_uid_of_last_put();
    assert_eq!(
        run.stderr,
        format!(
            "error: the cluster did not apply the change: SMUpdateBDB on bdb:1 (action {action_uid}) \
             failed (internal_error): injected failure (fail_next_change). Check the cluster's event \
             log, then retry.\n"
        )
    );
}

#[test]
fn json_reports_refusal_with_findings() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["-o", "json", "tune", "db", "db:1", "oss_cluster", "enabled"]);
    assert_eq!(run.code, 3);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["outcome"], "refused");
    let failing: Vec<&str> = document["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["severity"] == "FAIL")
        .map(|finding| finding["rule"].as_str().unwrap())
        .collect();
    assert_eq!(failing, ["proxy_policy"]);
}

#[test]
fn a_busy_database_is_retried_then_exits_6() {
    let sandbox = Sandbox::start();
    tune_that_times_out(&sandbox, Duration::from_secs(20));
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["tune", "db", "db:1", "max_connections", "8"]);
    assert_eq!(run.code, 6, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: the cluster is busy: PUT /v1/bdbs/1 (HTTP 409 busy): db:1 is busy: status is \
         active-change-pending, wait until it is active. Wait for the running change to finish and retry.\n"
    );
    // The first attempt and every retry reached the cluster.
    assert_eq!(sandbox.puts().len(), 5);
}

/// With every change taking `delay`, `tune ... --timeout 1` gives up waiting (exit 7).
fn tune_that_times_out(sandbox: &Sandbox, delay: Duration) -> Run {
    sandbox.set_change_delay(delay);
    let run = sandbox.rsadmin(&[
        "tune",
        "db",
        "db:1",
        "max_connections",
        "7",
        "--timeout",
        "1",
    ]);
    assert_eq!(run.code, 7, "{}", run.stderr);
    run
}
