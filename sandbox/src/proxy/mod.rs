//! The per-node RESP proxy of a database: one listener per (node, database) on the node's
//! internal and external address at the database port, in front of the database's shards.
//! Behaviour follows rs-observed.md §6 (OSS Cluster API on and off); error texts are in `errors`.
//!
//! A request's way through: `session::client` reads it (`request` parses and bounds it),
//! `session` dispatches it (the proxy's own commands in `session::local`, MULTI/EXEC in
//! `session::transaction`, subscribed mode in `session::pubsub`), `routing` decides the shard(s)
//! from `topology` alone, `shard_io` queues it on a connection shared by all clients
//! (`shared_link`) or the client's own (`shard_link`), and `session::reply` collects and merges
//! the replies in request order.

mod auth;
mod command_table;
mod errors;
mod request;
mod routing;
mod session;
mod shard_io;
mod shard_link;
mod shared_link;
mod topology;

// The codec and the slot function live in the shared `rsadmin-resp` crate; these names keep the
// module paths the proxy has always used (`super::resp`, `super::slot`).
use rsadmin_resp::frame as resp;
use rsadmin_resp::slot;

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::runtime::Handle;
use tokio::sync::{OnceCell, OwnedRwLockReadGuard, OwnedRwLockWriteGuard};
use tokio::task::{JoinHandle, JoinSet};

pub use auth::{DbPassword, ShardPassword};
pub use request::{LIMITS, ProtocolError, RequestLimits, RequestReader, is_over_limit};
pub use slot::key_slot;
pub use topology::{
    DbSettings, DbTopology, EndpointType, IpType, NodeView, ShardAddress, ShardView,
};

use command_table::CommandTable;
use resp::{Protocol, Reply};
use shard_link::ShardLink;
use shared_link::SharedLink;

/// What the proxy learns once from a shard: where keys are in each command, and the version.
pub(crate) struct BackendInfo {
    commands: CommandTable,
    redis_version: String,
}

/// Shared by every listener and connection of one database.
pub struct DatabaseProxy {
    topology: RwLock<Arc<DbTopology>>,
    /// Connections to each shard shared by all clients, per protocol.
    shared_links: Mutex<HashMap<(ShardAddress, Protocol), Arc<SharedLink>>>,
    backend: OnceCell<Arc<BackendInfo>>,
    next_client_id: AtomicU64,
    /// Held shared by each batch of client requests, exclusively while a shard switches to
    /// another redis-server: requests wait for the switch instead of reaching a server that stops.
    switch_gate: Arc<tokio::sync::RwLock<()>>,
}

/// How long a shard switch waits for the batches in flight to finish. A batch blocked on the
/// shard (BLPOP 0 ...) can take forever; the switch then gives up, so no write is lost.
const SWITCH_DRAIN_LIMIT: Duration = Duration::from_secs(5);

/// Holds every client request of one database off while it exists (see `begin_switch`).
pub struct SwitchGuard {
    _held: OwnedRwLockWriteGuard<()>,
}

impl DatabaseProxy {
    pub fn new(topology: DbTopology) -> Arc<DatabaseProxy> {
        Arc::new(DatabaseProxy {
            topology: RwLock::new(Arc::new(topology)),
            shared_links: Mutex::new(HashMap::new()),
            backend: OnceCell::new(),
            next_client_id: AtomicU64::new(1),
            switch_gate: Arc::new(tokio::sync::RwLock::new(())),
        })
    }

    /// Replaces the topology. Connections keep the settings they were accepted with (the OSS
    /// Cluster API mode applies to new connections only, rs-observed.md) and take the new shard
    /// map at their next batch, as a real proxy follows migrations and failovers.
    pub fn update(&self, topology: DbTopology) {
        let backends: Vec<&ShardAddress> = topology.shards.iter().map(|s| &s.backend).collect();
        self.shared_links
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|(backend, _), _| backends.contains(&backend));
        let mut current = self
            .topology
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *current = Arc::new(topology);
    }

    /// Waits for the batches in flight (bounded by `SWITCH_DRAIN_LIMIT`) and holds new ones
    /// until the guard is dropped; None when the wait ran out.
    pub async fn begin_switch(&self) -> Option<SwitchGuard> {
        tokio::time::timeout(SWITCH_DRAIN_LIMIT, self.switch_gate.clone().write_owned())
            .await
            .ok()
            .map(|held| SwitchGuard { _held: held })
    }

    async fn batch_permit(&self) -> OwnedRwLockReadGuard<()> {
        self.switch_gate.clone().read_owned().await
    }

    pub fn snapshot(&self) -> Arc<DbTopology> {
        self.topology
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn shared_link(&self, backend: &ShardAddress, protocol: Protocol) -> Arc<SharedLink> {
        let mut links = self
            .shared_links
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        links
            .entry((backend.clone(), protocol))
            .or_insert_with(|| Arc::new(SharedLink::new(backend.clone(), protocol)))
            .clone()
    }

    fn next_client_id(&self) -> u64 {
        self.next_client_id.fetch_add(1, Ordering::Relaxed)
    }

    async fn backend_info(&self, topology: &DbTopology) -> io::Result<Arc<BackendInfo>> {
        self.backend
            .get_or_try_init(|| fetch_backend_info(topology))
            .await
            .cloned()
    }
}

