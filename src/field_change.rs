//! The vocabulary of a change: where a value lives ([`Location`], including the object that
//! holds it) and one field's change ([`FieldChange`]: location, tunables setting, current,
//! wanted), which tune, bind, node, migrate, failover and the checks' fixes all build; and the
//! objects as they would be after a set of changes. Wire shapes only: the words a person reads
//! are in `output::plan`.

use serde_json::Value;

use crate::api::models::{Bdb, Shard};
use crate::error::{CliError, CliResult, ExitKind};
use crate::tunables::Setting;

/// A field of a shard that a shard action changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardField {
    /// `node_uid`: where the shard runs (migrate).
    Node,
    /// `role`: master or replica (failover).
    Role,
}

impl ShardField {
    pub fn name(self) -> &'static str {
        match self {
            ShardField::Node => "node_uid",
            ShardField::Role => "role",
        }
    }
}

/// Where a changed value lives, including the object that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A top-level field of database `bdb`.
    Bdb { bdb: u64, field: &'static str },
    /// A field of one endpoint of database `bdb`; the PUT names it with `"endpoint": "<uid>"`.
    Endpoint {
        bdb: u64,
        endpoint: String,
        field: &'static str,
    },
    /// A field of node `node`.
    Node { node: u64, field: &'static str },
    /// A field of the cluster policy.
    ClusterPolicy { field: &'static str },
    /// A field of proxy `proxy`.
    Proxy { proxy: u64, field: &'static str },
    /// A field of one shard, read from a list of shards.
    Shard { uid: String, field: ShardField },
    /// The node of the shard of database `bdb` serving `slots` in `role`: a blueprint names slot
    /// ranges, not shards.
    SlotRange {
        bdb: u64,
        slots: String,
        role: String,
    },
}

/// The object one update request changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Object {
    Bdb(u64),
    Node(u64),
    ClusterPolicy,
    Proxy(u64),
    /// Shards change through the shard actions, never by an update of their own.
    Shards,
}

impl Location {
    /// The object whose update carries this change.
    pub fn object(&self) -> Object {
        match self {
            Location::Bdb { bdb, .. }
            | Location::Endpoint { bdb, .. }
            | Location::SlotRange { bdb, .. } => Object::Bdb(*bdb),
            Location::Node { node, .. } => Object::Node(*node),
            Location::ClusterPolicy { .. } => Object::ClusterPolicy,
            Location::Proxy { proxy, .. } => Object::Proxy(*proxy),
            Location::Shard { .. } => Object::Shards,
        }
    }

    /// The REST field that holds the value.
    pub fn field(&self) -> &'static str {
        match self {
            Location::Bdb { field, .. }
            | Location::Endpoint { field, .. }
            | Location::Node { field, .. }
            | Location::ClusterPolicy { field }
            | Location::Proxy { field, .. } => field,
            Location::Shard { field, .. } => field.name(),
            Location::SlotRange { .. } => ShardField::Node.name(),
        }
    }

    /// Shard locations are read from and written to a list of shards, the others to an object.
    pub fn is_shard(&self) -> bool {
        matches!(self, Location::Shard { .. } | Location::SlotRange { .. })
    }

    /// The current value in an object (or shard list) as the cluster returns it.
    pub fn read<'a>(&self, object: &'a Value) -> Option<&'a Value> {
        match self {
            Location::Endpoint {
                endpoint, field, ..
            } => find_endpoint(object, endpoint)?.get(field),
            _ if self.is_shard() => object
                .as_array()?
                .iter()
                .find(|shard| self.addresses(shard))?
                .get(self.field()),
            _ => object.get(self.field()),
        }
    }

    /// For shard locations: whether `shard` (an element of a shard list) is the one meant.
    fn addresses(&self, shard: &Value) -> bool {
        let text = |key: &str| shard.get(key).and_then(Value::as_str);
        match self {
            Location::Shard { uid, .. } => text("uid") == Some(uid),
            Location::SlotRange { slots, role, .. } => {
                text("assigned_slots") == Some(slots) && text("role") == Some(role)
            }
            _ => false,
        }
    }

    /// Sets the value in a projected object (the database as it would be after the plan).
    fn write(&self, object: &mut Value, value: Value) {
        if self.is_shard() != object.is_array() {
            return;
        }
        if self.is_shard() {
            if let Some(shard) = object
                .as_array_mut()
                .and_then(|shards| shards.iter_mut().find(|shard| self.addresses(shard)))
            {
                shard[self.field()] = value;
            }
            return;
        }
        let Location::Endpoint {
            endpoint, field, ..
        } = self
        else {
            object[self.field()] = value;
            return;
        };
        // The endpoint's proxy policy is also the database's (rest-api.md §2.4).
        if *field == "proxy_policy" {
            object["proxy_policy"] = value.clone();
        }
        if let Some(found) = object
            .get_mut("endpoints")
            .and_then(Value::as_array_mut)
            .and_then(|endpoints| {
                endpoints
                    .iter_mut()
                    .find(|found| found.get("uid").and_then(Value::as_str) == Some(endpoint))
            })
        {
            found[*field] = value;
        }
    }
}

