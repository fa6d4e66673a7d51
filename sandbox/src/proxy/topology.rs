//! What one database looks like to its proxies, and the OSS Cluster API topology replies computed
//! from it for one connection (rs-observed.md §6.1-6.6).

use std::net::SocketAddr;
use std::path::PathBuf;

use sha1::{Digest, Sha1};

use super::auth::{DbPassword, ShardPassword};
use super::resp::{self, Protocol};
use super::slot::SLOT_COUNT;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpType {
    Internal,
    External,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointType {
    Ip,
    Hostname,
}

/// HELLO's `mode` field. RS 8.0.22 was measured answering `cluster` whether the OSS Cluster API is on
/// or off (rs-observed.md §3, §6.12); INFERRED: the proxy passes a shard's reply through.
pub const HELLO_MODE: &str = "cluster";

#[derive(Clone, Debug)]
pub struct NodeView {
    pub uid: u64,
    pub internal_addr: String,
    pub external_addr: Option<String>,
}

/// Where a shard's redis-server listens: its loopback port, and its Unix socket when it has one.
/// The proxy prefers the socket: on one machine it costs far less per request than loopback TCP
/// (bench/RESULTS.md).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShardAddress {
    pub tcp: SocketAddr,
    pub unix: Option<PathBuf>,
    pub password: ShardPassword,
}

/// A master shard: its node, its slot ranges (inclusive) and the redis-server serving it.
#[derive(Clone, Debug)]
pub struct ShardView {
    pub uid: u64,
    pub node_uid: u64,
    pub slot_ranges: Vec<(u16, u16)>,
    pub backend: ShardAddress,
}

/// The database settings a proxy connection snapshots at accept time.
#[derive(Clone, Debug)]
pub struct DbSettings {
    pub db_uid: u64,
    pub port: u16,
    pub oss_cluster: bool,
    pub ip_type: IpType,
    pub endpoint_type: EndpointType,
    pub cluster_name: String,
    pub cluster_fqdn: String,
    /// Required by AUTH before any other command; None lets every client in.
    pub password: Option<DbPassword>,
}

#[derive(Clone, Debug)]
pub struct DbTopology {
    pub settings: DbSettings,
    pub nodes: Vec<NodeView>,
    /// Ordered by their first slot; index 0 holds slot 0 and serves keyless and pub/sub traffic.
    pub shards: Vec<ShardView>,
    slot_owner: Vec<usize>,
}

/// How a node is advertised to one connection.
pub struct AdvertisedNode {
    pub id: String,
    pub endpoint: String,
    pub ip: String,
    pub hostname: Option<String>,
    pub port: u16,
}

impl DbTopology {
    pub fn new(settings: DbSettings, nodes: Vec<NodeView>, mut shards: Vec<ShardView>) -> Self {
        shards.sort_by_key(|shard| shard.slot_ranges.first().map_or(u16::MAX, |range| range.0));
        let mut slot_owner = vec![0; SLOT_COUNT as usize];
        for (index, shard) in shards.iter().enumerate() {
            for &(start, end) in &shard.slot_ranges {
                slot_owner[start as usize..=end as usize].fill(index);
            }
        }
        DbTopology {
            settings,
            nodes,
            shards,
            slot_owner,
        }
    }

    /// The same shards under another connection's settings.
    pub fn with_settings(&self, settings: DbSettings) -> DbTopology {
        DbTopology {
            settings,
            ..self.clone()
        }
    }

    pub fn shard_of_slot(&self, slot: u16) -> usize {
        self.slot_owner[slot as usize]
    }

    /// Shards whose master lives on `node_uid`.
    pub fn shards_on_node(&self, node_uid: u64) -> Vec<usize> {
        (0..self.shards.len())
            .filter(|&index| self.shards[index].node_uid == node_uid)
            .collect()
    }

    /// Nodes holding at least one master shard, by uid: the only ones RS advertises (§6.1).
    fn advertised_node_uids(&self) -> Vec<u64> {
        let mut uids: Vec<u64> = self.shards.iter().map(|shard| shard.node_uid).collect();
        uids.sort_unstable();
        uids.dedup();
        uids
    }

