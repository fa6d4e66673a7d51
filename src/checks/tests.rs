use super::fixes::FixChange;
use super::*;
use crate::api::models::{Module, Shard, ShardKeyRegex};
use crate::field_change::{FieldChange, Location};

/// A sharded database that meets every prerequisite.
fn ready_bdb() -> Bdb {
    Bdb {
        uid: 1,
        name: "demo".into(),
        sharding: Some(true),
        shards_count: Some(3),
        shard_key_regex: STANDARD_SHARD_KEY_REGEX
            .iter()
            .map(|regex| ShardKeyRegex {
                regex: regex.to_string(),
            })
            .collect(),
        hash_slots_policy: Some("16k".into()),
        oss_cluster: Some(true),
        oss_cluster_api_preferred_ip_type: Some("internal".into()),
        proxy_policy: Some("all-master-shards".into()),
        shards_placement: Some("sparse".into()),
        endpoints: vec![Endpoint {
            uid: "1:1".into(),
            ..Endpoint::default()
        }],
        crdt: Some(false),
        ..Bdb::default()
    }
}

fn nodes(external: bool) -> Vec<Node> {
    (1..=3)
        .map(|uid| Node {
            uid,
            addr: format!("127.0.1.{uid}"),
            external_addr: if external {
                vec![format!("127.0.2.{uid}")]
            } else {
                vec![]
            },
            ..Node::default()
        })
        .collect()
}

/// Three master shards (slot ranges of three), no replicas, on the given nodes.
fn masters_on(nodes: [u64; 3]) -> Vec<Shard> {
    nodes
        .iter()
        .enumerate()
        .map(|(index, node)| Shard {
            uid: (index + 1).to_string(),
            bdb_uid: 1,
            node_uid: node.to_string(),
            role: Some("master".into()),
            assigned_slots: Some(["0-5460", "5461-10922", "10923-16383"][index].into()),
            ..Shard::default()
        })
        .collect()
}

fn module(name: &str) -> Module {
    Module {
        module_name: name.into(),
        ..Module::default()
    }
}

/// The change `--fix` applies for a finding: `location` from `current` to `wanted`.
fn field_fix(location: Location, current: &str, wanted: &str) -> FixChange {
    FixChange::Field(FieldChange {
        setting: crate::tunables::find_by_field(location.field()),
        location,
        current: current.into(),
        wanted: wanted.into(),
    })
}

struct Case {
    name: &'static str,
    change: fn(&mut Bdb),
    shards: fn() -> Vec<Shard>,
    origin: Origin,
    external_addresses: bool,
    cluster_version: Option<&'static str>,
    rule: &'static str,
    severity: Severity,
    message: &'static str,
    fix: Option<&'static str>,
    change_applied: Option<FixChange>,
}

