//! `redis_info` of `/v1/shards?extra_info_keys=...`: chosen fields of each shard's `INFO`,
//! asked of the shard's redis-server with its password (the same [`ShardAdmin`] moves use).

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Map, Value};
use tokio::task::JoinSet;

use super::Reconciler;
use super::moving::ShardAdmin;

/// How long one shard may take to answer `INFO` (a shard that does not answer gets no keys).
const INFO_LIMIT: Duration = Duration::from_millis(500);
/// How long to wait for the running-process table (held while a change or a move applies).
const PORTS_LIMIT: Duration = Duration::from_millis(500);

impl Reconciler {
    /// For each running shard that answered in time, the fields of `INFO` named by `keys`
    /// (integers as JSON integers, other values as strings; unknown keys omitted).
    pub async fn redis_info(&self, keys: &[String]) -> BTreeMap<String, Map<String, Value>> {
        if keys.is_empty() {
            return BTreeMap::new();
        }
        let Ok(ports) = tokio::time::timeout(PORTS_LIMIT, self.shard_ports()).await else {
            return BTreeMap::new();
        };
        let mut asks = JoinSet::new();
        for (uid, port) in ports {
            let password = self.shard_password().clone();
            asks.spawn(async move {
                let admin = ShardAdmin {
                    password: &password,
                };
                let info = tokio::time::timeout(INFO_LIMIT, admin.ask(port, &["INFO", "all"]))
                    .await
                    .ok()
                    .and_then(Result::ok);
                (uid, info)
            });
        }
        let mut found = BTreeMap::new();
        while let Some(joined) = asks.join_next().await {
            if let Ok((uid, Some(info))) = joined {
                found.insert(uid, pick(&info, keys));
            }
        }
        found
    }
}

/// The `keys` present in `INFO` text (`field:value` lines).
pub(super) fn pick(info: &str, keys: &[String]) -> Map<String, Value> {
    let fields: BTreeMap<&str, &str> = info
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(':'))
        .map(|(field, value)| (field, value.trim()))
        .collect();
    keys.iter()
        .filter_map(|key| {
            let value = fields.get(key.as_str())?;
            let value = match value.parse::<i64>() {
                Ok(number) => Value::from(number),
                Err(_) => Value::from(*value),
            };
            Some((key.clone(), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_integers_and_strings_and_omits_unknown_keys() {
        let info = "# Memory\r\nused_memory:1234567\r\nused_memory_human:1.18M\r\n";
        let keys: Vec<String> = ["used_memory", "used_memory_human", "no_such_key"]
            .map(String::from)
            .into();
        let picked = pick(info, &keys);
        assert_eq!(
            Value::Object(picked),
            serde_json::json!({"used_memory": 1234567, "used_memory_human": "1.18M"})
        );
    }
}