    /// Stable 40-hex node id: SHA1 of the cluster name and node uid (INFERRED format, §6.4).
    pub fn node_id(&self, node_uid: u64) -> String {
        hex::encode(Sha1::digest(
            format!("{}:{}", self.settings.cluster_name, node_uid).as_bytes(),
        ))
    }

    /// The node's address for this database's preferred IP and endpoint type. The hostname form
    /// `node<uid>.<cluster fqdn>` is INFERRED (rs-observed.md §4, §6.3).
    pub fn advertise(&self, node_uid: u64) -> AdvertisedNode {
        let node = self.nodes.iter().find(|node| node.uid == node_uid);
        let ip = match (self.settings.ip_type, node) {
            (IpType::External, Some(node)) => node
                .external_addr
                .clone()
                .unwrap_or_else(|| node.internal_addr.clone()),
            (IpType::Internal, Some(node)) => node.internal_addr.clone(),
            (_, None) => String::new(),
        };
        let hostname = (self.settings.endpoint_type == EndpointType::Hostname)
            .then(|| format!("node{node_uid}.{}", self.settings.cluster_fqdn));
        AdvertisedNode {
            id: self.node_id(node_uid),
            endpoint: hostname.clone().unwrap_or_else(|| ip.clone()),
            ip,
            hostname,
            port: self.settings.port,
        }
    }

    /// Contiguous slot ranges with the shard serving them, in slot order.
    fn ranges_in_slot_order(&self) -> Vec<(u16, u16, usize)> {
        let mut ranges: Vec<(u16, u16, usize)> = self
            .shards
            .iter()
            .enumerate()
            .flat_map(|(index, shard)| {
                shard
                    .slot_ranges
                    .iter()
                    .map(move |&(start, end)| (start, end, index))
            })
            .collect();
        ranges.sort_unstable();
        ranges
    }

    /// Metadata map of a CLUSTER SLOTS node entry: the networking info that is not the endpoint.
    fn write_node_metadata(out: &mut Vec<u8>, protocol: Protocol, node: &AdvertisedNode) {
        match &node.hostname {
            Some(_) => {
                resp::write_map_len(out, protocol, 1);
                resp::write_bulk(out, b"ip");
                resp::write_bulk(out, node.ip.as_bytes());
            }
            None => resp::write_map_len(out, protocol, 0),
        }
    }

    pub fn write_cluster_slots(&self, out: &mut Vec<u8>, protocol: Protocol) {
        let ranges = self.ranges_in_slot_order();
        resp::write_array_len(out, ranges.len());
        for (start, end, shard) in ranges {
            let node = self.advertise(self.shards[shard].node_uid);
            resp::write_array_len(out, 3);
            resp::write_int(out, i64::from(start));
            resp::write_int(out, i64::from(end));
            resp::write_array_len(out, 4);
            resp::write_bulk(out, node.endpoint.as_bytes());
            resp::write_int(out, i64::from(node.port));
            resp::write_bulk(out, node.id.as_bytes());
            Self::write_node_metadata(out, protocol, &node);
        }
    }

    pub fn write_cluster_shards(&self, out: &mut Vec<u8>, protocol: Protocol) {
        resp::write_array_len(out, self.shards.len());
        for shard in &self.shards {
            let node = self.advertise(shard.node_uid);
            resp::write_map_len(out, protocol, 2);
            resp::write_bulk(out, b"slots");
            resp::write_array_len(out, shard.slot_ranges.len() * 2);
            for &(start, end) in &shard.slot_ranges {
                resp::write_int(out, i64::from(start));
                resp::write_int(out, i64::from(end));
            }
            resp::write_bulk(out, b"nodes");
            resp::write_array_len(out, 1);
            let mut fields: Vec<(&str, String)> = vec![
                ("id", node.id.clone()),
                ("port", node.port.to_string()),
                ("ip", node.ip.clone()),
                ("endpoint", node.endpoint.clone()),
            ];
            if let Some(hostname) = &node.hostname {
                fields.push(("hostname", hostname.clone()));
            }
            fields.extend([
                ("role", "master".to_string()),
                ("replication-offset", "0".to_string()),
            ]);
            fields.push(("health", "online".to_string()));
            resp::write_map_len(out, protocol, fields.len());
            for (key, value) in fields {
                resp::write_bulk(out, key.as_bytes());
                if matches!(key, "port" | "replication-offset") {
                    resp::write_int(out, value.parse().unwrap_or_default());
                } else {
                    resp::write_bulk(out, value.as_bytes());
                }
            }
        }
    }