const BASE: Case = Case {
    name: "",
    change: |_| {},
    shards: || masters_on([1, 2, 3]),
    origin: Origin::TuneDb,
    external_addresses: false,
    cluster_version: Some("7.22.0-95"),
    rule: "",
    severity: Severity::Ok,
    message: "",
    fix: None,
    change_applied: None,
};

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "standard hashing",
            rule: "hashing_policy",
            message: "db:1 uses the standard hashing policy",
            ..BASE
        },
        Case {
            name: "unsharded default hashing",
            change: |bdb| bdb.shard_key_regex.clear(),
            rule: "hashing_policy",
            message: "db:1 uses the standard hashing policy",
            ..BASE
        },
        Case {
            name: "custom hashing",
            change: |bdb| {
                bdb.shard_key_regex = vec![ShardKeyRegex {
                    regex: "(?<tag>.*):.*".into(),
                }]
            },
            rule: "hashing_policy",
            severity: Severity::Fail,
            message: "db:1 uses a custom hashing policy (1 rule(s)); the OSS Cluster API needs the \
                      standard policy. Changing the hashing policy requires flushing the database: \
                      set shard_key_regex to the standard rules with PUT /v1/bdbs/1 after PUT \
                      /v1/bdbs/1/flush",
            ..BASE
        },
        Case {
            name: "16k slots",
            rule: "hash_slots_policy",
            message: "db:1 uses 16384 hash slots (hash_slots_policy 16k)",
            ..BASE
        },
        Case {
            name: "legacy slots",
            change: |bdb| bdb.hash_slots_policy = Some("legacy".into()),
            rule: "hash_slots_policy",
            severity: Severity::Fail,
            message: "db:1 uses hash_slots_policy \"legacy\"; the OSS Cluster API needs \"16k\" \
                      (slots 0-16383). The policy is set when a database is created: recreate it \
                      with hash_slots_policy 16k",
            ..BASE
        },
        Case {
            name: "all-nodes policy",
            change: |bdb| bdb.proxy_policy = Some("all-nodes".into()),
            rule: "proxy_policy",
            message: "db:1 uses proxy policy \"all-nodes\"",
            ..BASE
        },
        Case {
            name: "single policy",
            change: |bdb| bdb.proxy_policy = Some("single".into()),
            rule: "proxy_policy",
            severity: Severity::Fail,
            message: "db:1 uses proxy policy \"single\"; the OSS Cluster API needs \
                      \"all-master-shards\" or \"all-nodes\"",
            fix: Some("rsadmin bind db db:1 endpoint 1:1 policy all-master-shards"),
            change_applied: Some(field_fix(
                Location::Endpoint {
                    bdb: 1,
                    endpoint: "1:1".into(),
                    field: "proxy_policy",
                },
                "single",
                "all-master-shards",
            )),
            ..BASE
        },
        Case {
            name: "no proxy lists",
            rule: "proxy_include_exclude",
            message: "db:1 has no proxy include/exclude lists",
            ..BASE
        },
        Case {
            name: "exclude list",
            change: |bdb| bdb.endpoints[0].exclude_proxies = Some(vec![2]),
            rule: "proxy_include_exclude",
            severity: Severity::Fail,
            message: "db:1 endpoint 1:1 uses proxy include/exclude lists; the OSS Cluster API \
                      allows none. Binding a proxy policy again clears them",
            fix: Some("rsadmin bind db db:1 endpoint 1:1 policy all-master-shards"),
            ..BASE
        },
        Case {
            name: "empty include list",
            change: |bdb| bdb.endpoints[0].include_proxies = Some(vec![]),
            rule: "proxy_include_exclude",
            message: "db:1 has no proxy include/exclude lists",
            ..BASE
        },
        Case {
            name: "harmless module",
            change: |bdb| bdb.module_list = vec![module("ReJSON"), module("bf")],
            rule: "modules",
            message: "db:1 uses no module the OSS Cluster API excludes",
            ..BASE
        },
        Case {
            name: "timeseries",
            change: |bdb| bdb.module_list = vec![module("timeseries")],
            cluster_version: Some("8.0.2-17"),
            rule: "modules",
            severity: Severity::Fail,
            message: "db:1 uses RedisTimeSeries; the OSS Cluster API does not support it on \
                      cluster version 8.0.2-17. Create a database without it",
            ..BASE
        },
        Case {
            name: "timeseries bundled with Redis 8",
            change: |bdb| {
                bdb.redis_version = Some("8.0".into());
                bdb.module_list = vec![module("timeseries"), module("ReJSON")]
            },
            cluster_version: Some("8.0.2-17"),
            rule: "modules",
            severity: Severity::Warn,
            message: "db:1 lists RedisTimeSeries (bundled with Redis 8.0); the OSS Cluster API \
                      documentation excludes it: its commands that span shards may not work \
                      through cluster clients",
            ..BASE
        },
        Case {
            name: "gears",
            change: |bdb| bdb.module_list = vec![module("rg")],
            rule: "modules",
            severity: Severity::Fail,
            message: "db:1 uses RedisGears; the OSS Cluster API does not support it on cluster \
                      version 7.22.0-95. Create a database without it",
            ..BASE
        },
        Case {
            name: "search before 8.0",
            change: |bdb| bdb.module_list = vec![module("search")],
            rule: "modules",
            severity: Severity::Fail,
            message: "db:1 uses Redis Search; the OSS Cluster API does not support it on cluster \
                      version 7.22.0-95. Create a database without it",
            ..BASE
        },
        Case {
            name: "search on 8.0",
            change: |bdb| bdb.module_list = vec![module("search")],
            cluster_version: Some("8.0.2-17"),
            rule: "modules",
            message: "db:1 uses no module the OSS Cluster API excludes",
            ..BASE
        },
        Case {
            name: "search, version unknown",
            change: |bdb| bdb.module_list = vec![module("search")],
            cluster_version: None,
            rule: "modules",
            severity: Severity::Warn,
            message: "db:1 uses Redis Search, which the OSS Cluster API supports only from Redis \
                      Software 8.0; the cluster version is unknown",
            ..BASE
        },
        Case {
            name: "sharded",
            rule: "sharding",
            message: "db:1 is sharded (3 shards)",
            ..BASE
        },
        Case {
            name: "not sharded",
            change: |bdb| bdb.sharding = Some(false),
            rule: "sharding",
            severity: Severity::Warn,
            message: "db:1 is not sharded: one master shard serves every slot, so clients gain \
                      nothing from the OSS Cluster API until the database is sharded",
            ..BASE
        },
        Case {
            name: "not sharded at Active-Active creation",
            change: |bdb| bdb.sharding = Some(false),
            origin: Origin::CrdbCreate,
            rule: "sharding",
            severity: Severity::Fail,
            message: "db:1 is not sharded; an Active-Active database cannot be sharded after it \
                      is created, so the OSS Cluster API needs sharding at creation",
            ..BASE
        },
        Case {
            name: "sparse",
            rule: "shards_placement",
            message: "db:1 uses sparse shard placement",
            ..BASE
        },
        Case {
            name: "dense",
            change: |bdb| bdb.shards_placement = Some("dense".into()),
            rule: "shards_placement",
            severity: Severity::Warn,
            message: "db:1 uses shard placement \"dense\"; \"sparse\" spreads master shards over \
                      more nodes, so clients spread their load",
            fix: Some("rsadmin tune db db:1 shards_placement sparse"),
            change_applied: Some(field_fix(
                Location::Bdb {
                    bdb: 1,
                    field: "shards_placement",
                },
                "dense",
                "sparse",
            )),
            ..BASE
        },
        Case {
            name: "internal addresses",
            rule: "external_addresses",
            message: "db:1 advertises internal addresses (oss_cluster_api_preferred_ip_type \
                      internal)",
            ..BASE
        },
        Case {
            name: "masters on every node",
            rule: "master_spread",
            message: "db:1 has its master shards on 3 node(s), as many as possible",
            ..BASE
        },
        Case {
            name: "masters piled on one node",
            shards: || masters_on([1, 1, 1]),
            rule: "master_spread",
            severity: Severity::Warn,
            message: "db:1 has its master shards on 1 node(s) where 3 could serve them: cluster \
                      clients send each key to its master's node, so the load stays on fewer \
                      nodes. A placement policy moves no existing shard; a rebalance or a \
                      migration does",
            fix: Some(
                "rsadmin migrate shard 2 target_node 2 && rsadmin migrate shard 3 target_node 3",
            ),
            change_applied: Some(FixChange::Rebalance),
            ..BASE
        },
        Case {
            name: "external with addresses",
            change: |bdb| bdb.oss_cluster_api_preferred_ip_type = Some("external".into()),
            external_addresses: true,
            rule: "external_addresses",
            message: "db:1 advertises external addresses and every node has one",
            ..BASE
        },
        Case {
            name: "external without addresses",
            change: |bdb| bdb.oss_cluster_api_preferred_ip_type = Some("external".into()),
            rule: "external_addresses",
            severity: Severity::Fail,
            message: "db:1 advertises external addresses (oss_cluster_api_preferred_ip_type \
                      external), but node:1 has no external address",
            fix: Some("rsadmin node 1 external_addr add <ip>"),
            ..BASE
        },
        Case {
            name: "not active-active",
            rule: "active_active",
            message: "db:1 is not an Active-Active database",
            ..BASE
        },
        Case {
            name: "active-active through tune",
            change: |bdb| {
                bdb.crdt = Some(true);
                bdb.crdt_guid = Some("1d7741cc".into())
            },
            rule: "active_active",
            severity: Severity::Fail,
            message: "db:1 is an Active-Active instance; its OSS Cluster API setting applies to \
                      every instance and must be changed through crdb update",
            fix: Some("rsadmin crdb update --crdb-guid 1d7741cc --oss-cluster true"),
            ..BASE
        },
        Case {
            name: "active-active in check",
            change: |bdb| bdb.crdt = Some(true),
            origin: Origin::CheckDb,
            rule: "active_active",
            severity: Severity::Warn,
            message: "db:1 is an Active-Active instance; its OSS Cluster API setting applies to \
                      every instance and must be changed through crdb update",
            fix: Some("rsadmin crdb update --crdb-guid <crdb-guid> --oss-cluster true"),
            ..BASE
        },
        Case {
            name: "active-active through crdb",
            change: |bdb| bdb.crdt = Some(true),
            origin: Origin::CrdbUpdate,
            rule: "active_active",
            message: "db:1 is an Active-Active instance, changed through crdb for every instance",
            ..BASE
        },
        Case {
            name: "no replica of",
            rule: "replica_of",
            message: "db:1 is not a Replica Of destination",
            ..BASE
        },
        Case {
            name: "replica of",
            change: |bdb| bdb.replica_sources = vec![serde_json::json!({"uid": 1})],
            rule: "replica_of",
            severity: Severity::Warn,
            message: "db:1 is a Replica Of destination (1 source(s)); the OSS Cluster API is \
                      allowed, but clients see the topology of this database only, not of its \
                      sources",
            ..BASE
        },
        Case {
            name: "no bound endpoint",
            rule: "client_reconnect",
            message: "db:1 has no bound endpoint with clients",
            ..BASE
        },
        Case {
            name: "bound endpoint",
            change: |bdb| {
                bdb.endpoints[0].addr = vec!["127.0.1.1".into()];
                bdb.endpoints[0].dns_name = Some("redis-12000.sandbox.local".into());
                bdb.endpoints[0].port = Some(12000);
            },
            rule: "client_reconnect",
            severity: Severity::Warn,
            message: "clients already connected to redis-12000.sandbox.local:12000 keep the old \
                      mode until they reconnect; restart or reconnect them after the change",
            ..BASE
        },
        Case {
            name: "bound endpoint, already enabled, check",
            change: |bdb| bdb.endpoints[0].addr = vec!["127.0.1.1".into()],
            origin: Origin::CheckDb,
            rule: "client_reconnect",
            message: "db:1 already serves the OSS Cluster API",
            ..BASE
        },
    ]
}

