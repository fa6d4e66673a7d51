//! Blocking REST client: Basic auth over verified TLS, with every failure mapped to an exit code
//! and a message that names the cause and the fix.

use std::error::Error as StdError;
use std::sync::Arc;
use std::thread::sleep;
use std::time::Duration;

use reqwest::Method;
use reqwest::StatusCode;
use reqwest::blocking::{Client, Response};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::models::{ApiErrorBody, Bdb, Cluster, Node, Proxy, Shard};
use super::pinning::{CertificatePin, PinnedCertificateVerifier, pin_mismatch};
use super::tls::{TrustPolicy, client_config, provider};
use crate::config::ConnectionSettings;
use crate::error::{CliError, CliResult, ExitKind};

/// Waits between retries of a PUT the cluster answered with 409 (busy).
const BUSY_RETRY_DELAYS_MS: [u64; 4] = [250, 500, 1000, 2000];

pub struct ApiClient {
    http: Client,
    base_url: String,
    user: String,
    password: String,
}

impl ApiClient {
    pub fn new(settings: &ConnectionSettings) -> CliResult<Self> {
        Self::with_pin(settings, None)
    }

    /// With a pin (from a profile), exactly the pinned certificate is accepted.
    pub fn with_pin(
        settings: &ConnectionSettings,
        pin: Option<&CertificatePin>,
    ) -> CliResult<Self> {
        let trust = match pin {
            _ if settings.insecure => TrustPolicy::AcceptAny,
            Some(pin) => TrustPolicy::Custom(Arc::new(PinnedCertificateVerifier::new(
                Some(pin.clone()),
                provider(),
            ))),
            None => TrustPolicy::Verify {
                extra_ca: settings.ca_cert.as_deref(),
            },
        };
        let http = Client::builder()
            .use_preconfigured_tls(client_config(trust)?)
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|err| {
                CliError::new(ExitKind::Connect, format!("cannot set up HTTPS: {err}"))
            })?;
        Ok(ApiClient {
            http,
            base_url: settings.url.trim_end_matches('/').to_string(),
            user: settings.user.clone(),
            password: settings.password.clone(),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The uid and name of every database (one request, whatever the number of databases).
    pub fn bdb_index(&self) -> CliResult<Vec<Bdb>> {
        self.get("/v1/bdbs?fields=uid,name")
    }

    pub fn bdbs(&self) -> CliResult<Vec<Bdb>> {
        self.get("/v1/bdbs")
    }

    /// One database as raw JSON, so plans can compare any REST field.
    pub fn bdb_json(&self, uid: u64) -> CliResult<Value> {
        self.get(&bdb_path(uid))
    }

    pub fn bdb_status(&self, uid: u64) -> CliResult<Option<String>> {
        let bdb: Bdb = self.get(&format!("{}?fields=uid,status", bdb_path(uid)))?;
        Ok(bdb.status)
    }

    pub fn nodes(&self) -> CliResult<Vec<Node>> {
        self.get("/v1/nodes")
    }

    pub fn node(&self, uid: u64) -> CliResult<Node> {
        self.get(&node_path(uid))
    }

    pub fn shards(&self) -> CliResult<Vec<Shard>> {
        self.get("/v1/shards")
    }

    pub fn cluster(&self) -> CliResult<Cluster> {
        self.get("/v1/cluster")
    }

    pub fn proxies(&self) -> CliResult<Vec<Proxy>> {
        self.get("/v1/proxies")
    }

    /// Sends a partial update; the `action_uid` that tracks it, when the cluster names one.
    pub fn put_bdb(&self, uid: u64, body: &Value) -> CliResult<Option<String>> {
        let answer = self.put(&bdb_path(uid), body)?;
        Ok(answer
            .get("action_uid")
            .and_then(Value::as_str)
            .filter(|action_uid| !action_uid.is_empty())
            .map(str::to_string))
    }

    pub fn put_node(&self, uid: u64, body: &Value) -> CliResult<()> {
        self.put(&node_path(uid), body).map(drop)
    }

    pub fn get<T: DeserializeOwned>(&self, path: &str) -> CliResult<T> {
        self.call(Method::GET, path, None)
    }

    /// Any request with an optional JSON body; decodes the JSON answer (crdb calls use POST,
    /// PATCH and DELETE, which answer with a task).
    pub fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> CliResult<T> {
        let response = self.send(method.clone(), path, body)?;
        let response = self.check_status(&method, path, response)?;
        decode(&method, path, response)
    }

    /// PUT with retries while the cluster answers 409 (busy with another change); the answer's
    /// JSON (`null` when the body is empty).
    pub fn put(&self, path: &str, body: &Value) -> CliResult<Value> {
        let mut delays = BUSY_RETRY_DELAYS_MS.iter();
        loop {
            let response = self.send(Method::PUT, path, Some(body))?;
            if response.status() == StatusCode::CONFLICT
                && let Some(delay) = delays.next()
            {
                sleep(Duration::from_millis(*delay));
                continue;
            }
            let response = self.check_status(&Method::PUT, path, response)?;
            return decode(&Method::PUT, path, response);
        }
    }

    fn send(&self, method: Method, path: &str, body: Option<&Value>) -> CliResult<Response> {
        let url = format!("{}{path}", self.base_url);
        let mut request = self
            .http
            .request(method, &url)
            .basic_auth(&self.user, Some(&self.password))
            .header(reqwest::header::ACCEPT, "application/json");
        if let Some(body) = body {
            request = request.json(body);
        }
        request
            .send()
            .map_err(|err| transport_error(&self.base_url, &err))
    }

    fn check_status(&self, method: &Method, path: &str, response: Response) -> CliResult<Response> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let body = response.text().unwrap_or_default();
        Err(status_error(
            &self.base_url,
            &self.user,
            &format!("{method} {path}"),
            status,
            &body,
        ))
    }
}

/// Decodes a 2xx answer. An empty body is success too (task cancel answers only a status code):
/// it reads as JSON `null`, which `()`, `Option` and `Value` accept.
fn decode<T: DeserializeOwned>(method: &Method, path: &str, response: Response) -> CliResult<T> {
    let unexpected = |detail: String| {
        CliError::new(
            ExitKind::Failed,
            format!("unexpected answer to {method} {path}: {detail}"),
        )
    };
    let text = response
        .text()
        .map_err(|err| unexpected(err.to_string()).into_transient())?;
    if text.trim().is_empty() {
        return serde_json::from_value(Value::Null)
            .map_err(|_| unexpected("an empty body where a JSON object was expected".into()));
    }
    serde_json::from_str(&text).map_err(|err| unexpected(err.to_string()))
}

pub fn bdb_path(uid: u64) -> String {
    format!("/v1/bdbs/{uid}")
}

pub fn node_path(uid: u64) -> String {
    format!("/v1/nodes/{uid}")
}

/// Maps an HTTP error status to the exit-code contract. A 406 means the cluster refused the
/// configuration: we report it as "refused" (exit 3), the same as our own prerequisite refusals.
fn status_error(
    base_url: &str,
    user: &str,
    request: &str,
    status: StatusCode,
    body: &str,
) -> CliError {
    let parsed: ApiErrorBody = serde_json::from_str(body).unwrap_or_default();
    let code = parsed
        .error_code
        .as_deref()
        .map(|code| format!(" {code}"))
        .unwrap_or_default();
    let detail = parsed
        .text()
        .map(|text| format!(": {text}"))
        .unwrap_or_default();
    let http = status.as_u16();
    match status {
        StatusCode::UNAUTHORIZED => CliError::new(
            ExitKind::Auth,
            format!(
                "authentication failed for user {user} at {base_url} (HTTP 401). \
                 Check --user/RSADMIN_USER and RSADMIN_PASSWORD."
            ),
        ),
        StatusCode::FORBIDDEN => CliError::new(
            ExitKind::Auth,
            format!(
                "permission denied for user {user} on {request} (HTTP 403{code}){detail}. \
                 Use a user with the admin or db_member role."
            ),
        ),
        StatusCode::NOT_FOUND => CliError::new(
            ExitKind::NotFound,
            format!("not found: {request} (HTTP 404{code}){detail}"),
        ),
        StatusCode::CONFLICT => CliError::new(
            ExitKind::Conflict,
            format!(
                "the cluster is busy: {request} (HTTP 409{code}){detail}. \
                 Wait for the running change to finish and retry."
            ),
        ),
        StatusCode::NOT_ACCEPTABLE => CliError::new(
            ExitKind::Refused,
            format!("the cluster refused {request} (HTTP 406{code}){detail}"),
        ),
        _ if status.is_server_error() => CliError::new(
            ExitKind::Failed,
            format!("{request} failed (HTTP {http}{code}){detail}"),
        )
        .into_transient(),
        _ => CliError::new(
            ExitKind::Failed,
            format!("{request} failed (HTTP {http}{code}){detail}"),
        ),
    }
}

/// Maps a failure to reach the cluster (refused connection, DNS, TLS) to exit 8.
fn transport_error(base_url: &str, err: &reqwest::Error) -> CliError {
    let connect = |text: String| CliError::new(ExitKind::Connect, text);
    if let Some(tls) = find_tls_error(err) {
        if let Some(mismatch) = pin_mismatch(tls) {
            return connect(format!("cannot connect to {base_url}: {mismatch}"));
        }
        return connect(match tls {
            rustls::Error::InvalidCertificate(cert_error) => format!(
                "cannot connect to {base_url}: the server certificate is not trusted ({cert_error:?}). \
                 Pass --ca-cert PATH (or RSADMIN_CA_CERT) with the cluster's CA certificate, \
                 or pin this certificate after checking its fingerprint: rsadmin profile add <name> \
                 --cluster {base_url} --user <email> (it shows the fingerprint), \
                 or --insecure to skip verification."
            ),
            other => format!("cannot connect to {base_url}: TLS failure: {other}"),
        });
    }
    // Past TLS, a failure may pass (a node restarting, a slow answer): a wait retries it.
    let connect = |text: String| connect(text).into_transient();
    if find_io_error_kind(err) == Some(std::io::ErrorKind::ConnectionRefused) {
        return connect(format!(
            "cannot connect to {base_url}: connection refused. Is the cluster URL right?"
        ));
    }
    if err.is_timeout() {
        return connect(format!(
            "cannot connect to {base_url}: timed out. Is the cluster URL right and reachable?"
        ));
    }
    connect(format!(
        "cannot connect to {base_url}: {}. Is the cluster URL right?",
        error_chain(err)
    ))
}

fn causes<'a>(err: &'a reqwest::Error) -> impl Iterator<Item = &'a (dyn StdError + 'static)> {
    std::iter::successors(err.source(), |cause| (*cause).source())
}

