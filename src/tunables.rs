//! The one table of database settings. It drives `tune db` parsing and validation, its help text
//! and shell completions, and the `info db` rendering, so they cannot drift apart. The same
//! `Setting` shape describes the cluster policy keys of `tune cluster` and the proxy keys of
//! `tune proxy` (their own tables below).
//!
//! Sizes are binary (`1GB` = 2^30 bytes), as rladmin's `repl_backlog: 1.02MB (1073741 bytes)` shows.

use serde_json::Value;

/// How a value is typed on the wire and written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// JSON boolean, written `enabled`/`disabled` (rladmin's words).
    Toggle,
    /// JSON boolean shown with where the value comes from: `disabled (database)` (rladmin's
    /// `slave_ha`, whose unset value follows the cluster).
    ToggleFromDatabase,
    /// JSON boolean written with other words than rladmin's toggle: `[true word, false word]`,
    /// e.g. a proxy's `mode dynamic|static` for `dynamic_threads_scaling`.
    BoolWords(&'static [&'static str]),
    /// JSON string, one of a fixed set.
    Choice(&'static [&'static str]),
    /// JSON integer within bounds; `unit` is appended in `info db` (`3600 seconds`).
    Integer {
        min: i64,
        max: i64,
        unit: &'static str,
    },
    /// JSON integer of bytes, written as a size (`10GB`, MB without a unit), shown as `300GB`.
    Bytes { min: u64 },
    /// JSON string: `auto` or a number of bytes; written `auto` or a size (MB without a unit),
    /// shown as `auto` or `1.02MB (1073741 bytes)`.
    BytesOrAuto,
    /// JSON string: `auto`, a size in MB, or `hard:soft:time` (MB, MB, seconds); shown as
    /// `auto` or `1GB (hard limit)/512MB (soft limit) in 60 seconds`.
    OutputBufferLimits,
    /// Display only: `standard` or `custom`, derived from `shard_key_regex`.
    HashingPolicy,
    /// A word without a value (`continue_on_error`).
    Flag,
}

/// What `tune` does with a setting's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `tune` sets the REST field.
    Tune(&'static str),
    /// Shown by `info` only.
    DisplayOnly,
    /// rladmin accepts the key but the REST API cannot set it: refused with `reason` (exit 2,
    /// nothing sent).
    Refused {
        key: &'static str,
        reason: &'static str,
    },
    /// rladmin's key only changes how rladmin itself runs; accepted, nothing to send, `note` on
    /// stderr.
    NoEffect {
        key: &'static str,
        note: &'static str,
    },
}

/// One setting: how `info` shows it and what `tune` does with it.
#[derive(Debug, PartialEq, Eq)]
pub struct Setting {
    /// Key printed by `info` (rladmin's display name); `None` when `info` does not print it.
    pub display_key: Option<&'static str>,
    pub access: Access,
    /// The field in the REST API. For rladmin display keys that no REST object carries (per the
    /// reference and the captured objects) it is the rladmin key itself, so `info` prints `N/A`
    /// unless a cluster ever sends such a field.
    pub field: &'static str,
    pub kind: ValueKind,
    /// Changing it affects connected clients, so it needs confirmation (or `-y`).
    pub disruptive: bool,
    pub help: &'static str,
}

const TOGGLE_WORDS: [&str; 2] = ["enabled", "disabled"];
const UNBOUNDED: i64 = i64::MAX;
const COUNT: ValueKind = ValueKind::Integer {
    min: 0,
    max: UNBOUNDED,
    unit: "",
};
const THREADS: ValueKind = ValueKind::Integer {
    min: 1,
    max: 255,
    unit: "",
};
const POSITIVE: ValueKind = ValueKind::Integer {
    min: 1,
    max: UNBOUNDED,
    unit: "",
};

/// Why a key of rladmin's `tune db` that no REST field carries is refused.
const NOT_A_BDB_FIELD: &str = "it is not a field of the REST API's database object (bdb), so \
                               rsadmin cannot set it over the REST API";

const fn setting(
    display_key: &'static str,
    access: Access,
    field: &'static str,
    kind: ValueKind,
    help: &'static str,
) -> Setting {
    Setting {
        display_key: Some(display_key),
        access,
        field,
        kind,
        disruptive: false,
        help,
    }
}

/// A key `tune db` refuses and `info db` shows as `N/A`: rladmin has it, the REST API has no field.
const fn rladmin_only(display_key: &'static str, tune_key: Option<&'static str>) -> Setting {
    let access = match tune_key {
        Some(key) => Access::Refused {
            key,
            reason: NOT_A_BDB_FIELD,
        },
        None => Access::DisplayOnly,
    };
    setting(
        display_key,
        access,
        display_key,
        ValueKind::Choice(&[]),
        "rladmin-only (no REST field)",
    )
}

