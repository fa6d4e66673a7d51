//! The `status` report: rladmin's sections (`CLUSTER NODES:`, `DATABASES:`, `ENDPOINTS:`,
//! `SHARDS:`) with rladmin's column names, built from one list per resource type.
//!
//! Choices where the REST API does not say what rladmin shows (UNCONFIRMED, see README):
//! - node ROLE, HOSTNAME, FREE_RAM and PROVISIONAL_RAM come from `GET /v1/nodes/status`; where
//!   the cluster lacks it, ROLE falls back to the lowest uid as `master` and the others read
//!   `unknown` (one word without `/`, so positional parsers keep their columns);
//! - shard USED_MEMORY is `redis_info.used_memory` of `GET /v1/shards?extra_info_keys=used_memory`
//!   (REST reference) printed like rladmin (`2.39MB`); where the cluster did not send it as an
//!   integer it reads `unknown`, like node cells (one word without `/`, so `grep node:1 | grep /`
//!   still selects only the node row);
//! - the extra columns without a REST source read `N/A`;
//! - endpoint ROLE with include/exclude lists: the policy then `+<ids>` / `-<ids>` with ids joined
//!   by commas, so the cell stays one whitespace-separated field.
//!
//! Each row is built once from the REST objects as both its text cells and its `-o json` record
//! (`*Record` below: snake_case keys named like the REST fields, typed values, `null` for absent),
//! so the two cannot drift and every filter picks both alike. A record has all its keys whatever
//! `extra` asks for: the shape of `-o json` depends only on the section.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::table::Table;
use super::{enabled_word, or_absent};
use crate::api::models::{Bdb, Endpoint, Node, NodeStatus, ShardSummary};
use crate::tunables::ABSENT;

/// Which sections to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Section {
    Nodes,
    Databases,
    Endpoints,
    Shards,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Nodes,
        Section::Databases,
        Section::Endpoints,
        Section::Shards,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Nodes => "CLUSTER NODES:",
            Section::Databases => "DATABASES:",
            Section::Endpoints => "ENDPOINTS:",
            Section::Shards => "SHARDS:",
        }
    }

    pub fn json_key(self) -> &'static str {
        match self {
            Section::Nodes => "nodes",
            Section::Databases => "databases",
            Section::Endpoints => "endpoints",
            Section::Shards => "shards",
        }
    }
}

/// What the cluster answered, one request per resource type; the shards borrow their strings
/// from the answer's bytes.
pub struct ClusterSnapshot<'a> {
    pub nodes: Vec<Node>,
    pub bdbs: Vec<Bdb>,
    pub shards: Vec<ShardSummary<'a>>,
    /// `GET /v1/nodes/status` by node uid (empty where the cluster lacks the route).
    pub node_status: BTreeMap<u64, NodeStatus>,
}

/// A node cell rladmin fills but the cluster did not report: one word without `/`, so
/// positional parsers keep their column count and `grep /` still singles out node rows by RAM.
const UNKNOWN: &str = "unknown";

/// `6.13GB` as rladmin prints sizes.
fn gigabytes(bytes: u64) -> String {
    format!("{:.2}GB", bytes as f64 / f64::from(1u32 << 30))
}

/// A size as rladmin prints USED_MEMORY: the largest unit of B/KB/MB/GB (powers of 1024) that
/// keeps the number at least 1, two decimals (`2.39MB`, `512.00B`).
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.2}{}", UNITS[unit])
}

/// `free/total` (rladmin's FREE_RAM and PROVISIONAL_RAM), or [`UNKNOWN`].
fn free_of_total(free: Option<u64>, total: Option<u64>) -> String {
    match (free, total) {
        (Some(free), Some(total)) => format!("{}/{}", gigabytes(free), gigabytes(total)),
        _ => UNKNOWN.to_string(),
    }
}

