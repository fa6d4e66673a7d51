//! The OSS Cluster API off: one endpoint hides the shards; RS's error texts; split and fan-out;
//! transactions, blocking commands, pub/sub, pipelining, disconnects.

use std::time::{Duration, Instant};

use crate::support::*;

#[test]
fn cluster_commands_are_refused_and_cluster_clients_fail() {
    let plane = DataPlane::start(|_| {});
    let mut conn = Resp::connect(&plane.internal(1));
    assert_eq!(
        conn.call(&["CLUSTER", "SLOTS"]),
        "-ERR command is not allowed\r\n"
    );
    assert_eq!(
        conn.call(&["CLUSTER", "NODES"]),
        "-ERR command is not allowed\r\n"
    );
    assert_eq!(
        conn.call(&["CLUSTER", "KEYSLOT", "foo"]),
        "-ERR not allowed\r\n"
    );
    assert_eq!(
        conn.call(&["READONLY"]),
        "-ERR unknown command 'READONLY'\r\n"
    );
    assert_eq!(conn.call(&["SELECT", "0"]), "+OK\r\n");
    assert_eq!(
        conn.call(&["SELECT", "1"]),
        "-ERR DB index is out of range\r\n"
    );
    assert_eq!(conn.call(&["DPING"]), "+PONG\r\n");
    let hello = conn.call(&["HELLO", "3"]);
    assert!(
        hello.starts_with("%7\r\n") && hello.contains("$4\r\nmode\r\n$7\r\ncluster\r\n"),
        "{hello}"
    );
    let info = conn.call(&["INFO", "server"]);
    let port = plane.port();
    assert!(
        info.contains("redis_mode:standalone\r\n")
            && info.contains(&format!("tcp_port:{port}\r\n")),
        "{info}"
    );

    let seed = plane.internal(1);
    let cluster = client_script("redis_py_cluster.py", &[&seed]);
    assert_eq!(cluster.status.code(), Some(1), "{}", describe(&cluster));
    assert!(
        stdout(&cluster).contains("Cluster mode is not enabled on this node"),
        "{}",
        describe(&cluster)
    );
    let plain = client_script("redis_py_plain.py", &["127.0.1.1", &port.to_string()]);
    assert!(plain.status.success(), "{}", describe(&plain));
    assert_eq!(stdout(&plain), "['1', '2', '3', None]\n2\n");
}

#[test]
fn cross_slot_commands_are_split_or_refused_and_admin_commands_fan_out() {
    let plane = DataPlane::start(spread_without_oss_cluster);
    let mut conn = Resp::connect(&plane.internal(2));
    // foo, bar and a live on three different shards; no MOVED: the proxy routes internally.
    assert_eq!(
        conn.call(&["MSET", "foo", "1", "bar", "2", "a", "3"]),
        "+OK\r\n"
    );
    assert_eq!(
        conn.call(&["MGET", "a", "nope", "foo", "bar"]),
        "*4\r\n$1\r\n3\r\n$-1\r\n$1\r\n1\r\n$1\r\n2\r\n"
    );
    assert_eq!(conn.call(&["EXISTS", "foo", "bar", "nope"]), ":2\r\n");
    assert_eq!(conn.call(&["DBSIZE"]), ":3\r\n");
    let keys = conn.call(&["KEYS", "*"]);
    assert!(keys.starts_with("*3\r\n"), "{keys}");
    assert_eq!(
        conn.call(&["SUNION", "foo", "bar"]),
        "-CROSSSLOT Keys in request don't hash to the same slot (context='', command='SUNION', \
         original-slot='12182', wrong-slot='5061', first-key='foo', violating-key='bar')\r\n"
    );
    assert_eq!(
        conn.call(&["EVAL", "return 1", "2", "foo", "bar"]),
        "-CROSSSLOT Keys in request don't hash to the same slot (context='', command='EVAL', \
         original-slot='12182', wrong-slot='5061', first-key='foo', violating-key='bar')\r\n"
    );
    let mut scanned = Vec::new();
    let mut cursor = "0".to_string();
    loop {
        conn.send(&["SCAN", &cursor]);
        let reply = conn.reply();
        let lines: Vec<&str> = reply.split("\r\n").collect();
        cursor = lines[2].to_string();
        scanned.extend(
            lines[4..]
                .iter()
                .skip(1)
                .step_by(2)
                .map(|key| key.to_string()),
        );
        if cursor == "0" {
            break;
        }
    }
    scanned.sort();
    assert_eq!(scanned, ["a", "bar", "foo"]);
    assert_eq!(conn.call(&["DEL", "foo", "bar", "a"]), ":3\r\n");
    for (_, port) in plane.shard_ports() {
        assert_eq!(plane.shard(port).call(&["DBSIZE"]), ":0\r\n");
    }
}

