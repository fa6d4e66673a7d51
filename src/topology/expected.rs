//! What the REST API says a cluster-aware client should see for one database: which addresses to
//! seed from, which address is advertised for each node, and which master serves each slot.

use std::net::IpAddr;

use serde::Serialize;

use super::cluster_reply::NodeAddress;
use super::slots::{SLOT_COUNT, SlotRange, parse_slot_list};
use crate::api::models::{Bdb, Node, Shard};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IpType {
    Internal,
    External,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EndpointType {
    Ip,
    Hostname,
}

/// A master shard of the database as the REST API reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedMaster {
    pub shard_uid: String,
    pub node_uid: u64,
    pub slots: Vec<SlotRange>,
    /// `status` of the shard (`active` when healthy).
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeedAddress {
    pub address: NodeAddress,
    /// A DNS name rather than a bound proxy's IP: it may not resolve from where rsadmin runs.
    pub is_dns_name: bool,
}

#[derive(Debug, Clone)]
pub struct ExpectedTopology {
    pub db: String,
    pub oss_cluster: bool,
    pub tls: bool,
    pub port: u16,
    pub ip_type: IpType,
    pub endpoint_type: EndpointType,
    /// The database endpoint's DNS name and every address the REST API says is bound.
    pub seeds: Vec<SeedAddress>,
    pub masters: Vec<ExpectedMaster>,
    pub nodes: Vec<Node>,
}

impl ExpectedTopology {
    pub fn from_rest(bdb: &Bdb, nodes: &[Node], shards: &[Shard]) -> Result<Self, String> {
        let db = format!("db:{}", bdb.uid);
        let port = bdb
            .endpoints
            .iter()
            .find_map(|endpoint| endpoint.port)
            .or(bdb.port.filter(|port| *port != 0))
            .and_then(|port| u16::try_from(port).ok())
            .ok_or_else(|| format!("{db} has no endpoint port in the REST API"))?;
        let mut seeds: Vec<SeedAddress> = Vec::new();
        for endpoint in &bdb.endpoints {
            let dns_name = endpoint.dns_name.iter().filter(|name| !name.is_empty());
            let candidates = dns_name
                .map(|name| (name, true))
                .chain(endpoint.addr.iter().map(|addr| (addr, false)));
            for (host, is_dns_name) in candidates {
                let seed = SeedAddress {
                    address: NodeAddress {
                        host: host.clone(),
                        port,
                    },
                    is_dns_name,
                };
                if !seeds.iter().any(|known| known.address == seed.address) {
                    seeds.push(seed);
                }
            }
        }
        let masters = shards
            .iter()
            .filter(|shard| shard.bdb_uid == bdb.uid && shard.role.as_deref() == Some("master"))
            .map(|shard| {
                let slots = parse_slot_list(shard.assigned_slots.as_deref().unwrap_or(""))
                    .map_err(|err| format!("shard redis:{}: {err}", shard.uid))?;
                let node_uid = shard.node_uid.parse().map_err(|_| {
                    format!(
                        "shard redis:{} has node uid {:?}",
                        shard.uid, shard.node_uid
                    )
                })?;
                Ok(ExpectedMaster {
                    shard_uid: shard.uid.clone(),
                    node_uid,
                    slots,
                    status: shard.status.clone(),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(ExpectedTopology {
            db,
            oss_cluster: bdb.oss_cluster == Some(true),
            tls: bdb.tls_mode.as_deref() == Some("enabled") || bdb.ssl == Some(true),
            port,
            ip_type: match bdb.oss_cluster_api_preferred_ip_type.as_deref() {
                Some("external") => IpType::External,
                _ => IpType::Internal,
            },
            endpoint_type: match bdb.oss_cluster_api_preferred_endpoint_type.as_deref() {
                Some("hostname") => EndpointType::Hostname,
                _ => EndpointType::Ip,
            },
            seeds,
            masters,
            nodes: nodes.to_vec(),
        })
    }

    /// The address the proxy should advertise for a node, when it can be known: with the `ip`
    /// endpoint type, the node's internal address or its first external address (INFERRED,
    /// rs-observed.md §6.2). The `hostname` form is not in the REST API (UNCONFIRMED), so it is
    /// checked only for not being an IP address.
    pub fn advertised_host(&self, node: &Node) -> Option<String> {
        match (self.endpoint_type, self.ip_type) {
            (EndpointType::Hostname, _) => None,
            (EndpointType::Ip, IpType::Internal) => Some(node.addr.clone()),
            (EndpointType::Ip, IpType::External) => node.external_addr.first().cloned(),
        }
    }

    pub fn node(&self, uid: u64) -> Option<&Node> {
        self.nodes.iter().find(|node| node.uid == uid)
    }

    /// The node an advertised host belongs to, by its internal or external addresses.
    pub fn node_of_host(&self, host: &str) -> Option<&Node> {
        self.nodes
            .iter()
            .find(|node| node.addr == host || node.external_addr.iter().any(|addr| addr == host))
    }

    /// For every slot, the master shard the REST API says serves it.
    pub fn slot_owners(&self) -> Vec<Option<&ExpectedMaster>> {
        let mut owners = vec![None; usize::from(SLOT_COUNT)];
        for master in &self.masters {
            for range in &master.slots {
                for slot in range.start..=range.end {
                    owners[usize::from(slot)] = Some(master);
                }
            }
        }
        owners
    }

    /// Describes how a host is classified against the preferred address kind, for messages.
    pub fn describe_host(&self, host: &str) -> String {
        match self.node_of_host(host) {
            Some(node) if node.addr == host => {
                format!("{host} (internal address of node:{})", node.uid)
            }
            Some(node) => format!("{host} (external address of node:{})", node.uid),
            None if host.parse::<IpAddr>().is_ok() => format!("{host} (not a node address)"),
            None => format!("{host} (a hostname)"),
        }
    }
}
