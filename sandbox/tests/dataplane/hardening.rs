//! Malformed, oversized and ill-formed requests: the proxy answers as Redis does (the shard
//! behind it is the yardstick), disconnects where Redis does, and keeps serving what came before.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::support::{DataPlane, Resp, run};

/// One key on each of the three shards (slots 5061, 7365, 12182).
const KEY_PER_SHARD: [&str; 3] = ["bar", "c", "foo"];

fn signal_shards(plane: &DataPlane, signal: &str) {
    for pid in plane.shard_pids().values() {
        assert!(run("kill", &[signal, pid]).status.success());
    }
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(Instant::now() < deadline, "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Everything the server sends until it closes the connection.
fn rest_until_closed(connection: &mut Resp) -> String {
    let stream = connection.stream();
    let mut received = Vec::new();
    let _ = stream.read_to_end(&mut received);
    String::from_utf8_lossy(&received).into_owned()
}

#[test]
fn arity_errors_are_redis_texts_and_keep_the_replies_pipelined_before_them() {
    let plane = DataPlane::start(|_| {});
    let mut client = Resp::connect(&plane.internal(1));
    // Keys on different shards, so MSET takes the proxy's split path (API off).
    client.send_raw(
        b"*3\r\n$3\r\nSET\r\n$3\r\nfoo\r\n$1\r\n1\r\n*4\r\n$4\r\nMSET\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n\
          *1\r\n$3\r\nDEL\r\n*1\r\n$3\r\nGET\r\n*1\r\n$4\r\nSCAN\r\n*2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n",
    );
    assert_eq!(client.reply(), "+OK\r\n");
    for command in ["mset", "del", "get", "scan"] {
        assert_eq!(
            client.reply(),
            format!("-ERR wrong number of arguments for '{command}' command\r\n")
        );
    }
    assert_eq!(client.reply(), "$1\r\n1\r\n");
    // Inside a transaction the error aborts it, as in Redis.
    assert_eq!(client.call(&["MULTI"]), "+OK\r\n");
    assert_eq!(
        client.call(&["GET"]),
        "-ERR wrong number of arguments for 'get' command\r\n"
    );
    assert_eq!(
        client.call(&["EXEC"]),
        "-EXECABORT Transaction discarded because of previous errors.\r\n"
    );
    // The same answer as the shard gives for a command the proxy forwards.
    let (_, shard_port) = plane.shard_ports().into_iter().next().unwrap();
    let mut shard = plane.shard(shard_port);
    assert_eq!(
        shard.call(&["CLIENT", "SETNAME"]),
        client.call(&["CLIENT", "SETNAME"])
    );
}

#[test]
fn protocol_errors_are_redis_texts_and_disconnect_like_redis() {
    let plane = DataPlane::start(|_| {});
    let (_, shard_port) = plane.shard_ports().into_iter().next().unwrap();
    let long_line = vec![b'a'; 64 * 1024 + 10];
    let cases: Vec<Vec<u8>> = vec![
        long_line.clone(),
        [b"*".as_slice(), &long_line].concat(),
        [b"*1\r\n$".as_slice(), &long_line].concat(),
        b"*3000000000\r\n".to_vec(),
        b"*x\r\n".to_vec(),
        b"*1\r\n$-5\r\n".to_vec(),
        b"*1\r\n$01\r\n".to_vec(),
        b"*3\r\n$3\r\nSET\r\n$1\r\nx\r\nfooz\r\n".to_vec(),
    ];
    for case in cases {
        let mut proxy = Resp::connect(&plane.internal(1));
        let mut shard = plane.shard(shard_port);
        proxy.send_raw(&case);
        shard.send_raw(&case);
        let expected = rest_until_closed(&mut shard);
        assert!(expected.starts_with("-ERR Protocol error"), "{expected}");
        assert_eq!(
            rest_until_closed(&mut proxy),
            expected,
            "{:?}",
            String::from_utf8_lossy(&case[..case.len().min(40)])
        );
    }
    // The sandbox's own cap on an argument (Redis's default is 512 MB).
    let mut proxy = Resp::connect(&plane.internal(1));
    proxy.send_raw(b"*2\r\n$3\r\nGET\r\n$67108865\r\n");
    assert_eq!(
        rest_until_closed(&mut proxy),
        "-ERR Protocol error: invalid bulk length\r\n"
    );
}

#[test]
fn after_a_shard_restart_the_first_request_is_served() {
    let plane = DataPlane::start(|_| {});
    let mut client = Resp::connect(&plane.internal(1));
    for key in KEY_PER_SHARD {
        assert_eq!(client.call(&["GET", key]), "$-1\r\n");
    }
    let before = plane.shard_pids();
    signal_shards(&plane, "-9");
    // New processes (pid files rewritten) that answer: the old ones may still answer or reset
    // connections between the signal and their death.
    wait_until("the shards were not restarted", || {
        let pids = plane.shard_pids();
        pids.values()
            .all(|pid| !before.values().any(|old| old == pid))
            && plane
                .shard_ports()
                .values()
                .all(|port| plane.shard_answers_ping(*port))
    });
    // The proxy's shared shard connections went away while idle: noticed, not failed on.
    for key in KEY_PER_SHARD {
        assert_eq!(client.call(&["GET", key]), "$-1\r\n", "{key}");
    }
}

#[test]
fn a_stopped_shard_fails_requests_instead_of_hanging_and_is_reported_down() {
    let plane = DataPlane::start(|_| {});
    let mut client = Resp::connect(&plane.internal(1));
    assert_eq!(client.call(&["GET", "foo"]), "$-1\r\n");
    signal_shards(&plane, "-STOP");
    // The proxy gives up on a silent shard after its timeout (5 s, under this socket's 10 s).
    assert_eq!(client.call(&["GET", "foo"]), "-ERR shard unavailable\r\n");
    let uids: Vec<String> = plane.shard_ports().into_keys().collect();
    wait_until("a stopped shard is reported down", || {
        uids.iter().all(|uid| plane.shard_is_down(uid))
    });
    signal_shards(&plane, "-CONT");
    wait_until("a resumed shard is reported up", || {
        uids.iter().all(|uid| !plane.shard_is_down(uid))
    });
    assert_eq!(client.call(&["GET", "foo"]), "$-1\r\n");
}