#[test]
fn every_rule_both_outcomes() {
    let mut outcomes_seen = std::collections::BTreeSet::new();
    for case in cases() {
        let mut bdb = ready_bdb();
        (case.change)(&mut bdb);
        let nodes = nodes(case.external_addresses);
        let shards = (case.shards)();
        let findings = oss_cluster_prerequisites(&CheckInput {
            bdb: &bdb,
            nodes: &nodes,
            shards: &shards,
            cluster_version: case.cluster_version,
            origin: case.origin,
        });
        let finding = findings
            .iter()
            .find(|finding| finding.check.name() == case.rule)
            .unwrap_or_else(|| panic!("{}: no finding for rule {}", case.name, case.rule));
        assert_eq!(finding.severity, case.severity, "{}", case.name);
        assert_eq!(finding.message, case.message, "{}", case.name);
        assert_eq!(
            finding.fix.as_ref().map(|fix| fix.command.as_str()),
            case.fix,
            "{}",
            case.name
        );
        assert_eq!(
            finding.fix.as_ref().and_then(|fix| fix.change.clone()),
            case.change_applied,
            "{}",
            case.name
        );
        outcomes_seen.insert((case.rule, case.severity == Severity::Ok));
    }
    for rule in RULES.iter().map(|rule| {
        let bdb = ready_bdb();
        rule(
            &CheckInput {
                bdb: &bdb,
                nodes: &[],
                shards: &[],
                cluster_version: None,
                origin: Origin::TuneDb,
            },
            "db:1",
        )[0]
        .check
        .name()
    }) {
        assert!(
            outcomes_seen.contains(&(rule, true)),
            "{rule}: no passing case"
        );
        assert!(
            outcomes_seen.contains(&(rule, false)),
            "{rule}: no failing case"
        );
    }
}

