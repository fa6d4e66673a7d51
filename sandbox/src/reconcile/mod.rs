//! Makes running processes match the state: one `redis-server` per shard, one proxy per bound
//! (node, database) on the node's internal and external address at the database port.

mod info;
mod moving;
mod shard_process;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use tokio::sync::Mutex;
use tokio::task::JoinSet;

use crate::proxy::{
    self, DatabaseProxy, DbPassword, DbSettings, DbTopology, NodeProxy, NodeView, ShardAddress,
    ShardPassword, ShardView,
};
use crate::state::{Bdb, ClusterState, Shard, ShardRole};
pub use shard_process::DownShards;
use shard_process::{
    ShardLaunch, ShardProcess, backend_addr, can_hold_unix_sockets, free_loopback_port,
    unix_socket_path,
};

/// What the data plane needs to know to start its processes.
#[derive(Debug, Clone)]
pub struct ReconcileContext {
    /// The sandbox directory (state.json, sandbox.env, logs).
    pub dir: PathBuf,
    /// `redis-server` binary; `None` = find it on PATH.
    pub redis_server: Option<PathBuf>,
    /// Cluster index c: node addresses are 127.0.{1+2c}.i (internal) and 127.0.{2+2c}.i (external).
    pub cluster_index: u8,
}

struct RunningDatabase {
    port: u16,
    proxy: Arc<DatabaseProxy>,
    /// node uid -> its proxy listeners
    node_proxies: BTreeMap<u32, NodeProxy>,
}

#[derive(Default)]
struct Running {
    /// shard uid -> process
    shards: HashMap<String, ShardProcess>,
    /// bdb uid -> proxies
    databases: HashMap<u32, RunningDatabase>,
}

pub struct Reconciler {
    ctx: ReconcileContext,
    redis_server: PathBuf,
    running: Mutex<Running>,
    down_shards: DownShards,
    shard_password: ShardPassword,
    /// Whether shards get a Unix socket in DIR/run (the proxies' cheaper way in).
    unix_sockets: bool,
}

fn run_dir(dir: &Path) -> PathBuf {
    dir.join("run")
}

/// DIR/run/shard-<uid>.pid: the pid of the server a shard runs on (tests and `down` read it).
fn pid_file(dir: &Path, shard_uid: &str) -> PathBuf {
    run_dir(dir).join(format!("shard-{shard_uid}.pid"))
}

impl Reconciler {
    pub async fn start(ctx: ReconcileContext) -> anyhow::Result<Reconciler> {
        let redis_server = ctx
            .redis_server
            .clone()
            .unwrap_or_else(|| PathBuf::from("redis-server"));
        kill_leftovers(&ctx.dir);
        std::fs::create_dir_all(run_dir(&ctx.dir))
            .with_context(|| format!("cannot create {}", run_dir(&ctx.dir).display()))?;
        Ok(Reconciler {
            redis_server,
            running: Mutex::new(Running::default()),
            down_shards: DownShards::default(),
            shard_password: ShardPassword::generate(),
            unix_sockets: can_hold_unix_sockets(&run_dir(&ctx.dir)),
            ctx,
        })
    }

    /// Called at start-up and after every accepted change, before the bdb becomes `active`.
    pub async fn apply(&self, state: &ClusterState) -> anyhow::Result<()> {
        let mut running = self.running.lock().await;
        self.apply_shards(state, &mut running).await?;
        self.apply_proxies(state, &mut running).await
    }

    /// Loopback port of each running shard's redis-server, by shard uid (for `/v1/shards`-style
    /// reporting and for tests that look at a shard directly).
    pub async fn shard_ports(&self) -> BTreeMap<String, u16> {
        let running = self.running.lock().await;
        running
            .shards
            .iter()
            .map(|(uid, process)| (uid.clone(), process.launch.port))
            .collect()
    }

    /// Shards that died and are not answering again yet (readable without waiting for a change).
    /// What the proxies log in to the shards with (tests that look at a shard directly need it).
    pub fn shard_password(&self) -> &ShardPassword {
        &self.shard_password
    }

    pub fn down_shards(&self) -> &DownShards {
        &self.down_shards
    }

