//! `crdb get --crdb-guid <guid>`: crdb-cli's layout, `Key: Value` lines with nested blocks
//! indented two spaces per level and Python-style literals (`True`, `None`, `[{'regex': ...}]`).

use serde_json::{Map, Value};

use super::unknown_guid;
use crate::api::crdb::{Crdb, CrdbInstance};
use crate::commands::Context;
use crate::error::CliResult;
use crate::output;

/// database_config keys crdb-cli prints as `None` when unset, in its order (cli-grammar.md §6).
const UNSET_CONFIG_KEYS: [&str; 15] = [
    "rack_aware",
    "data_persistence",
    "authentication_redis_pass",
    "authentication_admin_pass",
    "oss_sharding",
    "oss_cluster",
    "proxy_policy",
    "shards_placement",
    "oss_cluster_api_preferred_ip_type",
    "bigstore",
    "bigstore_ram_size",
    "aof_policy",
    "snapshot_policy",
    "max_aof_load_time",
    "max_aof_file_size",
];

/// Secrets inside a config are shown as set, never printed.
const SECRET_CONFIG_KEYS: [&str; 2] = ["authentication_redis_pass", "authentication_admin_pass"];

pub fn run(ctx: &Context, guid: &str) -> CliResult<()> {
    let crdb = ctx.client()?.crdb(guid).map_err(unknown_guid(guid))?;
    if ctx.json() {
        output::print_json(&crdb);
    } else {
        print!("{}", render(&crdb));
    }
    Ok(())
}

fn python(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => python_literal(other),
    }
}

/// A value as Python's `repr` shows it (strings quoted, inside lists and dicts).
fn python_literal(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'")),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(python_literal).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let entries: Vec<String> = map
                .iter()
                .map(|(key, value)| format!("'{key}': {}", python_literal(value)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// Set keys in alphabetical order, then the unset ones as `None`.
fn config_lines(config: &Map<String, Value>, indent: &str) -> String {
    let mut keys: Vec<&String> = config.keys().collect();
    keys.sort();
    let set = keys.into_iter().map(|key| {
        let value = if SECRET_CONFIG_KEYS.contains(&key.as_str()) {
            "<hidden>".to_string()
        } else {
            python(config.get(key))
        };
        format!("{indent}{key}: {value}\n")
    });
    let unset = UNSET_CONFIG_KEYS
        .iter()
        .filter(|key| !config.contains_key(**key))
        .map(|key| format!("{indent}{key}: None\n"));
    set.chain(unset).collect()
}

fn instance_block(instance: &CrdbInstance) -> String {
    let cluster = &instance.cluster;
    let or_default = |value: &Option<String>| value.clone().unwrap_or_else(|| "<Default>".into());
    format!(
        "Instance:\n  Id: {}\n  Cluster:\n    FQDN: {}\n    URL: {}\n    \
         Replication-Endpoint: {}\n    Replication TLS SNI: {}\n  Compression: {}\n  \
         DB-Config:\n{}",
        instance.id,
        cluster.name,
        cluster.url.clone().unwrap_or_default(),
        or_default(&cluster.replication_endpoint),
        or_default(&cluster.replication_tls_sni),
        instance
            .compression
            .map_or_else(|| "None".into(), |level| level.to_string()),
        config_lines(&instance.db_config, "    ")
    )
}

pub fn render(crdb: &Crdb) -> String {
    let flag = |value: Option<bool>| python(value.map(Value::Bool).as_ref());
    let number = |value: Option<u64>| python(value.map(Value::from).as_ref());
    let mut text = format!(
        "CRDB-GUID: {}\nName: {}\nEncryption: {}\nCausal consistency: {}\nProtocol version: {}\n\
         FeatureSet version: {}\nModules: {}\nDefault-DB-Config:\n{}",
        crdb.guid,
        crdb.name,
        flag(crdb.encryption),
        flag(crdb.causal_consistency),
        number(crdb.protocol_version),
        number(crdb.featureset_version),
        python_literal(&Value::Array(crdb.modules.clone())),
        config_lines(&crdb.default_db_config, "  ")
    );
    for instance in &crdb.instances {
        text.push_str(&instance_block(instance));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_python_literals() {
        let rules = serde_json::json!([{"regex": r".*\{(?<tag>.*)\}.*"}, {"regex": "(?<tag>.*)"}]);
        assert_eq!(
            python_literal(&rules),
            r"[{'regex': '.*\\{(?<tag>.*)\\}.*'}, {'regex': '(?<tag>.*)'}]"
        );
        assert_eq!(python(Some(&Value::Bool(true))), "True");
        assert_eq!(python(None), "None");
        assert_eq!(python(Some(&Value::from("disabled"))), "disabled");
    }
}
