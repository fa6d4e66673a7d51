//! The real `rsadmin-sandbox` binary: `up` (foreground and `--detach`), `status`, `down`,
//! persistence across SIGKILL, and where the password is (and is not) written.

use crate::support::{Api, processes_using, scratch_dir};
use serde_json::Value;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_rsadmin-sandbox");

fn sandbox_command(args: &[&str], dir: &Path) -> Output {
    Command::new(BINARY)
        .args(args)
        .arg("--dir")
        .arg(dir)
        .output()
        .expect("run rsadmin-sandbox")
}

fn env_var(dir: &Path, name: &str) -> String {
    let text = std::fs::read_to_string(dir.join("sandbox.env")).expect("sandbox.env");
    let prefix = format!("{name}=");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{name} missing"))
        .to_string()
}

fn api_from_env_file(dir: &Path) -> Api {
    Api::new(
        &env_var(dir, "RSADMIN_URL"),
        &env_var(dir, "RSADMIN_USER"),
        &env_var(dir, "RSADMIN_PASSWORD"),
        Path::new(&env_var(dir, "RSADMIN_CA_CERT")),
    )
}

/// Starts `up` in the foreground and waits until it wrote its pid file (it is ready then).
fn spawn_foreground(dir: &Path) -> Child {
    spawn_foreground_with_delay(dir, Duration::ZERO)
}

/// `spawn_foreground` with every change held `delay` before it is applied.
fn spawn_foreground_with_delay(dir: &Path, delay: Duration) -> Child {
    let mut child = Command::new(BINARY)
        .args(["up", "--api-port", "0", "--dir"])
        .arg(dir)
        .env(
            rsadmin_sandbox::handle::CHANGE_DELAY_ENV,
            delay.as_millis().to_string(),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn up");
    let deadline = Instant::now() + Duration::from_secs(60);
    let expected = child.id().to_string();
    while std::fs::read_to_string(dir.join("sandbox.pid"))
        .map(|pid| pid.trim().to_string())
        .ok()
        != Some(expected.clone())
    {
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "up exited early"
        );
        assert!(Instant::now() < deadline, "up never became ready");
        std::thread::sleep(Duration::from_millis(25));
    }
    child
}

/// Shards without their per-report timestamp, for comparing two runs.
fn shards_without_timestamps(api: &Api) -> Value {
    let (_, mut shards) = api.get("/v1/shards");
    for shard in shards.as_array_mut().expect("shards") {
        shard
            .as_object_mut()
            .expect("shard")
            .remove("report_timestamp");
    }
    shards
}

#[test]
fn databases_survive_sigkill_and_restart_unchanged() {
    let dir = scratch_dir();
    let mut first = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    let (status, _) = api.put(
        "/v1/bdbs/1",
        r#"{"proxy_policy": "all-master-shards", "shards_placement": "sparse"}"#,
    );
    assert_eq!(status, 200);
    api.wait_for_status(1, "active");
    let (status, _) = api.post(
        "/v1/bdbs",
        r#"{"name": "second", "memory_size": 1000000, "port": 0}"#,
    );
    assert_eq!(status, 200);
    api.wait_for_status(2, "active");
    let bdbs_before = api.get("/v1/bdbs").1;
    let shards_before = shards_without_timestamps(&api);
    let password_before = env_var(dir.path(), "RSADMIN_PASSWORD");

    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    // `down` removes what the killed sandbox left running (its shards).
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    assert_eq!(processes_using(dir.path()), Vec::<String>::new());

    let mut second = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    assert_eq!(
        env_var(dir.path(), "RSADMIN_PASSWORD"),
        password_before,
        "the credentials stay the same"
    );
    assert_eq!(api.get("/v1/bdbs").1, bdbs_before);
    assert_eq!(shards_without_timestamps(&api), shards_before);

    // SIGTERM: a foreground sandbox stops everything it started.
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    second.wait().expect("reap");
    assert_eq!(processes_using(dir.path()), Vec::<String>::new());
}