    pub async fn shutdown(&self) {
        let mut running = self.running.lock().await;
        running.databases.clear();
        running.shards.clear();
    }

    /// How shard `shard` of `bdb` runs. Its files live per node (DIR/shards/<uid>/node-<n>), so
    /// persisted data follows a migration.
    fn launch_for(
        &self,
        bdb: &Bdb,
        shard: &Shard,
        port: u16,
        replica_of: Option<u16>,
        alternate_files: bool,
    ) -> ShardLaunch {
        let shard_uid = &shard.uid;
        let socket_name = if alternate_files {
            format!("shard-{shard_uid}.b.sock")
        } else {
            format!("shard-{shard_uid}.sock")
        };
        ShardLaunch {
            shard_uid: shard_uid.clone(),
            redis_server: self.redis_server.clone(),
            work_dir: self
                .ctx
                .dir
                .join("shards")
                .join(shard_uid)
                .join(format!("node-{}", shard.node_uid)),
            pid_file: pid_file(&self.ctx.dir, shard_uid),
            port,
            unix_socket: self
                .unix_sockets
                .then(|| run_dir(&self.ctx.dir).join(socket_name))
                .and_then(unix_socket_path),
            persistence: bdb.data_persistence,
            replica_of,
            password: self.shard_password.clone(),
            alternate_files,
        }
    }

    /// Stops shards that are gone or changed, then starts the missing ones in parallel (masters
    /// first, so replicas find them).
    async fn apply_shards(
        &self,
        state: &ClusterState,
        running: &mut Running,
    ) -> anyhow::Result<()> {
        let mut wanted: BTreeMap<String, ShardLaunch> = BTreeMap::new();
        for role in [ShardRole::Master, ShardRole::Slave] {
            for shard in state.shards.iter().filter(|shard| shard.role == role) {
                let Some(bdb) = state.bdb(shard.bdb_uid) else {
                    continue;
                };
                let (port, alternate_files) = match running.shards.get(&shard.uid) {
                    Some(process) => (process.launch.port, process.launch.alternate_files),
                    None => (free_loopback_port()?, false),
                };
                let replica_of = (role == ShardRole::Slave)
                    .then(|| {
                        state
                            .shards_of(bdb.uid)
                            .find(|master| {
                                master.role == ShardRole::Master
                                    && master.assigned_slots == shard.assigned_slots
                            })
                            .and_then(|master| wanted.get(&master.uid))
                            .map(|launch| launch.port)
                    })
                    .flatten();
                wanted.insert(
                    shard.uid.clone(),
                    self.launch_for(bdb, shard, port, replica_of, alternate_files),
                );
            }
        }
        running
            .shards
            .retain(|uid, process| wanted.get(uid) == Some(&process.launch));
        for role_is_replica in [false, true] {
            let mut starting = JoinSet::new();
            for (uid, launch) in &wanted {
                if launch.replica_of.is_some() == role_is_replica
                    && !running.shards.contains_key(uid)
                {
                    let (uid, launch) = (uid.clone(), launch.clone());
                    let down = self.down_shards.clone();
                    starting.spawn(async move { (uid, ShardProcess::start(launch, down).await) });
                }
            }
            while let Some(started) = starting.join_next().await {
                let (uid, process) = started?;
                running.shards.insert(
                    uid.clone(),
                    process.with_context(|| format!("shard {uid}"))?,
                );
            }
        }
        Ok(())
    }

