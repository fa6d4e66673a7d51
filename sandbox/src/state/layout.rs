//! Derived layout: shard placement, slot ranges and which proxies an endpoint is bound to.

use super::{
    ClusterState, HASH_SLOTS, IpType, ProxyPolicy, Shard, ShardKeyRule, ShardRole, ShardsPlacement,
};
use std::collections::BTreeSet;

/// The standard (OSS-compatible) hashing rules, as decoded strings.
pub const STANDARD_SHARD_KEY_REGEX: [&str; 2] = [r".*\{(?<tag>.*)\}.*", "(?<tag>.*)"];

/// Capacity rule for `dense` placement: a node takes shards until it holds this many (the
/// `max_redis_servers` a real node reports), so every demo-sized database fits on node 1.
const DENSE_SHARDS_PER_NODE: usize = 100;

/// UNCONFIRMED: the captured endpoint says `addr_type: "external"` while listing the node's
/// address; the sandbox copies that capture and lists internal node addresses in `addr`.
pub const ENDPOINT_ADDR_TYPE: IpType = IpType::External;

pub(super) fn standard_shard_key_regex() -> Vec<ShardKeyRule> {
    STANDARD_SHARD_KEY_REGEX
        .iter()
        .map(|regex| ShardKeyRule {
            regex: (*regex).into(),
        })
        .collect()
}

/// Contiguous, even slot ranges in shard order: 3 shards -> 0-5460, 5461-10922, 10923-16383.
pub fn slot_ranges(shard_count: u32) -> Vec<(u32, u32)> {
    let count = shard_count.max(1);
    // Boundaries are rounded, which gives Redis Software's 0-5460, 5461-10922, 10923-16383.
    let boundary = |index: u32| (index * HASH_SLOTS + count / 2) / count;
    (0..count)
        .map(|index| (boundary(index), boundary(index + 1) - 1))
        .collect()
}

impl ClusterState {
    /// Re-derives the shards of bdb `uid` (count, roles, slots, nodes) and its endpoint binding.
    /// Shard uids of the bdb are kept in order; missing ones get fresh uids. Runs on every
    /// accepted change, so a new `shards_placement` moves shards at once (a real cluster
    /// applies it to new shards and needs a rebalance for existing ones).
    pub(super) fn relayout(&mut self, uid: u32) {
        let Some(bdb) = self.bdb(uid).cloned() else {
            return;
        };
        let mut reusable_uids: Vec<String> =
            self.shards_of(uid).map(|shard| shard.uid.clone()).collect();
        reusable_uids.reverse();
        self.shards.retain(|shard| shard.bdb_uid != uid);

        let node_uids: Vec<u32> = self.nodes.iter().map(|node| node.uid).collect();
        let mut load: Vec<usize> = node_uids
            .iter()
            .map(|node_uid| {
                self.shards
                    .iter()
                    .filter(|s| s.node_uid == node_uid.to_string())
                    .count()
            })
            .collect();
        let mut new_shards = Vec::new();
        for (index, (first, last)) in slot_ranges(u32::from(bdb.shards_count))
            .into_iter()
            .enumerate()
        {
            let slots = format!("{first}-{last}");
            let master_node = pick_node(bdb.shards_placement, index, None, &mut load);
            let replica_node = bdb.replication.then(|| {
                pick_node(
                    bdb.shards_placement,
                    index + 1,
                    Some(master_node),
                    &mut load,
                )
            });
            let placements = std::iter::once((ShardRole::Master, master_node))
                .chain(replica_node.map(|node| (ShardRole::Slave, node)));
            for (role, node_index) in placements {
                let shard_uid = reusable_uids.pop().unwrap_or_else(|| {
                    self.last_shard_uid += 1;
                    self.last_shard_uid.to_string()
                });
                new_shards.push(Shard {
                    uid: shard_uid,
                    bdb_uid: uid,
                    node_uid: node_uids[node_index].to_string(),
                    role,
                    assigned_slots: slots.clone(),
                });
            }
        }
        self.shards.extend(new_shards);
        self.bind_endpoint(uid);
    }