/// In `info db` order: rladmin's documented layout first (RL/info.md), then the keys rsadmin adds,
/// then `tune db` keys that `info db` does not print.
pub const SETTINGS: &[Setting] = &[
    rladmin_only("client_buffer_limits", Some("client_buffer")),
    setting(
        "slave_buffer",
        Access::Tune("slave_buffer"),
        "slave_buffer",
        ValueKind::OutputBufferLimits,
        "replica output buffer limits: auto, MB, or hard:soft:time",
    ),
    rladmin_only("pubsub_buffer_limits", None),
    rladmin_only("proxy_client_buffer_limits", None),
    rladmin_only("proxy_slave_buffer_limits", None),
    rladmin_only("proxy_pubsub_buffer_limits", None),
    setting(
        "repl_backlog",
        Access::Tune("repl_backlog"),
        "repl_backlog_size",
        ValueKind::BytesOrAuto,
        "replication backlog size: auto or a size (MB without a unit)",
    ),
    rladmin_only("repl_timeout", Some("repl_timeout")),
    rladmin_only("repl_diskless", Some("repl_diskless")),
    setting(
        "master_persistence",
        Access::Tune("master_persistence"),
        "master_persistence",
        ValueKind::Toggle,
        "also persist the primary shards",
    ),
    setting(
        "maxclients",
        Access::Tune("maxclients"),
        "maxclients",
        POSITIVE,
        "maximum proxy-to-shard connections",
    ),
    setting(
        "conns",
        Access::Tune("conns"),
        "conns",
        POSITIVE,
        "proxy connection pool size (per thread or per shard, see conns_type)",
    ),
    setting(
        "conns_type",
        Access::Tune("conns_type"),
        "conns_type",
        ValueKind::Choice(&["per-thread", "per-shard"]),
        "unit of conns",
    ),
    setting(
        "sched_policy",
        Access::Tune("schedpolicy"),
        "sched_policy",
        ValueKind::Choice(&["cmp", "mru", "spread", "mnp"]),
        "how the proxy uses its shard connections",
    ),
    setting(
        "max_aof_file_size",
        Access::Tune("max_aof_file_size"),
        "max_aof_file_size",
        ValueKind::Bytes { min: 10 << 30 },
        "AOF file size cap (MB without a unit; at least 10GB)",
    ),
    setting(
        "max_aof_load_time",
        Access::Tune("max_aof_load_time"),
        "max_aof_load_time",
        ValueKind::Integer {
            min: 2700,
            max: UNBOUNDED,
            unit: " seconds",
        },
        "AOF load time cap in seconds; longer triggers a rewrite",
    ),
    // INFERRED: the captured bdb carries `sync_dedicated_threads: 5` where rladmin's sample shows
    // `dedicated_replicaof_threads: 5`; no other REST field matches.
    setting(
        "dedicated_replicaof_threads",
        Access::DisplayOnly,
        "sync_dedicated_threads",
        COUNT,
        "threads dedicated to Replica Of syncing",
    ),
    setting(
        "max_client_pipeline",
        Access::Tune("max_client_pipeline"),
        "max_client_pipeline",
        ValueKind::Integer {
            min: 1,
            max: 2047,
            unit: "",
        },
        "proxy pipeline depth per client connection",
    ),
    setting(
        "max_shard_pipeline",
        Access::Tune("max_shard_pipeline"),
        "max_pipelined",
        POSITIVE,
        "proxy pipeline depth per shard connection",
    ),
    setting(
        "max_connections",
        Access::Tune("max_connections"),
        "max_connections",
        COUNT,
        "maximum client connections to the endpoint (0 = unlimited)",
    ),
    Setting {
        disruptive: true,
        ..setting(
            "oss_cluster",
            Access::Tune("oss_cluster"),
            "oss_cluster",
            ValueKind::Toggle,
            "the OSS Cluster API: proxies speak the Redis Cluster protocol (new connections only)",
        )
    },
    Setting {
        disruptive: true,
        ..setting(
            "oss_cluster_api_preferred_ip_type",
            Access::Tune("oss_cluster_api_preferred_ip_type"),
            "oss_cluster_api_preferred_ip_type",
            ValueKind::Choice(&["internal", "external"]),
            "node addresses the OSS Cluster API advertises to clients",
        )
    },
    setting(
        "gradual_src_mode",
        Access::Tune("gradual_src_mode"),
        "gradual_src_mode",
        ValueKind::Choice(&TOGGLE_WORDS),
        "gradual sync of sync sources",
    ),
    setting(
        "gradual_src_max_sources",
        Access::DisplayOnly,
        "gradual_src_max_sources",
        COUNT,
        "sync sources synced in parallel",
    ),
    setting(
        "gradual_sync_mode",
        Access::Tune("gradual_sync_mode"),
        "gradual_sync_mode",
        ValueKind::Choice(&["enabled", "disabled", "auto"]),
        "gradual sync of source shards",
    ),
    setting(
        "gradual_sync_max_shards_per_source",
        Access::Tune("gradual_sync_max_shards_per_source"),
        "gradual_sync_max_shards_per_source",
        POSITIVE,
        "shards synced in parallel per sync source",
    ),
    setting(
        "slave_ha",
        Access::Tune("slave_ha"),
        "slave_ha",
        ValueKind::ToggleFromDatabase,
        "replica high availability for this database",
    ),
    setting(
        "mkms",
        Access::Tune("mkms"),
        "mkms",
        ValueKind::Toggle,
        "multi-key multi-slot commands",
    ),
    setting(
        "oss_sharding",
        Access::DisplayOnly,
        "oss_sharding",
        ValueKind::Toggle,
        "reserved for future use",
    ),
    setting(
        "mtls_allow_weak_hashing",
        Access::Tune("mtls_allow_weak_hashing"),
        "mtls_allow_weak_hashing",
        ValueKind::Toggle,
        "allow weak hashing in mTLS",
    ),
    setting(
        "mtls_allow_outdated_certs",
        Access::Tune("mtls_allow_outdated_certs"),
        "mtls_allow_outdated_certs",
        ValueKind::Toggle,
        "allow outdated certificates in mTLS",
    ),
    setting(
        "data_internode_encryption",
        Access::Tune("data_internode_encryption"),
        "data_internode_encryption",
        ValueKind::Toggle,
        "encrypt traffic between nodes for this database",
    ),
    // Rebinding proxies can close client connections on nodes that lose their proxy.
    Setting {
        disruptive: true,
        ..setting(
            "proxy_policy",
            Access::DisplayOnly,
            "proxy_policy",
            ValueKind::Choice(&["single", "all-master-shards", "all-nodes"]),
            "proxy binding policy (change it with `rsadmin bind`)",
        )
    },
    setting(
        "db_conns_auditing",
        Access::Tune("db_conns_auditing"),
        "db_conns_auditing",
        ValueKind::Toggle,
        "connection auditing",
    ),
    // Read-only in the REST reference (every version): shown, never sent.
    setting(
        "syncer_mode",
        Access::Refused {
            key: "syncer_mode",
            reason: "the REST API marks the database's syncer_mode read-only (in every version)",
        },
        "syncer_mode",
        ValueKind::Choice(&["distributed", "centralized"]),
        "syncer mode (read-only over the REST API)",
    ),
    Setting {
        disruptive: true,
        ..setting(
            "oss_cluster_api_preferred_endpoint_type",
            Access::Tune("oss_cluster_api_preferred_endpoint_type"),
            "oss_cluster_api_preferred_endpoint_type",
            ValueKind::Choice(&["ip", "hostname"]),
            "advertise IPs or hostnames (REST-only in Redis Software; rsadmin accepts it)",
        )
    },
    setting(
        "shards_placement",
        Access::Tune("shards_placement"),
        "shards_placement",
        ValueKind::Choice(&["dense", "sparse"]),
        "shard placement: dense (few nodes) or sparse (many nodes)",
    ),
    setting(
        "resp3",
        Access::Tune("resp3"),
        "resp3",
        ValueKind::Toggle,
        "RESP3 protocol support",
    ),
    setting(
        "tracking_table_max_keys",
        Access::Tune("tracking_table_max_keys"),
        "tracking_table_max_keys",
        COUNT,
        "client-side caching invalidation table size (0 = unlimited)",
    ),
    setting(
        "metrics_export_all",
        Access::Tune("metrics_export_all"),
        "metrics_export_all",
        ValueKind::Toggle,
        "export all shard metrics",
    ),
    setting(
        "slave_ha_priority",
        Access::Tune("slave_ha_priority"),
        "slave_ha_priority",
        COUNT,
        "priority of this database in replica high availability",
    ),
    setting(
        "skip_import_analyze",
        Access::Tune("skip_import_analyze"),
        "skip_import_analyze",
        ValueKind::Choice(&TOGGLE_WORDS),
        "skip the analysis stage when importing an RDB file",
    ),
    setting(
        "crdt_repl_backlog",
        Access::Tune("crdt_repl_backlog"),
        "crdt_repl_backlog_size",
        ValueKind::BytesOrAuto,
        "Active-Active replication backlog size: auto or a size (MB without a unit)",
    ),
    setting(
        "crdt_xadd_id_uniqueness_mode",
        Access::Tune("crdt_xadd_id_uniqueness_mode"),
        "crdt_xadd_id_uniqueness_mode",
        ValueKind::Choice(&["liberal", "semi-strict", "strict"]),
        "XADD id rules in Active-Active databases",
    ),
    setting(
        "sharding",
        Access::DisplayOnly,
        "sharding",
        ValueKind::Toggle,
        "database clustering (several shards)",
    ),
    setting(
        "shards_count",
        Access::DisplayOnly,
        "shards_count",
        ValueKind::Integer {
            min: 1,
            max: 512,
            unit: "",
        },
        "number of primary shards",
    ),
    setting(
        "hash_slots_policy",
        Access::DisplayOnly,
        "hash_slots_policy",
        ValueKind::Choice(&["16k", "legacy"]),
        "hash slot space",
    ),
    setting(
        "hashing_policy",
        Access::DisplayOnly,
        "shard_key_regex",
        ValueKind::HashingPolicy,
        "standard (OSS-compatible) or custom hashing rules",
    ),
    not_shown(Access::Refused {
        key: "module_name",
        reason: "module runtime parameters are not a field of the REST API's database object \
                 (Redis 8 databases take them in its search, timeseries and probabilistic objects)",
    }),
    not_shown(Access::Refused {
        key: "module_config_params",
        reason: "module runtime parameters are not a field of the REST API's database object \
                 (Redis 8 databases take them in its search, timeseries and probabilistic objects)",
    }),
    not_shown(Access::Refused {
        key: "syncer_monitoring",
        reason: NOT_A_BDB_FIELD,
    }),
    not_shown(Access::NoEffect {
        key: "continue_on_error",
        note: "continue_on_error only changes how rladmin itself reaches shards; over the REST \
               API the cluster applies the change",
    }),
];

