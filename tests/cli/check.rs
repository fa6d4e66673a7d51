//! `check db` against a fresh sandbox.

use crate::support;

use support::Sandbox;

#[test]
fn check_db_reports_every_rule_and_exits_3() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["check", "db", "db:1"]);
    assert_eq!(run.code, 3);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 12);
    assert_eq!(
        lines[2],
        "FAIL proxy_policy          db:1 uses proxy policy \"single\"; the OSS Cluster API needs \
         \"all-master-shards\" or \"all-nodes\". Fix: rsadmin bind db db:1 endpoint 1:1 policy all-master-shards"
    );
    assert!(lines[6].starts_with("WARN shards_placement      "));
    assert!(lines[6].ends_with("Fix: rsadmin tune db db:1 shards_placement sparse"));
    // The three masters sit on node 1 (dense placement): the migrations that spread them.
    assert!(
        lines[7].starts_with(
            "WARN master_spread         db:1 has its master shards on 1 node(s) where 3"
        )
    );
    assert!(lines[7].ends_with(
        "Fix: rsadmin migrate shard 2 target_node 2 && rsadmin migrate shard 3 target_node 3"
    ));
    assert_eq!(
        run.stderr,
        "error: db:1 [demo-db]: the OSS Cluster API cannot be enabled: 1 prerequisite(s) not met \
         (rsadmin tune db db:1 oss_cluster enabled --fix applies the fixable ones)\n"
    );
    assert!(sandbox.puts().is_empty());
    let run = sandbox.rsadmin(&["-o", "json", "check", "db", "demo-db"]);
    assert_eq!(run.code, 3);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["can_enable"], false);
    assert_eq!(document["findings"].as_array().unwrap().len(), 12);
}
