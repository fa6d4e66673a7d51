//! The REST API under abuse: unauthenticated bodies are never read or kept, the request log is
//! capped by size, and a half-sent request (TLS handshake or HTTP headers) is dropped.

use crate::support::sandbox_with_api;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

/// The request log keeps at most this many bytes (REQUEST_LOG_BYTES in control.rs).
const REQUEST_LOG_BYTES: usize = 16 * 1024 * 1024;

fn host_and_port(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string()
}

/// Waits for the server to close `stream`; the socket's read timeout (a minute) fails the test
/// if it does not.
fn closed_by_server(stream: &mut impl Read) -> bool {
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(error) => {
                return !matches!(
                    error.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                );
            }
        }
    }
}

#[test]
fn an_unauthenticated_body_is_neither_read_nor_logged() {
    let (_dir, sandbox, _api) = sandbox_with_api();
    let client = crate::support::client_trusting(&sandbox.ca_cert_path());
    let response = client
        .post(format!("{}/v1/bdbs", sandbox.url()))
        .header("Content-Type", "application/json")
        .basic_auth("intruder", Some("guess"))
        .body(vec![b' '; 1024 * 1024])
        .send();
    // The server answers 401 without reading the body, so the client may instead see the
    // connection closed under its unsent body (a broken pipe), depending on timing.
    if let Ok(response) = response {
        assert_eq!(response.status(), 401);
    }
    let logged = sandbox.requests();
    let last = logged.last().unwrap();
    assert_eq!(
        (last.method.as_str(), last.path.as_str(), last.body.as_str()),
        ("POST", "/v1/bdbs", "")
    );
}

#[test]
fn the_request_log_is_capped_by_size() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let body = format!("\"{}\"", "x".repeat(1024 * 1024));
    for _ in 0..20 {
        let (status, _) = api.put("/v1/bdbs/1", &body);
        assert_eq!(status, 400);
    }
    let (status, _) = api.get("/v1/cluster");
    assert_eq!(status, 200);
    let logged = sandbox.requests();
    let kept: usize = logged
        .iter()
        .map(|request| request.method.len() + request.path.len() + request.body.len())
        .sum();
    assert!(kept <= REQUEST_LOG_BYTES, "{kept} bytes kept");
    assert!(logged.len() < 21, "the oldest entries were dropped");
    assert_eq!(logged.last().unwrap().path, "/v1/cluster");
}

#[test]
fn half_sent_requests_are_dropped() {
    let (_dir, sandbox, _api) = sandbox_with_api();
    let address = host_and_port(&sandbox.url());
    // Half a TLS record: the handshake never completes.
    let mut handshake = TcpStream::connect(&address).unwrap();
    handshake
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    handshake.write_all(&[0x16, 0x03, 0x01, 0x02]).unwrap();
    // A complete handshake, then headers without their end.
    let config = crate::support::tls_trusting(&sandbox.ca_cert_path());
    let host = address.rsplit_once(':').unwrap().0.to_string();
    let name = rustls::pki_types::ServerName::try_from(host).unwrap();
    let connection = rustls::ClientConnection::new(Arc::new(config), name).unwrap();
    let tcp = TcpStream::connect(&address).unwrap();
    tcp.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut headers = rustls::StreamOwned::new(connection, tcp);
    headers
        .write_all(b"GET /v1/cluster HTTP/1.1\r\nHost: sandbox\r\n")
        .unwrap();
    assert!(
        closed_by_server(&mut handshake),
        "half a handshake kept open"
    );
    assert!(closed_by_server(&mut headers), "half a request kept open");
}
