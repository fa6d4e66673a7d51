//! One shard = one `redis-server` on loopback (its port, and a Unix socket for the proxies),
//! supervised: restarted on the same port when it dies, killed when the supervisor is dropped.
//! Its pid is recorded under DIR/run/ so `kill_leftovers` can clean up after a SIGKILLed sandbox.

use std::collections::BTreeSet;
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::Context;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;

use crate::proxy::ShardPassword;
use crate::state::DataPersistence;

const START_TIMEOUT: Duration = Duration::from_secs(10);
const RESTART_DELAY: Duration = Duration::from_millis(200);
/// How often a running shard is asked for PING, and how long it has to answer.
const HEALTH_INTERVAL: Duration = Duration::from_secs(1);
const HEALTH_TIMEOUT: Duration = Duration::from_secs(1);

/// How a shard process is started; a change means a restart.
#[derive(Clone, Debug, PartialEq)]
pub struct ShardLaunch {
    pub shard_uid: String,
    pub redis_server: PathBuf,
    /// DIR/shards/<uid>/: the working directory (dump/AOF files, log).
    pub work_dir: PathBuf,
    /// DIR/run/shard-<uid>.pid
    pub pid_file: PathBuf,
    pub port: u16,
    /// DIR/run/shard-<uid>.sock, where the proxies reach the shard; None when that path is too
    /// long for a Unix socket or DIR cannot hold sockets (they then use the port).
    pub unix_socket: Option<PathBuf>,
    pub persistence: DataPersistence,
    /// The master's port for a replica shard.
    pub replica_of: Option<u16>,
    /// `requirepass` (and `masterauth`), written to redis-server's standard input, never argv.
    pub password: ShardPassword,
    /// The second socket name: used by the server a shard moves to while the one it moves from
    /// still runs (and kept afterwards: the proxies connect to it).
    pub alternate_files: bool,
}

pub struct ShardProcess {
    pub launch: ShardLaunch,
    /// What the supervisor restarts after a crash; follows role changes made while running.
    restart_as: Arc<Mutex<ShardLaunch>>,
    supervisor: JoinHandle<()>,
    down: DownShards,
}

/// Shards whose redis-server died and does not answer yet (restart pending), by shard uid; what
/// `/v1/shards` reports as `detailed_status: down`.
#[derive(Clone, Debug, Default)]
pub struct DownShards(Arc<Mutex<BTreeSet<String>>>);

impl DownShards {
    fn shards(&self) -> MutexGuard<'_, BTreeSet<String>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn set(&self, shard_uid: &str, down: bool) {
        let mut shards = self.shards();
        if down {
            shards.insert(shard_uid.to_string());
        } else {
            shards.remove(shard_uid);
        }
    }

    pub fn contains(&self, shard_uid: &str) -> bool {
        self.shards().contains(shard_uid)
    }
}

/// A loopback port nobody listens on right now.
pub fn free_loopback_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

pub fn backend_addr(port: u16) -> SocketAddr {
    SocketAddr::from((Ipv4Addr::LOCALHOST, port))
}

/// `path` if a Unix socket can be bound there: sun_path holds 107 bytes and a NUL.
pub fn unix_socket_path(path: PathBuf) -> Option<PathBuf> {
    (path.as_os_str().len() <= 107).then_some(path)
}

