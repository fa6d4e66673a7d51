//! The one table of database settings. It drives `tune db` parsing and validation, its help text
//! and shell completions, and the `info db` rendering, so they cannot drift apart.

use serde_json::Value;

use crate::checks::STANDARD_SHARD_KEY_REGEX;

/// How a value is typed on the wire and written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// JSON boolean, written `enabled`/`disabled` (rladmin's words).
    Toggle,
    /// JSON string, one of a fixed set.
    Choice(&'static [&'static str]),
    /// JSON integer within bounds; `unit` is appended in `info db` (`3600 seconds`).
    Integer {
        min: i64,
        max: i64,
        unit: &'static str,
    },
    /// Display only: `standard` or `custom`, derived from `shard_key_regex`.
    HashingPolicy,
}

/// One database setting: how `info db` shows it and, when `tune_key` is set, how `tune db` changes it.
#[derive(Debug, PartialEq, Eq)]
pub struct Setting {
    /// Key printed by `info db` (rladmin's display name).
    pub display_key: &'static str,
    /// Key accepted by `tune db`; `None` for display-only settings.
    pub tune_key: Option<&'static str>,
    /// The bdb field in the REST API.
    pub field: &'static str,
    pub kind: ValueKind,
    /// Changing it affects connected clients, so it needs confirmation (or `-y`).
    pub disruptive: bool,
    pub help: &'static str,
}

const TOGGLE_WORDS: [&str; 2] = ["enabled", "disabled"];
const UNBOUNDED: i64 = i64::MAX;

