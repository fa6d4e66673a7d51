//! `node <id> external_addr add|set|remove` against a fresh sandbox.

use crate::support;

use support::Sandbox;

#[test]
fn node_external_addr_add_set_remove() {
    let sandbox = Sandbox::start();
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["node", "2", "external_addr", "add", "127.0.3.2"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Updated successfully.\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        sandbox.puts(),
        [(
            "/v1/nodes/2".to_string(),
            r#"{"external_addr":["127.0.2.2","127.0.3.2"]}"#.to_string()
        )]
    );
    let run = sandbox.rsadmin(&["info", "node", "2"]);
    assert!(
        run.stdout
            .contains("  external addresses: 127.0.2.2,127.0.3.2\n")
    );
    let run = sandbox.rsadmin(&["node", "2", "external_addr", "remove", "127.0.2.2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = sandbox.rsadmin(&["node", "2", "external_addr", "set", "127.0.3.2"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "Nothing to change\n"));
    let run = sandbox.rsadmin(&["status", "nodes"]);
    assert!(run.stdout.contains("node:2  slave  127.0.1.2 127.0.3.2 "));
    sandbox.clear_requests();
    let run = sandbox.rsadmin(&["node", "9", "external_addr", "add", "127.0.3.9"]);
    assert_eq!(run.code, 5);
    let run = sandbox.rsadmin(&["node", "2", "external_addr", "add", "not-an-ip"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: invalid IP address \"not-an-ip\": expected e.g. 203.0.113.7\n"
    );
    let run = sandbox.rsadmin(&[
        "-o",
        "json",
        "node",
        "2",
        "external_addr",
        "add",
        "127.0.3.3",
        "--dry-run",
    ]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(document["requests"][0]["path"], "/v1/nodes/2");
    assert!(sandbox.puts().is_empty());
}
