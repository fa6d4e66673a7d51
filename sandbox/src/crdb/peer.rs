//! Calls to a participating cluster's REST API, the way the coordinator reaches every instance:
//! HTTPS with the credentials given in the crdb, trusting the CAs of the peer group.

use super::model::{Instance, TaskError};
use reqwest::{Method, StatusCode};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long an instance bdb may take to become active (or to disappear).
const INSTANCE_WAIT: Duration = Duration::from_secs(120);
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// An HTTPS client trusting the given CA certificates (PEM), and only those.
pub fn http_client(ca_pems: &[String]) -> Result<reqwest::Client, String> {
    let mut roots = rustls::RootCertStore::empty();
    for pem in ca_pems {
        for cert in CertificateDer::pem_slice_iter(pem.as_bytes()).flatten() {
            roots.add(cert).map_err(|error| error.to_string())?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| error.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    reqwest::Client::builder()
        .use_preconfigured_tls(tls)
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .build()
        .map_err(|error| error.to_string())
}

/// One participating cluster, reached with the instance's credentials.
pub struct PeerApi {
    http: reqwest::Client,
    fqdn: String,
    url: String,
    username: String,
    password: String,
}

impl PeerApi {
    /// `url` is the instance's URL as the peer group resolves it ([`super::PeerGroup::resolve`]).
    pub fn new(http: &reqwest::Client, instance: &Instance, url: &str) -> PeerApi {
        let credentials = instance.cluster.credentials.clone();
        PeerApi {
            http: http.clone(),
            fqdn: instance.cluster.name.clone(),
            url: url.trim_end_matches('/').to_string(),
            username: credentials
                .as_ref()
                .map(|c| c.username.clone())
                .unwrap_or_default(),
            password: credentials.map(|c| c.password).unwrap_or_default(),
        }
    }

    fn error(&self, error_code: &str, description: String) -> TaskError {
        TaskError {
            cluster_name: self.fqdn.clone(),
            error_code: error_code.into(),
            description,
        }
    }

    /// Sends one request; a non-2xx answer becomes this cluster's task error, carrying the
    /// cluster's own `error_code` and `description`.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, TaskError> {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.url))
            .basic_auth(&self.username, Some(&self.password));
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.map_err(|error| {
            self.error(
                "connection_error",
                format!("cannot reach {}: {}", self.url, root_cause(&error)),
            )
        })?;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        if status.is_success() {
            return Ok(parsed);
        }
        let error_code = parsed["error_code"]
            .as_str()
            .map_or_else(|| format!("http_{}", status.as_u16()), str::to_string);
        let detail = parsed["description"].as_str().unwrap_or("no details");
        let description = if status == StatusCode::UNAUTHORIZED {
            format!(
                "authentication failed for user {} at {} (HTTP 401): {detail}",
                self.username, self.url
            )
        } else {
            format!(
                "{method} {path} failed (HTTP {}): {detail}",
                status.as_u16()
            )
        };
        Err(self.error(&error_code, description))
    }

    /// Polls the bdb until it is `active`; `creation-failed` or the deadline is an error.
    pub async fn wait_active(&self, uid: &str) -> Result<(), TaskError> {
        let deadline = Instant::now() + INSTANCE_WAIT;
        loop {
            let bdb = self
                .call(
                    Method::GET,
                    &format!("/v1/bdbs/{uid}?fields=uid,status"),
                    None,
                )
                .await?;
            match bdb["status"].as_str() {
                Some("active") => return Ok(()),
                Some("creation-failed") => {
                    return Err(self.error(
                        "creation_failed",
                        format!("the instance database db:{uid} could not be created"),
                    ));
                }
                _ => {}
            }
            if Instant::now() > deadline {
                return Err(self.error(
                    "timeout",
                    format!("db:{uid} did not become active in {INSTANCE_WAIT:?}"),
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// Deletes the bdb and waits until it is gone; an already missing bdb counts as deleted.
    pub async fn delete_bdb(&self, uid: &str) -> Result<(), TaskError> {
        let path = format!("/v1/bdbs/{uid}");
        match self.call(Method::DELETE, &path, None).await {
            Err(error) if error.error_code == "db_not_exist" => return Ok(()),
            other => other?,
        };
        let deadline = Instant::now() + INSTANCE_WAIT;
        loop {
            match self
                .call(Method::GET, &format!("{path}?fields=uid"), None)
                .await
            {
                Err(error) if error.error_code == "db_not_exist" => return Ok(()),
                Err(error) => return Err(error),
                Ok(_) if Instant::now() > deadline => {
                    return Err(self.error(
                        "timeout",
                        format!("db:{uid} was not deleted in {INSTANCE_WAIT:?}"),
                    ));
                }
                Ok(_) => tokio::time::sleep(POLL_INTERVAL).await,
            }
        }
    }
}

/// Longest reply line read from a database endpoint (`+OK`, or an error line).
const REPLY_LIMIT: usize = 4096;
const RESP_TIMEOUT: Duration = Duration::from_secs(10);

impl PeerApi {
    /// `FLUSHDB` on every address the bdb's endpoint is bound to (after `AUTH` when the
    /// database has a password).
    pub async fn flush_bdb(&self, uid: &str, password: Option<&str>) -> Result<(), TaskError> {
        let bdb = self
            .call(Method::GET, &format!("/v1/bdbs/{uid}"), None)
            .await?;
        let port = bdb.pointer("/endpoints/0/port").and_then(Value::as_u64);
        let addresses: Vec<String> = bdb
            .pointer("/endpoints/0/addr")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|addr| addr.as_str().map(str::to_string))
            .collect();
        let (Some(port), false) = (port, addresses.is_empty()) else {
            return Err(self.error(
                "flush_failed",
                format!("db:{uid} has no bound endpoint to flush"),
            ));
        };
        for address in addresses {
            let target = format!("{address}:{port}");
            let flushed = tokio::time::timeout(RESP_TIMEOUT, flush_at(&target, password))
                .await
                .unwrap_or_else(|_| Err(format!("no answer in {RESP_TIMEOUT:?}")));
            flushed.map_err(|detail| {
                self.error("flush_failed", format!("FLUSHDB on {target}: {detail}"))
            })?;
        }
        Ok(())
    }
}

async fn flush_at(target: &str, password: Option<&str>) -> Result<(), String> {
    let mut stream = tokio::net::TcpStream::connect(target)
        .await
        .map_err(|error| error.to_string())?;
    if let Some(password) = password {
        resp_command(&mut stream, &["AUTH", password]).await?;
    }
    resp_command(&mut stream, &["FLUSHDB"]).await
}

/// Sends one command and reads its one-line reply: `+...` is success, anything else an error
/// (the reply text is the database's, never the password).
async fn resp_command(stream: &mut tokio::net::TcpStream, words: &[&str]) -> Result<(), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut frame = format!("*{}\r\n", words.len());
    for word in words {
        frame.push_str(&format!("${}\r\n{word}\r\n", word.len()));
    }
    stream
        .write_all(frame.as_bytes())
        .await
        .map_err(|error| error.to_string())?;
    let mut reply = Vec::new();
    let mut byte = [0u8; 1];
    while !reply.ends_with(b"\r\n") {
        if reply.len() >= REPLY_LIMIT
            || stream.read(&mut byte).await.map_err(|e| e.to_string())? == 0
        {
            return Err("connection closed before a reply".into());
        }
        reply.push(byte[0]);
    }
    let line = String::from_utf8_lossy(&reply).trim_end().to_string();
    if line.starts_with('+') {
        Ok(())
    } else {
        Err(line)
    }
}

fn root_cause(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
