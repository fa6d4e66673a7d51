//! The probe connection verify uses, against real `redis-server` processes: AUTH with a password
//! given as a value, TLS with a trusted and an untrusted CA, per-step timeouts, and real
//! `CLUSTER SLOTS` / `CLUSTER SHARDS` replies in RESP2 and RESP3.

use std::io::Write;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use rsadmin::topology::cluster_reply::{
    AdvertisedRange, NodeAddress, parse_cluster_shards, parse_cluster_slots,
};
use rsadmin::topology::connection::{
    ConnectSettings, DbCredentials, ProbeError, RespConnection, TlsSettings, tls_client_config,
};
use rsadmin::topology::resp::RespValue;
use rsadmin::topology::slots::SlotRange;
use tempfile::TempDir;

use crate::support::{RefusedPort, one_seed_topology};

/// A redis-server configured through stdin (so no secret is in its arguments), killed on drop.
struct RedisServer {
    child: Child,
    port: u16,
    _dir: TempDir,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl RedisServer {
    /// `config` gets `port`/`tls-port` lines from `listen`; the server runs in its own directory.
    /// A free port is only a guess until the server has bound it (another process may take it
    /// first), so the server is ready when its own log says so, and started again on another
    /// port when it could not bind.
    fn start(dir: TempDir, listen: &str, config: &str) -> RedisServer {
        for _ in 0..5 {
            let port = unused_port();
            let log = dir.path().join(format!("redis-{port}.log"));
            let mut child = Command::new("redis-server")
                .arg("-")
                .current_dir(dir.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("redis-server on PATH");
            let full_config = format!(
                "bind 127.0.0.1\nsave \"\"\nappendonly no\ndir {}\nlogfile {}\n{}\n{config}\n",
                dir.path().display(),
                log.display(),
                listen.replace("{port}", &port.to_string())
            );
            child
                .stdin
                .take()
                .unwrap()
                .write_all(full_config.as_bytes())
                .unwrap();
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                if child.try_wait().expect("redis-server status").is_some() {
                    break; // could not bind (or start): try another port
                }
                let ready = std::fs::read_to_string(&log)
                    .is_ok_and(|text| text.contains("Ready to accept connections"));
                if ready {
                    return RedisServer {
                        child,
                        port,
                        _dir: dir,
                    };
                }
                assert!(Instant::now() < deadline, "redis-server did not start");
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        panic!("redis-server found no free port in 5 tries");
    }
}

/// A port nothing listened on a moment ago (a guess: see `RedisServer::start`).
fn unused_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn settings() -> ConnectSettings {
    ConnectSettings {
        timeout: Duration::from_secs(2),
        tls: None,
        credentials: None,
    }
}

#[test]
fn auth_with_password_value_and_wrong_password() {
    let server = RedisServer::start(
        tempfile::tempdir().unwrap(),
        "port {port}",
        "requirepass s3cret-probe",
    );
    let mut with_password = settings();
    with_password.credentials = Some(DbCredentials {
        user: None,
        password: "s3cret-probe".into(),
    });
    let mut connection = RespConnection::open("127.0.0.1", server.port, &with_password).unwrap();
    assert_eq!(
        connection.call_text(&["PING"]).unwrap(),
        RespValue::Simple("PONG".into())
    );

    let mut without_password = RespConnection::open("127.0.0.1", server.port, &settings()).unwrap();
    assert!(matches!(
        without_password.call_text(&["PING"]).unwrap(),
        RespValue::Error(text) if text.starts_with("NOAUTH")
    ));

    let mut wrong = settings();
    wrong.credentials = Some(DbCredentials {
        user: Some("default".into()),
        password: "wrong".into(),
    });
    let err = RespConnection::open("127.0.0.1", server.port, &wrong)
        .err()
        .expect("wrong password refused");
    let message = err.to_string();
    assert!(matches!(err, ProbeError::Auth { .. }), "{message}");
    assert!(
        message.starts_with(&format!(
            "127.0.0.1:{} rejected the database credentials: WRONGPASS",
            server.port
        )),
        "{message}"
    );
    // Passwords stay out of messages and debug output.
    assert!(!message.contains("wrong pass") && !message.contains("s3cret-probe"));
    assert!(!format!("{with_password:?}").contains("s3cret-probe"));
}

fn openssl(dir: &Path, args: &[&str]) {
    let status = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl on PATH");
    assert!(status.success(), "openssl {args:?}");
}

/// A CA and a server certificate signed by it for `san`, plus an unrelated CA.
fn certificates(dir: &Path, san: &str) {
    std::fs::write(dir.join("san.ext"), format!("subjectAltName={san}\n")).unwrap();
    for ca in ["ca", "other-ca"] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                &format!("/CN={ca}"),
                "-keyout",
                &format!("{ca}.key"),
                "-out",
                &format!("{ca}.pem"),
            ],
        );
    }
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "san.ext",
            "-out",
            "server.pem",
        ],
    );
}

fn tls(ca: &Path, server_name: Option<&str>) -> TlsSettings {
    TlsSettings {
        config: tls_client_config(ca).unwrap(),
        server_name: server_name.map(str::to_string),
    }
}

/// A TLS-only redis-server with the certificates `certificates` wrote into `dir`.
fn tls_server(dir: TempDir) -> RedisServer {
    let path = dir.path().to_path_buf();
    RedisServer::start(
        dir,
        "port 0\ntls-port {port}",
        &format!(
            "tls-cert-file {p}/server.pem\ntls-key-file {p}/server.key\n\
             tls-ca-cert-file {p}/ca.pem\ntls-auth-clients no",
            p = path.display()
        ),
    )
}