    /// Sets the endpoint's policy fields from the bdb and lists the nodes whose proxy serves it.
    fn bind_endpoint(&mut self, uid: u32) {
        let bound_node_uids = self.bound_node_uids(uid);
        let addresses: Vec<String> = self
            .nodes
            .iter()
            .filter(|node| bound_node_uids.contains(&node.uid))
            .map(|node| node.addr.clone())
            .collect();
        let Some(bdb) = self.bdb_mut(uid) else { return };
        let (policy, ip_type, endpoint_type) = (
            bdb.proxy_policy,
            bdb.oss_cluster_api_preferred_ip_type,
            bdb.oss_cluster_api_preferred_endpoint_type,
        );
        for endpoint in &mut bdb.endpoints {
            endpoint.proxy_policy = policy;
            endpoint.oss_cluster_api_preferred_ip_type = ip_type;
            endpoint.oss_cluster_api_preferred_endpoint_type = endpoint_type;
            endpoint.addr = addresses.clone();
        }
    }

    /// Node uids whose proxy is bound to bdb `uid`'s endpoint: by proxy policy (single = node of
    /// the first master shard), then `include_proxies` added and `exclude_proxies` removed.
    /// Proxy uid = node uid (one proxy per node).
    pub fn bound_node_uids(&self, uid: u32) -> BTreeSet<u32> {
        let Some(bdb) = self.bdb(uid) else {
            return BTreeSet::new();
        };
        let master_nodes = self
            .shards_of(uid)
            .filter(|shard| shard.role == ShardRole::Master)
            .filter_map(|shard| shard.node_uid.parse::<u32>().ok());
        let mut bound: BTreeSet<u32> = match bdb.proxy_policy {
            ProxyPolicy::Single => master_nodes.take(1).collect(),
            ProxyPolicy::AllMasterShards => master_nodes.collect(),
            ProxyPolicy::AllNodes => self.nodes.iter().map(|node| node.uid).collect(),
        };
        if let Some(endpoint) = bdb.endpoints.first() {
            bound.extend(endpoint.include_proxies.iter().flatten().copied());
            for excluded in endpoint.exclude_proxies.iter().flatten() {
                bound.remove(excluded);
            }
        }
        bound
    }
}

/// Index of the node that takes shard number `index` (masters) or `index + 1` (replicas).
/// dense: the first node with room that is not `avoid`; sparse: round robin over the nodes.
fn pick_node(
    placement: ShardsPlacement,
    index: usize,
    avoid: Option<usize>,
    load: &mut [usize],
) -> usize {
    let node_count = load.len();
    let usable = |candidate: &usize| Some(*candidate) != avoid || node_count == 1;
    let chosen = match placement {
        ShardsPlacement::Dense => (0..node_count)
            .filter(usable)
            .find(|candidate| load[*candidate] < DENSE_SHARDS_PER_NODE)
            .or_else(|| {
                (0..node_count)
                    .filter(usable)
                    .min_by_key(|candidate| load[*candidate])
            }),
        ShardsPlacement::Sparse => (0..node_count)
            .map(|offset| (index + offset) % node_count)
            .find(usable),
    }
    .unwrap_or(0);
    load[chosen] += 1;
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Bdb;

    fn placed(placement: ShardsPlacement, replication: bool) -> Vec<(String, ShardRole)> {
        let mut state = ClusterState::new(0, 3);
        let mut bdb = Bdb::with_defaults(1, "db".into(), 0, "2025-01-01T00:00:00Z");
        (
            bdb.sharding,
            bdb.shards_count,
            bdb.shards_placement,
            bdb.replication,
        ) = (true, 3, placement, replication);
        state.insert_bdb(bdb, 12000);
        state
            .shards
            .iter()
            .map(|shard| (shard.node_uid.clone(), shard.role))
            .collect()
    }

    #[test]
    fn dense_fills_node_one_and_puts_replicas_elsewhere() {
        let (master, replica) = (ShardRole::Master, ShardRole::Slave);
        let expected: Vec<(String, ShardRole)> = [
            ("1", master),
            ("2", replica),
            ("1", master),
            ("2", replica),
            ("1", master),
            ("2", replica),
        ]
        .into_iter()
        .map(|(node, role)| (node.to_string(), role))
        .collect();
        assert_eq!(placed(ShardsPlacement::Dense, true), expected);
    }

    #[test]
    fn sparse_spreads_masters_round_robin() {
        let nodes: Vec<String> = placed(ShardsPlacement::Sparse, false)
            .into_iter()
            .map(|(node, _)| node)
            .collect();
        assert_eq!(nodes, ["1", "2", "3"]);
    }

    #[test]
    fn three_shards_split_slots_like_redis_software() {
        assert_eq!(
            slot_ranges(3),
            vec![(0, 5460), (5461, 10922), (10923, 16383)]
        );
        assert_eq!(slot_ranges(2), vec![(0, 8191), (8192, 16383)]);
        assert_eq!(slot_ranges(1), vec![(0, 16383)]);
    }
}
