//! Test support: an in-process sandbox and a runner for the real `rsadmin` binary.

pub mod profile;

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rsadmin::api::ApiClient;
use rsadmin::api::ConnectionSettings;
use rsadmin::api::models::{Bdb, Endpoint};
use rsadmin::topology::expected::ExpectedTopology;
use rsadmin_sandbox::{LoggedRequest, SandboxHandle, SandboxOptions};
use tempfile::TempDir;

/// What one run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Turns the OSS Cluster API on for the demo database, fixing its prerequisites first.
pub const ENABLE_OSS_CLUSTER: [&str; 7] = [
    "tune",
    "db",
    "db:1",
    "oss_cluster",
    "enabled",
    "--fix",
    "-y",
];

/// Starts a sandbox in a new directory with the options `configure` sets, again (in another new
/// directory, up to three times) when a database port it chose was taken before it bound it: the
/// sandbox picks a port free on its node addresses and binds it a moment later, and every sandbox
/// on this machine uses the same addresses.
pub fn start_sandbox(configure: impl Fn(&mut SandboxOptions)) -> (SandboxHandle, TempDir) {
    let mut attempt = 1;
    loop {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut options = SandboxOptions::new(dir.path());
        configure(&mut options);
        match SandboxHandle::start(options) {
            Ok(handle) => return (handle, dir),
            Err(err) if attempt < 3 && format!("{err:#}").contains("Address already in use") => {
                attempt += 1;
            }
            Err(err) => panic!("sandbox starts: {err:?}"),
        }
    }
}

/// `crdb create` of a small database `aa` over the two `--instance` values.
pub fn crdb_create_argv<'a>(first: &'a str, second: &'a str) -> Vec<&'a str> {
    vec![
        "crdb",
        "create",
        "--name",
        "aa",
        "--memory-size",
        "100mb",
        "--instance",
        first,
        "--instance",
        second,
    ]
}

/// What verify expects of a database with the OSS Cluster API on and one endpoint, at
/// 127.0.0.1:`port` (no shards or nodes in the REST view).
pub fn one_seed_topology(port: u16) -> ExpectedTopology {
    let bdb = Bdb {
        uid: 1,
        oss_cluster: Some(true),
        endpoints: vec![Endpoint {
            uid: "1:1".into(),
            port: Some(u64::from(port)),
            addr: vec!["127.0.0.1".into()],
            ..Endpoint::default()
        }],
        ..Bdb::default()
    };
    ExpectedTopology::from_rest(&bdb, &[], &[]).expect("expected topology")
}

/// A fresh sandbox (3 nodes, the demo database db:1) in its own directory.
pub struct Sandbox {
    pub handle: SandboxHandle,
    _dir: TempDir,
}

impl Sandbox {
    pub fn start() -> Sandbox {
        let (handle, dir) = start_sandbox(|_| {});
        Sandbox { handle, _dir: dir }
    }

    /// The REST API's URL, user and password.
    pub fn credentials(&self) -> (String, String, String) {
        (
            self.handle.url(),
            self.handle.user(),
            self.handle.password(),
        )
    }

    /// `ENABLE_OSS_CLUSTER`, which must succeed.
    pub fn enable_oss_cluster(&self) {
        let run = self.rsadmin(&ENABLE_OSS_CLUSTER);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }

    /// Runs `rsadmin ARGS` against the sandbox; the password travels in the environment only.
    pub fn rsadmin(&self, args: &[&str]) -> Run {
        self.rsadmin_with(args, &[])
    }

    /// Runs `rladmin ARGS` (rsadmin through an `rladmin` link) as a script does: no terminal,
    /// standard input from /dev/null, the connection in the environment.
    pub fn rladmin(&self, args: &[&str]) -> Run {
        let link = self._dir.path().join("rladmin");
        if !link.exists() {
            std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rsadmin"), &link).expect("rladmin link");
        }
        self.run_with(&link, args, &[])
    }