/// In `info db` order (rladmin's order where rladmin prints the key, ours appended after).
pub const SETTINGS: &[Setting] = &[
    Setting {
        display_key: "master_persistence",
        tune_key: Some("master_persistence"),
        field: "master_persistence",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "also persist the primary shards",
    },
    Setting {
        display_key: "maxclients",
        tune_key: Some("maxclients"),
        field: "maxclients",
        kind: ValueKind::Integer {
            min: 1,
            max: UNBOUNDED,
            unit: "",
        },
        disruptive: false,
        help: "maximum proxy-to-shard connections",
    },
    Setting {
        display_key: "conns",
        tune_key: Some("conns"),
        field: "conns",
        kind: ValueKind::Integer {
            min: 1,
            max: UNBOUNDED,
            unit: "",
        },
        disruptive: false,
        help: "proxy connection pool size (per thread or per shard, see conns_type)",
    },
    Setting {
        display_key: "conns_type",
        tune_key: Some("conns_type"),
        field: "conns_type",
        kind: ValueKind::Choice(&["per-thread", "per-shard"]),
        disruptive: false,
        help: "unit of conns",
    },
    Setting {
        display_key: "sched_policy",
        tune_key: Some("schedpolicy"),
        field: "sched_policy",
        kind: ValueKind::Choice(&["cmp", "mru", "spread", "mnp"]),
        disruptive: false,
        help: "how the proxy uses its shard connections",
    },
    Setting {
        display_key: "max_aof_load_time",
        tune_key: Some("max_aof_load_time"),
        field: "max_aof_load_time",
        kind: ValueKind::Integer {
            min: 2700,
            max: UNBOUNDED,
            unit: " seconds",
        },
        disruptive: false,
        help: "AOF load time cap in seconds; longer triggers a rewrite",
    },
    Setting {
        display_key: "max_client_pipeline",
        tune_key: Some("max_client_pipeline"),
        field: "max_client_pipeline",
        kind: ValueKind::Integer {
            min: 1,
            max: 2047,
            unit: "",
        },
        disruptive: false,
        help: "proxy pipeline depth per client connection",
    },
    Setting {
        display_key: "max_shard_pipeline",
        tune_key: Some("max_shard_pipeline"),
        field: "max_pipelined",
        kind: ValueKind::Integer {
            min: 1,
            max: UNBOUNDED,
            unit: "",
        },
        disruptive: false,
        help: "proxy pipeline depth per shard connection",
    },
    Setting {
        display_key: "max_connections",
        tune_key: Some("max_connections"),
        field: "max_connections",
        kind: ValueKind::Integer {
            min: 0,
            max: UNBOUNDED,
            unit: "",
        },
        disruptive: false,
        help: "maximum client connections to the endpoint (0 = unlimited)",
    },
    Setting {
        display_key: "oss_cluster",
        tune_key: Some("oss_cluster"),
        field: "oss_cluster",
        kind: ValueKind::Toggle,
        disruptive: true,
        help: "the OSS Cluster API: proxies speak the Redis Cluster protocol (new connections only)",
    },
    Setting {
        display_key: "oss_cluster_api_preferred_ip_type",
        tune_key: Some("oss_cluster_api_preferred_ip_type"),
        field: "oss_cluster_api_preferred_ip_type",
        kind: ValueKind::Choice(&["internal", "external"]),
        disruptive: true,
        help: "node addresses the OSS Cluster API advertises to clients",
    },
    Setting {
        display_key: "oss_cluster_api_preferred_endpoint_type",
        tune_key: Some("oss_cluster_api_preferred_endpoint_type"),
        field: "oss_cluster_api_preferred_endpoint_type",
        kind: ValueKind::Choice(&["ip", "hostname"]),
        disruptive: true,
        help: "advertise IPs or hostnames (REST-only in Redis Software; rsadmin accepts it)",
    },
    Setting {
        display_key: "mkms",
        tune_key: Some("mkms"),
        field: "mkms",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "multi-key multi-slot commands",
    },
    Setting {
        display_key: "oss_sharding",
        tune_key: None,
        field: "oss_sharding",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "reserved for future use",
    },
    Setting {
        display_key: "mtls_allow_weak_hashing",
        tune_key: Some("mtls_allow_weak_hashing"),
        field: "mtls_allow_weak_hashing",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "allow weak hashing in mTLS",
    },
    Setting {
        display_key: "mtls_allow_outdated_certs",
        tune_key: Some("mtls_allow_outdated_certs"),
        field: "mtls_allow_outdated_certs",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "allow outdated certificates in mTLS",
    },
    Setting {
        display_key: "data_internode_encryption",
        tune_key: Some("data_internode_encryption"),
        field: "data_internode_encryption",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "encrypt traffic between nodes for this database",
    },
    Setting {
        display_key: "proxy_policy",
        tune_key: None,
        field: "proxy_policy",
        kind: ValueKind::Choice(&["single", "all-master-shards", "all-nodes"]),
        disruptive: false,
        help: "proxy binding policy (change it with `rsadmin bind`)",
    },
    Setting {
        display_key: "db_conns_auditing",
        tune_key: Some("db_conns_auditing"),
        field: "db_conns_auditing",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "connection auditing",
    },
    Setting {
        display_key: "syncer_mode",
        tune_key: Some("syncer_mode"),
        field: "syncer_mode",
        kind: ValueKind::Choice(&["distributed", "centralized"]),
        disruptive: false,
        help: "syncer mode (distributed needs proxy policy all-master-shards or all-nodes)",
    },
    Setting {
        display_key: "shards_placement",
        tune_key: Some("shards_placement"),
        field: "shards_placement",
        kind: ValueKind::Choice(&["dense", "sparse"]),
        disruptive: false,
        help: "shard placement: dense (few nodes) or sparse (many nodes)",
    },
    Setting {
        display_key: "resp3",
        tune_key: Some("resp3"),
        field: "resp3",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "RESP3 protocol support",
    },
    Setting {
        display_key: "tracking_table_max_keys",
        tune_key: Some("tracking_table_max_keys"),
        field: "tracking_table_max_keys",
        kind: ValueKind::Integer {
            min: 0,
            max: UNBOUNDED,
            unit: "",
        },
        disruptive: false,
        help: "client-side caching invalidation table size (0 = unlimited)",
    },
    Setting {
        display_key: "metrics_export_all",
        tune_key: Some("metrics_export_all"),
        field: "metrics_export_all",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "export all shard metrics",
    },
    Setting {
        display_key: "sharding",
        tune_key: None,
        field: "sharding",
        kind: ValueKind::Toggle,
        disruptive: false,
        help: "database clustering (several shards)",
    },
    Setting {
        display_key: "shards_count",
        tune_key: None,
        field: "shards_count",
        kind: ValueKind::Integer {
            min: 1,
            max: 512,
            unit: "",
        },
        disruptive: false,
        help: "number of primary shards",
    },
    Setting {
        display_key: "hash_slots_policy",
        tune_key: None,
        field: "hash_slots_policy",
        kind: ValueKind::Choice(&["16k", "legacy"]),
        disruptive: false,
        help: "hash slot space",
    },
    Setting {
        display_key: "hashing_policy",
        tune_key: None,
        field: "shard_key_regex",
        kind: ValueKind::HashingPolicy,
        disruptive: false,
        help: "standard (OSS-compatible) or custom hashing rules",
    },
];