#[derive(Debug, Clone, Default)]
pub struct StatusOptions {
    /// `extra all`: the additional columns.
    pub extra_all: bool,
    /// `issues_only`: hide healthy rows.
    pub issues_only: bool,
    /// Host part of the cluster URL; the node it names is marked `*node:N`.
    pub connected_host: Option<String>,
    /// `-o json`: build each row's record too (text mode skips them: at 60,000 shards they cost
    /// more than the cells).
    pub records: bool,
}

const OK: &str = "OK";

/// One section's rows: the text cells rladmin prints and, row for row when `-o json` asked for
/// them ([`StatusOptions::records`]), the record it prints (else `records` stays empty).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionRows {
    pub table: Table,
    pub records: Vec<Value>,
}

impl SectionRows {
    fn new(columns: Vec<&'static str>) -> Self {
        SectionRows {
            table: Table::new(columns),
            records: Vec::new(),
        }
    }

    /// A row's cells, allocated once for all the columns (at 60,000 rows, growing each row as
    /// cells are added held twice the memory).
    fn empty_row(&self) -> Vec<String> {
        Vec::with_capacity(self.table.columns.len())
    }

    fn push(&mut self, cells: Vec<String>, record: Option<impl Serialize>) {
        self.table.push(cells);
        if let Some(record) = record {
            // Records are plain structs of strings, numbers and options: serializing cannot fail.
            self.records
                .push(serde_json::to_value(record).unwrap_or_default());
        }
    }

    /// The rows at `indexes`, in that order (cells and, where built, records alike).
    pub fn pick_rows(self, indexes: &[usize]) -> SectionRows {
        if indexes.iter().copied().eq(0..self.table.rows.len()) {
            return self;
        }
        let mut rows: Vec<Option<Vec<String>>> = self.table.rows.into_iter().map(Some).collect();
        let mut records: Vec<Option<Value>> = self.records.into_iter().map(Some).collect();
        let mut picked = SectionRows::new(self.table.columns);
        for index in indexes {
            if let Some(cells) = rows.get_mut(*index).and_then(Option::take) {
                picked.table.push(cells);
            }
            if let Some(record) = records.get_mut(*index).and_then(Option::take) {
                picked.records.push(record);
            }
        }
        picked
    }
}

pub fn section_table(
    section: Section,
    snapshot: &ClusterSnapshot,
    options: &StatusOptions,
) -> SectionRows {
    let (rows, status_column) = match section {
        Section::Nodes => (nodes_table(snapshot, options), "STATUS"),
        Section::Databases => (databases_table(snapshot, options), "STATUS"),
        Section::Endpoints => (endpoints_table(snapshot, options), "WATCHDOG_STATUS"),
        Section::Shards => (shards_table(snapshot, options), "STATUS"),
    };
    if options.issues_only {
        without_healthy_rows(rows, status_column)
    } else {
        rows
    }
}

/// A section as printed: title, column header, rows.
pub fn render_section(section: Section, table: &Table) -> String {
    // The title goes in front of the table's text rather than both into a third string: at
    // 60,000 shards the text is megabytes.
    let mut text = table.render();
    text.insert(0, '\n');
    text.insert_str(0, section.title());
    text
}

fn without_healthy_rows(rows: SectionRows, status_column: &str) -> SectionRows {
    // Endpoints carry no status in the default columns: they are healthy when bound.
    let unhealthy: Vec<usize> = match rows
        .table
        .columns
        .iter()
        .position(|title| *title == status_column)
    {
        Some(index) => (0..rows.table.rows.len())
            .filter(|row| !matches!(rows.table.rows[*row][index].as_str(), "OK" | "active"))
            .collect(),
        None => Vec::new(),
    };
    rows.pick_rows(&unhealthy)
}

