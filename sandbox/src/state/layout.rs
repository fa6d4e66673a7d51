//! Derived layout: shard placement, slot ranges and which proxies an endpoint is bound to.

use super::moves::RangePlacement;
use super::{
    ClusterState, HASH_SLOTS, IpType, ProxyPolicy, Shard, ShardKeyRule, ShardRole, ShardsPlacement,
    first_slot,
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
    /// Node uids and how many shards each holds, not counting bdb `uid`'s.
    fn load_without(&self, uid: u32) -> (Vec<u32>, Vec<usize>) {
        let node_uids: Vec<u32> = self.nodes.iter().map(|node| node.uid).collect();
        let load = node_uids
            .iter()
            .map(|node_uid| {
                let node_uid = node_uid.to_string();
                self.shards
                    .iter()
                    .filter(|s| s.bdb_uid != uid && s.node_uid == node_uid)
                    .count()
            })
            .collect();
        (node_uids, load)
    }

    /// Where `placement` would put all of bdb `uid`'s shards on this cluster, ignoring where they
    /// are now: the blueprint of `optimize_shards_placement` and `rebalance`.
    pub fn ideal_placement(&self, uid: u32, placement: ShardsPlacement) -> Vec<RangePlacement> {
        let Some(bdb) = self.bdb(uid) else {
            return Vec::new();
        };
        let (node_uids, mut load) = self.load_without(uid);
        slot_ranges(u32::from(bdb.shards_count))
            .into_iter()
            .enumerate()
            .map(|(index, (first, last))| {
                let master = pick_node(placement, index, None, &mut load);
                let replica = bdb
                    .replication
                    .then(|| pick_node(placement, index + 1, Some(master), &mut load));
                RangePlacement {
                    slot_range: format!("{first}-{last}"),
                    master_node: node_uids[master],
                    replica_node: replica.map(|replica| node_uids[replica]),
                }
            })
            .collect()
    }

    /// Re-derives the shards of bdb `uid` (count, roles, slots) and its endpoint binding. Existing
    /// shards stay on their nodes (design.md §5: `shards_placement` decides where *new* shards go;
    /// only a rebalance, a migration or a failover moves a shard): the i-th master (in slot
    /// order) keeps its uid and node, likewise the i-th replica unless it would sit with its
    /// master. New shards get fresh uids and nodes by `shards_placement`.
    pub(super) fn relayout(&mut self, uid: u32) {
        let Some(bdb) = self.bdb(uid).cloned() else {
            return;
        };
        let existing = |role: ShardRole| {
            let mut shards: Vec<Shard> = self
                .shards_of(uid)
                .filter(|shard| shard.role == role)
                .cloned()
                .collect();
            shards.sort_by_key(|shard| first_slot(&shard.assigned_slots));
            shards
        };
        let (masters, replicas) = (existing(ShardRole::Master), existing(ShardRole::Slave));
        let (node_uids, mut load) = self.load_without(uid);
        self.shards.retain(|shard| shard.bdb_uid != uid);
        let node_index = |shard: &Shard| {
            node_uids
                .iter()
                .position(|node_uid| node_uid.to_string() == shard.node_uid)
        };
        let mut new_shards = Vec::new();
        for (index, (first, last)) in slot_ranges(u32::from(bdb.shards_count))
            .into_iter()
            .enumerate()
        {
            let kept_master = masters
                .get(index)
                .and_then(|shard| Some((shard, node_index(shard)?)));
            let (master_uid, master_node) = match kept_master {
                Some((shard, node)) => {
                    load[node] += 1;
                    (shard.uid.clone(), node)
                }
                None => (
                    self.fresh_shard_uid(),
                    pick_node(bdb.shards_placement, index, None, &mut load),
                ),
            };
            let mut placements = vec![(master_uid, ShardRole::Master, master_node)];
            if bdb.replication {
                let kept_replica = replicas
                    .get(index)
                    .and_then(|shard| Some((shard, node_index(shard)?)));
                let replica = match kept_replica {
                    Some((shard, node)) if node != master_node || node_uids.len() == 1 => {
                        load[node] += 1;
                        (shard.uid.clone(), node)
                    }
                    kept => (
                        kept.map_or_else(|| self.fresh_shard_uid(), |(shard, _)| shard.uid.clone()),
                        pick_node(
                            bdb.shards_placement,
                            index + 1,
                            Some(master_node),
                            &mut load,
                        ),
                    ),
                };
                placements.push((replica.0, ShardRole::Slave, replica.1));
            }
            for (shard_uid, role, node) in placements {
                new_shards.push(Shard {
                    uid: shard_uid,
                    bdb_uid: uid,
                    node_uid: node_uids[node].to_string(),
                    role,
                    assigned_slots: format!("{first}-{last}"),
                });
            }
        }
        self.shards.extend(new_shards);
        self.bind_endpoint(uid);
    }

    fn fresh_shard_uid(&mut self) -> String {
        self.last_shard_uid += 1;
        self.last_shard_uid.to_string()
    }

    /// Sets the endpoint's policy fields from the bdb and lists the nodes whose proxy serves it.
    pub(super) fn bind_endpoint(&mut self, uid: u32) {
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
    /// the first master shard), keeping proxies bound before a move (`drifted_proxies`), then `include_proxies` added and `exclude_proxies` removed.
    /// Proxy uid = node uid (one proxy per node).
    pub fn bound_node_uids(&self, uid: u32) -> BTreeSet<u32> {
        let Some(bdb) = self.bdb(uid) else {
            return BTreeSet::new();
        };
        let master_nodes = self
            .shards_of(uid)
            .filter(|shard| shard.role == ShardRole::Master)
            .filter_map(|shard| shard.node_uid.parse::<u32>().ok());
        let kept = self.drifted_proxies.get(&uid);
        let mut bound: BTreeSet<u32> = match bdb.proxy_policy {
            // The single proxy stays where it was bound when its shard moves away.
            ProxyPolicy::Single => match kept.and_then(|kept| kept.first()) {
                Some(node_uid) => BTreeSet::from([*node_uid]),
                None => master_nodes.take(1).collect(),
            },
            ProxyPolicy::AllMasterShards => master_nodes
                .chain(kept.into_iter().flatten().copied())
                .collect(),
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
    fn a_placement_change_keeps_shards_and_new_shards_follow_it() {
        let mut state = ClusterState::new(0, 3);
        let mut bdb = Bdb::with_defaults(1, "db".into(), 0, "2025-01-01T00:00:00Z");
        (bdb.sharding, bdb.shards_count) = (true, 3);
        state.insert_bdb(bdb.clone(), 12000);
        bdb.shards_placement = ShardsPlacement::Sparse;
        state.replace_bdb(bdb.clone());
        let nodes = |state: &ClusterState| -> Vec<(String, String)> {
            state
                .shards
                .iter()
                .map(|shard| (shard.uid.clone(), shard.node_uid.clone()))
                .collect()
        };
        let kept =
            [("1", "1"), ("2", "1"), ("3", "1")].map(|(u, n)| (u.to_string(), n.to_string()));
        assert_eq!(nodes(&state), kept);
        bdb.replication = true;
        state.replace_bdb(bdb);
        let with_replicas = [
            ("1", "1"),
            ("4", "2"),
            ("2", "1"),
            ("5", "3"),
            ("3", "1"),
            ("6", "2"),
        ]
        .map(|(u, n)| (u.to_string(), n.to_string()));
        assert_eq!(
            nodes(&state),
            with_replicas,
            "new replicas are placed sparse"
        );
    }

    #[test]
    fn the_ideal_placement_is_reached_by_failovers_and_migrations() {
        use crate::state::moves::MoveStep;
        let mut state = ClusterState::new(0, 3);
        let mut bdb = Bdb::with_defaults(1, "db".into(), 0, "2025-01-01T00:00:00Z");
        (bdb.sharding, bdb.shards_count, bdb.replication) = (true, 3, true);
        state.insert_bdb(bdb, 12000);
        let ideal = state.ideal_placement(1, ShardsPlacement::Sparse);
        let steps = state.plan_towards(1, &ideal).unwrap();
        let migrate = |shard: &str, node| MoveStep::Migrate {
            shard_uid: shard.into(),
            target_node: node,
        };
        // Dense: masters 1,3,5 on node 1, replicas 2,4,6 on node 2. Sparse wants masters on
        // 1,2,3 and replicas on 2,3,1: range 2 swaps roles, range 3 moves both shards.
        assert_eq!(
            steps,
            vec![
                MoveStep::Failover {
                    shard_uid: "3".into()
                },
                migrate("3", 3),
                migrate("5", 3),
                migrate("6", 1),
            ]
        );
        for step in &steps {
            state.record_move(step).unwrap();
        }
        assert_eq!(state.current_placement(1), ideal);
        assert!(state.plan_towards(1, &ideal).unwrap().is_empty());
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
