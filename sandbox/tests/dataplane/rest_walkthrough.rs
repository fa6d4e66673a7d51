//! The seed walkthrough through the REST API of a whole sandbox: fix the prerequisites, enable the
//! OSS Cluster API, and use it from redis-py; then switch the advertised addresses to external.

use std::sync::Arc;
use std::time::Duration;

use reqwest::blocking::Client;
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde_json::Value;

use crate::support::*;

struct Api {
    client: Client,
    sandbox: SandboxHandle,
}

impl Api {
    fn start(dir: &std::path::Path) -> Api {
        let sandbox = SandboxHandle::start(SandboxOptions::new(dir)).expect("sandbox starts");
        let mut roots = rustls::RootCertStore::empty();
        for cert in CertificateDer::pem_file_iter(sandbox.ca_cert_path()).unwrap() {
            roots.add(cert.unwrap()).unwrap();
        }
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
        let client = Client::builder()
            .use_preconfigured_tls(tls)
            .build()
            .unwrap();
        Api { client, sandbox }
    }

    fn bdb(&self) -> Value {
        let url = format!("{}/v1/bdbs/1", self.sandbox.url());
        let response = self
            .client
            .get(url)
            .basic_auth(self.sandbox.user(), Some(self.sandbox.password()))
            .send();
        response.unwrap().json().unwrap()
    }

    /// PUT /v1/bdbs/1, then waits until the change is applied (status back to active).
    fn update(&self, change: &str) {
        self.put("/v1/bdbs/1", change);
    }

    /// PUT `path` with `change`, then waits until db:1 is active again.
    fn put(&self, path: &str, change: &str) {
        let url = format!("{}{path}", self.sandbox.url());
        let response = self
            .client
            .put(url)
            .basic_auth(self.sandbox.user(), Some(self.sandbox.password()))
            .header("Content-Type", "application/json")
            .body(change.to_string())
            .send()
            .unwrap();
        assert!(
            response.status().is_success(),
            "{change}: {} {}",
            response.status(),
            response.text().unwrap()
        );
        for _ in 0..200 {
            if self.bdb()["status"] == "active" {
                return;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("db:1 did not return to active after {change}");
    }
}

#[test]
fn oss_cluster_enabled_through_rest_serves_redis_py_cluster_and_follows_ip_type() {
    let dir = scratch_dir();
    let api = Api::start(dir.path());
    let port = api.bdb()["endpoints"][0]["port"]
        .as_u64()
        .unwrap()
        .to_string();
    let seeds: Vec<String> = (1..=3)
        .map(|node| format!("127.0.1.{node}:{port}"))
        .collect();

    api.update(r#"{"shards_placement": "sparse", "proxy_policy": "all-master-shards"}"#);
    // Placement decides where new shards go; a rebalance moves the existing ones.
    api.put("/v1/bdbs/1/actions/rebalance", "");
    let disabled = client_script("redis_py_cluster.py", &[&seeds[0], &seeds[1], &seeds[2]]);
    assert!(
        stdout(&disabled).contains("Cluster mode is not enabled on this node"),
        "{}",
        describe(&disabled)
    );

    api.update(r#"{"oss_cluster": true}"#);
    let enabled = client_script("redis_py_cluster.py", &[&seeds[0], &seeds[1], &seeds[2]]);
    assert!(enabled.status.success(), "{}", describe(&enabled));
    assert_eq!(stdout(&enabled), "bar\n3\n");
    let endpoint_addrs = api.bdb()["endpoints"][0]["addr"].clone();
    assert_eq!(
        endpoint_addrs,
        serde_json::json!(["127.0.1.1", "127.0.1.2", "127.0.1.3"])
    );

    let mut before = Resp::connect(&seeds[0]);
    api.update(r#"{"oss_cluster_api_preferred_ip_type": "external"}"#);
    let mut after = Resp::connect(&seeds[0]);
    assert!(
        after
            .call(&["CLUSTER", "SLOTS"])
            .contains("$9\r\n127.0.2.3\r\n")
    );
    assert!(
        before
            .call(&["CLUSTER", "SLOTS"])
            .contains("$9\r\n127.0.1.3\r\n")
    );
}