#[test]
fn a_change_that_cannot_be_saved_is_refused_and_a_restart_finds_the_old_state() {
    let dir = scratch_dir();
    let mut first = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    let bdbs_before = api.get("/v1/bdbs").1;
    // A directory where the sandbox writes its temporary state file: a real write failure,
    // even for root (who ignores permissions).
    let obstruction = dir.path().join("state.json.tmp");
    std::fs::create_dir(&obstruction).unwrap();
    let (status, body) = api.put("/v1/bdbs/1", r#"{"shards_placement": "sparse"}"#);
    assert_eq!(status, 500, "{body}");
    assert_eq!(body["error_code"], "state_not_persisted");
    let (status, body) = api.post(
        "/v1/bdbs",
        r#"{"name": "unsaved", "memory_size": 1000000, "port": 0}"#,
    );
    assert_eq!(
        (status.as_u16(), &body["error_code"]),
        (500, &Value::from("state_not_persisted"))
    );
    assert_eq!(api.get("/v1/bdbs").1, bdbs_before, "nothing was applied");

    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    std::fs::remove_dir(&obstruction).unwrap();
    let mut second = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    assert_eq!(api.get("/v1/bdbs").1, bdbs_before);
    // Once the state can be saved again, the same change is made and survives SIGKILL.
    let (status, _) = api.put("/v1/bdbs/1", r#"{"shards_placement": "sparse"}"#);
    assert_eq!(status, 200);
    api.wait_for_status(1, "active");
    second.kill().expect("SIGKILL");
    second.wait().expect("reap");
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    let mut third = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    assert_eq!(api.get("/v1/bdbs/1").1["shards_placement"], "sparse");
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    third.wait().expect("reap");
}

#[test]
fn a_rebalance_stopped_by_sigkill_between_two_moves_finishes_after_restart() {
    let dir = scratch_dir();
    let mut first = spawn_foreground_with_delay(dir.path(), Duration::from_millis(1500));
    let api = api_from_env_file(dir.path());
    let (status, _) = api.put("/v1/bdbs/1", r#"{"shards_placement": "sparse"}"#);
    assert_eq!(status, 200);
    api.wait_for_status(1, "active");
    let (status, answer) = api.put("/v1/bdbs/1/actions/rebalance", "");
    assert_eq!(status, 200, "{answer}");
    let action = answer["action_uid"]
        .as_str()
        .expect("action_uid")
        .to_string();
    let node_of =
        |api: &Api, shard: &str| api.get(&format!("/v1/shards/{shard}")).1["node_uid"].clone();
    let deadline = Instant::now() + Duration::from_secs(30);
    while node_of(&api, "2") != "2" {
        assert!(Instant::now() < deadline, "the first move never finished");
        std::thread::sleep(Duration::from_millis(20));
    }
    first.kill().expect("SIGKILL");
    first.wait().expect("reap");
    assert!(sandbox_command(&["down"], dir.path()).status.success());

    let mut second = spawn_foreground(dir.path());
    let api = api_from_env_file(dir.path());
    assert_eq!(node_of(&api, "2"), "2", "the finished move stays done");
    let resumed = api.wait_for_action(&action);
    assert_eq!(resumed["status"], "completed", "{resumed}");
    api.wait_for_status(1, "active");
    assert_eq!(
        node_of(&api, "3"),
        "3",
        "the second move ran after the restart"
    );
    assert!(sandbox_command(&["down"], dir.path()).status.success());
    second.wait().expect("reap");
}

#[test]
fn detach_status_and_down_leave_no_process_behind() {
    let dir = scratch_dir();
    let up = sandbox_command(&["up", "--detach", "--api-port", "0"], dir.path());
    let stdout = String::from_utf8_lossy(&up.stdout);
    assert!(
        up.status.success(),
        "up --detach failed: {stdout} {}",
        String::from_utf8_lossy(&up.stderr)
    );
    let url = env_var(dir.path(), "RSADMIN_URL");
    assert!(
        stdout.starts_with(&format!("rsadmin-sandbox: up at {url} (pid ")),
        "{stdout}"
    );
    assert!(url.starts_with("https://127.0.0.1:"));

    let status = sandbox_command(&["status"], dir.path());
    let report = String::from_utf8_lossy(&status.stdout);
    assert_eq!(status.status.code(), Some(0), "{report}");
    assert!(report.contains(&format!("url: {url}\n")), "{report}");
    assert!(
        report.contains("db:1 demo-db status: active port: "),
        "{report}"
    );
    assert!(
        !processes_using(dir.path()).is_empty(),
        "nothing runs after up --detach"
    );

    let down = sandbox_command(&["down"], dir.path());
    assert!(down.status.success());
    assert!(String::from_utf8_lossy(&down.stdout).starts_with("rsadmin-sandbox: stopped (pid "));
    assert_eq!(processes_using(dir.path()), Vec::<String>::new());
    let status = sandbox_command(&["status"], dir.path());
    assert_eq!(status.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&status.stdout),
        format!("rsadmin-sandbox: not running in {}\n", dir.path().display())
    );
}

#[test]
fn detach_into_a_closed_pipe_still_starts_and_exits_0() {
    let dir = scratch_dir();
    // The reader is gone before the child starts (`| head -0`), so no write can come first.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let up = Command::new(BINARY)
        .args(["up", "--detach", "--api-port", "0", "--dir"])
        .arg(dir.path())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("up --detach finishes");
    let down = sandbox_command(&["down"], dir.path());
    assert!(
        up.status.success(),
        "{:?}: {}",
        up.status,
        String::from_utf8_lossy(&up.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&up.stderr), "");
    assert!(down.status.success(), "the sandbox was not running");
}

#[test]
fn status_into_a_closed_pipe_ends_quietly_like_cat() {
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch_dir();
    // The reader is gone before the child starts (`status | head -0`): closing the parent's end
    // after spawning would race with the child's first write.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let status = Command::new(BINARY)
        .args(["status", "--dir"])
        .arg(dir.path())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run rsadmin-sandbox");
    assert_eq!(String::from_utf8_lossy(&status.stderr), "", "no panic");
    assert_eq!(status.status.signal(), Some(libc::SIGPIPE));
}

#[test]
fn the_password_is_only_in_sandbox_env_which_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir();
    let sandbox = crate::support::start_sandbox(dir.path());
    let password = sandbox.password();
    assert!(password.len() >= 24 && password.chars().all(|c| c.is_ascii_alphanumeric()));
    let env_file = sandbox.env_file();
    let mode = std::fs::metadata(&env_file)
        .expect("sandbox.env")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    let expected = format!(
        "RSADMIN_URL={}\nRSADMIN_USER=admin@sandbox.local\nRSADMIN_PASSWORD={password}\nRSADMIN_CA_CERT={}\n",
        sandbox.url(),
        sandbox.ca_cert_path().display()
    );
    assert_eq!(std::fs::read_to_string(&env_file).expect("read"), expected);
    assert!(sandbox.ca_cert_path().is_absolute());

    let mut holders = Vec::new();
    let mut pending = vec![dir.path().to_path_buf()];
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(&path).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if std::fs::read(&path)
                .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(&password))
            {
                holders.push(path);
            }
        }
    }
    assert_eq!(holders, vec![env_file]);
}
