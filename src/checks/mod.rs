//! OSS Cluster API prerequisite rules: pure functions over the database as it would be after a
//! change, its nodes and the cluster version. No I/O; `check db`, `tune db`, `crdb` and `doctor`
//! all render the same findings (report rows, `crate::report`).

pub mod diagnosis;
pub mod fixes;

use serde::Serialize;

use crate::api::models::{Bdb, Endpoint, Node, Shard};
use crate::report::Severity;
use crate::report::{Row, Rule};
use crate::shard_plan;
use fixes::{Fix, db_ref};

/// The report row of a prerequisite rule: its fix may carry a change `tune --fix` applies.
pub type Finding = Row<Fix>;

/// Which command asks: some rules depend on it (Active-Active databases change through `crdb`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    TuneDb,
    CheckDb,
    CrdbCreate,
    CrdbUpdate,
}

pub struct CheckInput<'a> {
    /// The database as it would be after the plan.
    pub bdb: &'a Bdb,
    pub nodes: &'a [Node],
    /// The database's shards as they would be after the plan (empty before it exists).
    pub shards: &'a [Shard],
    /// `software_version` of the cluster (its oldest node), e.g. `7.22.0-95`.
    pub cluster_version: Option<&'a str>,
    pub origin: Origin,
}

/// Defined beside `info db`'s rendering of the hashing policy, which `tunables` owns.
pub use crate::tunables::STANDARD_SHARD_KEY_REGEX;

/// Proxy policies that bind a proxy on every node serving the database's masters.
pub const OSS_PROXY_POLICIES: [&str; 2] = ["all-master-shards", "all-nodes"];

pub use fixes::{FIX_PROXY_POLICY, FIX_SHARDS_PLACEMENT};

/// A module the OSS Cluster API documentation excludes.
struct UnsupportedModule {
    /// `module_name` values, matched case-insensitively.
    names: &'static [&'static str],
    display: &'static str,
    /// First Redis Software major version whose OSS Cluster API supports it.
    supported_from_cluster: Option<u64>,
    /// First Redis major version that bundles it: such databases list it in `module_list`
    /// whether or not anybody uses it, and it cannot be removed.
    bundled_from_redis: Option<u64>,
}

/// UNCONFIRMED: the docs still exclude TimeSeries, but Redis 8 databases list it as a bundled
/// module and Redis's own test tooling enables the OSS Cluster API on such databases, so a
/// bundled TimeSeries is a warning and only an explicitly added one (Redis < 8) a failure.
const UNSUPPORTED_MODULES: [UnsupportedModule; 3] = [
    UnsupportedModule {
        names: &["timeseries"],
        display: "RedisTimeSeries",
        supported_from_cluster: None,
        bundled_from_redis: Some(8),
    },
    UnsupportedModule {
        names: &["rg", "redisgears", "gears"],
        display: "RedisGears",
        supported_from_cluster: None,
        bundled_from_redis: None,
    },
    UnsupportedModule {
        names: &["search", "ft"],
        display: "Redis Search",
        supported_from_cluster: Some(8),
        bundled_from_redis: Some(8),
    },
];

/// A rule over the input; `db` names the database in its messages.
type RuleFn = fn(&CheckInput, &str) -> Vec<Finding>;

/// Every rule, in the order a report prints them.
const RULES: [RuleFn; 12] = [
    hashing_policy,
    hash_slots_policy,
    proxy_policy,
    proxy_include_exclude,
    modules,
    sharding,
    shards_placement,
    master_spread,
    external_addresses,
    active_active,
    replica_of,
    client_reconnect,
];

/// Every rule on the database, named `db:<uid>` in the messages.
pub fn oss_cluster_prerequisites(input: &CheckInput) -> Vec<Finding> {
    prerequisites_named(input, &db_ref(input.bdb))
}

/// Every rule, naming the database `subject` in the messages: the crdb gate checks a database
/// that does not exist yet, which only its crdb names.
pub fn prerequisites_named(input: &CheckInput, subject: &str) -> Vec<Finding> {
    RULES.iter().flat_map(|rule| rule(input, subject)).collect()
}

/// True when no finding blocks enabling the OSS Cluster API.
pub fn can_enable(findings: &[Finding]) -> bool {
    findings
        .iter()
        .all(|finding| finding.severity != Severity::Fail)
}