/// A `tune db` key that `info db` does not print.
const fn not_shown(access: Access) -> Setting {
    Setting {
        display_key: None,
        access,
        field: "",
        kind: ValueKind::Flag,
        disruptive: false,
        help: "",
    }
}

/// `info cluster` in rladmin's layout (RL/info.md), read from `GET /v1/cluster` merged with
/// `GET /v1/cluster/policy` (R:objects/cluster_settings.md), then the keys rsadmin adds. The
/// `tune cluster` keys are the policy fields about the OSS Cluster API, sent with
/// `PUT /v1/cluster/policy`; `default_oss_cluster` exists from 7.22 on (a cluster without it
/// refuses the key before anything is sent).
pub const CLUSTER_POLICY_SETTINGS: &[Setting] = &[
    cluster_info("repl_diskless", "repl_diskless", ValueKind::Toggle),
    cluster_info(
        "shards_overbooking",
        "shards_overbooking",
        ValueKind::Toggle,
    ),
    setting(
        "default_non_sharded_proxy_policy",
        Access::Tune("default_non_sharded_proxy_policy"),
        "default_non_sharded_proxy_policy",
        ValueKind::Choice(&["single", "all-master-shards", "all-nodes"]),
        "proxy policy of new unsharded databases",
    ),
    setting(
        "default_sharded_proxy_policy",
        Access::Tune("default_sharded_proxy_policy"),
        "default_sharded_proxy_policy",
        ValueKind::Choice(&["single", "all-master-shards", "all-nodes"]),
        "proxy policy of new sharded databases",
    ),
    setting(
        "default_shards_placement",
        Access::Tune("default_shards_placement"),
        "default_shards_placement",
        ValueKind::Choice(&["dense", "sparse"]),
        "shard placement of new databases",
    ),
    cluster_info(
        "default_fork_evict_ram",
        "default_fork_evict_ram",
        ValueKind::Toggle,
    ),
    cluster_info(
        "default_provisioned_redis_version",
        "default_provisioned_redis_version",
        ValueKind::Choice(&[]),
    ),
    cluster_info(
        "redis_migrate_node_threshold",
        "redis_migrate_node_threshold",
        ValueKind::BytesOrAuto,
    ),
    cluster_info(
        "redis_migrate_node_threshold_percent",
        "redis_migrate_node_threshold_p",
        PERCENT,
    ),
    cluster_info(
        "redis_provision_node_threshold",
        "redis_provision_node_threshold",
        ValueKind::BytesOrAuto,
    ),
    cluster_info(
        "redis_provision_node_threshold_percent",
        "redis_provision_node_threshold_p",
        PERCENT,
    ),
    cluster_info(
        "max_simultaneous_backups",
        "max_simultaneous_backups",
        COUNT,
    ),
    cluster_info("slave_ha", "slave_ha", ValueKind::Toggle),
    cluster_info("slave_ha_grace_period", "slave_ha_grace_period", COUNT),
    cluster_info(
        "slave_ha_cooldown_period",
        "slave_ha_cooldown_period",
        COUNT,
    ),
    cluster_info(
        "slave_ha_bdb_cooldown_period",
        "slave_ha_bdb_cooldown_period",
        COUNT,
    ),
    cluster_info("parallel_shards_upgrade", "parallel_shards_upgrade", COUNT),
    cluster_info("show_internals", "show_internals", ValueKind::Toggle),
    cluster_info(
        "expose_hostnames_for_all_suffixes",
        "expose_hostnames_for_all_suffixes",
        ValueKind::Toggle,
    ),
    cluster_info("login_lockout_threshold", "login_lockout_threshold", COUNT),
    cluster_info("login_lockout_duration", "login_lockout_duration", COUNT),
    cluster_info(
        "login_lockout_counter_reset_after",
        "login_lockout_counter_reset_after",
        COUNT,
    ),
    cluster_info(
        "default_concurrent_restore_actions",
        "default_concurrent_restore_actions",
        COUNT,
    ),
    cluster_info(
        "endpoint_rebind_propagation_grace_time",
        "endpoint_rebind_propagation_grace_time",
        COUNT,
    ),
    cluster_info(
        "data_internode_encryption",
        "data_internode_encryption",
        ValueKind::Toggle,
    ),
    cluster_info(
        "redis_upgrade_policy",
        "redis_upgrade_policy",
        ValueKind::Choice(&[]),
    ),
    cluster_info("db_conns_auditing", "db_conns_auditing", ValueKind::Toggle),
    // rladmin prints the pre-6.4.2 profile name; the REST field of that name, where a cluster
    // still sends it (its successor, failure_detection_sensitivity, has other words).
    cluster_info(
        "watchdog profile",
        "watchdog_profile",
        ValueKind::Choice(&[]),
    ),
    cluster_info("http support", "http_support", ValueKind::Toggle),
    cluster_info("upgrade mode", "upgrade_mode", ValueKind::Toggle),
    cluster_info(
        "cm_session_timeout_minutes",
        "cm_session_timeout_minutes",
        COUNT,
    ),
    cluster_info("cm_port", "cm_port", COUNT),
    cluster_info("cnm_http_port", "cnm_http_port", COUNT),
    cluster_info("cnm_https_port", "cnm_https_port", COUNT),
    cluster_info("bigstore_driver", "bigstore_driver", ValueKind::Choice(&[])),
    setting(
        "default_oss_cluster",
        Access::Tune("default_oss_cluster"),
        "default_oss_cluster",
        ValueKind::Toggle,
        "OSS Cluster API on new databases (Redis Software 7.22 and later)",
    ),
    setting(
        "oss_cluster_api_preferred_ip_type",
        Access::Tune("oss_cluster_api_preferred_ip_type"),
        "oss_cluster_api_preferred_ip_type",
        ValueKind::Choice(&["internal", "external"]),
        "preferred IP type of new endpoints",
    ),
    setting(
        "oss_cluster_api_preferred_endpoint_type",
        Access::Tune("oss_cluster_api_preferred_endpoint_type"),
        "oss_cluster_api_preferred_endpoint_type",
        ValueKind::Choice(&["ip", "hostname"]),
        "preferred endpoint type of new endpoints",
    ),
    cluster_info("name", "name", ValueKind::Choice(&[])),
    cluster_info("created_time", "created_time", ValueKind::Choice(&[])),
    cluster_info("rack_aware", "rack_aware", ValueKind::Toggle),
    cluster_info("handle_redirects", "handle_redirects", ValueKind::Toggle),
    // rladmin's other `tune cluster` keys (RL/tune.md): named and left to rladmin.
    left_to_rladmin("repl_diskless"),
    left_to_rladmin("redis_provision_node_threshold"),
    left_to_rladmin("redis_migrate_node_threshold"),
    left_to_rladmin("redis_provision_node_threshold_percent"),
    left_to_rladmin("redis_migrate_node_threshold_percent"),
    left_to_rladmin("max_simultaneous_backups"),
    left_to_rladmin("failure_detection_sensitivity"),
    left_to_rladmin("watchdog_profile"),
    left_to_rladmin("slave_ha"),
    left_to_rladmin("slave_ha_grace_period"),
    left_to_rladmin("slave_ha_cooldown_period"),
    left_to_rladmin("slave_ha_bdb_cooldown_period"),
    left_to_rladmin("max_saved_events_per_type"),
    left_to_rladmin("metrics_exporter_expose_bdb_name"),
    left_to_rladmin("parallel_shards_upgrade"),
    left_to_rladmin("default_concurrent_restore_actions"),
    left_to_rladmin("show_internals"),
    left_to_rladmin("expose_hostnames_for_all_suffixes"),
    left_to_rladmin("redis_upgrade_policy"),
    left_to_rladmin("default_redis_version"),
    left_to_rladmin("data_internode_encryption"),
    left_to_rladmin("db_conns_auditing"),
    left_to_rladmin("acl_pubsub_default"),
    left_to_rladmin("resp3_default"),
    left_to_rladmin("automatic_node_offload"),
    left_to_rladmin("auto_recovery"),
    left_to_rladmin("default_recovery_wait_time"),
    left_to_rladmin("default_tracking_table_max_keys_policy"),
    left_to_rladmin("default_oss_sharding"),
    left_to_rladmin("filter_node_wd_health_metrics"),
    left_to_rladmin("login_lockout_threshold"),
    left_to_rladmin("login_lockout_duration"),
    left_to_rladmin("login_lockout_counter_reset_after"),
];