/// True if `dir` can hold Unix sockets (some shared or FUSE file systems cannot); without them a
/// shard would fail to start, so the proxies then use the shards' ports.
pub fn can_hold_unix_sockets(dir: &Path) -> bool {
    let Some(probe) = unix_socket_path(dir.join("probe.sock")) else {
        return false;
    };
    let _ = std::fs::remove_file(&probe);
    let bound = std::os::unix::net::UnixListener::bind(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    bound
}

fn spawn(launch: &ShardLaunch) -> anyhow::Result<Child> {
    std::fs::create_dir_all(&launch.work_dir)
        .with_context(|| format!("cannot create {}", launch.work_dir.display()))?;
    let log = std::fs::File::create(launch.work_dir.join("redis.log"))?;
    // `-` first: redis-server reads configuration from its standard input, so the password
    // is in no argv and no file.
    let (config, mut config_writer) = std::io::pipe()?;
    let password = launch.password.as_str();
    config_writer
        .write_all(format!("requirepass {password}\nmasterauth {password}\n").as_bytes())?;
    drop(config_writer);
    let mut command = Command::new(&launch.redis_server);
    command
        .args([
            "-",
            "--port",
            &launch.port.to_string(),
            "--bind",
            "127.0.0.1",
            "--daemonize",
            "no",
        ])
        .arg("--dir")
        .arg(&launch.work_dir);
    if let Some(socket) = &launch.unix_socket {
        command
            .arg("--unixsocket")
            .arg(socket)
            .args(["--unixsocketperm", "700"]);
    }
    let (save, appendonly) = match launch.persistence {
        DataPersistence::Disabled => ("", "no"),
        DataPersistence::Snapshot => ("3600 1 300 100 60 10000", "no"),
        DataPersistence::Aof => ("", "yes"),
    };
    command.args(["--save", save, "--appendonly", appendonly]);
    // A replica's first sync starts at once (the default waits 5 s for more replicas to come) and
    // an empty replica loads straight from the socket: the default writes and fsyncs a temporary
    // file first, which stalls the server for seconds on a busy disk. New replicas and shard moves
    // are not held up.
    command.args([
        "--repl-diskless-sync-delay",
        "0",
        "--repl-diskless-load",
        "on-empty-db",
    ]);
    if let Some(master_port) = launch.replica_of {
        command.args(["--replicaof", "127.0.0.1", &master_port.to_string()]);
    }
    command
        .stdin(config)
        .stdout(log.try_clone()?)
        .stderr(log)
        .kill_on_drop(true);
    // SAFETY: prctl and sched_setscheduler are plain system calls, safe between fork and exec.
    // PR_SET_PDEATHSIG: a SIGKILLed sandbox leaves no redis-server behind.
    // SCHED_BATCH: a shard woken by the proxy's write does not preempt the proxy, which first
    // forwards the other clients' requests; on a small machine this batching is most of the
    // proxy's throughput (bench/RESULTS.md). A refusal (some containers) only costs speed.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            let default_priority = libc::sched_param { sched_priority: 0 };
            libc::sched_setscheduler(0, libc::SCHED_BATCH, &default_priority);
            Ok(())
        });
    }
    let child = command
        .spawn()
        .with_context(|| format!("cannot start {}", launch.redis_server.display()))?;
    if let Some(pid) = child.id() {
        std::fs::write(&launch.pid_file, pid.to_string())?;
    }
    Ok(child)
}

/// True once the server accepts its password and answers PING.
async fn answers_ping(port: u16, password: &ShardPassword) -> bool {
    let Ok(mut stream) = TcpStream::connect(backend_addr(port)).await else {
        return false;
    };
    let password = password.as_str();
    let request = format!(
        "*2\r\n$4\r\nAUTH\r\n${}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n",
        password.len()
    );
    let mut reply = [0u8; 12];
    stream.write_all(request.as_bytes()).await.is_ok()
        && stream.read_exact(&mut reply).await.is_ok()
        && &reply == b"+OK\r\n+PONG\r\n"
}

impl ShardProcess {
    /// Starts the shard and returns once it answers PING.
    pub async fn start(launch: ShardLaunch, down: DownShards) -> anyhow::Result<ShardProcess> {
        let child = spawn(&launch)?;
        let restart_as = Arc::new(Mutex::new(launch.clone()));
        let supervisor = tokio::spawn(supervise(restart_as.clone(), child, down.clone()));
        let process = ShardProcess {
            launch,
            restart_as,
            supervisor,
            down,
        };
        if !answers_within(&process.launch, START_TIMEOUT).await {
            anyhow::bail!(
                "redis-server on port {} did not answer PING (log: {})",
                process.launch.port,
                process.launch.work_dir.join("redis.log").display()
            );
        }
        process.down.set(&process.launch.shard_uid, false);
        Ok(process)
    }

    /// Records a role change made on the running server (`REPLICAOF`), so the launch matches
    /// what the reconciler wants and a crash restarts it in its new role.
    pub fn set_replica_of(&mut self, master_port: Option<u16>) {
        self.relaunch_as(|launch| launch.replica_of = master_port);
    }

