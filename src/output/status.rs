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

use std::collections::BTreeMap;

use serde_json::Value;

use super::table::Table;
use super::{enabled_word, or_absent};
use crate::api::models::{Bdb, Endpoint, Node, NodeStatus, Shard};
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

/// What the cluster answered, one request per resource type.
pub struct ClusterSnapshot {
    pub nodes: Vec<Node>,
    pub bdbs: Vec<Bdb>,
    pub shards: Vec<Shard>,
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
}

const OK: &str = "OK";

pub fn section_table(
    section: Section,
    snapshot: &ClusterSnapshot,
    options: &StatusOptions,
) -> Table {
    let (table, status_column) = match section {
        Section::Nodes => (nodes_table(snapshot, options), "STATUS"),
        Section::Databases => (databases_table(snapshot, options), "STATUS"),
        Section::Endpoints => (endpoints_table(snapshot, options), "WATCHDOG_STATUS"),
        Section::Shards => (shards_table(snapshot, options), "STATUS"),
    };
    if options.issues_only {
        without_healthy_rows(table, status_column)
    } else {
        table
    }
}

/// A section as printed: title, column header, rows.
pub fn render_section(section: Section, table: &Table) -> String {
    format!("{}\n{}", section.title(), table.render())
}

fn without_healthy_rows(mut table: Table, status_column: &str) -> Table {
    // Endpoints carry no status in the default columns: they are healthy when bound.
    if let Some(index) = table
        .columns
        .iter()
        .position(|title| *title == status_column)
    {
        table
            .rows
            .retain(|row| !matches!(row[index].as_str(), "OK" | "active"));
    } else {
        table.rows.clear();
    }
    table
}