/// A `CLUSTER NODES:` row for `-o json`. RAM figures are bytes from `GET /v1/nodes/status`.
#[derive(Serialize)]
struct NodeRecord<'a> {
    uid: u64,
    /// The node the cluster URL names (`*node:N` in the table).
    connected: bool,
    role: &'static str,
    addr: &'a str,
    external_addr: &'a [String],
    hostname: Option<&'a str>,
    shard_count: Option<u64>,
    max_redis_servers: Option<u64>,
    master_shards: usize,
    slave_shards: usize,
    cores: Option<u64>,
    free_ram: Option<u64>,
    total_memory: Option<u64>,
    free_provisional_ram: Option<u64>,
    total_provisional_ram: Option<u64>,
    software_version: Option<&'a str>,
    rack_id: Option<&'a str>,
    /// The REST status (`active`); the table shows rladmin's word (`OK`).
    status: Option<&'a str>,
}

/// A `DATABASES:` row for `-o json`; the endpoint is the database's first, as in the table.
#[derive(Serialize)]
struct DatabaseRecord<'a> {
    uid: u64,
    name: &'a str,
    #[serde(rename = "type")]
    db_type: Option<&'a str>,
    status: Option<&'a str>,
    shards_count: Option<u64>,
    shards_placement: Option<&'a str>,
    replication: Option<bool>,
    data_persistence: Option<&'a str>,
    endpoint_host: Option<&'a str>,
    endpoint_port: Option<u64>,
    redis_version: Option<&'a str>,
}

/// An `ENDPOINTS:` row for `-o json`: one per node the endpoint is bound on (`node_uid` null when
/// it is bound on none); `uid` is the REST endpoint uid (`1:1`), a string.
#[derive(Serialize)]
struct EndpointRecord<'a> {
    bdb_uid: u64,
    bdb_name: &'a str,
    uid: &'a str,
    node_uid: Option<u64>,
    proxy_policy: Option<&'a str>,
    include_proxies: &'a [u64],
    exclude_proxies: &'a [u64],
    ssl: bool,
}

/// A `SHARDS:` row for `-o json`; `used_memory` in bytes, statuses as the REST API sends them.
#[derive(Serialize)]
struct ShardRecord<'a> {
    uid: Option<u64>,
    bdb_uid: u64,
    bdb_name: Option<&'a str>,
    node_uid: Option<u64>,
    role: Option<&'a str>,
    assigned_slots: Option<&'a str>,
    used_memory: Option<u64>,
    status: Option<&'a str>,
    detailed_status: Option<&'a str>,
}

