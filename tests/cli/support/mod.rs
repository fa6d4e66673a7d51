//! Test support: an in-process sandbox and a runner for the real `rsadmin` binary.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use rsadmin::api::ApiClient;
use rsadmin::config::ConnectionSettings;
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

/// A fresh sandbox (3 nodes, the demo database db:1) in its own directory.
pub struct Sandbox {
    pub handle: SandboxHandle,
    _dir: TempDir,
}

impl Sandbox {
    pub fn start() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let handle = SandboxHandle::start(SandboxOptions::new(dir.path())).expect("sandbox starts");
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

    /// Like `rsadmin`, with extra environment (or overrides such as a wrong password).
    pub fn rsadmin_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
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
        run_rsadmin(args, &base)
    }

    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.handle.requests()
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

    /// `PUT /v1/bdbs/1 BODY` with rsadmin's own REST client, for settings no rsadmin command
    /// changes; returns once the database is active again.
    pub fn put_demo_db(&self, body: &serde_json::Value) {
        let client = ApiClient::new(&ConnectionSettings {
            url: self.handle.url(),
            user: self.handle.user(),
            password: self.handle.password(),
            ca_cert: Some(self.handle.ca_cert_path()),
            insecure: false,
        })
        .expect("REST client");
        client.put_bdb(1, body).expect("PUT /v1/bdbs/1");
        for _ in 0..200 {
            if client.bdb_status(1).expect("status").as_deref() == Some("active") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("db:1 did not become active");
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
