//! `verify` against servers that do not play by the rules: a real TCP server in the test answers
//! every probe with one hostile or broken reply. Each must end as one FAIL line, within the
//! probe timeout, never a crash (allocation abort, stack overflow) or a hang.

use crate::support::one_seed_topology;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use rsadmin::output::report::render_with_summary;
use rsadmin::report::Severity;
use rsadmin::topology::connection::ConnectSettings;
use rsadmin::topology::verify::{VerifyOptions, verify};

/// What the rogue server sends after reading the first bytes of a request.
#[derive(Clone, Copy)]
enum Misbehaviour {
    /// Sends `bytes` at once and keeps the connection open.
    Send(&'static [u8]),
    /// 200,000 nested arrays: a recursive parser without a depth bound overflows its stack.
    DeepNesting,
    /// A valid reply, one byte every 500 ms: per-read timeouts alone never fire.
    Drip(&'static [u8]),
}

/// Listens on an ephemeral port (bound before its port is handed out) until dropped.
struct RogueServer {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl RogueServer {
    fn start(misbehaviour: Misbehaviour) -> RogueServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("rogue server binds");
        let port = listener.local_addr().expect("address").port();
        listener.set_nonblocking(true).expect("non-blocking accept");
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let stopped = stopped.clone();
                        thread::spawn(move || serve(stream, misbehaviour, &stopped));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        RogueServer { port, stop }
    }
}

impl Drop for RogueServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Answers every request the same way, until the client goes away.
fn serve(mut stream: TcpStream, misbehaviour: Misbehaviour, stop: &AtomicBool) {
    stream.set_nonblocking(false).ok();
    let mut request = [0u8; 256];
    while stream.read(&mut request).unwrap_or(0) > 0 {
        let written = match misbehaviour {
            Misbehaviour::Send(bytes) => stream.write_all(bytes),
            Misbehaviour::DeepNesting => stream.write_all(&b"*1\r\n".repeat(200_000)),
            Misbehaviour::Drip(bytes) => bytes.iter().try_for_each(|byte| {
                if stop.load(Ordering::Relaxed) {
                    return Ok(());
                }
                thread::sleep(Duration::from_millis(500));
                stream.write_all(&[*byte])
            }),
        };
        if written.is_err() {
            return;
        }
    }
}

/// verify with one seed, the rogue server, and the OSS Cluster API on in the REST view.
fn verify_against(server: &RogueServer, probe_timeout: Duration) -> (Vec<String>, String) {
    let report = verify(
        &one_seed_topology(server.port),
        &VerifyOptions {
            connect: ConnectSettings {
                timeout: probe_timeout,
                tls: None,
                credentials: None,
            },
            write_probe: false,
        },
    );
    // The REST view has no shards (shard_status fails); only the seed's lines are about the server.
    let seed = format!("127.0.0.1:{}", server.port);
    let failures = report
        .checks
        .iter()
        .filter(|check| check.severity == Severity::Fail && check.subject == seed)
        .map(|check| {
            format!(
                "{} {}: {}",
                check.check.name(),
                check.subject,
                check.message
            )
        })
        .collect();
    (failures, render_with_summary(&report.checks))
}

#[test]
fn hostile_replies_end_as_one_fail_line() {
    let cases: [(Misbehaviour, &str); 6] = [
        (
            Misbehaviour::Send(b"$99999999999\r\n"),
            "RESP protocol error: bulk of 99999999999 bytes exceeds the 67108864-byte limit",
        ),
        (
            Misbehaviour::Send(b"*99999999999\r\n"),
            "RESP protocol error: reply has more than 1048576 elements",
        ),
        (
            Misbehaviour::DeepNesting,
            "RESP protocol error: reply nested deeper than 32 levels",
        ),
        (
            Misbehaviour::Send(b"?garbage\r\n"),
            "RESP protocol error: unexpected reply type byte '?'",
        ),
        (
            Misbehaviour::Send(b"$5\r\nab"),
            "no reply from 127.0.0.1:{port} within 1.0s (reply)",
        ),
        (
            Misbehaviour::Send(b"*2\r\n"),
            "no reply from 127.0.0.1:{port} within 1.0s (reply)",
        ),
    ];
    for (misbehaviour, seen) in cases {
        let server = RogueServer::start(misbehaviour);
        let (failures, _) = verify_against(&server, Duration::from_secs(1));
        let port = server.port;
        let seen = seen.replace("{port}", &port.to_string());
        let reason = if seen.starts_with("no reply") {
            seen
        } else {
            format!("127.0.0.1:{port}: {seen}")
        };
        assert_eq!(
            failures,
            vec![format!("seed_connect 127.0.0.1:{port}: {reason}")]
        );
    }
}

/// One byte every 500 ms would take 20 s for this reply; the probe ends at its 1 s timeout for
/// the step, as one FAIL line, instead of waiting for it.
#[test]
fn a_dripping_server_cannot_stretch_the_probe_timeout() {
    let server = RogueServer::start(Misbehaviour::Drip(
        b"+OK-this-reply-takes-twenty-seconds\r\n",
    ));
    let (failures, _) = verify_against(&server, Duration::from_secs(1));
    assert_eq!(
        failures,
        vec![format!(
            "seed_connect 127.0.0.1:{0}: no reply from 127.0.0.1:{0} within 1.0s (reply)",
            server.port
        )]
    );
}

/// A server's error text reaches the report on one line, without the ESC that would restyle
/// the terminal.
#[test]
fn a_servers_error_text_is_printed_without_control_characters() {
    let server = RogueServer::start(Misbehaviour::Send(b"-ERR \x1b[2J\x1b[31mred\x07 text\r\n"));
    let (failures, report) = verify_against(&server, Duration::from_secs(1));
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        !report.contains('\x1b') && !report.contains('\x07'),
        "{report:?}"
    );
    assert!(
        report.contains(&format!(
            "FAIL cluster_api  127.0.0.1:{}: CLUSTER SLOTS answered -ERR [2J[31mred text; expected",
            server.port
        )),
        "{report}"
    );
}