    /// Like `rsadmin`, with extra environment (or overrides such as a wrong password).
    pub fn rsadmin_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        self.run_with(Path::new(env!("CARGO_BIN_EXE_rsadmin")), args, env)
    }

    fn run_with(&self, program: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
        let url = self.handle.url();
        let ca = self.handle.ca_cert_path();
        let password = self.handle.password();
        let user = self.handle.user();
        let mut base: Vec<(&str, &str)> = vec![
            ("RSADMIN_URL", url.as_str()),
            ("RSADMIN_USER", user.as_str()),
            ("RSADMIN_PASSWORD", password.as_str()),
            ("RSADMIN_CA_CERT", ca.to_str().expect("utf-8 path")),
        ];
        base.retain(|(key, _)| !env.iter().any(|(override_key, _)| override_key == key));
        base.extend_from_slice(env);
        let mut command = Command::new(program);
        command.args(args).envs(base.iter().copied());
        run_command(command, None)
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.handle.requests()
    }

    /// Every request that can change something (PUT, POST, PATCH, DELETE) since the last
    /// `clear_requests`: method, path, body.
    pub fn changes_sent(&self) -> Vec<(String, String, String)> {
        self.requests()
            .into_iter()
            .filter(|request| request.method != "GET")
            .map(|request| (request.method, request.path, request.body))
            .collect()
    }

    /// Every PUT the sandbox received since the last `clear_requests`.
    pub fn puts(&self) -> Vec<(String, String)> {
        self.requests()
            .into_iter()
            .filter(|request| request.method == "PUT")
            .map(|request| (request.path, request.body))
            .collect()
    }

    pub fn clear_requests(&self) {
        self.handle.clear_requests();
    }

    /// The `action_uid` of the newest state machine (the last accepted bdb change).
    pub fn action_uid_of_last_put(&self) -> String {
        let actions = self.handle.actions();
        actions["state-machines"]
            .as_array()
            .and_then(|machines| machines.last())
            .and_then(|machine| machine["action_uid"].as_str())
            .expect("a state machine")
            .to_string()
    }

    pub fn set_change_delay(&self, delay: Duration) {
        self.handle.set_change_delay(delay);
    }

    fn api_client(&self) -> ApiClient {
        ApiClient::new(&ConnectionSettings {
            url: self.handle.url(),
            user: self.handle.user(),
            password: self.handle.password(),
            ca_cert: Some(self.handle.ca_cert_path()),
            insecure: false,
        })
        .expect("REST client")
    }

    /// `PUT /v1/bdbs/1 BODY` with rsadmin's own REST client; returns once it is accepted.
    pub fn put_demo_db_without_waiting(&self, body: &serde_json::Value) {
        self.api_client().put_bdb(1, body).expect("PUT /v1/bdbs/1");
    }

    /// `PUT /v1/bdbs/1 BODY` with rsadmin's own REST client, for settings no rsadmin command
    /// changes; returns once the database is active again.
    pub fn put_demo_db(&self, body: &serde_json::Value) {
        let client = self.api_client();
        client.put_bdb(1, body).expect("PUT /v1/bdbs/1");
        wait_until_active(&client);
    }
}

/// Polls db:1 after a raw PUT until it is active again, as rsadmin's own commands do. The
/// minute is a guard against a hang, not a timing assumption: a loaded machine may be slow.
pub fn wait_until_active(client: &ApiClient) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while client.bdb_status(1).expect("status").as_deref() != Some("active") {
        assert!(Instant::now() < deadline, "db:1 did not become active");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A loopback port that refuses connections for as long as this lives. A port picked free and
/// released could be taken by another process before the test connects; this one is held by
/// the client end of a connection, which never listens, so connecting to it is always refused.
pub struct RefusedPort {
    pub port: u16,
    _listener: TcpListener,
    _holder: TcpStream,
}

impl RefusedPort {
    pub fn new() -> RefusedPort {
        let listener = TcpListener::bind("127.0.0.1:0").expect("listener");
        let holder = TcpStream::connect(listener.local_addr().expect("address")).expect("connect");
        RefusedPort {
            port: holder.local_addr().expect("local address").port(),
            _listener: listener,
            _holder: holder,
        }
    }
}

/// Runs the binary with a clean `RSADMIN_*` environment plus `env`; stdin is not a terminal.
pub fn run_rsadmin(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rsadmin"));
    command.args(args).envs(env.iter().copied());
    run_command(command, None)
}

/// Runs `command` without the caller's `RSADMIN_*` environment (its own `env` settings stay),
/// with `stdin` piped in, or no standard input at all (never a terminal).
pub fn run_command(mut command: Command, stdin: Option<&str>) -> Run {
    for (key, _) in std::env::vars() {
        if key.starts_with("RSADMIN_") && command.get_envs().all(|(set, _)| set != key.as_str()) {
            command.env_remove(key);
        }
    }
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("program starts");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("stdin written");
    }
    let output = child.wait_with_output().expect("program runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