/// An rladmin `tune cluster` key that is not about the OSS Cluster API: refused, naming rladmin.
const fn left_to_rladmin(key: &'static str) -> Setting {
    not_shown(Access::Refused {
        key,
        reason: "rsadmin's tune cluster changes the cluster policy's OSS Cluster API defaults only",
    })
}

const PERCENT: ValueKind = ValueKind::Integer {
    min: 0,
    max: 100,
    unit: " (%)",
};

/// A line of `info cluster` that `tune cluster` does not change.
const fn cluster_info(display_key: &'static str, field: &'static str, kind: ValueKind) -> Setting {
    setting(display_key, Access::DisplayOnly, field, kind, "")
}

/// `tune proxy` keys (RL/tune.md) and the proxy object fields they set (R:objects/proxy.md; the
/// captured proxy shows `threads_usage_threshold: 80` and `duration_usage_threshold: 30` where
/// rladmin's `info proxy` sample shows `scale_threshold: 80 (%)` and `scale_duration: 30`).
pub const PROXY_SETTINGS: &[Setting] = &[
    setting(
        "mode",
        Access::Tune("mode"),
        "dynamic_threads_scaling",
        ValueKind::BoolWords(&["dynamic", "static"]),
        "dynamic or static thread scaling",
    ),
    setting(
        "scale_threshold",
        Access::Tune("scale_threshold"),
        "threads_usage_threshold",
        ValueKind::Integer {
            min: 50,
            max: 99,
            unit: " (%)",
        },
        "CPU percentage that adds a thread (dynamic mode)",
    ),
    setting(
        "scale_duration",
        Access::Tune("scale_duration"),
        "duration_usage_threshold",
        ValueKind::Integer {
            min: 10,
            max: 300,
            unit: " (seconds)",
        },
        "seconds above scale_threshold before a thread is added",
    ),
    setting(
        "max_threads",
        Access::Tune("max_threads"),
        "max_threads",
        THREADS,
        "maximum proxy threads",
    ),
    setting(
        "threads",
        Access::Tune("threads"),
        "threads",
        THREADS,
        "proxy threads (a lower number takes effect at the next proxy restart)",
    ),
    setting(
        "client_eviction",
        Access::Tune("client_eviction"),
        "client_eviction",
        ValueKind::BoolWords(&["true", "false"]),
        "client eviction based on maxmemory_clients",
    ),
    setting(
        "incoming_connections_capacity",
        Access::Tune("incoming_connections_capacity"),
        "incoming_connections_capacity",
        COUNT,
        "maximum concurrent incoming connections (burst size; 0 = no limit)",
    ),
    setting(
        "incoming_connections_min_capacity",
        Access::Tune("incoming_connections_min_capacity"),
        "incoming_connections_min_capacity",
        COUNT,
        "free slots needed before new connections are accepted after an overflow",
    ),
    setting(
        "incoming_connections_rate_limit",
        Access::Tune("incoming_connections_rate_limit"),
        "incoming_connections_rate_limit",
        COUNT,
        "maximum incoming connections per second (0 = no limit)",
    ),
];