#[test]
fn ready_database_can_be_enabled() {
    let bdb = ready_bdb();
    let findings = oss_cluster_prerequisites(&CheckInput {
        bdb: &bdb,
        nodes: &nodes(false),
        shards: &masters_on([1, 2, 3]),
        cluster_version: Some("7.22.0-95"),
        origin: Origin::TuneDb,
    });
    assert_eq!(findings.len(), RULES.len());
    assert!(
        findings
            .iter()
            .all(|finding| finding.severity == Severity::Ok)
    );
    assert!(can_enable(&findings));
}

#[test]
fn one_finding_per_node_without_external_address() {
    let mut bdb = ready_bdb();
    bdb.oss_cluster_api_preferred_ip_type = Some("external".into());
    let mut nodes = nodes(false);
    nodes[1].external_addr = vec!["127.0.2.2".into()];
    let findings = oss_cluster_prerequisites(&CheckInput {
        bdb: &bdb,
        nodes: &nodes,
        shards: &[],
        cluster_version: None,
        origin: Origin::CheckDb,
    });
    let commands: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.check.name() == "external_addresses")
        .filter_map(|finding| finding.fix.as_ref().map(|fix| fix.command.as_str()))
        .collect();
    assert_eq!(
        commands,
        vec![
            "rsadmin node 1 external_addr add <ip>",
            "rsadmin node 3 external_addr add <ip>"
        ]
    );
    assert!(!can_enable(&findings));
}

