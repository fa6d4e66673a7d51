//! `bind` (and `placement`, its neighbour in rladmin's grammar) against a fresh sandbox.

use crate::support;

use support::{ENABLE_OSS_CLUSTER, Sandbox};

fn endpoint_rows(sandbox: &Sandbox) -> Vec<String> {
    let run = sandbox.rsadmin(&["status", "endpoints"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().skip(2).map(str::to_string).collect()
}

#[test]
fn bind_policy_in_both_grammars() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&[
        "bind",
        "db",
        "db:1",
        "endpoint",
        "1:1",
        "policy",
        "all-nodes",
        "-y",
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Finished successfully\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/bdbs/1".to_string(),
            r#"{"endpoint":"1:1","proxy_policy":"all-nodes"}"#.to_string()
        )]
    );
    assert_eq!(
        endpoint_rows(&sandbox),
        [
            "db:1  demo-db endpoint:1:1 node:1 all-nodes No",
            "db:1  demo-db endpoint:1:1 node:2 all-nodes No",
            "db:1  demo-db endpoint:1:1 node:3 all-nodes No",
        ]
    );
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:1", "policy", "single", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        endpoint_rows(&sandbox),
        ["db:1  demo-db endpoint:1:1 node:1 single No"]
    );
}

#[test]
fn bind_exclude_then_policy_clears_the_list() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:1", "policy", "all-nodes", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:1", "remove", "2", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/bdbs/1".to_string(),
            r#"{"endpoint":"1:1","exclude_proxies":[2]}"#.to_string()
        )]
    );
    assert_eq!(
        endpoint_rows(&sandbox),
        [
            "db:1  demo-db endpoint:1:1 node:1 all-nodes -2 No",
            "db:1  demo-db endpoint:1:1 node:3 all-nodes -2 No",
        ]
    );
    // With a proxy list, the OSS Cluster API is refused even with --fix (the list is not fixable).
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&ENABLE_OSS_CLUSTER);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(run.stderr.contains("uses proxy include/exclude lists"));
    assert!(sandbox.puts().is_empty());
}

#[test]
fn bind_errors() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:9", "policy", "single", "-y"]);
    assert_eq!(run.code, 5);
    assert_eq!(
        run.stderr,
        "error: endpoint 1:9 not found on db:1 [demo-db]. `rsadmin status endpoints` lists the endpoints.\n"
    );
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:1", "policy", "everywhere"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with(
        "error: invalid policy \"everywhere\": expected one of single, all-master-shards, all-nodes. Usage:"
    ));
    let run = sandbox.rsadmin(&["bind", "endpoint", "1:1", "policy", "all-nodes"]);
    assert_eq!(run.code, 2, "no terminal and no -y");
    assert!(sandbox.puts().is_empty());
}

#[test]
fn placement_is_a_deprecated_alias() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["placement", "db", "db:1", "sparse"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "Shards placement policy is now sparse\n");
    assert_eq!(
        run.stderr,
        "warning: `placement` is deprecated; use: rsadmin tune db db:1 shards_placement sparse\n"
    );
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/bdbs/1".to_string(),
            r#"{"shards_placement":"sparse"}"#.to_string()
        )]
    );
    let run = sandbox.rsadmin(&["status", "databases"]);
    assert!(run.stdout.contains(" sparse "));
}

#[test]
fn json_outcomes_of_bind_placement_and_info_node() {
    let sandbox = Sandbox::start();
    let run = sandbox.rsadmin(&[
        "-o",
        "json",
        "-y",
        "bind",
        "endpoint",
        "1:1",
        "policy",
        "all-master-shards",
    ]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["outcome"], "applied");
    assert_eq!(
        document["requests"][0]["body"],
        serde_json::json!({"endpoint": "1:1", "proxy_policy": "all-master-shards"})
    );
    let run = sandbox.rsadmin(&["-o", "json", "placement", "db", "db:1", "dense"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["outcome"], "nothing_to_change");
    let run = sandbox.rsadmin(&["-o", "json", "info", "node", "all"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document.as_array().map(Vec::len), Some(3));
    assert_eq!(
        document[0]["external_addr"],
        serde_json::json!(["127.0.2.1"])
    );
}
