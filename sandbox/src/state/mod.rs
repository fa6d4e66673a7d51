//! The cluster model: nodes, databases (bdbs) with their endpoints, and shards.
//!
//! Field names and JSON types follow `shared/docs/rest-api.md` and the captured responses, so
//! `serde` of these types is both the `state.json` format and (with the defaults in
//! `render`) the REST wire format.

pub mod change;
mod layout;
pub mod moves;
mod persist;
pub mod render;
mod timestamp;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

pub use layout::{STANDARD_SHARD_KEY_REGEX, slot_ranges};
pub use persist::{load, save};
pub use timestamp::now_rfc3339;

/// Redis Cluster hash slots in the `16k` policy.
pub const HASH_SLOTS: u32 = 16384;

/// First slot of an `assigned_slots` text ("0-5460" -> 0), for ordering shards.
fn first_slot(assigned_slots: &str) -> u32 {
    assigned_slots
        .split(['-', ','])
        .next()
        .and_then(|first| first.trim().parse().ok())
        .unwrap_or(u32::MAX)
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClusterState {
    pub cluster: ClusterInfo,
    pub nodes: Vec<Node>,
    pub bdbs: Vec<Bdb>,
    pub shards: Vec<Shard>,
    /// Highest bdb uid ever assigned; uids are never reused, as on a real cluster.
    pub last_bdb_uid: u32,
    /// Highest shard uid ever assigned.
    pub last_shard_uid: u32,
    /// Incremented by every accepted change: the `cluster-state-id` header a `shards_blueprint`
    /// update must match (optimize_shards_placement.md).
    #[serde(default)]
    pub cluster_state_id: u64,
    /// Accepted shard moves not finished yet, resumed after a restart.
    #[serde(default)]
    pub moves: Vec<moves::MoveAction>,
    /// bdb uid -> nodes whose proxy stays bound after the bdb's master shards moved away: the
    /// cluster "avoids disconnecting clients, so bindings may drift" until the policy is applied
    /// again (cli-grammar.md, proxy-policy.md); a PUT with `proxy_policy` clears them. With the
    /// `single` policy the endpoint stays on its node.
    #[serde(default)]
    pub drifted_proxies: BTreeMap<u32, BTreeSet<u32>>,
    /// Fields changed with `PUT /v1/cluster/policy`, over the documented defaults.
    #[serde(default)]
    pub cluster_policy: Map<String, Value>,
    /// Per proxy uid (= node uid), fields changed with `PUT /v1/proxies[/{uid}]`.
    #[serde(default)]
    pub proxy_settings: BTreeMap<u32, Map<String, Value>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClusterInfo {
    /// Cluster FQDN, used in endpoint dns names (`redis-<port>.<name>`).
    pub name: String,
    /// Index c of this sandbox cluster; fixes the node addresses (see [`Node::internal_addr`]).
    pub index: u8,
    pub created_time: String,
    /// Non-master nodes serve requests themselves instead of answering 307 to the master
    /// (settable with `PUT /v1/cluster`).
    #[serde(default)]
    pub handle_redirects: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Node {
    pub uid: u32,
    /// Internal address.
    pub addr: String,
    /// External addresses; settable with `PUT /v1/nodes/{uid}`.
    pub external_addr: Vec<String>,
    /// Limits changed with `PUT /v1/nodes/{uid}` (`max_listeners`, ...), over the defaults.
    #[serde(flatten, default)]
    pub limits: Map<String, Value>,
}

impl Node {
    /// Internal address of node `uid` (1-based) in cluster `index`: 127.0.{1+2c}.{i}.
    pub fn internal_addr(cluster_index: u8, uid: u32) -> String {
        format!("127.0.{}.{uid}", 1 + 2 * u32::from(cluster_index))
    }

    /// External address of node `uid` in cluster `index`: 127.0.{2+2c}.{i}.
    pub fn external_addr(cluster_index: u8, uid: u32) -> String {
        format!("127.0.{}.{uid}", 2 + 2 * u32::from(cluster_index))
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum BdbStatus {
    Pending,
    Active,
    ActiveChangePending,
    DeletePending,
    CreationFailed,
}

impl BdbStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BdbStatus::Pending => "pending",
            BdbStatus::Active => "active",
            BdbStatus::ActiveChangePending => "active-change-pending",
            BdbStatus::DeletePending => "delete-pending",
            BdbStatus::CreationFailed => "creation-failed",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ProxyPolicy {
    Single,
    AllMasterShards,
    AllNodes,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ShardsPlacement {
    Dense,
    Sparse,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum IpType {
    Internal,
    External,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum EndpointType {
    Ip,
    Hostname,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum HashSlotsPolicy {
    #[serde(rename = "legacy")]
    Legacy,
    #[serde(rename = "16k")]
    Slots16k,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum DataPersistence {
    Disabled,
    Snapshot,
    Aof,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum EvictionPolicy {
    VolatileLru,
    VolatileTtl,
    VolatileRandom,
    AllkeysLru,
    AllkeysRandom,
    Noeviction,
    VolatileLfu,
    AllkeysLfu,
    AllkeysLrm,
    VolatileLrm,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum ShardRole {
    Master,
    Slave,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct ShardKeyRule {
    pub regex: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Module {
    pub module_name: String,
    #[serde(default)]
    pub module_args: String,
    #[serde(default)]
    pub module_id: String,
    #[serde(default)]
    pub semantic_version: String,
}

/// One endpoint of a bdb (the sandbox gives every bdb exactly one, uid "<bdb>:1").
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Endpoint {
    pub uid: String,
    pub dns_name: String,
    /// The real database port, the same on every node.
    pub port: u16,
    /// Internal addresses of the nodes whose proxy is bound to this endpoint.
    pub addr: Vec<String>,
    pub addr_type: IpType,
    pub proxy_policy: ProxyPolicy,
    /// Proxy (= node) uids; absent when unused, as on a real cluster.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub include_proxies: Option<Vec<u32>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub exclude_proxies: Option<Vec<u32>>,
    pub oss_cluster_api_preferred_ip_type: IpType,
    pub oss_cluster_api_preferred_endpoint_type: EndpointType,
}

/// A database. Typed fields are the ones the sandbox acts on; every other documented field lives in
/// `other_settings` (client-set values) over the defaults in `render`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Bdb {
    pub uid: u32,
    pub name: String,
    #[serde(rename = "type")]
    pub db_type: String,
    pub status: BdbStatus,
    pub version: String,
    pub redis_version: String,
    pub memory_size: u64,
    /// Requested port; 0 when auto-assigned (the real port is in `endpoints[0].port`).
    pub port: u16,
    pub sharding: bool,
    pub shards_count: u16,
    pub shard_key_regex: Vec<ShardKeyRule>,
    pub hash_slots_policy: HashSlotsPolicy,
    pub implicit_shard_key: bool,
    pub oss_cluster: bool,
    pub oss_cluster_api_preferred_ip_type: IpType,
    pub oss_cluster_api_preferred_endpoint_type: EndpointType,
    pub proxy_policy: ProxyPolicy,
    pub shards_placement: ShardsPlacement,
    pub replication: bool,
    pub data_persistence: DataPersistence,
    pub eviction_policy: EvictionPolicy,
    pub module_list: Vec<Module>,
    pub endpoints: Vec<Endpoint>,
    pub created_time: String,
    pub last_changed_time: String,
    #[serde(flatten)]
    pub other_settings: BTreeMap<String, Value>,
}

impl Bdb {
    /// The port clients connect to (`port` reads 0 when it was auto-assigned).
    pub fn endpoint_port(&self) -> u16 {
        self.endpoints
            .first()
            .map_or(self.port, |endpoint| endpoint.port)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Shard {
    pub uid: String,
    pub bdb_uid: u32,
    pub node_uid: String,
    pub role: ShardRole,
    /// "first-last" slot range; replicas carry the range of their master.
    pub assigned_slots: String,
}

impl ClusterState {
    /// A new, empty cluster with `node_count` nodes.
    pub fn new(cluster_index: u8, node_count: u8) -> ClusterState {
        let nodes = (1..=u32::from(node_count))
            .map(|uid| Node {
                uid,
                addr: Node::internal_addr(cluster_index, uid),
                external_addr: vec![Node::external_addr(cluster_index, uid)],
                limits: Map::new(),
            })
            .collect();
        ClusterState {
            cluster: ClusterInfo {
                name: format!("cluster{}.sandbox.local", u32::from(cluster_index) + 1),
                index: cluster_index,
                created_time: now_rfc3339(),
                handle_redirects: false,
            },
            nodes,
            bdbs: Vec::new(),
            shards: Vec::new(),
            last_bdb_uid: 0,
            last_shard_uid: 0,
            cluster_state_id: 1,
            moves: Vec::new(),
            drifted_proxies: BTreeMap::new(),
            cluster_policy: Map::new(),
            proxy_settings: BTreeMap::new(),
        }
    }

    /// Adds the demo database (design §3) on `port`: sharded, 3 shards, proxy policy `single` and
    /// dense placement, so it does not yet meet the OSS Cluster API prerequisites.
    pub fn add_demo_bdb(&mut self, port: u16) {
        self.last_bdb_uid += 1;
        let mut demo =
            Bdb::with_defaults(self.last_bdb_uid, "demo-db".into(), 1 << 30, &now_rfc3339());
        demo.sharding = true;
        demo.shards_count = 3;
        demo.shard_key_regex = layout::standard_shard_key_regex();
        self.insert_bdb(demo, port);
    }

    pub fn bdb(&self, uid: u32) -> Option<&Bdb> {
        self.bdbs.iter().find(|bdb| bdb.uid == uid)
    }

    pub fn bdb_mut(&mut self, uid: u32) -> Option<&mut Bdb> {
        self.bdbs.iter_mut().find(|bdb| bdb.uid == uid)
    }

    /// The node whose REST API answers requests; the others redirect to it. The sandbox has no
    /// master election: it is the first node.
    pub fn master_node(&self) -> Option<&Node> {
        self.nodes.first()
    }

    pub fn node(&self, uid: u32) -> Option<&Node> {
        self.nodes.iter().find(|node| node.uid == uid)
    }

    pub fn shards_of(&self, bdb_uid: u32) -> impl Iterator<Item = &Shard> {
        self.shards
            .iter()
            .filter(move |shard| shard.bdb_uid == bdb_uid)
    }

    /// Ports in use by databases (endpoint ports).
    pub fn used_ports(&self) -> Vec<u16> {
        self.bdbs.iter().map(Bdb::endpoint_port).collect()
    }

    /// Adds `bdb` listening on `port`, places its shards and binds its endpoint.
    pub fn insert_bdb(&mut self, mut bdb: Bdb, port: u16) {
        bdb.endpoints = vec![Endpoint {
            uid: format!("{}:1", bdb.uid),
            dns_name: format!("redis-{port}.{}", self.cluster.name),
            port,
            addr: Vec::new(),
            addr_type: layout::ENDPOINT_ADDR_TYPE,
            proxy_policy: bdb.proxy_policy,
            include_proxies: None,
            exclude_proxies: None,
            oss_cluster_api_preferred_ip_type: bdb.oss_cluster_api_preferred_ip_type,
            oss_cluster_api_preferred_endpoint_type: bdb.oss_cluster_api_preferred_endpoint_type,
        }];
        let uid = bdb.uid;
        self.bdbs.push(bdb);
        self.relayout(uid);
    }

    /// Replaces a bdb (same uid) and re-derives its shards and endpoint binding.
    pub fn replace_bdb(&mut self, bdb: Bdb) {
        let uid = bdb.uid;
        if let Some(slot) = self.bdb_mut(uid) {
            *slot = bdb;
            self.relayout(uid);
        }
    }

    /// Puts back a bdb and exactly the shards it had (rolls back one database only, so changes to
    /// other databases made in the meantime stay).
    pub fn restore_bdb(&mut self, bdb: Bdb, shards: Vec<Shard>) {
        self.remove_bdb(bdb.uid);
        self.bdbs.push(bdb);
        self.bdbs.sort_by_key(|bdb| bdb.uid);
        self.shards.extend(shards);
    }

    /// Every address a node listens on (internal and external), for port checks.
    pub fn node_addresses(&self) -> Vec<String> {
        self.nodes
            .iter()
            .flat_map(|node| {
                std::iter::once(node.addr.clone()).chain(node.external_addr.iter().cloned())
            })
            .collect()
    }

    /// Removes a bdb and its shards.
    pub fn remove_bdb(&mut self, uid: u32) {
        self.bdbs.retain(|bdb| bdb.uid != uid);
        self.shards.retain(|shard| shard.bdb_uid != uid);
        self.drifted_proxies.remove(&uid);
    }
}

impl Bdb {
    /// A bdb with the documented defaults of `POST /v1/bdbs` (rest-api.md §2).
    pub fn with_defaults(uid: u32, name: String, memory_size: u64, now: &str) -> Bdb {
        Bdb {
            uid,
            name,
            db_type: "redis".into(),
            status: BdbStatus::Active,
            // The shards are Debian's redis-server 7.0; report that, not RS's bundled 8.0.
            version: "7.0.15".into(),
            redis_version: "7.0".into(),
            memory_size,
            port: 0,
            sharding: false,
            shards_count: 1,
            shard_key_regex: Vec::new(),
            hash_slots_policy: HashSlotsPolicy::Slots16k,
            implicit_shard_key: false,
            oss_cluster: false,
            oss_cluster_api_preferred_ip_type: IpType::Internal,
            oss_cluster_api_preferred_endpoint_type: EndpointType::Ip,
            proxy_policy: ProxyPolicy::Single,
            shards_placement: ShardsPlacement::Dense,
            replication: false,
            data_persistence: DataPersistence::Disabled,
            eviction_policy: EvictionPolicy::VolatileLru,
            // Community redis-server has no modules, so none are listed (RS 8 lists its bundled ones).
            module_list: Vec::new(),
            endpoints: Vec::new(),
            created_time: now.into(),
            last_changed_time: now.into(),
            other_settings: BTreeMap::new(),
        }
    }
}