    fn topology(&self, state: &ClusterState, bdb: &Bdb, running: &Running) -> DbTopology {
        let settings = DbSettings {
            db_uid: u64::from(bdb.uid),
            port: bdb.endpoint_port(),
            oss_cluster: bdb.oss_cluster,
            ip_type: match bdb.oss_cluster_api_preferred_ip_type {
                crate::state::IpType::Internal => proxy::IpType::Internal,
                crate::state::IpType::External => proxy::IpType::External,
            },
            endpoint_type: match bdb.oss_cluster_api_preferred_endpoint_type {
                crate::state::EndpointType::Ip => proxy::EndpointType::Ip,
                crate::state::EndpointType::Hostname => proxy::EndpointType::Hostname,
            },
            // The cluster name is the cluster FQDN in Redis Software.
            cluster_name: state.cluster.name.clone(),
            cluster_fqdn: state.cluster.name.clone(),
            password: bdb
                .other_settings
                .get("authentication_redis_pass")
                .and_then(|setting| setting.as_str())
                .and_then(DbPassword::from_setting),
        };
        let nodes = state
            .nodes
            .iter()
            .map(|node| NodeView {
                uid: u64::from(node.uid),
                internal_addr: node.addr.clone(),
                external_addr: node.external_addr.first().cloned(),
            })
            .collect();
        let shards = state
            .shards_of(bdb.uid)
            .filter(|shard| shard.role == ShardRole::Master)
            .filter_map(|shard| {
                let process = running.shards.get(&shard.uid)?;
                Some(ShardView {
                    uid: shard.uid.parse().unwrap_or_default(),
                    node_uid: shard.node_uid.parse().unwrap_or_default(),
                    slot_ranges: parse_slot_ranges(&shard.assigned_slots),
                    backend: ShardAddress {
                        tcp: backend_addr(process.launch.port),
                        unix: process.launch.unix_socket.clone(),
                        password: self.shard_password.clone(),
                    },
                })
            })
            .collect();
        DbTopology::new(settings, nodes, shards)
    }

    async fn apply_proxies(
        &self,
        state: &ClusterState,
        running: &mut Running,
    ) -> anyhow::Result<()> {
        let wanted_dbs: BTreeSet<u32> = state.bdbs.iter().map(|bdb| bdb.uid).collect();
        running.databases.retain(|uid, _| wanted_dbs.contains(uid));
        for bdb in &state.bdbs {
            let topology = self.topology(state, bdb, running);
            let port = bdb.endpoint_port();
            let database = match running.databases.get_mut(&bdb.uid) {
                Some(database) if database.port == port => {
                    database.proxy.update(topology);
                    database
                }
                _ => {
                    running.databases.remove(&bdb.uid);
                    let database = RunningDatabase {
                        port,
                        proxy: DatabaseProxy::new(topology),
                        node_proxies: BTreeMap::new(),
                    };
                    running.databases.entry(bdb.uid).or_insert(database)
                }
            };
            let bound = state.bound_node_uids(bdb.uid);
            database
                .node_proxies
                .retain(|node_uid, _| bound.contains(node_uid));
            for node_uid in bound {
                if database.node_proxies.contains_key(&node_uid) {
                    continue;
                }
                let Some(node) = state.node(node_uid) else {
                    continue;
                };
                let addrs = std::iter::once(&node.addr)
                    .chain(&node.external_addr)
                    .map(|addr| addr.parse::<IpAddr>())
                    .collect::<Result<Vec<_>, _>>()
                    .with_context(|| format!("node {node_uid} has an invalid address"))?;
                let node_proxy =
                    NodeProxy::bind(&addrs, port, u64::from(node_uid), database.proxy.clone())
                        .with_context(|| {
                            format!(
                                "cannot bind the proxy of db:{} on node {node_uid} port {port}",
                                bdb.uid
                            )
                        })?;
                database.node_proxies.insert(node_uid, node_proxy);
            }
        }
        Ok(())
    }
}

/// "0-5460" or "0-100,200-300" -> inclusive ranges.
fn parse_slot_ranges(assigned: &str) -> Vec<(u16, u16)> {
    assigned
        .split(',')
        .filter_map(|range| {
            let (start, end) = range
                .trim()
                .split_once('-')
                .unwrap_or((range.trim(), range.trim()));
            Some((start.parse().ok()?, end.parse().ok()?))
        })
        .collect()
}

/// Stops every process a (possibly SIGKILLed) sandbox in `dir` left behind.
pub fn kill_leftovers(dir: &Path) {
    shard_process::kill_recorded(&run_dir(dir));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_assigned_slots() {
        assert_eq!(parse_slot_ranges("0-5460"), vec![(0, 5460)]);
        assert_eq!(parse_slot_ranges("1-2,7"), vec![(1, 2), (7, 7)]);
    }
}