fn finding(rule: Rule, severity: Severity, message: String, fix: Option<Fix>) -> Vec<Finding> {
    vec![Finding::new(rule, severity).message(message).fix(fix)]
}

fn ok(rule: Rule, message: String) -> Vec<Finding> {
    finding(rule, Severity::Ok, message, None)
}

fn hashing_policy(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::HashingPolicy;
    let bdb = input.bdb;
    let rules: Vec<&str> = bdb
        .shard_key_regex
        .iter()
        .map(|r| r.regex.as_str())
        .collect();
    // UNCONFIRMED: an empty list (the unsharded default) is taken as standard hashing.
    if rules.is_empty() || rules == STANDARD_SHARD_KEY_REGEX || bdb.oss_sharding == Some(true) {
        return ok(RULE, format!("{db} uses the standard hashing policy"));
    }
    finding(
        RULE,
        Severity::Fail,
        format!(
            "{db} uses a custom hashing policy ({} rule(s)); the OSS Cluster API needs the \
             standard policy. Changing the hashing policy requires flushing the database: set \
             shard_key_regex to the standard rules with PUT /v1/bdbs/{} after PUT \
             /v1/bdbs/{}/flush",
            rules.len(),
            bdb.uid,
            bdb.uid
        ),
        None,
    )
}

fn hash_slots_policy(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::HashSlotsPolicy;
    let bdb = input.bdb;
    match bdb.hash_slots_policy.as_deref() {
        None | Some("16k") => ok(
            RULE,
            format!("{db} uses 16384 hash slots (hash_slots_policy 16k)"),
        ),
        Some(other) => finding(
            RULE,
            Severity::Fail,
            format!(
                "{db} uses hash_slots_policy \"{other}\"; the OSS Cluster API needs \"16k\" (slots \
                 0-16383). The policy is set when a database is created: recreate it with \
                 hash_slots_policy 16k"
            ),
            None,
        ),
    }
}

fn effective_proxy_policy(bdb: &Bdb) -> Option<&str> {
    bdb.proxy_policy.as_deref().or_else(|| {
        bdb.endpoints
            .first()
            .and_then(|endpoint| endpoint.proxy_policy.as_deref())
    })
}

fn proxy_policy(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ProxyPolicy;
    let bdb = input.bdb;
    match effective_proxy_policy(bdb) {
        Some(policy) if OSS_PROXY_POLICIES.contains(&policy) => {
            ok(RULE, format!("{db} uses proxy policy \"{policy}\""))
        }
        policy => finding(
            RULE,
            Severity::Fail,
            format!(
                "{db} uses proxy policy \"{}\"; the OSS Cluster API needs \"all-master-shards\" or \
                 \"all-nodes\"",
                policy.unwrap_or("unknown")
            ),
            Some(fixes::bind_proxy_policy(bdb, policy)),
        ),
    }
}

fn has_proxy_list(endpoint: &Endpoint) -> bool {
    let non_empty = |list: &Option<Vec<u64>>| list.as_ref().is_some_and(|ids| !ids.is_empty());
    non_empty(&endpoint.include_proxies) || non_empty(&endpoint.exclude_proxies)
}

fn proxy_include_exclude(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ProxyIncludeExclude;
    let bdb = input.bdb;
    let with_lists: Vec<&str> = bdb
        .endpoints
        .iter()
        .filter(|endpoint| has_proxy_list(endpoint))
        .map(|endpoint| endpoint.uid.as_str())
        .collect();
    if with_lists.is_empty() {
        return ok(RULE, format!("{db} has no proxy include/exclude lists"));
    }
    finding(
        RULE,
        Severity::Fail,
        format!(
            "{db} endpoint {} uses proxy include/exclude lists; the OSS Cluster API allows none. \
             Binding a proxy policy again clears them",
            with_lists.join(", ")
        ),
        Some(fixes::clear_proxy_lists(bdb)),
    )
}

/// The major version of a `software_version` such as `7.22.0-95` or `100.0.21-16135`.
fn major_version(version: &str) -> Option<u64> {
    version.split(['.', '-']).next()?.parse().ok()
}