/// What `info db` prints for an absent value.
pub const ABSENT: &str = "N/A";

/// The settings `tune db` accepts, in table order.
pub fn tunables() -> impl Iterator<Item = &'static Setting> {
    SETTINGS.iter().filter(|setting| setting.tune_key.is_some())
}

pub fn find_tunable(key: &str) -> Option<&'static Setting> {
    tunables().find(|setting| setting.tune_key == Some(key))
}

pub fn find_by_field(field: &str) -> Option<&'static Setting> {
    SETTINGS.iter().find(|setting| setting.field == field)
}

/// Help text listing every tune key with its values, generated from the table.
pub fn tune_keys_help() -> String {
    let mut text = String::from("Keys:\n");
    for setting in tunables() {
        let key = setting.tune_key.unwrap_or(setting.display_key);
        text.push_str(&format!(
            "  {key} {}\n      {}\n",
            setting.value_synopsis(),
            setting.help
        ));
    }
    text
}

impl Setting {
    /// The enumerated words this setting accepts (empty for integers).
    pub fn value_words(&self) -> &'static [&'static str] {
        match self.kind {
            ValueKind::Toggle => &TOGGLE_WORDS,
            ValueKind::Choice(words) => words,
            ValueKind::Integer { .. } | ValueKind::HashingPolicy => &[],
        }
    }

    /// `enabled|disabled`, `<0..=2047>`, ...
    pub fn value_synopsis(&self) -> String {
        match self.kind {
            ValueKind::Integer { min, max, .. } if max == UNBOUNDED => {
                format!("<integer >= {min}>")
            }
            ValueKind::Integer { min, max, .. } => format!("<integer {min}..{max}>"),
            _ => self.value_words().join("|"),
        }
    }

    /// Parses a command-line value into its JSON wire value; the error names the valid values.
    pub fn parse(&self, raw: &str) -> Result<Value, String> {
        let key = self.tune_key.unwrap_or(self.display_key);
        let invalid = || {
            format!(
                "invalid value {raw:?} for {key}: expected {}",
                self.value_synopsis()
            )
        };
        match self.kind {
            ValueKind::Toggle => match raw {
                "enabled" => Ok(Value::Bool(true)),
                "disabled" => Ok(Value::Bool(false)),
                _ => Err(invalid()),
            },
            ValueKind::Choice(words) if words.contains(&raw) => Ok(Value::String(raw.to_string())),
            ValueKind::Choice(_) | ValueKind::HashingPolicy => Err(invalid()),
            ValueKind::Integer { min, max, .. } => match raw.parse::<i64>() {
                Ok(number) if (min..=max).contains(&number) => Ok(Value::from(number)),
                _ => Err(invalid()),
            },
        }
    }

    /// The rladmin display form of a wire value (`true` -> `enabled`, `3600` -> `3600 seconds`).
    pub fn display(&self, value: Option<&Value>) -> String {
        let Some(value) = value.filter(|value| !value.is_null()) else {
            return ABSENT.to_string();
        };
        match (self.kind, value) {
            (ValueKind::Toggle, Value::Bool(true)) => "enabled".to_string(),
            (ValueKind::Toggle, Value::Bool(false)) => "disabled".to_string(),
            (ValueKind::Integer { unit, .. }, Value::Number(number)) => format!("{number}{unit}"),
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
        for setting in tunables() {
            let key = setting.tune_key.unwrap();
            assert_eq!(find_tunable(key), Some(setting));
            assert_eq!(tunables().filter(|s| s.tune_key == Some(key)).count(), 1);
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
        assert_eq!(setting.display_key, "sched_policy");
        assert_eq!(setting.parse("mru"), Ok(json!("mru")));
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