fn nodes_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> SectionRows {
    let mut columns = vec!["NODE:ID", "ROLE", "ADDRESS", "EXTERNAL_ADDRESS", "HOSTNAME"];
    if options.extra_all {
        columns.extend(["MASTERS", "SLAVES", "OVERBOOKING_DEPTH"]);
    }
    columns.extend(["SHARDS", "CORES", "FREE_RAM", "PROVISIONAL_RAM", "VERSION"]);
    if options.extra_all {
        columns.extend(["SHA", "RACK-ID"]);
    }
    columns.push("STATUS");
    let mut rows = SectionRows::new(columns);
    // The master as /v1/nodes/status names it; without that route, the lowest uid (a guess).
    let master_uid = snapshot
        .node_status
        .iter()
        .find(|(_, status)| status.role.as_deref() == Some("master"))
        .map(|(uid, _)| *uid)
        .or_else(|| snapshot.nodes.iter().map(|node| node.uid).min());
    // MASTERS and SLAVES: the shards of each node by role, counted in one pass over the shards.
    let mut role_counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for shard in &snapshot.shards {
        let counts = role_counts.entry(&shard.node_uid).or_default();
        match shard.role.as_deref() {
            Some("master") => counts.0 += 1,
            Some("slave") => counts.1 += 1,
            _ => {}
        }
    }
    let mut nodes: Vec<&Node> = snapshot.nodes.iter().collect();
    nodes.sort_by_key(|node| node.uid);
    for node in nodes {
        let status = snapshot.node_status.get(&node.uid);
        let connected = options.connected_host.as_deref().is_some_and(|host| {
            node.addr == host || node.external_addr.iter().any(|addr| addr == host)
        });
        let (master_shards, slave_shards) = role_counts
            .get(node.uid.to_string().as_str())
            .copied()
            .unwrap_or_default();
        let record = NodeRecord {
            uid: node.uid,
            connected,
            role: if Some(node.uid) == master_uid {
                "master"
            } else {
                "slave"
            },
            addr: &node.addr,
            external_addr: &node.external_addr,
            hostname: status
                .and_then(|status| status.hostname.as_deref())
                .filter(|hostname| !hostname.is_empty()),
            shard_count: node.shard_count,
            max_redis_servers: node.max_redis_servers,
            master_shards,
            slave_shards,
            cores: node.cores,
            free_ram: status.and_then(|status| status.free_ram),
            total_memory: status.and_then(|status| status.total_memory),
            free_provisional_ram: status.and_then(|status| status.free_provisional_ram),
            total_provisional_ram: status.and_then(|status| status.total_provisional_ram),
            software_version: node.software_version.as_deref(),
            rack_id: node.rack_id.as_deref().filter(|rack| !rack.is_empty()),
            status: node.status.as_deref(),
        };
        let mut row = rows.empty_row();
        row.extend([
            format!("{}node:{}", if connected { "*" } else { "" }, node.uid),
            record.role.to_string(),
            node.addr.clone(),
            node.external_addr.join(","),
            record.hostname.unwrap_or(UNKNOWN).to_string(),
        ]);
        if options.extra_all {
            row.extend([
                record.master_shards.to_string(),
                record.slave_shards.to_string(),
                ABSENT.to_string(),
            ]);
        }
        row.extend([
            format!(
                "{}/{}",
                or_absent(node.shard_count),
                or_absent(node.max_redis_servers)
            ),
            or_absent(node.cores),
            free_of_total(record.free_ram, record.total_memory),
            free_of_total(record.free_provisional_ram, record.total_provisional_ram),
            or_absent(node.software_version.as_ref()),
        ]);
        if options.extra_all {
            row.extend([
                ABSENT.to_string(),
                record.rack_id.unwrap_or("-").to_string(),
            ]);
        }
        row.push(health_word(node.status.as_deref()));
        rows.push(row, options.records.then_some(record));
    }
    rows
}

/// rladmin's status words: `OK` for healthy, upper case otherwise (`DOWN`).
fn health_word(status: Option<&str>) -> String {
    match status {
        Some("active") | Some("ok") => OK.to_string(),
        Some(other) => other.to_uppercase(),
        None => ABSENT.to_string(),
    }
}

fn sorted_bdbs<'a>(snapshot: &'a ClusterSnapshot) -> Vec<&'a Bdb> {
    let mut bdbs: Vec<&Bdb> = snapshot.bdbs.iter().collect();
    bdbs.sort_by_key(|bdb| bdb.uid);
    bdbs
}

/// The host clients connect to: the endpoint's DNS name, else its first address.
fn endpoint_host(endpoint: &Endpoint) -> Option<&str> {
    endpoint
        .dns_name
        .as_deref()
        .or_else(|| endpoint.addr.first().map(String::as_str))
}

fn endpoint_address(endpoint: &Endpoint) -> String {
    match (endpoint_host(endpoint), endpoint.port) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        _ => ABSENT.to_string(),
    }
}