fn modules(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::Modules;
    let bdb = input.bdb;
    let cluster_major = input.cluster_version.and_then(major_version);
    let redis_major = bdb.redis_version.as_deref().and_then(major_version);
    let mut blocking = Vec::new();
    let mut bundled = Vec::new();
    let mut unknown_version = Vec::new();
    for module in &bdb.module_list {
        let name = module.module_name.to_ascii_lowercase();
        let Some(unsupported) = UNSUPPORTED_MODULES
            .iter()
            .find(|unsupported| unsupported.names.contains(&name.as_str()))
        else {
            continue;
        };
        let at_least = |version: Option<u64>, from: Option<u64>| matches!((version, from), (Some(version), Some(from)) if version >= from);
        if at_least(cluster_major, unsupported.supported_from_cluster) {
            continue;
        }
        if at_least(redis_major, unsupported.bundled_from_redis) {
            bundled.push(unsupported.display);
        } else if unsupported.supported_from_cluster.is_some() && cluster_major.is_none() {
            unknown_version.push(unsupported.display);
        } else {
            blocking.push(unsupported.display);
        }
    }
    if !blocking.is_empty() {
        let version_note = input
            .cluster_version
            .map(|version| format!(" on cluster version {version}"))
            .unwrap_or_default();
        return finding(
            RULE,
            Severity::Fail,
            format!(
                "{db} uses {}; the OSS Cluster API does not support {}{version_note}. Create a \
                 database without {}",
                blocking.join(", "),
                if blocking.len() == 1 { "it" } else { "them" },
                if blocking.len() == 1 { "it" } else { "them" },
            ),
            None,
        );
    }
    if !bundled.is_empty() {
        return finding(
            RULE,
            Severity::Warn,
            format!(
                "{db} lists {} (bundled with Redis {}); the OSS Cluster API documentation excludes \
                 it: its commands that span shards may not work through cluster clients",
                bundled.join(", "),
                bdb.redis_version.as_deref().unwrap_or("8")
            ),
            None,
        );
    }
    if !unknown_version.is_empty() {
        return finding(
            RULE,
            Severity::Warn,
            format!(
                "{db} uses {}, which the OSS Cluster API supports only from Redis Software 8.0; \
                 the cluster version is unknown",
                unknown_version.join(", ")
            ),
            None,
        );
    }
    ok(
        RULE,
        format!("{db} uses no module the OSS Cluster API excludes"),
    )
}

fn sharding(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::Sharding;
    let bdb = input.bdb;
    if bdb.sharding == Some(true) {
        let shards = bdb
            .shards_count
            .map(|count| format!(" ({count} shards)"))
            .unwrap_or_default();
        return ok(RULE, format!("{db} is sharded{shards}"));
    }
    // An Active-Active database cannot be sharded after it is created (crdt_sharding_violation),
    // so creating one unsharded with the OSS Cluster API would fix it at one shard for good.
    if input.origin == Origin::CrdbCreate {
        return finding(
            RULE,
            Severity::Fail,
            format!(
                "{db} is not sharded; an Active-Active database cannot be sharded after it is \
                 created, so the OSS Cluster API needs sharding at creation"
            ),
            None,
        );
    }
    finding(
        RULE,
        Severity::Warn,
        format!(
            "{db} is not sharded: one master shard serves every slot, so clients gain nothing from \
             the OSS Cluster API until the database is sharded"
        ),
        None,
    )
}

fn shards_placement(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ShardsPlacement;
    let bdb = input.bdb;
    match bdb.shards_placement.as_deref() {
        Some(FIX_SHARDS_PLACEMENT) => ok(RULE, format!("{db} uses sparse shard placement")),
        placement => finding(
            RULE,
            Severity::Warn,
            format!(
                "{db} uses shard placement \"{}\"; \"sparse\" spreads master shards over more \
                 nodes, so clients spread their load",
                placement.unwrap_or("unknown")
            ),
            Some(fixes::sparse_placement(bdb)),
        ),
    }
}