fn find_tls_error(err: &reqwest::Error) -> Option<&rustls::Error> {
    causes(err).find_map(|cause| {
        cause
            .downcast_ref::<rustls::Error>()
            .or_else(|| tls_error_in_io(cause.downcast_ref::<std::io::Error>()?))
    })
}

/// hyper wraps the TLS error in nested `io::Error`s, whose `source()` skips the wrapped errors.
fn tls_error_in_io(io: &std::io::Error) -> Option<&rustls::Error> {
    let inner = io.get_ref()?;
    match inner.downcast_ref::<std::io::Error>() {
        Some(nested) => tls_error_in_io(nested),
        None => inner.downcast_ref::<rustls::Error>(),
    }
}

fn find_io_error_kind(err: &reqwest::Error) -> Option<std::io::ErrorKind> {
    causes(err).find_map(|cause| cause.downcast_ref::<std::io::Error>().map(|io| io.kind()))
}

fn error_chain(err: &reqwest::Error) -> String {
    causes(err)
        .last()
        .map(|root| root.to_string())
        .unwrap_or_else(|| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_for(status: u16, body: &str) -> CliError {
        status_error(
            "https://c:9443",
            "admin@x",
            "PUT /v1/bdbs/1",
            StatusCode::from_u16(status).unwrap(),
            body,
        )
    }

    #[test]
    fn statuses_map_to_exit_codes() {
        assert_eq!(error_for(401, "").kind, ExitKind::Auth);
        assert_eq!(error_for(403, "").kind, ExitKind::Auth);
        assert_eq!(error_for(404, "").kind, ExitKind::NotFound);
        assert_eq!(error_for(409, "").kind, ExitKind::Conflict);
        assert_eq!(error_for(406, "").kind, ExitKind::Refused);
        assert_eq!(error_for(500, "").kind, ExitKind::Failed);
        assert_eq!(error_for(400, "").kind, ExitKind::Failed);
        assert!(error_for(503, "").transient && !error_for(400, "").transient);
    }

    #[test]
    fn refusal_shows_error_code_and_description() {
        let err = error_for(
            406,
            r#"{"error_code": "invalid_oss_cluster_configuration", "description": "no"}"#,
        );
        assert_eq!(
            err.message,
            "the cluster refused PUT /v1/bdbs/1 (HTTP 406 invalid_oss_cluster_configuration): no"
        );
    }

    #[test]
    fn error_body_falls_back_to_message_and_tolerates_garbage() {
        assert_eq!(
            error_for(500, r#"{"message": "boom"}"#).message,
            "PUT /v1/bdbs/1 failed (HTTP 500): boom"
        );
        assert_eq!(
            error_for(502, "<html>bad gateway</html>").message,
            "PUT /v1/bdbs/1 failed (HTTP 502)"
        );
    }
}
