//! Building `default_db_config` from `--default-db-config[-file]` and the flags, and parsing
//! crdb-cli's memory sizes.

use serde_json::{Map, Value};

use crate::cli::crdb::{CrdbSettingsArgs, DefaultDbConfigArgs};
use crate::error::{CliError, CliResult};

/// Binary multiples: crdb-cli's `1GB` is 1073741824 bytes (cli-grammar.md §6, `crdb get`).
/// UNCONFIRMED which suffixes crdb-cli accepts; rsadmin takes b, k, kb, m, mb, g, gb, t, tb in
/// any case.
const SIZE_UNITS: [(&str, u64); 9] = [
    ("b", 1),
    ("k", 1 << 10),
    ("kb", 1 << 10),
    ("m", 1 << 20),
    ("mb", 1 << 20),
    ("g", 1 << 30),
    ("gb", 1 << 30),
    ("t", 1 << 40),
    ("tb", 1 << 40),
];

pub fn parse_memory_size(raw: &str) -> CliResult<u64> {
    parse_size_flag("--memory-size", raw)
}

fn parse_size_flag(flag: &str, raw: &str) -> CliResult<u64> {
    let invalid = || {
        CliError::usage(format!(
            "invalid {flag} {raw:?}: give bytes or a number with a unit, e.g. 100mb, 1GB, 10g"
        ))
    };
    let text = raw.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().map_err(|_| invalid())?;
    let multiplier = if unit.is_empty() {
        1
    } else {
        SIZE_UNITS
            .iter()
            .find(|(name, _)| *name == unit)
            .map(|(_, multiplier)| *multiplier)
            .ok_or_else(invalid)?
    };
    let bytes = (number * multiplier as f64).round();
    if !(1.0..=u64::MAX as f64).contains(&bytes) {
        return Err(invalid());
    }
    Ok(bytes as u64)
}

/// The JSON object of `--default-db-config` or `--default-db-config-file` (empty without both).
pub fn default_db_config(args: &DefaultDbConfigArgs) -> CliResult<Map<String, Value>> {
    let (source, text) = match (&args.default_db_config, &args.default_db_config_file) {
        (Some(json), _) => ("--default-db-config".to_string(), json.clone()),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(path).map_err(|err| {
                CliError::usage(format!(
                    "cannot read --default-db-config-file {}: {err}",
                    path.display()
                ))
            })?;
            (format!("--default-db-config-file {}", path.display()), text)
        }
        (None, None) => return Ok(Map::new()),
    };
    match serde_json::from_str(&text) {
        Ok(Value::Object(config)) => Ok(config),
        Ok(_) => Err(CliError::usage(format!(
            "{source} must be a JSON object, e.g. '{{\"shards_count\": 2}}'"
        ))),
        Err(err) => Err(CliError::usage(format!(
            "{source} is not valid JSON: {err}"
        ))),
    }
}

/// Sets `key` when the flag was given (flags win over the JSON config).
pub fn set_flag(config: &mut Map<String, Value>, key: &str, flag: Option<Value>) {
    if let Some(value) = flag {
        config.insert(key.to_string(), value);
    }
}

/// The database settings `crdb create` and `crdb update` both take as flags; the others
/// (encryption, causal consistency, compression) are crdb-level, not database config.
pub fn set_settings_flags(
    config: &mut Map<String, Value>,
    settings: &CrdbSettingsArgs,
) -> CliResult<()> {
    set_flag(config, "oss_cluster", settings.oss_cluster.map(Value::Bool));
    set_flag(
        config,
        "eviction_policy",
        settings.eviction_policy.clone().map(Value::String),
    );
    let bigstore_ram_size = settings
        .bigstore_ram_size
        .as_deref()
        .map(|raw| parse_size_flag("--bigstore-ram-size", raw))
        .transpose()?;
    set_flag(
        config,
        "bigstore_ram_size",
        bigstore_ram_size.map(Value::from),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_sizes_use_binary_units() {
        assert_eq!(parse_memory_size("10g").unwrap(), 10 << 30);
        assert_eq!(parse_memory_size("1GB").unwrap(), 1 << 30);
        assert_eq!(parse_memory_size("100mb").unwrap(), 100 << 20);
        assert_eq!(parse_memory_size("1.5kb").unwrap(), 1536);
        assert_eq!(parse_memory_size("4096").unwrap(), 4096);
        assert!(parse_memory_size("10 parsecs").is_err());
        assert!(parse_memory_size("0").is_err());
        assert!(parse_memory_size("g").is_err());
    }
}
