//! Database passwords (`authentication_redis_pass`): the proxy demands AUTH, shards have none.

use std::process::Command;

use serde_json::json;

use crate::support::*;

const PASSWORD: &str = "db-s3cret";

fn with_password(plane: &mut DataPlane, password: &str) {
    plane.change(|bdb| {
        bdb.other_settings
            .insert("authentication_redis_pass".into(), json!(password));
    });
}

/// redis-py over RESP2 and RESP3, the password passed in the environment.
fn redis_py_with(plane: &DataPlane, password: &str) -> std::process::Output {
    Command::new("python3")
        .arg("tests/clients/redis_py_password.py")
        .args(["127.0.1.1", &plane.port().to_string()])
        .env("REDIS_PASSWORD", password)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("python3 runs")
}

#[test]
fn a_database_password_is_required_before_any_command() {
    let mut plane = DataPlane::start(|_| {});
    with_password(&mut plane, PASSWORD);
    let mut conn = Resp::connect(&plane.internal(1));
    assert_eq!(
        conn.call(&["SET", "k", "v"]),
        "-NOAUTH Authentication required.\r\n"
    );
    assert_eq!(conn.call(&["PING"]), "-NOAUTH Authentication required.\r\n");
    assert_eq!(
        conn.call(&["HELLO", "3"]),
        "-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time\r\n"
    );
    let wrongpass = "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
    assert_eq!(conn.call(&["AUTH", "nope"]), wrongpass);
    assert_eq!(conn.call(&["AUTH", "default", "nope"]), wrongpass);
    assert_eq!(conn.call(&["AUTH", "alice", PASSWORD]), wrongpass);
    assert_eq!(
        conn.call(&["HELLO", "3", "AUTH", "default", "nope"]),
        wrongpass
    );
    assert_eq!(
        conn.call(&["GET", "k"]),
        "-NOAUTH Authentication required.\r\n"
    );
    assert_eq!(conn.call(&["AUTH", PASSWORD]), "+OK\r\n");
    assert_eq!(conn.call(&["SET", "k", "v"]), "+OK\r\n");
    // A failed AUTH later keeps the connection logged in, as in Redis.
    assert_eq!(conn.call(&["AUTH", "nope"]), wrongpass);
    assert_eq!(conn.call(&["GET", "k"]), "$1\r\nv\r\n");

    let mut conn = Resp::connect(&plane.internal(1));
    assert_eq!(conn.call(&["AUTH", "default", PASSWORD]), "+OK\r\n");
    assert_eq!(conn.call(&["GET", "k"]), "$1\r\nv\r\n");

    let mut conn = Resp::connect(&plane.internal(1));
    let hello = conn.call(&["HELLO", "3", "AUTH", "default", PASSWORD]);
    assert!(hello.starts_with("%7\r\n"), "{hello}");
    assert_eq!(conn.call(&["GET", "k"]), "$1\r\nv\r\n");

    // A shard's own port is no way around the password: the shards require one of their own,
    // which only the proxies know.
    let shard_port = *plane.shard_ports().values().next().unwrap();
    let mut shard = Resp::connect(&format!("127.0.0.1:{shard_port}"));
    assert_eq!(
        shard.call(&["GET", "k"]),
        "-NOAUTH Authentication required.\r\n"
    );
    assert_eq!(
        shard.call(&["AUTH", PASSWORD]),
        "-WRONGPASS invalid username-password pair or user is disabled.\r\n"
    );
    assert_eq!(plane.shard(shard_port).call(&["PING"]), "+PONG\r\n");
}

#[test]
fn without_a_password_any_auth_is_accepted() {
    let mut plane = DataPlane::start(|_| {});
    with_password(&mut plane, PASSWORD);
    with_password(&mut plane, "");
    let mut conn = Resp::connect(&plane.internal(1));
    assert_eq!(conn.call(&["PING"]), "+PONG\r\n");
    assert_eq!(conn.call(&["AUTH", "anything"]), "+OK\r\n");
    let hello = conn.call(&["HELLO", "3", "AUTH", "default", "anything"]);
    assert!(hello.starts_with("%7\r\n"), "{hello}");
}

#[test]
fn redis_py_logs_in_with_the_password_and_fails_with_a_wrong_one() {
    let mut plane = DataPlane::start(|_| {});
    with_password(&mut plane, PASSWORD);
    let right = redis_py_with(&plane, PASSWORD);
    assert!(right.status.success(), "{}", describe(&right));
    assert_eq!(stdout(&right), "2 ok\n3 ok\n");
    let wrong = redis_py_with(&plane, "nope");
    assert_eq!(wrong.status.code(), Some(1), "{}", describe(&wrong));
    assert_eq!(
        stdout(&wrong),
        "2 AuthenticationError invalid username-password pair or user is disabled.\n"
    );
}
