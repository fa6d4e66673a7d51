//! `migrate` and `failover`: the moves shard by shard, waited for and read back; invoked as
//! `rladmin` they run from scripts without `-y`; bad input exits 5 or 3 with nothing sent.

use crate::support;

use serde_json::json;
use support::Sandbox;

/// The cells of every row of `rsadmin status shards`: DB:ID NAME ID NODE ROLE SLOTS ...
fn status_cells(sandbox: &Sandbox) -> Vec<Vec<String>> {
    let run = sandbox.rsadmin(&["status", "shards"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
        .lines()
        .skip(2)
        .map(|line| line.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// `(redis:<id>, node:<id>, role)` of every shard, from `rsadmin status shards`.
pub fn shard_rows(sandbox: &Sandbox) -> Vec<(String, String, String)> {
    status_cells(sandbox)
        .into_iter()
        .map(|cells| (cells[2].clone(), cells[3].clone(), cells[4].clone()))
        .collect()
}

fn row(shard: &str, node: &str, role: &str) -> (String, String, String) {
    (shard.into(), node.into(), role.into())
}

/// `(shard id, node:<id>)` of the shard serving `slots` in `role`.
pub fn serving(sandbox: &Sandbox, slots: &str, role: &str) -> (String, String) {
    let rows = status_cells(sandbox);
    rows.iter()
        .find(|cells| cells[5] == slots && cells[4] == role)
        .map(|cells| {
            (
                cells[2].trim_start_matches("redis:").to_string(),
                cells[3].clone(),
            )
        })
        .unwrap_or_else(|| panic!("no {role} of {slots} in {rows:?}"))
}

/// The node of the replica that serves the same slots as master shard `redis:<master>`.
pub fn replica_node(sandbox: &Sandbox, master: &str) -> String {
    let slots = status_cells(sandbox)
        .into_iter()
        .find(|cells| cells[2] == format!("redis:{master}"))
        .expect("master listed")[5]
        .clone();
    serving(sandbox, &slots, "slave").1
}

pub fn with_replication() -> Sandbox {
    let sandbox = Sandbox::start();
    sandbox.put_demo_db(&json!({"replication": true}));
    sandbox
}

#[test]
fn migrate_moves_a_shard_and_reads_it_back() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["migrate", "shard", "2", "target_node", "3", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "redis:2 node is now node:3\nDone\n");
    assert_eq!(
        sandbox.changes_sent(),
        [(
            "POST".to_string(),
            "/v1/shards/actions/migrate".to_string(),
            r#"{"shard_uids":["2"],"target_node_uid":3}"#.to_string()
        )]
    );
    assert_eq!(
        shard_rows(&sandbox),
        [
            row("redis:1", "node:1", "master"),
            row("redis:2", "node:3", "master"),
            row("redis:3", "node:1", "master"),
        ]
    );
    // Asking for where it already is sends nothing.
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["migrate", "shard", "redis:2", "target_node", "node:3", "-y"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "Nothing to change\n"));
    assert!(sandbox.changes_sent().is_empty());
}

#[test]
fn dry_run_shows_the_moves_shard_by_shard_and_sends_nothing() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&[
        "migrate",
        "db",
        "db:1",
        "all_master_shards",
        "target_node",
        "2",
        "--dry-run",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Plan for db:1 [demo-db]:
  redis:1 node: node:1 -> node:2
  redis:2 node: node:1 -> node:2
  redis:3 node: node:1 -> node:2
REST calls:
  POST /v1/shards/actions/migrate {\"shard_uids\":[\"1\",\"2\",\"3\"],\"target_node_uid\":2}
Dry run: nothing was sent.
"
    );
    assert!(sandbox.changes_sent().is_empty());
    // Under rsadmin's own name a change needs a terminal to confirm on, or -y.
    let run = sandbox.rsadmin(&["migrate", "node", "1", "all_shards", "target_node", "2"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Re-run with -y"), "{}", run.stderr);
    assert!(sandbox.changes_sent().is_empty());
}

#[test]
fn bad_input_exits_5_or_3_and_sends_nothing() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    for (args, code, stderr) in [
        (
            &["migrate", "shard", "9", "target_node", "2", "-y"][..],
            5,
            "error: shard redis:9 not found; nothing was sent. `rsadmin status shards` lists the shards.\n",
        ),
        (
            &["migrate", "shard", "2", "target_node", "7", "-y"],
            5,
            "error: node:7 not found; nothing was sent. `rsadmin status nodes` lists the nodes.\n",
        ),
        (
            &[
                "migrate",
                "node",
                "6",
                "all_shards",
                "target_node",
                "2",
                "-y",
            ],
            5,
            "error: node:6 not found; nothing was sent. `rsadmin status nodes` lists the nodes.\n",
        ),
        (
            &[
                "migrate",
                "db",
                "db:4",
                "all_shards",
                "target_node",
                "2",
                "-y",
            ],
            5,
            "error: database db:4 not found. `rsadmin status databases` lists the databases.\n",
        ),
        (
            &["failover", "shard", "8", "-y"],
            5,
            "error: shard redis:8 not found; nothing was sent. `rsadmin status shards` lists the shards.\n",
        ),
        (
            &["failover", "db", "db:1", "shard", "1", "-y"],
            3,
            "error: redis:1 has no replica to fail over to (db:1 has no replication); nothing was sent\n",
        ),
    ] {
        let run = sandbox.rsadmin(args);
        assert_eq!((run.code, run.stderr.as_str()), (code, stderr), "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
    }
    let run = sandbox.rsadmin(&[
        "migrate",
        "shard",
        "2",
        "target_node",
        "3",
        "override_policy",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(sandbox.changes_sent().is_empty());
}

#[test]
fn a_master_and_its_replica_never_share_a_node() {
    let sandbox = with_replication();
    let (replica, replica_node) = serving(&sandbox, "0-5460", "slave");
    let node = replica_node.trim_start_matches("node:");
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["migrate", "shard", "1", "target_node", node, "-y"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "error: migrating would put master redis:1 and its replica redis:{replica} of db:1 on \
             {replica_node}; a master and its replica must be on different nodes, so the database \
             survives losing one. Choose another target_node; nothing was sent.\n"
        )
    );
    assert!(sandbox.changes_sent().is_empty());
    // A replica is not failed over.
    let replica = shard_rows(&sandbox)
        .into_iter()
        .find(|(_, _, role)| role == "slave")
        .expect("a replica")
        .0;
    let run = sandbox.rsadmin(&["failover", "shard", &replica, "-y"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(sandbox.changes_sent().is_empty());
}

#[test]
fn failover_promotes_the_replica_and_reads_it_back() {
    let sandbox = with_replication();
    let before = shard_rows(&sandbox);
    let replica_node = replica_node(&sandbox, "1");
    let replica = before
        .iter()
        .find(|(_, node, role)| *node == replica_node && role == "slave")
        .expect("replica of redis:1")
        .0
        .clone();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["failover", "db", "db:1", "shard", "1", "--dry-run"]);
    assert_eq!(
        run.stdout,
        format!(
            "Plan for db:1 [demo-db]:\n  redis:1 role: master -> slave\n  {replica} role: slave -> master\n\
             REST calls:\n  POST /v1/shards/actions/failover {{\"shard_uids\":[\"1\"]}}\n\
             Dry run: nothing was sent.\n"
        )
    );
    assert!(sandbox.changes_sent().is_empty());
    let run = sandbox.rsadmin(&["failover", "db", "db:1", "shard", "1", "-y"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!("redis:1 role is now slave\n{replica} role is now master\nFinished successfully\n")
    );
    assert_eq!(
        sandbox.changes_sent(),
        [(
            "POST".to_string(),
            "/v1/shards/actions/failover".to_string(),
            r#"{"shard_uids":["1"]}"#.to_string()
        )]
    );
    let after = shard_rows(&sandbox);
    assert!(
        after.contains(&row("redis:1", "node:1", "slave")),
        "{after:?}"
    );
    assert!(
        after.contains(&row(&replica, &replica_node, "master")),
        "{after:?}"
    );
}

#[test]
fn rladmin_runs_migrate_failover_and_bind_as_a_script_does() {
    let sandbox = with_replication();
    let run = sandbox.rladmin(&[
        "bind",
        "db",
        "db:1",
        "endpoint",
        "1:1",
        "policy",
        "all-master-shards",
    ]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Finished successfully\n"),
        "{}",
        run.stderr
    );
    let target = ["2", "3"]
        .into_iter()
        .find(|node| replica_node(&sandbox, "2") != format!("node:{node}"))
        .expect("a node without redis:2's replica");
    let run = sandbox.rladmin(&["migrate", "shard", "2", "target_node", target]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            format!("redis:2 node is now node:{target}\nDone\n").as_str()
        ),
        "{}",
        run.stderr
    );
    let run = sandbox.rladmin(&["failover", "db", "db:1", "shard", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.ends_with("Finished successfully\n"),
        "{}",
        run.stdout
    );
}
