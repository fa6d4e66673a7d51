//! Blocking REST client: Basic auth over verified TLS, with every failure mapped to an exit code
//! and a message that names the cause and the fix.

use std::collections::BTreeMap;
use std::error::Error as StdError;
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::Duration;

use reqwest::Method;
use reqwest::StatusCode;
use reqwest::blocking::{Client, Response};
use serde::Deserialize;
use serde::Deserializer as _;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::models::{
    ApiErrorBody, Bdb, BlueprintEntry, Cluster, Node, NodeStatus, Proxy, Shard, ShardSummary,
};
use super::pinning::{CertificatePin, PinnedCertificateVerifier, pin_mismatch};
use super::tls::{TrustPolicy, client_config, provider};
use crate::api::ConnectionSettings;
use crate::error::{CliError, CliResult, ExitKind};
use crate::sanitize::one_line;

/// Waits between retries of a PUT the cluster answered with 409 (busy).
const BUSY_RETRY_DELAYS_MS: [u64; 4] = [250, 500, 1000, 2000];

/// Redirects followed for one request before giving up (a master hands over once).
const MAX_REDIRECT_HOPS: usize = 3;

pub struct ApiClient {
    http: Client,
    base_url: String,
    user: String,
    password: String,
    insecure: bool,
    /// Where requests go after a non-master node redirected to the master (`scheme://host:port`).
    master_base: Mutex<Option<String>>,
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
            // reqwest would drop Authorization on the cross-host hop; `send` follows 307s itself.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| {
                CliError::new(ExitKind::Connect, format!("cannot set up HTTPS: {err}"))
            })?;
        Ok(ApiClient {
            http,
            base_url: settings.url.trim_end_matches('/').to_string(),
            user: settings.user.clone(),
            password: settings.password.clone(),
            insecure: settings.insecure,
            master_base: Mutex::new(None),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The uid and name of every database (one request, whatever the number of databases).
    pub fn bdb_index(&self) -> CliResult<Vec<Bdb>> {
        self.get("/v1/bdbs?fields=uid,name")
    }

    /// Every database with only `fields` (the reference's `fields=` on `GET /v1/bdbs`): a cluster
    /// that ignores the parameter answers whole objects, which the typed model reads the same.
    pub fn bdbs_with_fields(&self, fields: &[&str]) -> CliResult<Vec<Bdb>> {
        self.get(&with_fields("/v1/bdbs", fields))
    }

    /// Calls `each` with every element of the JSON array at `path` as it is parsed, so only the
    /// body and one element are held at a time, never the whole decoded list.
    pub fn for_each<T: DeserializeOwned>(
        &self,
        path: &str,
        each: impl FnMut(T) -> CliResult<()>,
    ) -> CliResult<()> {
        let body = self.get_body(path)?;
        let mut each = ForEach {
            each,
            failure: None,
            element: std::marker::PhantomData,
        };
        let parsed = serde_json::Deserializer::from_slice(&body).deserialize_seq(&mut each);
        if let Some(failure) = each.failure {
            return Err(failure);
        }
        parsed
            .map_err(|err| unexpected_answer(&Method::GET, path, err.to_string()))
            .map(drop)
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

    /// `GET /v1/nodes/status` by node uid; empty where the route is absent (404).
    pub fn nodes_status(&self) -> CliResult<BTreeMap<u64, NodeStatus>> {
        match self.get::<BTreeMap<String, NodeStatus>>("/v1/nodes/status") {
            Ok(statuses) => Ok(statuses
                .into_iter()
                .filter_map(|(uid, status)| Some((uid.parse().ok()?, status)))
                .collect()),
            Err(err) if err.kind == ExitKind::NotFound => Ok(BTreeMap::new()),
            Err(err) => Err(err),
        }
    }

    pub fn node(&self, uid: u64) -> CliResult<Node> {
        self.get(&node_path(uid))
    }

    pub fn shards(&self) -> CliResult<Vec<Shard>> {
        self.get(SHARDS_PATH)
    }

    /// The shards with their memory use (`redis_info.used_memory`), for `status`: one request,
    /// the REST reference's `extra_info_keys` (a cluster that ignores it sends `redis_info: {}`).
    /// Undecoded: [`parse_shard_summaries`] reads it with the strings borrowed from these bytes.
    pub fn shards_with_used_memory(&self) -> CliResult<Vec<u8>> {
        self.get_body(SHARDS_WITH_USED_MEMORY_PATH)
    }

    /// One database's shards (`GET /v1/bdbs/{uid}/shards`).
    pub fn bdb_shards(&self, uid: u64) -> CliResult<Vec<Shard>> {
        self.get(&format!("{}/shards", bdb_path(uid)))
    }

    /// Where the database's shards would go with sparse placement. The route is deprecated from
    /// 7.22 in favour of `revamp` with `dry_run`, but present on 7.4 to 8.2 (route inventory), and
    /// unlike `actions/rebalance?dry_run` it takes the placement to plan for, so a plan can show
    /// the moves before the placement is changed.
    pub fn blueprint_path(uid: u64, placement: &str) -> String {
        format!(
            "{}/actions/optimize_shards_placement?shards_placement={placement}",
            bdb_path(uid)
        )
    }

    /// The blueprint and the `cluster-state-id` header that must come with it in the PUT.
    pub fn shards_blueprint(
        &self,
        uid: u64,
        placement: &str,
    ) -> CliResult<(Vec<BlueprintEntry>, Option<String>)> {
        let path = Self::blueprint_path(uid, placement);
        let response = self.send(Method::GET, &path, None, None)?;
        let response = self.check_status(&Method::GET, &path, response)?;
        let state_id = response
            .headers()
            .get(CLUSTER_STATE_ID)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string);
        Ok((decode(&Method::GET, &path, response)?, state_id))
    }

    /// `PUT /v1/bdbs/{uid}` with a `shards_blueprint`, guarded by the blueprint's state id (the
    /// cluster refuses it when its state changed since); answers the database object.
    pub fn put_bdb_blueprint(
        &self,
        uid: u64,
        body: &Value,
        state_id: Option<&str>,
    ) -> CliResult<Value> {
        let path = bdb_path(uid);
        let response = self.send(Method::PUT, &path, Some(body), state_id)?;
        let response = self.check_status(&Method::PUT, &path, response)?;
        decode(&Method::PUT, &path, response)
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

    /// The same update with `dry_run=true`: the cluster validates it and changes nothing.
    pub fn put_bdb_dry_run(&self, uid: u64, body: &Value) -> CliResult<()> {
        self.call::<Value>(
            Method::PUT,
            &format!("{}?dry_run=true", bdb_path(uid)),
            Some(body),
        )
        .map(drop)
    }

    pub fn put_node(&self, uid: u64, body: &Value) -> CliResult<()> {
        self.put(&node_path(uid), body).map(drop)
    }

    pub fn get<T: DeserializeOwned>(&self, path: &str) -> CliResult<T> {
        self.call(Method::GET, path, None)
    }

    /// The body of a successful GET, undecoded.
    fn get_body(&self, path: &str) -> CliResult<Vec<u8>> {
        let response = self.send(Method::GET, path, None, None)?;
        let response = self.check_status(&Method::GET, path, response)?;
        body(&Method::GET, path, response)
    }

    /// Any request with an optional JSON body; decodes the JSON answer (crdb calls use POST,
    /// PATCH and DELETE, which answer with a task).
    pub fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
    ) -> CliResult<T> {
        let response = self.send(method.clone(), path, body, None)?;
        let response = self.check_status(&method, path, response)?;
        decode(&method, path, response)
    }

    /// PUT with retries while the cluster answers 409 (busy with another change); the answer's
    /// JSON (`null` when the body is empty).
    pub fn put(&self, path: &str, body: &Value) -> CliResult<Value> {
        let mut delays = BUSY_RETRY_DELAYS_MS.iter();
        loop {
            let response = self.send(Method::PUT, path, Some(body), None)?;
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

    /// Sends a request, following redirects from non-master nodes (rest-api.md §1.2): with the
    /// same credentials and trust, only to one of the cluster's node addresses, at most
    /// [`MAX_REDIRECT_HOPS`] times; otherwise exit 8 naming the master and `handle_redirects`.
    fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        state_id: Option<&str>,
    ) -> CliResult<Response> {
        let mut base = self.current_base();
        for _ in 0..=MAX_REDIRECT_HOPS {
            let response = self.send_to(&base, method.clone(), path, body, state_id)?;
            if !matches!(
                response.status(),
                StatusCode::TEMPORARY_REDIRECT | StatusCode::PERMANENT_REDIRECT
            ) {
                return Ok(response);
            }
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default()
                .to_string();
            base = self.follow(&base, &location)?;
            *lock(&self.master_base) = Some(base.clone());
        }
        Err(redirect_refused(
            &self.base_url,
            "",
            "the redirects do not end",
        ))
    }

    fn current_base(&self) -> String {
        lock(&self.master_base)
            .clone()
            .unwrap_or_else(|| self.base_url.clone())
    }

    fn send_to(
        &self,
        base: &str,
        method: Method,
        path: &str,
        body: Option<&Value>,
        state_id: Option<&str>,
    ) -> CliResult<Response> {
        let mut request = self
            .http
            .request(method, format!("{base}{path}"))
            .basic_auth(&self.user, Some(&self.password))
            .header(reqwest::header::ACCEPT, "application/json");
        if let Some(body) = body {
            request = request.json(body);
        }
        if let Some(state_id) = state_id {
            request = request.header(CLUSTER_STATE_ID, state_id);
        }
        request.send().map_err(|err| transport_error(base, &err))
    }

    /// The origin a redirect leads to, once it is known to be one of this cluster's nodes: the
    /// target must list its own address among the nodes (`GET /v1/nodes`, asked with the same
    /// trust, so its certificate is checked before anything else is sent to it).
    fn follow(&self, from: &str, location: &str) -> CliResult<String> {
        let refused = |reason: &str| redirect_refused(from, location, reason);
        let target =
            reqwest::Url::parse(location).map_err(|_| refused("an address that is not a URL"))?;
        let (Some(host), Some(port)) = (target.host_str(), target.port_or_known_default()) else {
            return Err(refused("an address that is not a URL"));
        };
        if !from.starts_with(&format!("{}://", target.scheme())) {
            return Err(refused("another scheme"));
        }
        if self.insecure {
            return Err(refused(
                "and --insecure leaves no certificate check to carry over to another address",
            ));
        }
        let origin = format!("{}://{host}:{port}", target.scheme());
        let nodes: Vec<Node> = self
            .send_to(&origin, Method::GET, "/v1/nodes", None, None)
            .map_err(|err| refused(&format!("which cannot be reached ({})", err.message)))
            .and_then(|response| {
                if !response.status().is_success() {
                    return Err(refused(&format!(
                        "which answers HTTP {} itself",
                        response.status().as_u16()
                    )));
                }
                response
                    .json()
                    .map_err(|_| refused("which does not list the cluster's nodes"))
            })?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let is_node = nodes.iter().any(|node| {
            node.addr == host || node.external_addr.iter().any(|address| address == host)
        });
        if !is_node {
            return Err(refused("which is not one of the cluster's node addresses"));
        }
        Ok(origin)
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

pub const SHARDS_PATH: &str = "/v1/shards";
/// `GET /v1/shards` asking each shard's `INFO` `used_memory` into `redis_info`.
pub const SHARDS_WITH_USED_MEMORY_PATH: &str = "/v1/shards?extra_info_keys=used_memory";

/// The header that ties a shards blueprint to the cluster state it was computed for.
const CLUSTER_STATE_ID: &str = "cluster-state-id";

/// Decodes a 2xx answer. An empty body is success too (task cancel answers only a status code):
/// it reads as JSON `null`, which `()`, `Option` and `Value` accept.
///
/// Parsed from the bytes as received (`from_slice` checks UTF-8 only inside strings, in the same
/// pass), not from a `String` checked whole first: the answers run to tens of megabytes.
fn decode<T: DeserializeOwned>(method: &Method, path: &str, response: Response) -> CliResult<T> {
    let body = body(method, path, response)?;
    parse_body(method, path, &body)
}

/// The answer of [`ApiClient::shards_with_used_memory`], its strings borrowed from `body`.
pub fn parse_shard_summaries(body: &[u8]) -> CliResult<Vec<ShardSummary<'_>>> {
    parse_body(&Method::GET, SHARDS_WITH_USED_MEMORY_PATH, body)
}

/// [`decode`]'s parse, for types that may borrow from `body`.
fn parse_body<'a, T: Deserialize<'a>>(method: &Method, path: &str, body: &'a [u8]) -> CliResult<T> {
    if body.trim_ascii().is_empty() {
        return T::deserialize(Value::Null).map_err(|_| {
            unexpected_answer(
                method,
                path,
                "an empty body where a JSON object was expected".into(),
            )
        });
    }
    serde_json::from_slice(body).map_err(|err| unexpected_answer(method, path, err.to_string()))
}

/// The whole body, read into one buffer sized by `Content-Length` (up to [`BODY_HINT_MAX`]; a
/// longer body grows it as it arrives, bounded by the request timeout).
fn body(method: &Method, path: &str, mut response: Response) -> CliResult<Vec<u8>> {
    let hint = response.content_length().unwrap_or(0).min(BODY_HINT_MAX);
    let mut body = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    std::io::Read::read_to_end(&mut response, &mut body)
        .map_err(|err| unexpected_answer(method, path, err.to_string()).into_transient())?;
    Ok(body)
}

/// The largest buffer reserved up front from a `Content-Length` header.
const BODY_HINT_MAX: u64 = 256 << 20;

fn unexpected_answer(method: &Method, path: &str, detail: String) -> CliError {
    CliError::new(
        ExitKind::Failed,
        format!("unexpected answer to {method} {path}: {detail}"),
    )
}

/// `path?fields=a,b`: only those fields of each object (rest-api.md §1.8, bdb routes only).
pub fn with_fields(path: &str, fields: &[&str]) -> String {
    format!("{path}{}", fields_query(fields))
}

/// `?fields=a,b`, for a path built elsewhere.
pub fn fields_query(fields: &[&str]) -> String {
    format!("?fields={}", fields.join(","))
}

/// The visitor of [`ApiClient::for_each`]: hands each element on, and keeps the first error the
/// callback returns (serde errors carry only text).
struct ForEach<T, F> {
    each: F,
    failure: Option<CliError>,
    element: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned, F: FnMut(T) -> CliResult<()>> serde::de::Visitor<'de>
    for &mut ForEach<T, F>
{
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a JSON array")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(element) = seq.next_element::<T>()? {
            if let Err(failure) = (self.each)(element) {
                self.failure = Some(failure);
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A redirect rsadmin will not follow: exit 8, naming the master and how to reach it.
fn redirect_refused(from: &str, location: &str, reason: &str) -> CliError {
    let master = reqwest::Url::parse(location)
        .ok()
        .and_then(|url| url.host_str().map(str::to_string))
        .unwrap_or_else(|| "its master node".to_string());
    CliError::new(
        ExitKind::Connect,
        format!(
            "cannot use {from}: it is not the cluster's master node and redirects every request \
             to the master at {master} (HTTP 307), {reason}. Connect to the master ({master}) or \
             to the cluster FQDN (its DNS name points at the master), or let every node answer: \
             set handle_redirects to true (PUT /v1/cluster {{\"handle_redirects\": true}})"
        ),
    )
}

pub fn bdb_path(uid: u64) -> String {
    format!("/v1/bdbs/{uid}")
}

pub fn node_path(uid: u64) -> String {
    format!("/v1/nodes/{uid}")
}

pub const CLUSTER_POLICY_PATH: &str = "/v1/cluster/policy";

pub fn proxy_path(uid: u64) -> String {
    format!("/v1/proxies/{uid}")
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
    // The cluster's text is printed on one line, without control characters.
    let code = parsed
        .error_code
        .as_deref()
        .map(|code| format!(" {}", one_line(code)))
        .unwrap_or_default();
    let detail = parsed
        .text()
        .map(|text| format!(": {}", one_line(text)))
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