    /// CLUSTER NODES: one line per advertised node; flags, epochs and the `@port` bus port are
    /// INFERRED (rs-observed.md §6.5).
    pub fn cluster_nodes_text(&self, answering_node: u64) -> String {
        let ranges = self.ranges_in_slot_order();
        let mut text = String::new();
        for node_uid in self.advertised_node_uids() {
            let node = self.advertise(node_uid);
            let flags = if node_uid == answering_node {
                "myself,master"
            } else {
                "master"
            };
            let hostname = node
                .hostname
                .as_ref()
                .map(|name| format!(",{name}"))
                .unwrap_or_default();
            text.push_str(&format!(
                "{} {}:{}@{}{} {flags} - 0 0 {node_uid} connected",
                node.id, node.ip, node.port, node.port, hostname
            ));
            for &(start, end, shard) in &ranges {
                if self.shards[shard].node_uid == node_uid {
                    if start == end {
                        text.push_str(&format!(" {start}"));
                    } else {
                        text.push_str(&format!(" {start}-{end}"));
                    }
                }
            }
            text.push('\n');
        }
        text
    }

    pub fn cluster_info_text(&self) -> String {
        let nodes = self.advertised_node_uids().len();
        format!(
            "cluster_state:ok\r\ncluster_slots_assigned:{SLOT_COUNT}\r\ncluster_slots_ok:{SLOT_COUNT}\r\n\
             cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:{nodes}\r\n\
             cluster_size:{nodes}\r\ncluster_current_epoch:{nodes}\r\ncluster_my_epoch:{nodes}\r\n\
             cluster_stats_messages_sent:0\r\ncluster_stats_messages_received:0\r\n\
             total_cluster_links_buffer_limit_exceeded:0\r\n"
        )
    }
}

/// Three nodes with one master shard each: shard `i` (a third of the slots) on node `i + 1`.
#[cfg(test)]
pub(crate) fn sample_topology(oss_cluster: bool) -> DbTopology {
    let nodes = (1..=3)
        .map(|uid| NodeView {
            uid,
            internal_addr: format!("127.0.1.{uid}"),
            external_addr: Some(format!("127.0.2.{uid}")),
        })
        .collect();
    let shards = [(0, 5460), (5461, 10922), (10923, 16383)]
        .into_iter()
        .enumerate()
        .map(|(index, range)| ShardView {
            uid: index as u64 + 1,
            node_uid: index as u64 + 1,
            slot_ranges: vec![range],
            backend: ShardAddress {
                tcp: "127.0.0.1:1".parse().unwrap(),
                unix: None,
                password: ShardPassword::generate(),
            },
        })
        .collect();
    let settings = DbSettings {
        db_uid: 1,
        port: 12000,
        oss_cluster,
        ip_type: IpType::Internal,
        endpoint_type: EndpointType::Ip,
        cluster_name: "c".into(),
        cluster_fqdn: "c.local".into(),
        password: None,
    };
    DbTopology::new(settings, nodes, shards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_nodes_marks_myself_and_lists_ranges() {
        let text = sample_topology(true).cluster_nodes_text(2);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[1].ends_with(" 127.0.1.2:12000@12000 myself,master - 0 0 2 connected 5461-10922"),
            "{text}"
        );
        assert_eq!(lines[0].split(' ').next().unwrap().len(), 40);
    }

    #[test]
    fn hostname_endpoint_puts_ip_in_metadata() {
        let mut topology = sample_topology(true);
        topology.settings.endpoint_type = EndpointType::Hostname;
        let mut out = Vec::new();
        topology.write_cluster_slots(&mut out, Protocol::Resp3);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("$13\r\nnode1.c.local\r\n:12000\r\n"),
            "{text}"
        );
        assert!(
            text.contains("%1\r\n$2\r\nip\r\n$9\r\n127.0.1.1\r\n"),
            "{text}"
        );
    }
}