fn find_endpoint<'a>(bdb: &'a Value, uid: &str) -> Option<&'a Value> {
    bdb.get("endpoints")?
        .as_array()?
        .iter()
        .find(|endpoint| endpoint.get("uid").and_then(Value::as_str) == Some(uid))
}

/// An absent list reads the same as an empty one (the cluster omits unused proxy lists).
pub fn same_value(actual: Option<&Value>, wanted: &Value) -> bool {
    match actual {
        Some(actual) => actual == wanted,
        None => wanted.as_array().is_some_and(Vec::is_empty) || wanted.is_null(),
    }
}

/// One field: where it is, its tunables entry when it has one (how it reads, whether changing
/// it affects clients), what it is and what it should become.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub location: Location,
    pub setting: Option<&'static Setting>,
    pub current: Value,
    pub wanted: Value,
}

impl FieldChange {
    /// A change read from `object`, or `None` when the object already holds `wanted`.
    pub fn against(
        object: &Value,
        location: Location,
        setting: Option<&'static Setting>,
        wanted: Value,
    ) -> Option<FieldChange> {
        let current = location.read(object);
        if same_value(current, &wanted) {
            return None;
        }
        Some(FieldChange {
            current: current.cloned().unwrap_or(Value::Null),
            location,
            setting,
            wanted,
        })
    }

    /// Connected clients notice it: its setting says so, and rebinding an endpoint's proxies
    /// can close connections on nodes that lose their proxy.
    pub fn disruptive(&self) -> bool {
        self.setting.is_some_and(|setting| setting.disruptive)
            || matches!(self.location, Location::Endpoint { .. })
    }
}

/// The database as it would be after `changes`, typed for the checks module.
pub fn project(bdb: &Value, changes: &[FieldChange]) -> CliResult<Bdb> {
    let mut projected = bdb.clone();
    for change in changes {
        change.location.write(&mut projected, change.wanted.clone());
    }
    serde_json::from_value(projected).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("unexpected database object from the cluster: {err}"),
        )
    })
}

/// The shards as they would be after the shard changes among `changes`.
pub fn project_shards(shards: &[Shard], changes: &[FieldChange]) -> CliResult<Vec<Shard>> {
    let mut projected = serde_json::to_value(shards).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("cannot project the shards: {err}"),
        )
    })?;
    for change in changes.iter().filter(|change| change.location.is_shard()) {
        change.location.write(&mut projected, change.wanted.clone());
    }
    serde_json::from_value(projected).map_err(|err| {
        CliError::new(
            ExitKind::Failed,
            format!("unexpected shard objects from the cluster: {err}"),
        )
    })
}

/// Changes of the shards listed in `shards`: `field` of each `(shard uid, wanted)`; shards
/// already there are left out.
pub(super) fn shard_changes<'a>(
    shards: &[Shard],
    field: ShardField,
    wanted: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<FieldChange> {
    let listed = serde_json::to_value(shards).unwrap_or(Value::Null);
    wanted
        .into_iter()
        .filter_map(|(uid, value)| {
            let location = Location::Shard {
                uid: uid.to_string(),
                field,
            };
            FieldChange::against(&listed, location, None, Value::from(value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_value_yields_no_change() {
        assert_eq!(
            FieldChange::against(
                &bdb(),
                Location::Bdb {
                    bdb: 1,
                    field: "oss_cluster"
                },
                None,
                json!(false)
            ),
            None
        );
        let lists = Location::Endpoint {
            bdb: 1,
            endpoint: "1:1".into(),
            field: "include_proxies",
        };
        assert_eq!(FieldChange::against(&bdb(), lists, None, json!([])), None);
    }

    fn bdb() -> Value {
        json!({"uid": 1, "oss_cluster": false, "endpoints": [{"uid": "1:1"}]})
    }
}