    /// Moves the pid file to `path` (the shard's usual name, once the server it replaced is gone).
    pub fn adopt_pid_file(&mut self, path: PathBuf) -> std::io::Result<()> {
        std::fs::rename(&self.launch.pid_file, &path)?;
        self.relaunch_as(|launch| launch.pid_file = path);
        Ok(())
    }

    fn relaunch_as(&mut self, change: impl FnOnce(&mut ShardLaunch)) {
        change(&mut self.launch);
        *self
            .restart_as
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = self.launch.clone();
    }
}

async fn answers_within(launch: &ShardLaunch, timeout: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + timeout;
    while !answers_ping(launch.port, &launch.password).await {
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    true
}

/// Waits for the shard to exit and starts it again on the same port (proxies keep its address);
/// it is reported down from its death until the new process answers, and while it is alive but
/// does not answer PING within `HEALTH_TIMEOUT` (stopped, hung). A moved shard restarts as what
/// `restart_as` says now.
async fn supervise(restart_as: Arc<Mutex<ShardLaunch>>, mut child: Child, down: DownShards) {
    let current = || {
        restart_as
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    };
    loop {
        loop {
            tokio::select! {
                _ = child.wait() => break,
                () = tokio::time::sleep(HEALTH_INTERVAL) => {
                    let launch = current();
                    let answers = tokio::time::timeout(HEALTH_TIMEOUT, answers_ping(launch.port, &launch.password))
                        .await
                        .unwrap_or(false);
                    down.set(&launch.shard_uid, !answers);
                }
            }
        }
        let launch = current();
        down.set(&launch.shard_uid, true);
        tokio::time::sleep(RESTART_DELAY).await;
        match spawn(&launch) {
            Ok(restarted) => child = restarted,
            Err(error) => {
                eprintln!(
                    "rsadmin-sandbox: cannot restart shard on port {}: {error:#}",
                    launch.port
                );
                return;
            }
        }
        if answers_within(&launch, START_TIMEOUT).await {
            down.set(&launch.shard_uid, false);
        }
    }
}

impl Drop for ShardProcess {
    fn drop(&mut self) {
        // Aborting drops the Child, and kill_on_drop kills the redis-server.
        self.supervisor.abort();
        self.down.set(&self.launch.shard_uid, false);
        let _ = std::fs::remove_file(&self.launch.pid_file);
    }
}

/// How long `kill_recorded` waits for the killed servers to be gone (SIGKILL is delivered at once,
/// but a loaded machine may take a moment to tear a process down).
const KILL_WAIT: Duration = Duration::from_secs(5);

/// Kills the redis-servers recorded in `run_dir` (pid files) that are still alive, removes the pid
/// files, and returns once they are gone (or zombies of a parent that is gone), so that whoever asked
/// (`down`) finds no shard running after it returns.
pub fn kill_recorded(run_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(run_dir) else {
        return;
    };
    let mut killed = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "pid")
            && let Ok(text) = std::fs::read_to_string(&path)
            && let Ok(pid) = text.trim().parse::<i32>()
        {
            // Only kill what still is a redis-server: the pid may have been reused.
            let command_line = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            if String::from_utf8_lossy(&command_line).contains("redis-server") {
                // SAFETY: plain kill(2) on a pid we started.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                }
                killed.push(pid);
            }
        }
        let _ = std::fs::remove_file(&path);
    }
    let deadline = std::time::Instant::now() + KILL_WAIT;
    while killed.iter().any(|pid| is_running(*pid)) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// True while `pid` exists and is not a zombie (state `Z` in `/proc/<pid>/stat`).
fn is_running(pid: i32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    stat.rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .is_some_and(|state| state != "Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_path_longer_than_sun_path_falls_back_to_the_port() {
        let fits = PathBuf::from(format!("/{}", "d".repeat(106)));
        assert_eq!(unix_socket_path(fits.clone()), Some(fits));
        assert_eq!(
            unix_socket_path(PathBuf::from(format!("/{}", "d".repeat(107)))),
            None
        );
    }

    #[test]
    fn a_directory_is_probed_for_unix_sockets() {
        let dir = std::env::temp_dir().join(format!("rsadmin-socket-probe-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(can_hold_unix_sockets(&dir));
        assert!(!dir.join("probe.sock").exists());
        assert!(!can_hold_unix_sockets(&dir.join("missing")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