/// `tune node` keys (the node fields the REST API lets a PUT change, rest-api.md §4), in the order
/// `info node` prints them after rladmin's address lines (RL/info.md).
pub const NODE_SETTINGS: &[Setting] = &[
    setting(
        "quorum only",
        Access::Refused {
            key: "quorum_only",
            reason: "the REST API's node object has no writable quorum-only field",
        },
        "quorum_only",
        ValueKind::Toggle,
        "quorum-only node (rladmin only)",
    ),
    setting(
        "max redis servers",
        Access::Tune("max_redis_servers"),
        "max_redis_servers",
        COUNT,
        "maximum shards on the node",
    ),
    setting(
        "max listeners",
        Access::Tune("max_listeners"),
        "max_listeners",
        COUNT,
        "maximum endpoints bound to the node",
    ),
    setting(
        "max redis forks",
        Access::Tune("max_redis_forks"),
        "max_redis_forks",
        ValueKind::Integer {
            min: -1,
            max: UNBOUNDED,
            unit: "",
        },
        "maximum background processes forked from shards (-1: the cluster's setting)",
    ),
    setting(
        "max slave full syncs",
        Access::Tune("max_slave_full_syncs"),
        "max_slave_full_syncs",
        ValueKind::Integer {
            min: -1,
            max: UNBOUNDED,
            unit: "",
        },
        "maximum simultaneous replica full syncs (0: unlimited, -1: the cluster's setting)",
    ),
];

/// The hashing rules of the standard (OSS-compatible) hashing policy, as decoded strings.
pub const STANDARD_SHARD_KEY_REGEX: [&str; 2] = [r".*\{(?<tag>.*)\}.*", r"(?<tag>.*)"];

/// What `info db` prints for an absent value.
pub const ABSENT: &str = "N/A";