#[test]
fn tls_with_trusted_and_untrusted_ca() {
    let dir = tempfile::tempdir().unwrap();
    certificates(dir.path(), "IP:127.0.0.1");
    let path = dir.path().to_path_buf();
    let server = tls_server(dir);

    let mut trusted = settings();
    trusted.tls = Some(tls(&path.join("ca.pem"), None));
    let mut connection = RespConnection::open("127.0.0.1", server.port, &trusted).unwrap();
    assert_eq!(
        connection.call_text(&["PING"]).unwrap(),
        RespValue::Simple("PONG".into())
    );

    let mut untrusted = settings();
    untrusted.tls = Some(tls(&path.join("other-ca.pem"), None));
    let err = RespConnection::open("127.0.0.1", server.port, &untrusted)
        .err()
        .expect("unknown issuer refused");
    assert!(matches!(err, ProbeError::Tls { .. }), "{err}");
    assert!(
        err.to_string()
            .starts_with(&format!("TLS failure with 127.0.0.1:{}:", server.port)),
        "{err}"
    );

    let missing = tls_client_config(&path.join("absent.pem")).err().unwrap();
    assert!(
        missing.starts_with("cannot read CA certificate"),
        "{missing}"
    );
}

#[test]
fn every_step_is_bounded_by_the_timeout() {
    // Accepts connections and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut short = settings();
    short.timeout = Duration::from_millis(300);
    let mut connection = RespConnection::open("127.0.0.1", port, &short).unwrap();
    let started = Instant::now();
    let err = connection.call_text(&["PING"]).err().unwrap();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(
        err.to_string(),
        format!("no reply from 127.0.0.1:{port} within 0.3s (reply)")
    );
    drop(listener);

    let closed = RefusedPort::new();
    let closed = closed.port;
    let err = RespConnection::open("127.0.0.1", closed, &short)
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .starts_with(&format!("cannot connect to 127.0.0.1:{closed}: ")),
        "{err}"
    );
}

#[test]
fn parses_real_cluster_replies_in_resp2_and_resp3() {
    let server = RedisServer::start(
        tempfile::tempdir().unwrap(),
        "port {port}",
        "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-announce-ip 127.0.0.1",
    );
    let mut connection = RespConnection::open("127.0.0.1", server.port, &settings()).unwrap();
    assert_eq!(
        connection
            .call_text(&["CLUSTER", "ADDSLOTSRANGE", "0", "16383"])
            .unwrap(),
        RespValue::Simple("OK".into())
    );
    let master = NodeAddress {
        host: "127.0.0.1".into(),
        port: server.port,
    };
    let whole = SlotRange::new(0, 16383).unwrap();
    for protocol in ["2", "3"] {
        let hello = connection.call_text(&["HELLO", protocol]).unwrap();
        assert!(!matches!(hello, RespValue::Error(_)), "{hello:?}");
        let slots =
            parse_cluster_slots(&connection.call_text(&["CLUSTER", "SLOTS"]).unwrap()).unwrap();
        assert_eq!(slots.len(), 1, "RESP{protocol}");
        let AdvertisedRange {
            slots: range,
            master: advertised,
            node_id,
        } = &slots[0];
        assert_eq!((range, advertised), (&whole, &master), "RESP{protocol}");
        assert_eq!(node_id.len(), 40, "RESP{protocol}");

        let shards =
            parse_cluster_shards(&connection.call_text(&["CLUSTER", "SHARDS"]).unwrap()).unwrap();
        assert_eq!(shards.len(), 1, "RESP{protocol}");
        assert_eq!(shards[0].slots, vec![whole], "RESP{protocol}");
        assert_eq!(shards[0].master, Some(master.clone()), "RESP{protocol}");
    }
}

#[test]
fn verify_without_the_database_password_names_the_fix() {
    use rsadmin::topology::verify::{VerifyOptions, verify};

    let server = RedisServer::start(
        tempfile::tempdir().unwrap(),
        "port {port}",
        "requirepass s3cret-probe",
    );
    let report = verify(
        &one_seed_topology(server.port),
        &VerifyOptions {
            connect: settings(),
            write_probe: false,
        },
    );
    let api = report
        .checks
        .iter()
        .find(|check| check.check.name() == "cluster_api")
        .expect("cluster_api line");
    assert_eq!(
        api.message,
        "CLUSTER SLOTS answered -NOAUTH Authentication required."
    );
    assert_eq!(
        api.fix.as_deref(),
        Some(
            "the database needs its password: set RSADMIN_DB_PASSWORD or store it with rsadmin \
             profile set-db-password <profile> <db> (and --db-user for an ACL user)"
        )
    );
    assert!(!report.passed());
}

#[test]
fn tls_verifies_ip_addresses_against_the_database_dns_name() {
    let dir = tempfile::tempdir().unwrap();
    certificates(dir.path(), "DNS:redis-12000.cluster.example");
    let path = dir.path().to_path_buf();
    let server = tls_server(dir);

    let mut by_address = settings();
    by_address.tls = Some(tls(&path.join("ca.pem"), None));
    let err = RespConnection::open("127.0.0.1", server.port, &by_address)
        .err()
        .expect("a certificate without IP SAN fails for the IP");
    assert!(matches!(err, ProbeError::Tls { .. }), "{err}");

    let mut by_name = settings();
    by_name.tls = Some(tls(
        &path.join("ca.pem"),
        Some("redis-12000.cluster.example"),
    ));
    let mut connection = RespConnection::open("127.0.0.1", server.port, &by_name).unwrap();
    assert_eq!(
        connection.call_text(&["PING"]).unwrap(),
        RespValue::Simple("PONG".into())
    );
}