async fn query(link: &mut ShardLink, args: &[&[u8]]) -> io::Result<Reply> {
    link.queue(args);
    link.flush().await?;
    let frame = link.read_frame_alone().await?;
    Reply::parse(&frame)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "invalid RESP from shard"))
}

async fn fetch_backend_info(topology: &DbTopology) -> io::Result<Arc<BackendInfo>> {
    let shard = topology
        .shards
        .first()
        .ok_or_else(|| io::Error::other("database has no shards"))?;
    let mut link = ShardLink::connect(&shard.backend, Protocol::Resp2).await?;
    let commands = CommandTable::from_command_reply(&query(&mut link, &[b"COMMAND"]).await?)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error.0))?;
    let info = query(&mut link, &[b"INFO", b"server"]).await?;
    let redis_version = info
        .as_bytes()
        .map(String::from_utf8_lossy)
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("redis_version:").map(str::to_string))
        })
        .unwrap_or_default();
    Ok(Arc::new(BackendInfo {
        commands,
        redis_version,
    }))
}

/// The proxy of one database on one node. Dropping it closes its listeners and every connection
/// they accepted.
pub struct NodeProxy {
    accept_tasks: Vec<JoinHandle<()>>,
}

/// The runtime all proxies run on: one thread of its own. A client request, the batched write on
/// the shared shard connection and the hand-back of the reply then involve no cross-thread
/// wake-ups, which are most of a proxy's cost on a small machine; the shards and the benchmark
/// client get the other cores.
fn data_plane_runtime() -> io::Result<Handle> {
    static HANDLE: Mutex<Option<Handle>> = Mutex::new(None);
    let mut handle = HANDLE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(handle) = handle.as_ref() {
        return Ok(handle.clone());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let started = runtime.handle().clone();
    std::thread::Builder::new()
        .name("rsadmin-dataplane".into())
        .spawn(move || runtime.block_on(std::future::pending::<()>()))?;
    *handle = Some(started.clone());
    Ok(started)
}

impl NodeProxy {
    /// Binds `port` on every address in `addrs` (the node's internal and external addresses).
    pub fn bind(
        addrs: &[IpAddr],
        port: u16,
        node_uid: u64,
        proxy: Arc<DatabaseProxy>,
    ) -> io::Result<NodeProxy> {
        let runtime = data_plane_runtime()?;
        let mut listeners = Vec::new();
        for addr in addrs {
            let listener = std::net::TcpListener::bind(SocketAddr::new(*addr, port))?;
            listener.set_nonblocking(true)?;
            listeners.push(listener);
        }
        let accept_tasks = listeners
            .into_iter()
            .map(|listener| {
                let proxy = proxy.clone();
                runtime.spawn(async move {
                    // Registered with the data-plane runtime's reactor, on its thread.
                    if let Ok(listener) = TcpListener::from_std(listener) {
                        accept_loop(listener, node_uid, proxy).await;
                    }
                })
            })
            .collect();
        Ok(NodeProxy { accept_tasks })
    }
}

impl Drop for NodeProxy {
    fn drop(&mut self) {
        for task in &self.accept_tasks {
            task.abort();
        }
    }
}

async fn accept_loop(listener: TcpListener, node_uid: u64, proxy: Arc<DatabaseProxy>) {
    // Connections live in this set, so aborting the accept task also ends them.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(session::serve(stream, node_uid, proxy.clone()));
                }
                // Out of descriptors and the like: back off briefly instead of spinning.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}
