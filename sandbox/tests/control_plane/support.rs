//! Shared helpers for the control-plane tests: a sandbox in a scratch directory, an HTTPS REST
//! client trusting the sandbox CA, and the captured fixtures.

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::{Method, StatusCode};
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// A directory removed when dropped.
pub fn scratch_dir() -> TempDir {
    tempfile::tempdir().expect("create scratch dir")
}

/// TLS settings trusting the CA certificates in the PEM file `ca_pem`, and only those.
pub fn tls_trusting(ca_pem: &Path) -> rustls::ClientConfig {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca_pem).expect("read ca.pem") {
        roots.add(cert.expect("parse ca.pem")).expect("add CA");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// A blocking HTTPS client trusting the CA certificates in the PEM file `ca_pem`, and only those.
pub fn client_trusting(ca_pem: &Path) -> Client {
    Client::builder()
        .use_preconfigured_tls(tls_trusting(ca_pem))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

pub fn start_sandbox(dir: &Path) -> SandboxHandle {
    SandboxHandle::start(SandboxOptions::new(dir)).expect("sandbox starts")
}

/// A sandbox in a new scratch directory, and a REST client for it. Bind all three
/// (`let (_dir, sandbox, api) = ...`): they drop in reverse, the directory last.
pub fn sandbox_with_api() -> (TempDir, SandboxHandle, Api) {
    let dir = scratch_dir();
    let sandbox = start_sandbox(dir.path());
    let api = Api::for_sandbox(&sandbox);
    (dir, sandbox, api)
}

/// A REST client for one sandbox, trusting only its CA.
pub struct Api {
    client: Client,
    url: String,
    user: String,
    password: String,
}

impl Api {
    pub fn new(url: &str, user: &str, password: &str, ca_pem: &Path) -> Api {
        Api {
            client: client_trusting(ca_pem),
            url: url.into(),
            user: user.into(),
            password: password.into(),
        }
    }

    pub fn for_sandbox(sandbox: &SandboxHandle) -> Api {
        Api::new(
            &sandbox.url(),
            &sandbox.user(),
            &sandbox.password(),
            &sandbox.ca_cert_path(),
        )
    }

    fn send(&self, request: RequestBuilder) -> (StatusCode, Value) {
        let response = request
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .expect("request");
        let status = response.status();
        let text = response.text().expect("body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).expect("JSON body")
        };
        (status, body)
    }

    /// Any method, with a JSON body if given.
    pub fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.url));
        if let Some(body) = body {
            request = request.json(&body);
        }
        self.send(request)
    }

    /// A call that must succeed: its JSON body.
    pub fn call_ok(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let (status, value) = self.call(method, path, body);
        assert!(status.is_success(), "{path}: {status}");
        value
    }

    /// A GET that must succeed: its JSON body.
    pub fn get_ok(&self, path: &str) -> Value {
        self.call_ok(Method::GET, path, None)
    }

    /// Polls GET /v1/crdb_tasks/{id} until the task ended; returns it.
    pub fn wait_for_crdb_task(&self, id: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let (_, task) = self.get(&format!("/v1/crdb_tasks/{id}"));
            if task["status"] == "finished" || task["status"] == "failed" {
                return task;
            }
            assert!(Instant::now() < deadline, "task {id} did not end: {task}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.client.get(format!("{}{path}", self.url)))
    }

    pub fn put(&self, path: &str, body: &str) -> (StatusCode, Value) {
        self.put_as(path, body, Some("application/json"))
    }

    /// PUT with the given Content-Type header (or none).
    pub fn put_as(
        &self,
        path: &str,
        body: &str,
        content_type: Option<&str>,
    ) -> (StatusCode, Value) {
        self.put_with_headers(
            path,
            body,
            content_type.map(|ct| ("Content-Type", ct)).as_slice(),
        )
    }

    pub fn put_with_headers(
        &self,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .put(format!("{}{path}", self.url))
            .body(body.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request)
    }

    /// GET, and the value of response header `name`.
    pub fn get_with_header(&self, path: &str, name: &str) -> (StatusCode, Value, Option<String>) {
        let response = self
            .client
            .get(format!("{}{path}", self.url))
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .expect("request");
        let header = response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        let status = response.status();
        (status, response.json().expect("JSON body"), header)
    }

    /// Polls GET /v1/actions/{uid} until the action ended; returns it.
    pub fn wait_for_action(&self, uid: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let (status, action) = self.get(&format!("/v1/actions/{uid}"));
            if status == StatusCode::OK
                && (action["status"] == "completed" || action["status"] == "failed")
            {
                return action;
            }
            assert!(
                Instant::now() < deadline,
                "action {uid} never ended: {status} {action}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub fn post(&self, path: &str, body: &str) -> (StatusCode, Value) {
        let request = self.client.post(format!("{}{path}", self.url));
        self.send(
            request
                .header("Content-Type", "application/json")
                .body(body.to_string()),
        )
    }

    pub fn delete(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.client.delete(format!("{}{path}", self.url)))
    }

    /// Plain client request without credentials (or with the given ones).
    pub fn get_as(&self, path: &str, credentials: Option<(&str, &str)>) -> (StatusCode, Value) {
        let mut request = self.client.get(format!("{}{path}", self.url));
        if let Some((user, password)) = credentials {
            request = request.basic_auth(user, Some(password));
        }
        let response = request.send().expect("request");
        let status = response.status();
        (status, response.json().expect("JSON body"))
    }

    /// Polls GET /v1/bdbs/{uid} until its status is `wanted`; returns the bdb.
    pub fn wait_for_status(&self, uid: u32, wanted: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let (status, bdb) = self.get(&format!("/v1/bdbs/{uid}"));
            if status == StatusCode::OK && bdb["status"] == wanted {
                return bdb;
            }
            assert!(
                Instant::now() < deadline,
                "db:{uid} never became {wanted}: {status} {bdb}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

/// The workspace's `tests/fixtures/captured` (real captures), or `RSADMIN_FIXTURES`.
pub fn fixtures_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("RSADMIN_FIXTURES") {
        return PathBuf::from(dir);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/captured")
}

pub fn fixture(name: &str) -> Value {
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    serde_json::from_str(&text).expect("fixture JSON")
}

/// Processes (other than zombies) whose working directory or command line is inside `dir`:
/// the sandbox itself and its redis-server shards (which run with `--dir` inside it).
pub fn processes_using(dir: &Path) -> Vec<String> {
    let dir = dir.canonicalize().expect("canonical dir");
    let dir_text = dir.to_string_lossy().to_string();
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        if stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            == Some("Z")
        {
            continue;
        }
        let cwd_inside =
            std::fs::read_link(entry.path().join("cwd")).is_ok_and(|cwd| cwd.starts_with(&dir));
        let cmdline = String::from_utf8_lossy(
            &std::fs::read(entry.path().join("cmdline")).unwrap_or_default(),
        )
        .replace('\0', " ");
        if cwd_inside || cmdline.contains(&dir_text) {
            found.push(format!("{pid}: {cmdline}"));
        }
    }
    found
}
