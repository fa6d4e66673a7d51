//! Test harness for the data plane: a cluster state with the demo database, applied by the real
//! reconciler (real redis-server shards, real proxies), plus helpers to talk RESP and run clients.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use rsadmin_sandbox::reconcile::{ReconcileContext, Reconciler};
use rsadmin_sandbox::state::{Bdb, ClusterState, ProxyPolicy, ShardsPlacement};
use tempfile::TempDir;

pub struct DataPlane {
    runtime: tokio::runtime::Runtime,
    reconciler: Reconciler,
    pub state: ClusterState,
    /// Dropped after `Drop::drop` stopped the shards.
    dir: TempDir,
}

/// A directory removed when dropped.
pub fn scratch_dir() -> TempDir {
    tempfile::tempdir().expect("create scratch dir")
}

/// The OSS Cluster API prerequisites the demo database lacks: sparse placement, proxies on every
/// master shard's node, then the API itself.
pub fn enable_oss_cluster(bdb: &mut Bdb) {
    bdb.shards_placement = ShardsPlacement::Sparse;
    bdb.proxy_policy = ProxyPolicy::AllMasterShards;
    bdb.oss_cluster = true;
}

/// Sparse placement and a proxy per master shard, the OSS Cluster API off.
pub fn spread_without_oss_cluster(bdb: &mut Bdb) {
    bdb.shards_placement = ShardsPlacement::Sparse;
    bdb.proxy_policy = ProxyPolicy::AllMasterShards;
}

impl DataPlane {
    /// Three nodes and the demo database (3 shards), changed by `configure`, applied.
    pub fn start(configure: impl FnOnce(&mut Bdb)) -> DataPlane {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let dir = scratch_dir();
        let mut state = ClusterState::new(0, 3);
        let port = rsadmin_sandbox::ports::choose_free(&state.node_addresses(), &[]).unwrap();
        state.add_demo_bdb(port);
        let ctx = ReconcileContext {
            dir: dir.path().to_path_buf(),
            redis_server: None,
            cluster_index: 0,
        };
        let reconciler = runtime.block_on(Reconciler::start(ctx)).unwrap();
        let mut plane = DataPlane {
            runtime,
            reconciler,
            state,
            dir,
        };
        // Created with its configuration: shards are placed when they are created (a later
        // placement change moves none).
        let mut bdb = plane.state.bdb(1).unwrap().clone();
        configure(&mut bdb);
        plane.state.shards.clear();
        plane.state.last_shard_uid = 0;
        plane.change(|current| *current = bdb);
        plane
    }

    /// Changes the database like an accepted `PUT /v1/bdbs/1` and applies it.
    pub fn change(&mut self, configure: impl FnOnce(&mut Bdb)) {
        let mut bdb = self.state.bdb(1).unwrap().clone();
        configure(&mut bdb);
        self.state.replace_bdb(bdb);
        self.runtime
            .block_on(self.reconciler.apply(&self.state))
            .unwrap();
    }

    pub fn port(&self) -> u16 {
        self.state.bdb(1).unwrap().endpoint_port()
    }

    pub fn internal(&self, node: u32) -> String {
        format!("{}:{}", self.state.node(node).unwrap().addr, self.port())
    }

    pub fn external(&self, node: u32) -> String {
        format!(
            "{}:{}",
            self.state.node(node).unwrap().external_addr[0],
            self.port()
        )
    }

    /// Each running shard's loopback port, by shard uid.
    pub fn shard_ports(&self) -> BTreeMap<String, u16> {
        self.runtime.block_on(self.reconciler.shard_ports())
    }

    /// A connection to the shard on `port`, logged in with the password the proxies use.
    pub fn shard(&self, port: u16) -> Resp {
        let mut shard = Resp::connect(&format!("127.0.0.1:{port}"));
        let password = self.reconciler.shard_password().as_str();
        assert_eq!(shard.call(&["AUTH", password]), "+OK\r\n");
        shard
    }