fn databases_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> SectionRows {
    let mut columns = vec![
        "DB:ID",
        "NAME",
        "TYPE",
        "STATUS",
        "SHARDS",
        "PLACEMENT",
        "REPLICATION",
        "PERSISTENCE",
        "ENDPOINT",
    ];
    if options.extra_all {
        columns.extend([
            "EXEC_STATE",
            "EXEC_STATE_MACHINE",
            "BACKUP_PROGRESS",
            "MISSING_BACKUP_TIME",
            "REDIS_VERSION",
        ]);
    }
    let mut rows = SectionRows::new(columns);
    for bdb in sorted_bdbs(snapshot) {
        let endpoint = bdb.endpoints.first();
        let record = DatabaseRecord {
            uid: bdb.uid,
            name: &bdb.name,
            db_type: bdb.db_type.as_deref(),
            status: bdb.status.as_deref(),
            shards_count: bdb.shards_count,
            shards_placement: bdb.shards_placement.as_deref(),
            replication: bdb.replication,
            data_persistence: bdb.data_persistence.as_deref(),
            endpoint_host: endpoint.and_then(endpoint_host),
            endpoint_port: endpoint.and_then(|endpoint| endpoint.port),
            redis_version: bdb.redis_version.as_deref(),
        };
        let mut row = rows.empty_row();
        row.extend([
            format!("db:{}", bdb.uid),
            bdb.name.clone(),
            or_absent(bdb.db_type.as_ref()),
            or_absent(bdb.status.as_ref()),
            or_absent(bdb.shards_count),
            or_absent(bdb.shards_placement.as_ref()),
            enabled_word(bdb.replication),
            or_absent(bdb.data_persistence.as_ref()),
            endpoint
                .map(endpoint_address)
                .unwrap_or_else(|| ABSENT.to_string()),
        ]);
        if options.extra_all {
            row.extend([
                ABSENT.to_string(),
                ABSENT.to_string(),
                ABSENT.to_string(),
                ABSENT.to_string(),
                or_absent(bdb.redis_version.as_ref()),
            ]);
        }
        rows.push(row, options.records.then_some(record));
    }
    rows
}

/// `all-master-shards +3`, `all-nodes -2,4`: the policy with the include/exclude lists.
pub fn endpoint_role(endpoint: &Endpoint) -> String {
    let mut role = endpoint
        .proxy_policy
        .clone()
        .unwrap_or_else(|| ABSENT.to_string());
    let join = |ids: &[u64]| ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
    if let Some(ids) = endpoint
        .include_proxies
        .as_deref()
        .filter(|ids| !ids.is_empty())
    {
        role.push_str(&format!(" +{}", join(ids)));
    }
    if let Some(ids) = endpoint
        .exclude_proxies
        .as_deref()
        .filter(|ids| !ids.is_empty())
    {
        role.push_str(&format!(" -{}", join(ids)));
    }
    role
}

/// Node uids by their internal and external addresses.
fn nodes_by_address(nodes: &[Node]) -> BTreeMap<&str, u64> {
    nodes
        .iter()
        .flat_map(|node| {
            std::iter::once(node.addr.as_str())
                .chain(node.external_addr.iter().map(String::as_str))
                .map(move |addr| (addr, node.uid))
        })
        .collect()
}

/// Node uids an endpoint is bound on, from its `addr` list (internal or external node IPs); `None`
/// for an address that is no node's.
fn bound_nodes(endpoint: &Endpoint, by_address: &BTreeMap<&str, u64>) -> Vec<Option<u64>> {
    endpoint
        .addr
        .iter()
        .map(|addr| by_address.get(addr.as_str()).copied())
        .collect()
}