#[test]
fn findings_serialize_for_json_output() {
    let mut bdb = ready_bdb();
    bdb.shards_placement = Some("dense".into());
    let findings = oss_cluster_prerequisites(&CheckInput {
        bdb: &bdb,
        nodes: &[],
        shards: &[],
        cluster_version: None,
        origin: Origin::CheckDb,
    });
    let placement = findings
        .iter()
        .find(|finding| finding.check.name() == "shards_placement")
        .unwrap();
    assert_eq!(
        serde_json::to_value(placement).unwrap(),
        serde_json::json!({
            "rule": "shards_placement",
            "severity": "WARN",
            "message": "db:1 uses shard placement \"dense\"; \"sparse\" spreads master shards over more nodes, so clients spread their load",
            "fix": {
                "command": "rsadmin tune db db:1 shards_placement sparse",
                "change": {"field": "shards_placement", "value": "sparse"}
            }
        })
    );
}

#[test]
fn messages_name_the_given_subject() {
    let mut bdb = ready_bdb();
    bdb.proxy_policy = Some("single".into());
    let input = CheckInput {
        bdb: &bdb,
        nodes: &[],
        shards: &[],
        cluster_version: None,
        origin: Origin::CrdbCreate,
    };
    let named = prerequisites_named(&input, "crdb app");
    let proxy = named
        .iter()
        .find(|finding| finding.check == Rule::ProxyPolicy.into())
        .unwrap();
    assert_eq!(
        proxy.message,
        "crdb app uses proxy policy \"single\"; the OSS Cluster API needs \"all-master-shards\" \
         or \"all-nodes\""
    );
    // The fix still names the database by its id: it is a command to run on it.
    assert_eq!(
        proxy.fix.as_ref().map(|fix| fix.command.as_str()),
        Some("rsadmin bind db db:1 endpoint 1:1 policy all-master-shards")
    );
    let by_id = oss_cluster_prerequisites(&input);
    assert_eq!(named.len(), by_id.len());
    assert!(
        by_id
            .iter()
            .all(|finding| !finding.message.contains("crdb app"))
    );
}