#[test]
fn multi_within_one_slot_works_and_across_slots_aborts() {
    let plane = DataPlane::start(|_| {});
    let mut conn = Resp::connect(&plane.internal(1));
    assert_eq!(conn.call(&["MULTI"]), "+OK\r\n");
    assert_eq!(conn.call(&["SET", "{u}a", "1"]), "+QUEUED\r\n");
    assert_eq!(conn.call(&["INCR", "{u}a"]), "+QUEUED\r\n");
    assert_eq!(conn.call(&["EXEC"]), "*2\r\n+OK\r\n:2\r\n");
    assert_eq!(conn.call(&["MULTI"]), "+OK\r\n");
    assert_eq!(conn.call(&["SET", "key1", "1"]), "+QUEUED\r\n");
    assert_eq!(
        conn.call(&["SET", "key2", "2"]),
        "-CROSSSLOT Keys in request don't hash to the same slot (context='within MULTI', command='SET', \
         original-slot='9189', wrong-slot='4998', first-key='key1', violating-key='key2')\r\n"
    );
    assert_eq!(
        conn.call(&["EXEC"]),
        "-EXECABORT Transaction discarded because of previous errors.\r\n"
    );
    assert_eq!(conn.call(&["GET", "key1"]), "$-1\r\n");
}

#[test]
fn pipelines_keep_order_and_blocking_commands_block_only_their_client() {
    let plane = DataPlane::start(spread_without_oss_cluster);
    let mut blocked = Resp::connect(&plane.internal(1));
    blocked.send(&["BLPOP", "queue", "0"]);
    let mut pipeline = Resp::connect(&plane.internal(1));
    let mut request = Vec::new();
    for index in 0..200 {
        let key = format!("k{index}");
        let value = index.to_string();
        request.extend_from_slice(
            format!(
                "*3\r\n$3\r\nSET\r\n${}\r\n{key}\r\n${}\r\n{value}\r\n",
                key.len(),
                value.len()
            )
            .as_bytes(),
        );
        request.extend_from_slice(
            format!("*2\r\n$3\r\nGET\r\n${}\r\n{key}\r\n", key.len()).as_bytes(),
        );
    }
    request.extend_from_slice(b"PING\r\n");
    pipeline.send_raw(&request);
    for index in 0..200 {
        assert_eq!(pipeline.reply(), "+OK\r\n");
        let value = index.to_string();
        assert_eq!(pipeline.reply(), format!("${}\r\n{value}\r\n", value.len()));
    }
    assert_eq!(pipeline.reply(), "+PONG\r\n");
    assert_eq!(pipeline.call(&["RPUSH", "queue", "job"]), ":1\r\n");
    assert_eq!(blocked.reply(), "*2\r\n$5\r\nqueue\r\n$3\r\njob\r\n");
}

#[test]
fn publish_reaches_subscribers_on_other_nodes() {
    let plane = DataPlane::start(spread_without_oss_cluster);
    let mut subscriber = Resp::connect(&plane.internal(3));
    assert_eq!(
        subscriber.call(&["SUBSCRIBE", "news"]),
        "*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n"
    );
    let mut publisher = Resp::connect(&plane.internal(1));
    assert_eq!(publisher.call(&["PUBLISH", "news", "hello"]), ":1\r\n");
    assert_eq!(
        subscriber.reply(),
        "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n"
    );
    assert_eq!(
        subscriber.call(&["UNSUBSCRIBE", "news"]),
        "*3\r\n$11\r\nunsubscribe\r\n$4\r\nnews\r\n:0\r\n"
    );
    assert_eq!(subscriber.call(&["SET", "after", "1"]), "+OK\r\n");
}

/// Connections the proxy holds to every shard, seen from the shards.
fn shard_clients(plane: &DataPlane) -> i64 {
    plane
        .shard_ports()
        .values()
        .map(|port| {
            let info = plane.shard(*port).call(&["INFO", "clients"]);
            let line = info
                .lines()
                .find(|line| line.starts_with("connected_clients:"))
                .unwrap();
            // minus the connection asking
            line["connected_clients:".len()..]
                .trim()
                .parse::<i64>()
                .unwrap()
                - 1
        })
        .sum()
}