fn endpoints_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> SectionRows {
    let mut columns = vec!["DB:ID", "NAME", "ID", "NODE", "ROLE", "SSL"];
    if options.extra_all {
        columns.push("WATCHDOG_STATUS");
    }
    let mut rows = SectionRows::new(columns);
    let by_address = nodes_by_address(&snapshot.nodes);
    for bdb in sorted_bdbs(snapshot) {
        let ssl = bdb.tls_mode.as_deref() == Some("enabled") || bdb.ssl == Some(true);
        for endpoint in &bdb.endpoints {
            let mut nodes = bound_nodes(endpoint, &by_address);
            if nodes.is_empty() {
                nodes.push(None);
            }
            for node_uid in nodes {
                let mut row = rows.empty_row();
                row.extend([
                    format!("db:{}", bdb.uid),
                    bdb.name.clone(),
                    format!("endpoint:{}", endpoint.uid),
                    node_uid
                        .map(|uid| format!("node:{uid}"))
                        .unwrap_or_default(),
                    endpoint_role(endpoint),
                    if ssl { "Yes" } else { "No" }.to_string(),
                ]);
                if options.extra_all {
                    row.push(OK.to_string());
                }
                let record = EndpointRecord {
                    bdb_uid: bdb.uid,
                    bdb_name: &bdb.name,
                    uid: &endpoint.uid,
                    node_uid,
                    proxy_policy: endpoint.proxy_policy.as_deref(),
                    include_proxies: endpoint.include_proxies.as_deref().unwrap_or_default(),
                    exclude_proxies: endpoint.exclude_proxies.as_deref().unwrap_or_default(),
                    ssl,
                };
                rows.push(row, options.records.then_some(record));
            }
        }
    }
    rows
}

fn shards_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> SectionRows {
    let mut columns = vec![
        "DB:ID",
        "NAME",
        "ID",
        "NODE",
        "ROLE",
        "SLOTS",
        "USED_MEMORY",
    ];
    if options.extra_all {
        columns.extend(["BACKUP_PROGRESS", "RAM_FRAG", "WATCHDOG_STATUS"]);
    }
    columns.push("STATUS");
    let mut rows = SectionRows::new(columns);
    let names: BTreeMap<u64, &str> = snapshot
        .bdbs
        .iter()
        .map(|bdb| (bdb.uid, bdb.name.as_str()))
        .collect();
    let mut shards: Vec<&ShardSummary> = snapshot.shards.iter().collect();
    shards
        .sort_by_cached_key(|shard| (shard.bdb_uid, shard.uid.parse::<u64>().unwrap_or(u64::MAX)));
    for shard in shards {
        let record = ShardRecord {
            uid: shard.uid.parse().ok(),
            bdb_uid: shard.bdb_uid,
            bdb_name: names.get(&shard.bdb_uid).copied(),
            node_uid: shard.node_uid.parse().ok(),
            role: shard.role.as_deref(),
            assigned_slots: shard.assigned_slots.as_deref(),
            used_memory: shard.used_memory(),
            status: shard.status.as_deref(),
            detailed_status: shard.detailed_status.as_deref(),
        };
        let mut row = rows.empty_row();
        row.extend([
            format!("db:{}", shard.bdb_uid),
            record.bdb_name.unwrap_or_default().to_string(),
            format!("redis:{}", &*shard.uid),
            format!("node:{}", &*shard.node_uid),
            or_absent(shard.role.as_deref()),
            shard
                .assigned_slots
                .as_deref()
                .unwrap_or_default()
                .to_string(),
            record
                .used_memory
                .map(human_size)
                .unwrap_or_else(|| UNKNOWN.to_string()),
        ]);
        if options.extra_all {
            row.extend([ABSENT.to_string(), ABSENT.to_string(), OK.to_string()]);
        }
        let status = match (shard.status.as_deref(), shard.detailed_status.as_deref()) {
            (Some("active"), Some("ok") | None) => OK.to_string(),
            (_, Some(detailed)) if detailed != "ok" => detailed.to_uppercase(),
            (status, _) => health_word(status),
        };
        row.push(status);
        rows.push(row, options.records.then_some(record));
    }
    rows
}

