//! Every fix a finding names, built here: the rsadmin command line that fixes it and, where
//! `tune db ... --fix` applies it itself, the change in the vocabulary of every other change
//! (`field_change::FieldChange`), or the rebalance.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use crate::api::models::Bdb;
use crate::field_change::{FieldChange, Location};
use crate::report::FixCommand;
use crate::shard_plan::ShardMove;
use crate::tunables;

/// A change `tune db ... --fix` may apply itself before enabling the OSS Cluster API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixChange {
    /// A field of the database or its endpoint (proxy policy, placement).
    Field(FieldChange),
    /// Move existing shards where the placement policy puts them (a placement change alone
    /// moves none: it decides where new shards go).
    Rebalance,
}

/// `{"field": "proxy_policy", "value": "all-master-shards"}` or `{"field": "rebalance"}`.
impl Serialize for FixChange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            FixChange::Field(change) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("field", change.location.field())?;
                map.serialize_entry("value", &change.wanted)?;
                map.end()
            }
            FixChange::Rebalance => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("field", "rebalance")?;
                map.end()
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// The exact rsadmin command line that fixes the finding.
    pub command: String,
    pub change: Option<FixChange>,
}

impl FixCommand for Fix {
    fn command(&self) -> &str {
        &self.command
    }
}

/// The proxy policy and placement `--fix` chooses, as the Cluster Manager UI does.
pub const FIX_PROXY_POLICY: &str = "all-master-shards";
pub const FIX_SHARDS_PLACEMENT: &str = "sparse";

/// `db:<uid>`, as a command line names the database.
pub fn db_ref(bdb: &Bdb) -> String {
    format!("db:{}", bdb.uid)
}

/// The endpoint `bind` addresses, `<db>:<n>`; a database has one unless it was built otherwise.
pub fn endpoint_ref(bdb: &Bdb) -> String {
    bdb.endpoints
        .first()
        .map(|endpoint| endpoint.uid.clone())
        .unwrap_or_else(|| format!("{}:1", bdb.uid))
}

fn command(command: String) -> Fix {
    Fix {
        command,
        change: None,
    }
}

fn bind_policy_command(bdb: &Bdb) -> String {
    format!(
        "rsadmin bind db {} endpoint {} policy {FIX_PROXY_POLICY}",
        db_ref(bdb),
        endpoint_ref(bdb)
    )
}

/// A database field (or, for the proxy policy, its first endpoint's) set to `wanted`, read
/// from `current`.
fn field_change(bdb: &Bdb, field: &'static str, current: Option<&str>, wanted: &str) -> FixChange {
    let location = match (field, bdb.endpoints.first()) {
        ("proxy_policy", Some(endpoint)) => Location::Endpoint {
            bdb: bdb.uid,
            endpoint: endpoint.uid.clone(),
            field,
        },
        _ => Location::Bdb {
            bdb: bdb.uid,
            field,
        },
    };
    FixChange::Field(FieldChange {
        location,
        setting: tunables::find_by_field(field),
        current: current.map_or(Value::Null, Value::from),
        wanted: Value::from(wanted),
    })
}

/// Bind the multi-proxy policy `--fix` chooses (the database uses `current`).
pub fn bind_proxy_policy(bdb: &Bdb, current: Option<&str>) -> Fix {
    Fix {
        command: bind_policy_command(bdb),
        change: Some(field_change(bdb, "proxy_policy", current, FIX_PROXY_POLICY)),
    }
}

/// Bind a policy again, which clears the proxy include/exclude lists. `--fix` does not do it
/// because it changes which proxies serve clients, which the operator should decide.
pub fn clear_proxy_lists(bdb: &Bdb) -> Fix {
    command(bind_policy_command(bdb))
}

/// Sparse placement.
pub fn sparse_placement(bdb: &Bdb) -> Fix {
    Fix {
        command: format!(
            "rsadmin tune db {} shards_placement {FIX_SHARDS_PLACEMENT}",
            db_ref(bdb)
        ),
        change: Some(field_change(
            bdb,
            "shards_placement",
            bdb.shards_placement.as_deref(),
            FIX_SHARDS_PLACEMENT,
        )),
    }
}

/// Spread the master shards: the `migrate` lines that carry out `moves` (joined so they run as
/// one line), or `--fix`'s rebalance.
pub fn spread_masters(moves: &[ShardMove]) -> Fix {
    let command = if moves.is_empty() {
        "rsadmin migrate shard <id> target_node <node> (see rsadmin status shards)".to_string()
    } else {
        moves
            .iter()
            .map(|found| {
                format!(
                    "rsadmin migrate shard {} target_node {}",
                    found.shard_uid, found.to_node
                )
            })
            .collect::<Vec<_>>()
            .join(" && ")
    };
    Fix {
        command,
        change: Some(FixChange::Rebalance),
    }
}

/// Give node `node_uid` an external address.
pub fn external_address(node_uid: u64) -> Fix {
    command(format!("rsadmin node {node_uid} external_addr add <ip>"))
}

/// Change an Active-Active database's OSS Cluster API for every instance.
pub fn crdb_oss_cluster(bdb: &Bdb) -> Fix {
    let guid = bdb
        .crdt_guid
        .as_deref()
        .filter(|guid| !guid.is_empty())
        .unwrap_or("<crdb-guid>");
    command(format!(
        "rsadmin crdb update --crdb-guid {guid} --oss-cluster true"
    ))
}

/// Set a default of the cluster policy (`tune cluster <key> <value>`).
pub fn tune_cluster(key: &str, value: &str) -> Fix {
    command(format!("rsadmin tune cluster {key} {value}"))
}
