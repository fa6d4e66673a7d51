//! What a cluster-aware client reads: `CLUSTER SLOTS` and `CLUSTER SHARDS` replies as typed
//! topology, and the `MOVED` / `CROSSSLOT` errors it routes by.

use std::fmt;

use serde::Serialize;

use super::resp::RespValue;
use super::slots::{SlotRange, normalize_ranges};

/// An address a client is told to connect to: the preferred endpoint (IP or hostname) and port.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NodeAddress {
    pub host: String,
    pub port: u16,
}

impl fmt::Display for NodeAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.host, self.port)
    }
}

impl NodeAddress {
    /// Parses `host:port`, splitting on the last colon as clients do (IPv6 is sent unbracketed).
    pub fn parse(text: &str) -> Option<Self> {
        let (host, port) = text.rsplit_once(':')?;
        Some(NodeAddress {
            host: host.to_string(),
            port: port.parse().ok()?,
        })
    }
}

/// One entry of `CLUSTER SLOTS`: a slot range and the master that serves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdvertisedRange {
    pub slots: SlotRange,
    pub master: NodeAddress,
    pub node_id: String,
}

/// One entry of `CLUSTER SHARDS`: a shard's slot ranges and its master's address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AdvertisedShard {
    pub slots: Vec<SlotRange>,
    pub master: Option<NodeAddress>,
}

/// Parses a `CLUSTER SLOTS` reply (RESP2 or RESP3; 6.2 and 7.x node layouts).
pub fn parse_cluster_slots(reply: &RespValue) -> Result<Vec<AdvertisedRange>, String> {
    let RespValue::Array(entries) = reply else {
        return Err(format!("CLUSTER SLOTS reply is not an array: {reply:?}"));
    };
    entries.iter().map(parse_slots_entry).collect()
}

fn parse_slots_entry(entry: &RespValue) -> Result<AdvertisedRange, String> {
    let bad = || format!("malformed CLUSTER SLOTS entry: {entry:?}");
    let RespValue::Array(items) = entry else {
        return Err(bad());
    };
    let [start, end, master, ..] = items.as_slice() else {
        return Err(bad());
    };
    let slot = |value: &RespValue| {
        value
            .as_integer()
            .and_then(|number| u16::try_from(number).ok())
    };
    let slots = SlotRange::new(slot(start).ok_or_else(bad)?, slot(end).ok_or_else(bad)?)
        .map_err(|err| format!("CLUSTER SLOTS entry: {err}"))?;
    let RespValue::Array(node) = master else {
        return Err(bad());
    };
    let [host, port, rest @ ..] = node.as_slice() else {
        return Err(bad());
    };
    Ok(AdvertisedRange {
        slots,
        master: NodeAddress {
            // A null endpoint ("unknown-endpoint") reads as an empty host, as clients treat it.
            host: host.as_text().unwrap_or_default(),
            port: port
                .as_integer()
                .and_then(|number| u16::try_from(number).ok())
                .ok_or_else(bad)?,
        },
        node_id: rest
            .first()
            .and_then(RespValue::as_text)
            .unwrap_or_default(),
    })
}

/// Parses a `CLUSTER SHARDS` reply (maps in RESP3, flat arrays in RESP2).
pub fn parse_cluster_shards(reply: &RespValue) -> Result<Vec<AdvertisedShard>, String> {
    let RespValue::Array(shards) = reply else {
        return Err(format!("CLUSTER SHARDS reply is not an array: {reply:?}"));
    };
    shards.iter().map(parse_shard).collect()
}