impl Access {
    /// The word `tune` accepts for this setting, whatever it then does with it.
    pub fn tune_key(self) -> Option<&'static str> {
        match self {
            Access::Tune(key) | Access::Refused { key, .. } | Access::NoEffect { key, .. } => {
                Some(key)
            }
            Access::DisplayOnly => None,
        }
    }
}

/// The settings `tune db` can set, in table order.
pub fn tunables() -> impl Iterator<Item = &'static Setting> {
    settable(SETTINGS)
}

/// The settings of `table` that `tune` sends to the cluster.
pub fn settable(table: &'static [Setting]) -> impl Iterator<Item = &'static Setting> {
    table
        .iter()
        .filter(|setting| matches!(setting.access, Access::Tune(_)))
}

/// A `tune db` key the REST API can set.
pub fn find_tunable(key: &str) -> Option<&'static Setting> {
    tunables().find(|setting| setting.access.tune_key() == Some(key))
}

fn key_of(setting: &Setting) -> &'static str {
    setting.access.tune_key().unwrap_or_default()
}

pub fn find_by_field(field: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|setting| setting.field == field)
}

/// Help text listing every `tune` key of `table` with its values, generated from the table.
pub fn keys_help(table: &'static [Setting]) -> String {
    let mut text = String::from("Keys:\n");
    for setting in settable(table) {
        text.push_str(&format!(
            "  {} {}\n      {}\n",
            key_of(setting),
            setting.value_synopsis(),
            setting.help
        ));
    }
    for setting in table {
        match setting.access {
            Access::NoEffect { key, note } => {
                text.push_str(&format!("  {key}\n      accepted; {note}\n"));
            }
            Access::Refused { key, reason } => {
                text.push_str(&format!(
                    "  {key}\n      refused (exit 2): {reason}; change it with rladmin on a cluster node\n"
                ));
            }
            Access::Tune(_) | Access::DisplayOnly => {}
        }
    }
    text
}

/// Help for `tune db`.
pub fn tune_keys_help() -> String {
    keys_help(SETTINGS)
}

/// `tune` arguments validated against one table: the settings to send, and the notes to print.
#[derive(Debug, PartialEq)]
pub struct ParsedPairs {
    pub settings: Vec<(&'static Setting, Value)>,
    pub notes: Vec<&'static str>,
}

/// Parses `<key> <value> [<key> <value> ...]` (a flag key takes no value) against `table`.
/// `command` is rladmin's command without the pairs (`tune db db:1`), named in a refusal, which
/// says where the key can be changed instead. Errors are usage errors: nothing is sent.
pub fn parse_pairs(
    table: &'static [Setting],
    words: &[String],
    command: &str,
) -> Result<ParsedPairs, String> {
    let mut parsed = ParsedPairs {
        settings: Vec::new(),
        notes: Vec::new(),
    };
    let mut words = words.iter().map(String::as_str);
    while let Some(key) = words.next() {
        let setting = table
            .iter()
            .find(|setting| setting.access.tune_key() == Some(key))
            .ok_or_else(|| unknown_key(table, key, command))?;
        let mut value = || {
            words.next().ok_or_else(|| {
                format!(
                    "key {key:?} has no value: expected {key} {}. Usage: rsadmin {command} <key> \
                     <value> [<key> <value> ...]",
                    setting.value_synopsis()
                )
            })
        };
        match setting.access {
            Access::Refused { reason, .. } => {
                // Every refused key takes a value; the command line shown repeats it.
                let example = value().unwrap_or("<value>");
                return Err(format!(
                    "{key} cannot be changed with rsadmin: {reason}. Nothing was sent; \
                     change it with rladmin on a cluster node: rladmin {command} {key} {example}"
                ));
            }
            Access::NoEffect { note, .. } => parsed.notes.push(note),
            Access::Tune(_) => {
                let wanted = setting.parse(value()?)?;
                if parsed.settings.iter().any(|(seen, _)| *seen == setting) {
                    return Err(format!("key {key:?} is given twice"));
                }
                parsed.settings.push((setting, wanted));
            }
            Access::DisplayOnly => unreachable!("display-only settings have no tune key"),
        }
    }
    Ok(parsed)
}

fn unknown_key(table: &'static [Setting], key: &str, command: &str) -> String {
    let valid: Vec<&str> = settable(table).map(key_of).collect();
    let hint = if key == "proxy_policy" {
        " (the proxy policy is changed with: rsadmin bind db <db> endpoint <db>:1 policy <policy>)"
    } else {
        ""
    };
    let command = command
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "unknown key {key:?} for {command}{hint}. Valid keys: {}",
        valid.join(", ")
    )
}

const SIZE_UNITS: [(&str, u32); 4] = [("TB", 40), ("GB", 30), ("MB", 20), ("KB", 10)];

/// `10GB`, `512mb`, `1.5g`, `300` (MB): bytes, binary units. `None` when malformed or too big.
pub fn parse_size(raw: &str) -> Option<u64> {
    let split = raw
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(raw.len());
    let (number, unit) = raw.split_at(split);
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "MB" | "M" => 20,
        "B" => 0,
        "KB" | "K" => 10,
        "GB" | "G" => 30,
        "TB" | "T" => 40,
        _ => return None,
    };
    let number: f64 = number.parse().ok().filter(|n: &f64| n.is_finite())?;
    let bytes = number * (1u64 << shift) as f64;
    (bytes >= 0.0 && bytes < u64::MAX as f64).then_some(bytes.round() as u64)
}

/// rladmin's size form: `300GB`, `1.02MB`, `0KB`.
pub fn format_size(bytes: u64) -> String {
    for (unit, shift) in SIZE_UNITS {
        if bytes >= 1u64 << shift {
            let value = bytes as f64 / (1u64 << shift) as f64;
            let text = format!("{value:.2}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            return format!("{text}{unit}");
        }
    }
    if bytes == 0 {
        "0KB".to_string()
    } else {
        format!("{bytes}B")
    }
}

/// A number sent as a JSON string or number.
fn as_u64(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64(),
        Value::String(text) => text.parse().ok(),
        _ => None,
    }
}