fn nodes_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> Table {
    let mut columns = vec!["NODE:ID", "ROLE", "ADDRESS", "EXTERNAL_ADDRESS", "HOSTNAME"];
    if options.extra_all {
        columns.extend(["MASTERS", "SLAVES", "OVERBOOKING_DEPTH"]);
    }
    columns.extend(["SHARDS", "CORES", "FREE_RAM", "PROVISIONAL_RAM", "VERSION"]);
    if options.extra_all {
        columns.extend(["SHA", "RACK-ID"]);
    }
    columns.push("STATUS");
    let mut table = Table::new(columns);
    // The master as /v1/nodes/status names it; without that route, the lowest uid (a guess).
    let master_uid = snapshot
        .node_status
        .iter()
        .find(|(_, status)| status.role.as_deref() == Some("master"))
        .map(|(uid, _)| *uid)
        .or_else(|| snapshot.nodes.iter().map(|node| node.uid).min());
    let mut nodes: Vec<&Node> = snapshot.nodes.iter().collect();
    nodes.sort_by_key(|node| node.uid);
    for node in nodes {
        let status = snapshot.node_status.get(&node.uid);
        let connected = options.connected_host.as_deref().is_some_and(|host| {
            node.addr == host || node.external_addr.iter().any(|addr| addr == host)
        });
        let mut row = vec![
            format!("{}node:{}", if connected { "*" } else { "" }, node.uid),
            if Some(node.uid) == master_uid {
                "master"
            } else {
                "slave"
            }
            .to_string(),
            node.addr.clone(),
            node.external_addr.join(","),
            status
                .and_then(|status| status.hostname.clone())
                .filter(|hostname| !hostname.is_empty())
                .unwrap_or_else(|| UNKNOWN.to_string()),
        ];
        if options.extra_all {
            let node_uid = node.uid.to_string();
            let count_role = |role: &str| {
                snapshot
                    .shards
                    .iter()
                    .filter(|shard| {
                        shard.node_uid == node_uid && shard.role.as_deref() == Some(role)
                    })
                    .count()
                    .to_string()
            };
            row.extend([
                count_role("master"),
                count_role("slave"),
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
            free_of_total(
                status.and_then(|status| status.free_ram),
                status.and_then(|status| status.total_memory),
            ),
            free_of_total(
                status.and_then(|status| status.free_provisional_ram),
                status.and_then(|status| status.total_provisional_ram),
            ),
            or_absent(node.software_version.as_ref()),
        ]);
        if options.extra_all {
            let rack = node.rack_id.clone().filter(|rack| !rack.is_empty());
            row.extend([ABSENT.to_string(), rack.unwrap_or_else(|| "-".to_string())]);
        }
        row.push(health_word(node.status.as_deref()));
        table.push(row);
    }
    table
}

/// rladmin's status words: `OK` for healthy, upper case otherwise (`DOWN`).
fn health_word(status: Option<&str>) -> String {
    match status {
        Some("active") | Some("ok") => OK.to_string(),
        Some(other) => other.to_uppercase(),
        None => ABSENT.to_string(),
    }
}

fn sorted_bdbs(snapshot: &ClusterSnapshot) -> Vec<&Bdb> {
    let mut bdbs: Vec<&Bdb> = snapshot.bdbs.iter().collect();
    bdbs.sort_by_key(|bdb| bdb.uid);
    bdbs
}

fn endpoint_address(endpoint: &Endpoint) -> String {
    match (&endpoint.dns_name, endpoint.port) {
        (Some(dns), Some(port)) => format!("{dns}:{port}"),
        (None, Some(port)) => endpoint
            .addr
            .first()
            .map(|addr| format!("{addr}:{port}"))
            .unwrap_or_else(|| ABSENT.to_string()),
        _ => ABSENT.to_string(),
    }
}

fn databases_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> Table {
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
    let mut table = Table::new(columns);
    for bdb in sorted_bdbs(snapshot) {
        let mut row = vec![
            format!("db:{}", bdb.uid),
            bdb.name.clone(),
            or_absent(bdb.db_type.as_ref()),
            or_absent(bdb.status.as_ref()),
            or_absent(bdb.shards_count),
            or_absent(bdb.shards_placement.as_ref()),
            enabled_word(bdb.replication),
            or_absent(bdb.data_persistence.as_ref()),
            bdb.endpoints
                .first()
                .map(endpoint_address)
                .unwrap_or_else(|| ABSENT.to_string()),
        ];
        if options.extra_all {
            row.extend([
                ABSENT.to_string(),
                ABSENT.to_string(),
                ABSENT.to_string(),
                ABSENT.to_string(),
                or_absent(bdb.redis_version.as_ref()),
            ]);
        }
        table.push(row);
    }
    table
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

/// Node uids an endpoint is bound on, from its `addr` list (internal or external node IPs).
fn bound_nodes(endpoint: &Endpoint, nodes: &[Node]) -> Vec<String> {
    let by_address: BTreeMap<&str, u64> = nodes
        .iter()
        .flat_map(|node| {
            std::iter::once(node.addr.as_str())
                .chain(node.external_addr.iter().map(String::as_str))
                .map(move |addr| (addr, node.uid))
        })
        .collect();
    endpoint
        .addr
        .iter()
        .map(|addr| match by_address.get(addr.as_str()) {
            Some(uid) => format!("node:{uid}"),
            None => String::new(),
        })
        .collect()
}

fn endpoints_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> Table {
    let mut columns = vec!["DB:ID", "NAME", "ID", "NODE", "ROLE", "SSL"];
    if options.extra_all {
        columns.push("WATCHDOG_STATUS");
    }
    let mut table = Table::new(columns);
    for bdb in sorted_bdbs(snapshot) {
        let ssl = if bdb.tls_mode.as_deref() == Some("enabled") || bdb.ssl == Some(true) {
            "Yes"
        } else {
            "No"
        };
        for endpoint in &bdb.endpoints {
            let mut nodes = bound_nodes(endpoint, &snapshot.nodes);
            if nodes.is_empty() {
                nodes.push(String::new());
            }
            for node in nodes {
                let mut row = vec![
                    format!("db:{}", bdb.uid),
                    bdb.name.clone(),
                    format!("endpoint:{}", endpoint.uid),
                    node,
                    endpoint_role(endpoint),
                    ssl.to_string(),
                ];
                if options.extra_all {
                    row.push(OK.to_string());
                }
                table.push(row);
            }
        }
    }
    table
}

fn shards_table(snapshot: &ClusterSnapshot, options: &StatusOptions) -> Table {
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
    let mut table = Table::new(columns);
    let names: BTreeMap<u64, &str> = snapshot
        .bdbs
        .iter()
        .map(|bdb| (bdb.uid, bdb.name.as_str()))
        .collect();
    let mut shards: Vec<&Shard> = snapshot.shards.iter().collect();
    shards.sort_by_key(|shard| (shard.bdb_uid, shard.uid.parse::<u64>().unwrap_or(u64::MAX)));
    for shard in shards {
        let mut row = vec![
            format!("db:{}", shard.bdb_uid),
            names
                .get(&shard.bdb_uid)
                .copied()
                .unwrap_or_default()
                .to_string(),
            format!("redis:{}", shard.uid),
            format!("node:{}", shard.node_uid),
            or_absent(shard.role.as_ref()),
            shard.assigned_slots.clone().unwrap_or_default(),
            shard
                .used_memory()
                .map(human_size)
                .unwrap_or_else(|| UNKNOWN.to_string()),
        ];
        if options.extra_all {
            row.extend([ABSENT.to_string(), ABSENT.to_string(), OK.to_string()]);
        }
        let status = match (shard.status.as_deref(), shard.detailed_status.as_deref()) {
            (Some("active"), Some("ok") | None) => OK.to_string(),
            (_, Some(detailed)) if detailed != "ok" => detailed.to_uppercase(),
            (status, _) => health_word(status),
        };
        row.push(status);
        table.push(row);
    }
    table
}

/// `-o json`: each section as an array of objects keyed by column title.
pub fn sections_json(tables: &[(Section, Table)]) -> Value {
    tables
        .iter()
        .map(|(section, table)| (section.json_key().to_string(), table.to_json()))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::fixture;

    fn fixture_snapshot() -> ClusterSnapshot {
        ClusterSnapshot {
            nodes: serde_json::from_str(&fixture("nodes_list.json")).unwrap(),
            bdbs: vec![serde_json::from_str(&fixture("bdb_single.json")).unwrap()],
            shards: serde_json::from_str(&fixture("shards_list.json")).unwrap(),
            node_status: BTreeMap::new(),
        }
    }

    fn render_all(options: &StatusOptions) -> String {
        let snapshot = fixture_snapshot();
        Section::ALL
            .iter()
            .map(|section| render_section(*section, &section_table(*section, &snapshot, options)))
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
        let mut snapshot = fixture_snapshot();
        snapshot.shards[0].detailed_status = Some("down".into());
        let table = section_table(Section::Shards, &snapshot, &options);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0][7], "DOWN");
        assert!(
            section_table(Section::Nodes, &snapshot, &options)
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
        let mut snapshot = fixture_snapshot();
        let options = StatusOptions::default();
        let used = |snapshot: &ClusterSnapshot| {
            section_table(Section::Shards, snapshot, &options).rows[0][6].clone()
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