/// With the OSS Cluster API, clients send each key to the node of its master shard, so masters
/// piled on one node concentrate the load there. A placement policy decides where new shards go;
/// existing ones move only on a rebalance or a migration.
fn master_spread(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::MasterSpread;
    if input.shards.is_empty() {
        return ok(RULE, format!("{db} has no shards placed yet"));
    }
    let spread = shard_plan::master_spread(input.shards, input.nodes);
    if spread.nodes_used >= spread.possible {
        return ok(
            RULE,
            format!(
                "{db} has its master shards on {} node(s), as many as possible",
                spread.nodes_used
            ),
        );
    }
    finding(
        RULE,
        Severity::Warn,
        format!(
            "{db} has its master shards on {} node(s) where {} could serve them: cluster clients \
             send each key to its master's node, so the load stays on fewer nodes. A placement \
             policy moves no existing shard; a rebalance or a migration does",
            spread.nodes_used, spread.possible
        ),
        Some(fixes::spread_masters(&spread.moves)),
    )
}

fn external_addresses(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ExternalAddresses;
    let bdb = input.bdb;
    if bdb.oss_cluster_api_preferred_ip_type.as_deref() != Some("external") {
        return ok(
            RULE,
            format!(
                "{db} advertises internal addresses (oss_cluster_api_preferred_ip_type internal)"
            ),
        );
    }
    let missing: Vec<&Node> = input
        .nodes
        .iter()
        .filter(|node| node.external_addr.is_empty())
        .collect();
    if missing.is_empty() {
        return ok(
            RULE,
            format!("{db} advertises external addresses and every node has one"),
        );
    }
    missing
        .into_iter()
        .flat_map(|node| {
            finding(
                RULE,
                Severity::Fail,
                format!(
                    "{db} advertises external addresses (oss_cluster_api_preferred_ip_type \
                     external), but node:{} has no external address",
                    node.uid
                ),
                Some(fixes::external_address(node.uid)),
            )
        })
        .collect()
}

fn active_active(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ActiveActive;
    let bdb = input.bdb;
    if bdb.crdt != Some(true) {
        return ok(RULE, format!("{db} is not an Active-Active database"));
    }
    // `check db` only warns: the API can be enabled, through crdb update for every instance.
    let severity = match input.origin {
        Origin::CrdbCreate | Origin::CrdbUpdate => {
            return ok(
                RULE,
                format!(
                    "{db} is an Active-Active instance, changed through crdb for every instance"
                ),
            );
        }
        Origin::TuneDb => Severity::Fail,
        Origin::CheckDb => Severity::Warn,
    };
    finding(
        RULE,
        severity,
        format!(
            "{db} is an Active-Active instance; its OSS Cluster API setting applies to every \
             instance and must be changed through crdb update"
        ),
        Some(fixes::crdb_oss_cluster(bdb)),
    )
}

fn replica_of(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ReplicaOf;
    let bdb = input.bdb;
    if bdb.replica_sources.is_empty() {
        return ok(RULE, format!("{db} is not a Replica Of destination"));
    }
    finding(
        RULE,
        Severity::Warn,
        format!(
            "{db} is a Replica Of destination ({} source(s)); the OSS Cluster API is allowed, but \
             clients see the topology of this database only, not of its sources",
            bdb.replica_sources.len()
        ),
        None,
    )
}

fn client_reconnect(input: &CheckInput, db: &str) -> Vec<Finding> {
    const RULE: Rule = Rule::ClientReconnect;
    let bdb = input.bdb;
    let bound: Vec<String> = bdb
        .endpoints
        .iter()
        .filter(|endpoint| !endpoint.addr.is_empty())
        .map(|endpoint| match (&endpoint.dns_name, endpoint.port) {
            (Some(dns_name), Some(port)) if !dns_name.is_empty() => format!("{dns_name}:{port}"),
            _ => format!("endpoint:{}", endpoint.uid),
        })
        .collect();
    if bound.is_empty() {
        return ok(RULE, format!("{db} has no bound endpoint with clients"));
    }
    if input.origin == Origin::CheckDb && bdb.oss_cluster == Some(true) {
        return ok(RULE, format!("{db} already serves the OSS Cluster API"));
    }
    // Redis Software applies the OSS Cluster API mode to new connections only, and rebinding the
    // proxy policy can close connections on nodes that lose their proxy.
    finding(
        RULE,
        Severity::Warn,
        format!(
            "clients already connected to {} keep the old mode until they reconnect; restart or \
             reconnect them after the change",
            bound.join(", ")
        ),
        None,
    )
}

#[cfg(test)]
mod tests;