/// `1GB (hard limit)/512MB (soft limit) in 60 seconds` from `1024:512:60` (MB, MB, seconds).
fn buffer_limits(text: &str) -> Option<String> {
    let parts: Vec<u64> = text
        .split(':')
        .map(|part| part.parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [mb] => Some(format_size(mb << 20)),
        [hard, soft, seconds] => Some(format!(
            "{} (hard limit)/{} (soft limit) in {seconds} seconds",
            format_size(hard << 20),
            format_size(soft << 20)
        )),
        _ => None,
    }
}

impl Setting {
    /// The enumerated words this setting accepts (empty for numbers and sizes).
    pub fn value_words(&self) -> &'static [&'static str] {
        match self.kind {
            ValueKind::Toggle | ValueKind::ToggleFromDatabase => &TOGGLE_WORDS,
            ValueKind::Choice(words) | ValueKind::BoolWords(words) => words,
            ValueKind::BytesOrAuto | ValueKind::OutputBufferLimits => &["auto"],
            ValueKind::Integer { .. }
            | ValueKind::Bytes { .. }
            | ValueKind::HashingPolicy
            | ValueKind::Flag => &[],
        }
    }

    /// `enabled|disabled`, `<integer 1..2047>`, ...
    pub fn value_synopsis(&self) -> String {
        match self.kind {
            ValueKind::Integer { min, max, .. } if max == UNBOUNDED => {
                format!("<integer >= {min}>")
            }
            ValueKind::Integer { min, max, .. } => format!("<integer {min}..{max}>"),
            ValueKind::Bytes { min } => {
                format!("<size, MB without a unit, at least {}>", format_size(min))
            }
            ValueKind::BytesOrAuto => "auto|<size, MB without a unit>".to_string(),
            ValueKind::OutputBufferLimits => "auto|<MB>|<hard MB>:<soft MB>:<seconds>".to_string(),
            _ => self.value_words().join("|"),
        }
    }

    /// Parses a command-line value into its JSON wire value; the error names the valid values.
    pub fn parse(&self, raw: &str) -> Result<Value, String> {
        let key = self
            .access
            .tune_key()
            .or(self.display_key)
            .unwrap_or_default();
        let invalid = || {
            format!(
                "invalid value {raw:?} for {key}: expected {}",
                self.value_synopsis()
            )
        };
        match self.kind {
            ValueKind::Toggle | ValueKind::ToggleFromDatabase => match raw {
                "enabled" => Ok(Value::Bool(true)),
                "disabled" => Ok(Value::Bool(false)),
                _ => Err(invalid()),
            },
            ValueKind::BoolWords(words) => match words.iter().position(|word| *word == raw) {
                Some(index) => Ok(Value::Bool(index == 0)),
                None => Err(invalid()),
            },
            ValueKind::Choice(words) if words.contains(&raw) => Ok(Value::String(raw.to_string())),
            ValueKind::Integer { min, max, .. } => match raw.parse::<i64>() {
                Ok(number) if (min..=max).contains(&number) => Ok(Value::from(number)),
                _ => Err(invalid()),
            },
            ValueKind::Bytes { min } => match parse_size(raw) {
                Some(bytes) if bytes >= min => Ok(Value::from(bytes)),
                _ => Err(invalid()),
            },
            ValueKind::BytesOrAuto if raw == "auto" => Ok(Value::from("auto")),
            ValueKind::BytesOrAuto => parse_size(raw)
                .map(|bytes| Value::from(bytes.to_string()))
                .ok_or_else(invalid),
            ValueKind::OutputBufferLimits if raw == "auto" => Ok(Value::from("auto")),
            ValueKind::OutputBufferLimits => match buffer_limits(raw) {
                Some(_) => Ok(Value::from(raw)),
                None => Err(invalid()),
            },
            ValueKind::Choice(_) | ValueKind::HashingPolicy | ValueKind::Flag => Err(invalid()),
        }
    }

    /// The rladmin display form of a wire value (`true` -> `enabled`, `3600` -> `3600 seconds`).
    pub fn display(&self, value: Option<&Value>) -> String {
        let Some(value) = value.filter(|value| !value.is_null()) else {
            return ABSENT.to_string();
        };
        let bool_word = |words: &[&str], flag: bool| words[usize::from(!flag)].to_string();
        match (self.kind, value) {
            (ValueKind::Toggle, Value::Bool(flag)) => bool_word(&TOGGLE_WORDS, *flag),
            (ValueKind::ToggleFromDatabase, Value::Bool(flag)) => {
                format!("{} (database)", bool_word(&TOGGLE_WORDS, *flag))
            }
            (ValueKind::BoolWords(words), Value::Bool(flag)) => bool_word(words, *flag),
            (ValueKind::Integer { unit, .. }, Value::Number(number)) => format!("{number}{unit}"),
            (ValueKind::Bytes { .. }, value) if as_u64(value).is_some() => {
                format_size(as_u64(value).unwrap_or_default())
            }
            (ValueKind::BytesOrAuto, value) if as_u64(value).is_some() => {
                let bytes = as_u64(value).unwrap_or_default();
                format!("{} ({bytes} bytes)", format_size(bytes))
            }
            (ValueKind::OutputBufferLimits, Value::String(text)) => {
                buffer_limits(text).unwrap_or_else(|| text.clone())
            }
            (ValueKind::HashingPolicy, rules) => hashing_policy(rules).to_string(),
            (_, Value::String(text)) => text.clone(),
            (_, other) => other.to_string(),
        }
    }
}