    /// True when the shard on `port` accepts the proxies' password and answers PING; false on any
    /// I/O error, so that a wait can poll a shard that is dying or starting (a dying process's
    /// listening socket may still accept a connection, then reset it).
    pub fn shard_answers_ping(&self, port: u16) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
        let password = self.reconciler.shard_password().as_str();
        let request = format!(
            "*2\r\n$4\r\nAUTH\r\n${}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n",
            password.len()
        );
        let expected = b"+OK\r\n+PONG\r\n";
        if stream.write_all(request.as_bytes()).is_err() {
            return false;
        }
        let mut received = Vec::new();
        let mut chunk = [0u8; 64];
        while received.len() < expected.len() {
            match stream.read(&mut chunk) {
                Ok(read) if read > 0 => received.extend_from_slice(&chunk[..read]),
                _ => return false,
            }
        }
        received == expected
    }

    /// What `/v1/shards` reports as `detailed_status: down`.
    pub fn shard_is_down(&self, shard_uid: &str) -> bool {
        self.reconciler.down_shards().contains(shard_uid)
    }

    /// Each shard's redis-server pid, by shard uid (from the pid files of DIR/run).
    pub fn shard_pids(&self) -> BTreeMap<String, String> {
        self.shard_ports()
            .into_keys()
            .map(|uid| {
                let pid_file = self.dir.path().join("run").join(format!("shard-{uid}.pid"));
                let pid = std::fs::read_to_string(pid_file).unwrap();
                (uid, pid.trim().to_string())
            })
            .collect()
    }

    pub fn sandbox_dir(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for DataPlane {
    fn drop(&mut self) {
        self.runtime.block_on(self.reconciler.shutdown());
    }
}

/// A raw RESP connection; replies are returned as their exact wire bytes (as a String).
pub struct Resp {
    stream: TcpStream,
    buffer: Vec<u8>,
}

/// Length of the complete frame at the start of `buf`, if complete.
fn frame_len(buf: &[u8], pos: usize) -> Option<usize> {
    let kind = *buf.get(pos)?;
    let line_end = pos + buf[pos..].windows(2).position(|w| w == b"\r\n")?;
    let line = std::str::from_utf8(&buf[pos + 1..line_end]).ok()?;
    let next = line_end + 2;
    match kind {
        b'$' | b'=' | b'!' => {
            let len: i64 = line.parse().ok()?;
            if len < 0 {
                return Some(next);
            }
            let end = next + len as usize + 2;
            (buf.len() >= end).then_some(end)
        }
        b'*' | b'%' | b'~' | b'>' => {
            let count: i64 = line.parse().ok()?;
            let elements = if kind == b'%' { count * 2 } else { count };
            let mut cursor = next;
            for _ in 0..elements.max(0) {
                cursor = frame_len(buf, cursor)?;
            }
            Some(cursor)
        }
        _ => Some(next),
    }
}

impl Resp {
    pub fn connect(address: &str) -> Resp {
        let stream = TcpStream::connect(address)
            .unwrap_or_else(|error| panic!("connect {address}: {error}"));
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        Resp {
            stream,
            buffer: Vec::new(),
        }
    }

    pub fn send(&mut self, args: &[&str]) {
        let mut request = format!("*{}\r\n", args.len());
        for arg in args {
            request.push_str(&format!("${}\r\n{arg}\r\n", arg.len()));
        }
        self.stream.write_all(request.as_bytes()).unwrap();
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).unwrap();
    }

    pub fn reply(&mut self) -> String {
        loop {
            if let Some(len) = frame_len(&self.buffer, 0) {
                let frame: Vec<u8> = self.buffer.drain(..len).collect();
                return String::from_utf8_lossy(&frame).into_owned();
            }
            let mut chunk = [0u8; 65536];
            let read = self.stream.read(&mut chunk).expect("reply before timeout");
            assert!(
                read > 0,
                "connection closed; buffered: {:?}",
                String::from_utf8_lossy(&self.buffer)
            );
            self.buffer.extend_from_slice(&chunk[..read]);
        }
    }

    /// The socket itself, for tests that read or write past the RESP helpers.
    pub fn stream(&mut self) -> &mut TcpStream {
        &mut self.stream
    }

    pub fn call(&mut self, args: &[&str]) -> String {
        self.send(args);
        self.reply()
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

pub fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(workspace_root())
        .output()
        .unwrap_or_else(|error| panic!("cannot run {program}: {error}"))
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs tests/clients/<script> with python3 or node (node needs `npm ci` in tests/clients; if the
/// packages are missing the test fails, it does not skip).
pub fn client_script(script: &str, args: &[&str]) -> Output {
    let path = format!("tests/clients/{script}");
    let interpreter = if script.ends_with(".py") {
        "python3"
    } else {
        "node"
    };
    let mut full = vec![path.as_str()];
    full.extend_from_slice(args);
    run(interpreter, &full)
}

pub fn describe(output: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
