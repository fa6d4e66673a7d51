//! `http://` cluster URLs: refused without `--insecure` (nothing sent), accepted with it and a
//! warning that the credentials travel in clear text. A plain-HTTP server in the test records
//! what arrived.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use crate::support::run_rsadmin;

/// Answers one request with 401 and sends back the request head it read.
fn one_shot_http_server() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut head = String::new();
        while reader.read_line(&mut head).is_ok_and(|read| read > 2) {}
        let mut stream = stream;
        let _ = stream.write_all(
            b"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\
              Connection: close\r\n\r\n{}",
        );
        let _ = sender.send(head);
    });
    (url, receiver)
}

#[test]
fn plain_http_needs_insecure_and_warns_that_credentials_travel_in_clear_text() {
    let (url, received) = one_shot_http_server();
    let env = [
        ("RSADMIN_URL", url.as_str()),
        ("RSADMIN_USER", "admin@example.com"),
        ("RSADMIN_PASSWORD", "not-a-real-secret"),
    ];
    let refused = run_rsadmin(&["status", "nodes"], &env);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert_eq!(
        refused.stderr,
        format!(
            "error: cluster URL {url} must start with https:// (the REST API is served over HTTPS, \
             port 9443), or pass --insecure to send the credentials in clear text over HTTP\n"
        )
    );
    assert!(received.try_recv().is_err(), "nothing was sent");

    let accepted = run_rsadmin(&["--insecure", "status", "nodes"], &env);
    assert_eq!(accepted.code, 4, "{}", accepted.stderr);
    assert!(
        accepted.stderr.starts_with(&format!(
            "warning: --insecure: {url} is plain HTTP; the user name and password travel in clear \
             text, readable by anyone on the path. Prefer https://<node>:9443.\n"
        )),
        "{}",
        accepted.stderr
    );
    let head = received
        .recv()
        .expect("the request reached the HTTP server");
    assert!(head.starts_with("GET /v1/"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains("authorization: basic "),
        "{head}"
    );
}