#[test]
fn clients_that_hang_up_mid_pipeline_or_while_blocked_leak_no_shard_connections() {
    let plane = DataPlane::start(spread_without_oss_cluster);
    // The proxy's shared shard connections stay open; per-client ones must not.
    let mut warm_up = Resp::connect(&plane.internal(1));
    for key in ["foo", "bar", "a", "b"] {
        assert_eq!(warm_up.call(&["GET", key]), "$-1\r\n");
    }
    let baseline = shard_clients(&plane);
    for _ in 0..5 {
        let mut blocked = Resp::connect(&plane.internal(1));
        blocked.send(&["BLPOP", "never", "0"]);
        let mut pipelined = Resp::connect(&plane.internal(1));
        let mut request = Vec::new();
        for key in ["foo", "bar", "a", "b"].iter().cycle().take(400) {
            request.extend_from_slice(
                format!("*2\r\n$3\r\nGET\r\n${}\r\n{key}\r\n", key.len()).as_bytes(),
            );
        }
        pipelined.send_raw(&request);
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut remaining = shard_clients(&plane);
    for _ in 0..100 {
        if remaining == baseline {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
        remaining = shard_clients(&plane);
    }
    assert_eq!(remaining, baseline);
}

/// The pid of the redis-server behind `shard`.
fn process_id(shard: &mut Resp) -> String {
    let info = shard.call(&["INFO", "server"]);
    info.lines()
        .find_map(|line| line.strip_prefix("process_id:"))
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn proxies_reach_shards_over_their_unix_sockets_and_shards_run_as_batch_processes() {
    let plane = DataPlane::start(|_| {});
    let mut client = Resp::connect(&plane.internal(1));
    // Thirty keys reach every shard.
    for key in (0..30).map(|index| format!("key{index}")) {
        assert_eq!(client.call(&["GET", &key]), "$-1\r\n");
    }
    let run_dir = plane.sandbox_dir().join("run");
    for (uid, port) in plane.shard_ports() {
        let socket = run_dir.join(format!("shard-{uid}.sock"));
        let mut shard = plane.shard(port);
        let clients = shard.call(&["CLIENT", "LIST"]);
        let proxy_connections: Vec<&str> = clients
            .lines()
            .filter(|line| line.starts_with("id=") && !line.contains("cmd=client|list"))
            .collect();
        assert!(!proxy_connections.is_empty(), "{clients}");
        for connection in proxy_connections {
            assert!(
                connection.contains(&format!(" laddr={}:0 ", socket.display())),
                "shard {uid}: {connection}"
            );
        }
        let pid = process_id(&mut shard);
        // /proc/PID/stat field 41 is the scheduling policy; SCHED_BATCH is 3.
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let policy = after_name.split(' ').nth(41 - 3).unwrap();
        assert_eq!(policy, "3", "shard {uid} scheduling policy");
    }
}

#[test]
fn a_killed_shard_is_restarted_on_its_port() {
    let plane = DataPlane::start(|_| {});
    let (_, port) = plane.shard_ports().into_iter().next().unwrap();
    let pid_files: Vec<_> = std::fs::read_dir(plane.sandbox_dir().join("run"))
        .unwrap()
        .flatten()
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "pid"))
        .collect();
    assert_eq!(pid_files.len(), 3);
    let mut shard = plane.shard(port);
    let pid = process_id(&mut shard);
    assert!(run("kill", &["-9", &pid]).status.success());
    for _ in 0..100 {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            drop(stream);
            let mut again = plane.shard(port);
            if again.call(&["PING"]) == "+PONG\r\n" {
                return;
            }
        }
    }
    panic!("shard on port {port} was not restarted");
}

#[test]
fn kill_leftovers_stops_recorded_shards_of_a_killed_sandbox() {
    let dir = scratch_dir();
    let run_dir = dir.path().join("run");
    std::fs::create_dir_all(&run_dir).unwrap();
    // No TCP port (a port picked here could be taken before redis-server binds it).
    let socket = dir.path().join("leftover.sock");
    let mut leftover = std::process::Command::new("redis-server")
        .args([
            "--port",
            "0",
            "--unixsocket",
            socket.to_str().unwrap(),
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // kill_leftovers only kills what is a redis-server; right after spawn the child may not have
    // exec'd yet (a loaded machine), so wait until it has.
    let cmdline = format!("/proc/{}/cmdline", leftover.id());
    let deadline = Instant::now() + Duration::from_secs(20);
    while !String::from_utf8_lossy(&std::fs::read(&cmdline).unwrap_or_default())
        .contains("redis-server")
    {
        assert!(Instant::now() < deadline, "redis-server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::write(run_dir.join("shard-9.pid"), leftover.id().to_string()).unwrap();
    rsadmin_sandbox::reconcile::kill_leftovers(dir.path());
    let status = leftover.wait().unwrap();
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9)
    );
    assert!(!run_dir.join("shard-9.pid").exists());
}
