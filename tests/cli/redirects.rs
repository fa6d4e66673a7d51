//! A cluster URL that names a non-master node: the node answers 307 to the master's internal
//! address; rsadmin follows it with the same credentials and trust (only to a node of the
//! cluster), as a profile and as `--cluster`, and explains what to do when it cannot.

use crate::support::Sandbox;
use crate::support::profile::{Operator, server_fingerprint};

/// The REST URL of node `uid` (its internal address, the API's port).
fn node_url(sandbox: &Sandbox, uid: u32) -> String {
    let state = sandbox.handle.state();
    let node = state.node(uid).expect("node");
    let port = sandbox
        .handle
        .url()
        .rsplit(':')
        .next()
        .expect("port")
        .to_string();
    format!("https://{}:{port}", node.addr)
}

#[test]
fn a_non_master_node_as_cluster_url_is_followed_to_the_master() {
    let sandbox = Sandbox::start();
    let direct = sandbox.rsadmin(&["status", "databases"]);
    assert_eq!(direct.code, 0, "{}", direct.stderr);
    let node2 = node_url(&sandbox, 2);
    sandbox.clear_requests();
    let redirected = sandbox.rsadmin_with(&["status", "databases"], &[("RSADMIN_URL", &node2)]);
    assert_eq!(
        (
            redirected.code,
            redirected.stdout.as_str(),
            redirected.stderr.as_str()
        ),
        (0, direct.stdout.as_str(), "")
    );
    assert!(!sandbox.requests().is_empty(), "the master answered");

    // A change through node 2 is sent once, to the master, and waited for there.
    let tuned = sandbox.rsadmin_with(
        &["tune", "db", "db:1", "max_connections", "9"],
        &[("RSADMIN_URL", &node2)],
    );
    assert_eq!(tuned.code, 0, "{}", tuned.stderr);
    assert_eq!(sandbox.puts().len(), 1);
}

#[test]
fn without_a_certificate_check_the_redirect_is_not_followed() {
    let sandbox = Sandbox::start();
    let node2 = node_url(&sandbox, 2);
    let master = sandbox.handle.state().node(1).expect("node 1").addr.clone();
    sandbox.clear_requests();
    let run = sandbox.rsadmin_with(
        &["--insecure", "status", "databases"],
        &[("RSADMIN_URL", &node2)],
    );
    assert_eq!(run.code, 8, "{}", run.stderr);
    assert!(
        run.stderr.ends_with(&format!(
            "error: cannot use {node2}: it is not the cluster's master node and redirects every \
             request to the master at {master} (HTTP 307), and --insecure leaves no certificate \
             check to carry over to another address. Connect to the master ({master}) or to the \
             cluster FQDN (its DNS name points at the master), or let every node answer: set \
             handle_redirects to true (PUT /v1/cluster {{\"handle_redirects\": true}})\n"
        )),
        "{}",
        run.stderr
    );
    assert!(sandbox.requests().is_empty(), "nothing reached the master");
}

#[test]
fn a_profile_on_a_non_master_node_works() {
    let sandbox = Sandbox::start();
    let operator = Operator::new();
    let node3 = node_url(&sandbox, 3);
    let added = operator.add_pinned_profile(
        "via-node3",
        &node3,
        &sandbox.handle.user(),
        &sandbox.handle.password(),
        &server_fingerprint(&sandbox.handle.url()),
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let run = operator.rsadmin(&["--profile", "via-node3", "status", "nodes"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("node:3"), "{}", run.stdout);
}