/// `standard` when the rules are exactly the two OSS-compatible ones or there are none (an
/// unsharded database hashes keys as OSS Redis does), `custom` otherwise.
fn hashing_policy(rules: &Value) -> &'static str {
    let regexes: Vec<&str> = rules
        .as_array()
        .map(|rules| {
            rules
                .iter()
                .filter_map(|rule| rule.get("regex").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    if regexes.is_empty() || regexes == STANDARD_SHARD_KEY_REGEX {
        "standard"
    } else {
        "custom"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_tune_key_is_unique_and_found() {
        for table in [
            SETTINGS,
            CLUSTER_POLICY_SETTINGS,
            PROXY_SETTINGS,
            NODE_SETTINGS,
        ] {
            for setting in table.iter().filter(|s| s.access.tune_key().is_some()) {
                let key = setting.access.tune_key();
                assert_eq!(
                    table.iter().filter(|s| s.access.tune_key() == key).count(),
                    1,
                    "{key:?}"
                );
            }
        }
        for setting in tunables() {
            assert_eq!(find_tunable(key_of(setting)), Some(setting));
        }
        assert!(find_tunable("proxy_policy").is_none());
    }

    #[test]
    fn toggles_parse_and_display_in_rladmin_words() {
        let oss = find_tunable("oss_cluster").unwrap();
        assert_eq!(oss.parse("enabled"), Ok(json!(true)));
        assert_eq!(oss.parse("disabled"), Ok(json!(false)));
        assert_eq!(
            oss.parse("on"),
            Err("invalid value \"on\" for oss_cluster: expected enabled|disabled".to_string())
        );
        assert_eq!(oss.display(Some(&json!(true))), "enabled");
        assert_eq!(oss.display(None), "N/A");
    }

    #[test]
    fn integers_are_bounded() {
        let pipeline = find_tunable("max_client_pipeline").unwrap();
        assert_eq!(pipeline.parse("2047"), Ok(json!(2047)));
        assert_eq!(
            pipeline.parse("2048"),
            Err(
                "invalid value \"2048\" for max_client_pipeline: expected <integer 1..2047>".into()
            )
        );
        assert!(pipeline.parse("x").is_err());
        let load = find_tunable("max_aof_load_time").unwrap();
        assert_eq!(load.display(Some(&json!(3600))), "3600 seconds");
    }

    #[test]
    fn schedpolicy_maps_to_sched_policy() {
        let setting = find_tunable("schedpolicy").unwrap();
        assert_eq!(setting.field, "sched_policy");
        assert_eq!(setting.display_key, Some("sched_policy"));
        assert_eq!(setting.parse("mru"), Ok(json!("mru")));
    }

    #[test]
    fn sizes_use_rladmins_forms() {
        assert_eq!(parse_size("10GB"), Some(10 << 30));
        assert_eq!(parse_size("512"), Some(512 << 20));
        assert_eq!(parse_size("1.5g"), Some(3 << 29));
        assert_eq!(parse_size("x"), None);
        assert_eq!(parse_size("1e999"), None);
        assert_eq!(format_size(322122547200), "300GB");
        assert_eq!(format_size(1073741), "1.02MB");
        assert_eq!(format_size(0), "0KB");
        let backlog = find_tunable("repl_backlog").unwrap();
        assert_eq!(backlog.parse("auto"), Ok(json!("auto")));
        assert_eq!(backlog.parse("1"), Ok(json!("1048576")));
        assert_eq!(
            backlog.display(Some(&json!("1073741"))),
            "1.02MB (1073741 bytes)"
        );
        let aof = find_tunable("max_aof_file_size").unwrap();
        assert_eq!(aof.parse("20GB"), Ok(json!(20u64 << 30)));
        assert!(aof.parse("1GB").is_err(), "at least 10GB");
        let buffer = find_tunable("slave_buffer").unwrap();
        assert_eq!(buffer.parse("1024:512:60"), Ok(json!("1024:512:60")));
        assert!(buffer.parse("1:2").is_err());
        assert_eq!(
            buffer.display(Some(&json!("1024:512:60"))),
            "1GB (hard limit)/512MB (soft limit) in 60 seconds"
        );
        let slave_ha = find_tunable("slave_ha").unwrap();
        assert_eq!(slave_ha.display(Some(&json!(false))), "disabled (database)");
    }

    #[test]
    fn pairs_refuse_what_the_rest_api_cannot_set() {
        let words = |text: &str| {
            text.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let parsed = parse_pairs(
            SETTINGS,
            &words("repl_backlog auto continue_on_error slave_ha enabled"),
            "tune db db:1",
        )
        .unwrap();
        assert_eq!(parsed.settings.len(), 2);
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(
            parse_pairs(SETTINGS, &words("syncer_mode centralized"), "tune db db:1").unwrap_err(),
            "syncer_mode cannot be changed with rsadmin: the REST API marks the \
             database's syncer_mode read-only (in every version). Nothing was sent; change it \
             with rladmin on a cluster node: rladmin tune db db:1 syncer_mode centralized"
        );
        assert!(
            parse_pairs(SETTINGS, &words("repl_timeout 300"), "tune db db:1")
                .unwrap_err()
                .starts_with("repl_timeout cannot be changed with rsadmin: it is not a field")
        );
        let proxy = parse_pairs(
            PROXY_SETTINGS,
            &words("mode static threads 4"),
            "tune proxy all",
        )
        .unwrap();
        assert_eq!(proxy.settings[0].1, json!(false));
        assert_eq!(proxy.settings[0].0.field, "dynamic_threads_scaling");
    }

    #[test]
    fn hashing_policy_is_derived_from_rules() {
        let setting = find_by_field("shard_key_regex").unwrap();
        let standard = json!([{"regex": ".*\\{(?<tag>.*)\\}.*"}, {"regex": "(?<tag>.*)"}]);
        assert_eq!(setting.display(Some(&standard)), "standard");
        assert_eq!(
            setting.display(Some(&json!([{"regex": "(?<tag>.*)"}]))),
            "custom"
        );
        assert_eq!(setting.display(Some(&json!([]))), "standard");
    }
}
