//! The OSS Cluster API on: topology replies, MOVED, CROSSSLOT, and real cluster clients.

use crate::support::*;

#[test]
fn cluster_slots_advertises_masters_on_internal_addresses() {
    let plane = DataPlane::start(enable_oss_cluster);
    let port = plane.port();
    let mut conn = Resp::connect(&plane.internal(1));
    let slots = conn.call(&["CLUSTER", "SLOTS"]);
    let mut expected = String::from("*3\r\n");
    for (node, (start, end)) in [(1, (0, 5460)), (2, (5461, 10922)), (3, (10923, 16383))] {
        let ip = format!("127.0.1.{node}");
        let id = sha1_hex(&format!("cluster1.sandbox.local:{node}"));
        expected.push_str(&format!(
            "*3\r\n:{start}\r\n:{end}\r\n*4\r\n${}\r\n{ip}\r\n:{port}\r\n$40\r\n{id}\r\n*0\r\n",
            ip.len()
        ));
    }
    assert_eq!(slots, expected);
    // RESP3: the metadata element becomes an empty map.
    conn.call(&["HELLO", "3"]);
    assert!(conn.call(&["CLUSTER", "SLOTS"]).contains("%0\r\n"));
}

fn sha1_hex(text: &str) -> String {
    let output = std::process::Command::new("sha1sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    String::from_utf8_lossy(&output.stdout)[..40].to_string()
}

#[test]
fn keys_of_other_nodes_get_moved_and_cross_slot_gets_rs_context() {
    let plane = DataPlane::start(enable_oss_cluster);
    let port = plane.port();
    let mut node1 = Resp::connect(&plane.internal(1));
    // foo hashes to 12182, served by node 3.
    assert_eq!(
        node1.call(&["GET", "foo"]),
        format!("-MOVED 12182 127.0.1.3:{port}\r\n")
    );
    // bar hashes to 5061, served here.
    assert_eq!(node1.call(&["SET", "bar", "1"]), "+OK\r\n");
    assert_eq!(node1.call(&["GET", "bar"]), "$1\r\n1\r\n");
    assert_eq!(
        node1.call(&["MGET", "bar", "foo"]),
        "-CROSSSLOT Keys in request don't hash to the same slot (context='', command='MGET', \
         original-slot='5061', wrong-slot='12182', first-key='bar', violating-key='foo')\r\n"
    );
    assert_eq!(node1.call(&["CLUSTER", "KEYSLOT", "foo"]), ":12182\r\n");
    assert_eq!(
        node1.call(&["CLUSTER", "MYID"]),
        "-ERR command is not allowed\r\n"
    );
    assert_eq!(
        node1.call(&["readonly"]),
        "-ERR unknown command 'readonly'\r\n"
    );
    assert_eq!(node1.call(&["ASKING"]), "-ERR unknown command 'ASKING'\r\n");
    let nodes = node1.call(&["CLUSTER", "NODES"]);
    assert!(
        nodes.contains(&format!(
            " 127.0.1.1:{port}@{port} myself,master - 0 0 1 connected 0-5460\n"
        )),
        "{nodes}"
    );
    assert!(
        node1
            .call(&["CLUSTER", "INFO"])
            .contains("cluster_state:ok\r\ncluster_slots_assigned:16384\r\n")
    );
}

#[test]
fn redis_py_cluster_walkthrough_spreads_keys_over_all_shards() {
    let plane = DataPlane::start(enable_oss_cluster);
    let seeds = [plane.internal(1), plane.internal(2), plane.internal(3)];
    let output = client_script("redis_py_cluster.py", &[&seeds[0], &seeds[1], &seeds[2]]);
    assert!(output.status.success(), "{}", describe(&output));
    assert_eq!(stdout(&output), "bar\n3\n");
    for (shard, port) in plane.shard_ports() {
        let mut direct = plane.shard(port);
        let size = direct.call(&["DBSIZE"]);
        let keys: i64 = size.trim_start_matches(':').trim().parse().unwrap();
        assert!(keys > 30, "shard {shard} holds {keys} keys");
    }
}

#[test]
fn node_redis_and_ioredis_clusters_work_and_ioredis_shows_crossslot() {
    let plane = DataPlane::start(enable_oss_cluster);
    let seeds = [plane.internal(1), plane.internal(2), plane.internal(3)];
    let node_redis = client_script("node_redis_cluster.js", &[&seeds[0], &seeds[1], &seeds[2]]);
    assert!(node_redis.status.success(), "{}", describe(&node_redis));
    assert_eq!(stdout(&node_redis), "bar\n3\n");
    let ioredis = client_script("ioredis_cluster.js", &[&seeds[0], &seeds[1], &seeds[2]]);
    assert!(ioredis.status.success(), "{}", describe(&ioredis));
    assert_eq!(
        stdout(&ioredis),
        "bar\nCROSSSLOT Keys in request don't hash to the same slot (context='', command='mget', \
         original-slot='15495', wrong-slot='3300', first-key='a', violating-key='b')\n"
    );
}

#[test]
fn redis_cli_follows_moved_and_redis_benchmark_runs_in_cluster_mode() {
    let plane = DataPlane::start(enable_oss_cluster);
    let port = plane.port().to_string();
    let set = run(
        "redis-cli",
        &[
            "-c",
            "-h",
            "127.0.1.1",
            "-p",
            &port,
            "SET",
            "foo",
            "viaredirect",
        ],
    );
    assert_eq!(stdout(&set), "OK\n", "{}", describe(&set));
    let get = run(
        "redis-cli",
        &["-c", "-h", "127.0.1.2", "-p", &port, "GET", "foo"],
    );
    assert_eq!(stdout(&get), "viaredirect\n", "{}", describe(&get));
    let bench = run(
        "redis-benchmark",
        &[
            "--cluster",
            "-h",
            "127.0.1.1",
            "-p",
            &port,
            "-t",
            "set,get",
            "-n",
            "2000",
            "-c",
            "6",
            "-q",
        ],
    );
    let text = stdout(&bench);
    assert!(bench.status.success(), "{}", describe(&bench));
    assert!(
        text.contains("SET: ") && text.contains("GET: "),
        "{}",
        describe(&bench)
    );
}

#[test]
fn external_ip_type_applies_to_new_connections_only() {
    let mut plane = DataPlane::start(enable_oss_cluster);
    let port = plane.port();
    let mut before = Resp::connect(&plane.internal(1));
    assert!(before.call(&["CLUSTER", "SLOTS"]).contains("127.0.1.2"));
    plane.change(|bdb| {
        bdb.oss_cluster_api_preferred_ip_type = rsadmin_sandbox::state::IpType::External
    });
    let mut after = Resp::connect(&plane.internal(1));
    let slots = after.call(&["CLUSTER", "SLOTS"]);
    assert!(
        slots.contains("$9\r\n127.0.2.2\r\n") && !slots.contains("127.0.1."),
        "{slots}"
    );
    assert_eq!(
        after.call(&["GET", "foo"]),
        format!("-MOVED 12182 127.0.2.3:{port}\r\n")
    );
    // The connection opened before the change keeps its snapshot.
    assert!(before.call(&["CLUSTER", "SLOTS"]).contains("127.0.1.2"));
    // Proxies listen on the external addresses too.
    let mut external = Resp::connect(&plane.external(3));
    assert_eq!(external.call(&["PING"]), "+PONG\r\n");
}

#[test]
fn hostname_endpoint_type_advertises_node_names() {
    let plane = DataPlane::start(|bdb| {
        enable_oss_cluster(bdb);
        bdb.oss_cluster_api_preferred_endpoint_type =
            rsadmin_sandbox::state::EndpointType::Hostname;
    });
    let port = plane.port();
    let mut conn = Resp::connect(&plane.internal(1));
    let slots = conn.call(&["CLUSTER", "SLOTS"]);
    assert!(
        slots.contains(&format!(
            "$28\r\nnode2.cluster1.sandbox.local\r\n:{port}\r\n"
        )) && slots.contains("*2\r\n$2\r\nip\r\n$9\r\n127.0.1.2\r\n"),
        "{slots}"
    );
    assert_eq!(
        conn.call(&["GET", "foo"]),
        format!("-MOVED 12182 node3.cluster1.sandbox.local:{port}\r\n")
    );
}

#[test]
fn all_nodes_policy_advertises_only_nodes_holding_master_shards() {
    // Dense placement puts the three shards on node 1; proxies listen on every node.
    let plane = DataPlane::start(|bdb| {
        bdb.proxy_policy = rsadmin_sandbox::state::ProxyPolicy::AllNodes;
        bdb.oss_cluster = true;
    });
    let port = plane.port();
    let mut node2 = Resp::connect(&plane.internal(2));
    let slots = node2.call(&["CLUSTER", "SLOTS"]);
    assert_eq!(slots.matches("127.0.1.1").count(), 3, "{slots}");
    assert!(
        !slots.contains("127.0.1.2") && !slots.contains("127.0.1.3"),
        "{slots}"
    );
    assert_eq!(
        node2.call(&["GET", "foo"]),
        format!("-MOVED 12182 127.0.1.1:{port}\r\n")
    );
    assert_eq!(
        Resp::connect(&plane.internal(1)).call(&["GET", "foo"]),
        "$-1\r\n"
    );
    let nodes = node2.call(&["CLUSTER", "NODES"]);
    assert!(
        !nodes.contains("myself")
            && nodes.contains(" master - 0 0 1 connected 0-5460 5461-10922 10923-16383\n"),
        "{nodes}"
    );
}