fn parse_shard(shard: &RespValue) -> Result<AdvertisedShard, String> {
    let bad = || format!("malformed CLUSTER SHARDS entry: {shard:?}");
    let Some(RespValue::Array(bounds)) = shard.field("slots") else {
        return Err(bad());
    };
    let bounds: Vec<u16> = bounds
        .iter()
        .map(|bound| {
            bound
                .as_integer()
                .and_then(|number| u16::try_from(number).ok())
        })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    let slots = bounds
        .chunks(2)
        .map(|pair| match pair {
            [start, end] => SlotRange::new(*start, *end).map_err(|err| err.to_string()),
            _ => Err(bad()),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let Some(RespValue::Array(nodes)) = shard.field("nodes") else {
        return Err(bad());
    };
    let master = nodes
        .iter()
        .find(|node| {
            node.field("role")
                .and_then(|role| role.as_text())
                .as_deref()
                == Some("master")
        })
        .and_then(|node| {
            let host = node
                .field("endpoint")
                .or_else(|| node.field("ip"))?
                .as_text()?;
            let port = node.field("port").or_else(|| node.field("tls-port"))?;
            Some(NodeAddress {
                host,
                port: u16::try_from(port.as_integer()?).ok()?,
            })
        });
    Ok(AdvertisedShard {
        slots: normalize_ranges(&slots),
        master,
    })
}

/// An error reply, classified by what a cluster client does with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerError {
    Moved { slot: u16, target: NodeAddress },
    CrossSlot(String),
    Other(String),
}

pub fn classify_error(text: &str) -> ServerError {
    let mut words = text.split_whitespace();
    match words.next() {
        Some("MOVED") => {
            let slot = words.next().and_then(|slot| slot.parse().ok());
            let target = words.next().and_then(NodeAddress::parse);
            match (slot, target) {
                (Some(slot), Some(target)) => ServerError::Moved { slot, target },
                _ => ServerError::Other(text.to_string()),
            }
        }
        Some("CROSSSLOT") => ServerError::CrossSlot(text.to_string()),
        _ => ServerError::Other(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bulk(text: &str) -> RespValue {
        RespValue::Bulk(text.as_bytes().to_vec())
    }

    #[test]
    fn parses_cluster_slots_7x() {
        let reply = RespValue::Array(vec![RespValue::Array(vec![
            RespValue::Integer(0),
            RespValue::Integer(5460),
            RespValue::Array(vec![
                bulk("127.0.1.1"),
                RespValue::Integer(12000),
                bulk("abc"),
                RespValue::Map(vec![]),
            ]),
        ])]);
        assert_eq!(
            parse_cluster_slots(&reply).unwrap(),
            vec![AdvertisedRange {
                slots: SlotRange {
                    start: 0,
                    end: 5460
                },
                master: NodeAddress {
                    host: "127.0.1.1".into(),
                    port: 12000
                },
                node_id: "abc".into(),
            }]
        );
        assert!(parse_cluster_slots(&RespValue::Error("ERR x".into())).is_err());
    }

    #[test]
    fn parses_cluster_shards_resp2_and_resp3() {
        let node_pairs = vec![
            (bulk("id"), bulk("abc")),
            (bulk("port"), RespValue::Integer(12000)),
            (bulk("ip"), bulk("127.0.1.1")),
            (bulk("endpoint"), bulk("127.0.1.1")),
            (bulk("role"), bulk("master")),
        ];
        let flatten = |pairs: &[(RespValue, RespValue)]| {
            RespValue::Array(
                pairs
                    .iter()
                    .flat_map(|(k, v)| [k.clone(), v.clone()])
                    .collect(),
            )
        };
        let slots = RespValue::Array(vec![RespValue::Integer(0), RespValue::Integer(16383)]);
        let resp3 = RespValue::Array(vec![RespValue::Map(vec![
            (bulk("slots"), slots.clone()),
            (
                bulk("nodes"),
                RespValue::Array(vec![RespValue::Map(node_pairs.clone())]),
            ),
        ])]);
        let resp2 = RespValue::Array(vec![flatten(&[
            (bulk("slots"), slots),
            (bulk("nodes"), RespValue::Array(vec![flatten(&node_pairs)])),
        ])]);
        for reply in [resp3, resp2] {
            let shards = parse_cluster_shards(&reply).unwrap();
            assert_eq!(
                shards[0].slots,
                vec![SlotRange {
                    start: 0,
                    end: 16383
                }]
            );
            assert_eq!(
                shards[0].master,
                Some(NodeAddress {
                    host: "127.0.1.1".into(),
                    port: 12000
                })
            );
        }
    }

    #[test]
    fn classifies_errors() {
        assert_eq!(
            classify_error("MOVED 12182 127.0.1.3:12000"),
            ServerError::Moved {
                slot: 12182,
                target: NodeAddress {
                    host: "127.0.1.3".into(),
                    port: 12000
                }
            }
        );
        assert!(matches!(
            classify_error("CROSSSLOT Keys in request don't hash to the same slot"),
            ServerError::CrossSlot(_)
        ));
        assert_eq!(
            classify_error("ERR command is not allowed"),
            ServerError::Other("ERR command is not allowed".into())
        );
    }
}