/// `-o json`: each section shown as an array of its rows' records.
pub fn sections_json(sections: &[(Section, SectionRows)]) -> Value {
    sections
        .iter()
        .map(|(section, rows)| {
            (
                section.json_key().to_string(),
                Value::from(rows.records.clone()),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture;

    /// The captured shards list: the snapshot's shards borrow from it.
    fn shards_json() -> String {
        fixture("shards_list.json")
    }

    fn fixture_snapshot(shards_json: &str) -> ClusterSnapshot<'_> {
        ClusterSnapshot {
            nodes: serde_json::from_str(&fixture("nodes_list.json")).unwrap(),
            bdbs: vec![serde_json::from_str(&fixture("bdb_single.json")).unwrap()],
            shards: serde_json::from_str(shards_json).unwrap(),
            node_status: BTreeMap::new(),
        }
    }

    fn render_all(options: &StatusOptions) -> String {
        let shards_json = shards_json();
        let snapshot = fixture_snapshot(&shards_json);
        Section::ALL
            .iter()
            .map(|section| {
                render_section(*section, &section_table(*section, &snapshot, options).table)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn renders_status_from_the_captured_cluster() {
        let options = StatusOptions {
            connected_host: Some("192.168.16.2".into()),
            ..StatusOptions::default()
        };
        assert_eq!(
            render_all(&options),
            "CLUSTER NODES:
NODE:ID ROLE   ADDRESS      EXTERNAL_ADDRESS HOSTNAME SHARDS CORES FREE_RAM PROVISIONAL_RAM VERSION        STATUS
*node:1 master 192.168.16.2                  unknown  1/100  14    unknown  unknown         100.0.21-16135 OK

DATABASES:
DB:ID NAME       TYPE  STATUS SHARDS PLACEMENT REPLICATION PERSISTENCE ENDPOINT
db:1  default-db redis active 1      dense     disabled    disabled    redis-14968.docker-cluster:14968

ENDPOINTS:
DB:ID NAME       ID           NODE   ROLE   SSL
db:1  default-db endpoint:1:1 node:1 single No

SHARDS:
DB:ID NAME       ID      NODE   ROLE   SLOTS   USED_MEMORY STATUS
db:1  default-db redis:1 node:1 master 0-16383 unknown     OK
"
        );
    }

    #[test]
    fn json_records_are_typed_from_the_captured_cluster() {
        let options = StatusOptions {
            connected_host: Some("192.168.16.2".into()),
            records: true,
            ..StatusOptions::default()
        };
        let shards_json = shards_json();
        let mut snapshot = fixture_snapshot(&shards_json);
        snapshot.shards[0].redis_info =
            serde_json::from_value(serde_json::json!({"used_memory": 2_506_096})).unwrap();
        let sections: Vec<(Section, SectionRows)> = Section::ALL
            .iter()
            .map(|section| (*section, section_table(*section, &snapshot, &options)))
            .collect();
        assert_eq!(
            sections_json(&sections),
            serde_json::json!({
                "nodes": [{
                    "uid": 1, "connected": true, "role": "master", "addr": "192.168.16.2",
                    "external_addr": [], "hostname": null, "shard_count": 1,
                    "max_redis_servers": 100, "master_shards": 1, "slave_shards": 0,
                    "cores": 14, "free_ram": null, "total_memory": null,
                    "free_provisional_ram": null, "total_provisional_ram": null,
                    "software_version": "100.0.21-16135", "rack_id": null, "status": "active"
                }],
                "databases": [{
                    "uid": 1, "name": "default-db", "type": "redis", "status": "active",
                    "shards_count": 1, "shards_placement": "dense", "replication": false,
                    "data_persistence": "disabled", "endpoint_host": "redis-14968.docker-cluster",
                    "endpoint_port": 14968, "redis_version": "8.0"
                }],
                "endpoints": [{
                    "bdb_uid": 1, "bdb_name": "default-db", "uid": "1:1", "node_uid": 1,
                    "proxy_policy": "single", "include_proxies": [], "exclude_proxies": [],
                    "ssl": false
                }],
                "shards": [{
                    "uid": 1, "bdb_uid": 1, "bdb_name": "default-db", "node_uid": 1,
                    "role": "master", "assigned_slots": "0-16383", "used_memory": 2_506_096,
                    "status": "active", "detailed_status": "ok"
                }]
            })
        );
        // `extra` changes the columns, never the records; `issues_only` drops both alike.
        let extra = StatusOptions {
            extra_all: true,
            ..options.clone()
        };
        for (section, rows) in &sections {
            assert_eq!(
                section_table(*section, &snapshot, &extra).records,
                rows.records
            );
        }
        snapshot.shards[0].detailed_status = Some("down".into());
        let issues = StatusOptions {
            issues_only: true,
            ..options
        };
        let shards = section_table(Section::Shards, &snapshot, &issues);
        assert_eq!(shards.records.len(), 1);
        assert_eq!(shards.records[0]["detailed_status"], "down");
        assert!(
            section_table(Section::Nodes, &snapshot, &issues)
                .records
                .is_empty()
        );
    }

    #[test]
    fn extra_all_adds_rladmin_extra_columns() {
        let options = StatusOptions {
            extra_all: true,
            ..StatusOptions::default()
        };
        let text = render_all(&options);
        assert!(text.contains(
            "NODE:ID ROLE   ADDRESS      EXTERNAL_ADDRESS HOSTNAME MASTERS SLAVES OVERBOOKING_DEPTH SHARDS CORES FREE_RAM PROVISIONAL_RAM VERSION        SHA RACK-ID STATUS\n"
        ));
        assert!(text.contains("DB:ID NAME       ID      NODE   ROLE   SLOTS   USED_MEMORY BACKUP_PROGRESS RAM_FRAG WATCHDOG_STATUS STATUS\n"));
    }

    #[test]
    fn issues_only_hides_healthy_rows() {
        let options = StatusOptions {
            issues_only: true,
            ..StatusOptions::default()
        };
        let shards_json = shards_json();
        let mut snapshot = fixture_snapshot(&shards_json);
        snapshot.shards[0].detailed_status = Some("down".into());
        let table = section_table(Section::Shards, &snapshot, &options).table;
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0][7], "DOWN");
        assert!(
            section_table(Section::Nodes, &snapshot, &options)
                .table
                .rows
                .is_empty()
        );
    }

    #[test]
    fn human_size_prints_like_rladmin() {
        assert_eq!(human_size(0), "0.00B");
        assert_eq!(human_size(1023), "1023.00B");
        assert_eq!(human_size(1024), "1.00KB");
        assert_eq!(human_size(2_506_096), "2.39MB");
        assert_eq!(human_size(2_181_038), "2.08MB");
        assert_eq!(human_size(6_581_000_000), "6.13GB");
        assert_eq!(human_size(5 << 40), "5120.00GB");
    }

    #[test]
    fn used_memory_comes_from_redis_info_and_reads_unknown_otherwise() {
        let shards_json = shards_json();
        let mut snapshot = fixture_snapshot(&shards_json);
        let options = StatusOptions::default();
        let used = |snapshot: &ClusterSnapshot| {
            section_table(Section::Shards, snapshot, &options)
                .table
                .rows[0][6]
                .clone()
        };
        // The captured list was asked without extra_info_keys: `redis_info: {}`.
        assert_eq!(used(&snapshot), "unknown");
        let redis_info = |json: Value| serde_json::from_value(json).unwrap();
        snapshot.shards[0].redis_info = redis_info(serde_json::json!({"used_memory": 2_506_096}));
        assert_eq!(used(&snapshot), "2.39MB");
        snapshot.shards[0].redis_info = redis_info(serde_json::json!({"used_memory": "2.39M"}));
        assert_eq!(used(&snapshot), "unknown");
        snapshot.shards[0].redis_info = redis_info(Value::Null);
        assert_eq!(used(&snapshot), "unknown");
    }

    #[test]
    fn endpoint_role_shows_include_and_exclude_lists() {
        let endpoint = Endpoint {
            proxy_policy: Some("all-nodes".into()),
            exclude_proxies: Some(vec![2, 4]),
            ..Endpoint::default()
        };
        assert_eq!(endpoint_role(&endpoint), "all-nodes -2,4");
    }
}
