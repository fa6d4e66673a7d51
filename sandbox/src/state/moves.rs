//! Shard moves: migrations and failovers, planned and validated against the state, and the
//! blueprint flow (`optimize_shards_placement`, `shards_blueprint`, `rebalance`).
//!
//! Evidence: R = redis/docs content/operate/rs/references/rest-api/requests/.
//! - shards/actions/migrate.md: body `target_node_uid` (integer), `shard_uids` (strings); 404 when a
//!   shard does not exist or the node uid is missing; 409 busy.
//! - shards/actions/failover.md: codes `shard_not_exist`, `shard_uids_required` (404),
//!   `shard_is_slave`, `failover_shards_different_bdb` (400), `db_busy` (409).
//! - bdbs/actions/optimize_shards_placement.md: blueprint `[{"nodes": [{"node_uid": "3", "role":
//!   "master"}, ...], "slot_range": "0-5460"}]`, `cluster-state-id` header; PUT bdb
//!   `shards_blueprint` (code `bad_shards_blueprint`, rest-api.md §3.2).
//! - bdbs/actions/rebalance.md: `dry_run` answers the blueprint, otherwise an action uid.
//!
//! Undocumented codes are chosen here, in one place (see `/work/wt-notes/moves-contract.md`).

use super::change::{Rejection, RejectionKind};
use super::{ClusterState, Shard, ShardRole, ShardsPlacement, first_slot};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// One shard move. A failover names the master whose replica is promoted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MoveStep {
    Migrate { shard_uid: String, target_node: u32 },
    Failover { shard_uid: String },
}

/// An accepted request that moves shards: its action and its steps, run in order. Persisted in
/// `state.json`, so a move in flight resumes after a restart from the first step not done.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct MoveAction {
    pub action_uid: String,
    /// The state-machine name reported for the action.
    pub name: String,
    pub bdb_uids: Vec<u32>,
    pub steps: Vec<MoveStep>,
    /// How many steps are done (a prefix of `steps`).
    pub done: usize,
}

/// CHOSEN (undocumented): a failover of a master without a replica is refused 406 `no_replica`.
const NO_REPLICA: &str = "no_replica";
/// CHOSEN: the code PUT bdb documents for a replica placed with its master.
const SAME_NODE: &str = "replication_node_violation";

fn shard_not_exist(uid: &str) -> Rejection {
    Rejection::new(
        RejectionKind::NotFound,
        "shard_not_exist",
        format!("shard {uid} does not exist"),
    )
}

fn bad_blueprint(description: impl Into<String>) -> Rejection {
    Rejection::new(
        RejectionKind::InvalidConfiguration,
        "bad_shards_blueprint",
        description,
    )
}

/// Where one slot range's shards are, or should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RangePlacement {
    pub slot_range: String,
    pub master_node: u32,
    pub replica_node: Option<u32>,
}

impl ClusterState {
    fn shard(&self, uid: &str) -> Option<&Shard> {
        self.shards.iter().find(|shard| shard.uid == uid)
    }

    /// The other shard of `shard`'s slot range (its replica, or its master).
    pub fn partner_of(&self, shard: &Shard) -> Option<&Shard> {
        self.shards_of(shard.bdb_uid).find(|other| {
            other.uid != shard.uid
                && other.assigned_slots == shard.assigned_slots
                && other.role != shard.role
        })
    }

    /// The bdb a shard belongs to, or 404 `shard_not_exist`.
    pub fn bdb_of_shard(&self, shard_uid: &str) -> Result<u32, Rejection> {
        self.shard(shard_uid)
            .map(|shard| shard.bdb_uid)
            .ok_or_else(|| shard_not_exist(shard_uid))
    }

    /// Checks `step` against this state and applies it (the shard's node or the roles change).
    pub fn apply_move(&mut self, step: &MoveStep) -> Result<(), Rejection> {
        match step {
            MoveStep::Migrate {
                shard_uid,
                target_node,
            } => {
                let shard = self
                    .shard(shard_uid)
                    .ok_or_else(|| shard_not_exist(shard_uid))?;
                if self.node(*target_node).is_none() {
                    return Err(Rejection::new(
                        RejectionKind::NotFound,
                        "node_not_exist",
                        format!("node {target_node} does not exist"),
                    ));
                }
                let target = target_node.to_string();
                if self
                    .partner_of(shard)
                    .is_some_and(|partner| partner.node_uid == target)
                {
                    return Err(Rejection::new(
                        RejectionKind::InvalidConfiguration,
                        SAME_NODE,
                        format!(
                            "shard {shard_uid} cannot move to node {target_node}: its master and \
                             replica would be on one node"
                        ),
                    ));
                }
                if let Some(shard) = self.shards.iter_mut().find(|s| s.uid == *shard_uid) {
                    shard.node_uid = target;
                }
            }
            MoveStep::Failover { shard_uid } => {
                let shard = self
                    .shard(shard_uid)
                    .ok_or_else(|| shard_not_exist(shard_uid))?;
                if shard.role != ShardRole::Master {
                    return Err(Rejection::new(
                        RejectionKind::BadRequest,
                        "shard_is_slave",
                        format!("shard {shard_uid} is a replica"),
                    ));
                }
                let replica_uid =
                    self.partner_of(shard)
                        .map(|r| r.uid.clone())
                        .ok_or_else(|| {
                            Rejection::new(
                                RejectionKind::InvalidConfiguration,
                                NO_REPLICA,
                                format!("shard {shard_uid} has no replica to fail over to"),
                            )
                        })?;
                for shard in &mut self.shards {
                    if shard.uid == *shard_uid {
                        shard.role = ShardRole::Slave;
                    } else if shard.uid == replica_uid {
                        shard.role = ShardRole::Master;
                    }
                }
            }
        }
        Ok(())
    }

    /// Applies an accepted step for good: like [`apply_move`](Self::apply_move), and every proxy
    /// bound before stays bound (see `drifted_proxies`); a new cluster state id.
    pub fn record_move(&mut self, step: &MoveStep) -> Result<(), Rejection> {
        let (MoveStep::Migrate { shard_uid, .. } | MoveStep::Failover { shard_uid }) = step;
        let bdb_uid = self.bdb_of_shard(shard_uid)?;
        let bound_before = self.bound_node_uids(bdb_uid);
        self.apply_move(step)?;
        let bound_after = self.bound_node_uids(bdb_uid);
        let left_behind: Vec<u32> = bound_before.difference(&bound_after).copied().collect();
        if !left_behind.is_empty() {
            self.drifted_proxies
                .entry(bdb_uid)
                .or_default()
                .extend(left_behind);
        }
        self.bind_endpoint(bdb_uid);
        self.cluster_state_id += 1;
        Ok(())
    }

    /// Where the shards of `bdb_uid` are now, one entry per slot range in slot order.
    pub fn current_placement(&self, bdb_uid: u32) -> Vec<RangePlacement> {
        let mut placement: Vec<RangePlacement> = self
            .shards_of(bdb_uid)
            .filter(|shard| shard.role == ShardRole::Master)
            .map(|master| RangePlacement {
                slot_range: master.assigned_slots.clone(),
                master_node: master.node_uid.parse().unwrap_or_default(),
                replica_node: self
                    .partner_of(master)
                    .and_then(|replica| replica.node_uid.parse().ok()),
            })
            .collect();
        placement.sort_by_key(|range| first_slot(&range.slot_range));
        placement
    }

    /// The steps that take `bdb_uid`'s shards to `target` (one entry per current slot range):
    /// a failover where master and replica swap nodes, migrations otherwise. Checked step by
    /// step on a copy of the state.
    pub fn plan_towards(
        &self,
        bdb_uid: u32,
        target: &[RangePlacement],
    ) -> Result<Vec<MoveStep>, Rejection> {
        let mut simulated = self.clone();
        let mut steps = Vec::new();
        for wanted in target {
            let shard_at = |state: &ClusterState, role: ShardRole| {
                state
                    .shards_of(bdb_uid)
                    .find(|s| s.assigned_slots == wanted.slot_range && s.role == role)
                    .map(|s| (s.uid.clone(), s.node_uid.parse::<u32>().unwrap_or_default()))
            };
            let mut plan_step = |state: &mut ClusterState, step: MoveStep| {
                state.apply_move(&step)?;
                steps.push(step);
                Ok::<(), Rejection>(())
            };
            let (master_uid, master_node) = shard_at(&simulated, ShardRole::Master)
                .ok_or_else(|| bad_blueprint(format!("no shard holds {}", wanted.slot_range)))?;
            let replica = shard_at(&simulated, ShardRole::Slave);
            if master_node != wanted.master_node {
                if replica.as_ref().map(|r| r.1) == Some(wanted.master_node) {
                    plan_step(
                        &mut simulated,
                        MoveStep::Failover {
                            shard_uid: master_uid,
                        },
                    )?;
                } else {
                    plan_step(
                        &mut simulated,
                        MoveStep::Migrate {
                            shard_uid: master_uid,
                            target_node: wanted.master_node,
                        },
                    )?;
                }
            }
            if let Some(replica_node) = wanted.replica_node
                && let Some((replica_uid, node)) = shard_at(&simulated, ShardRole::Slave)
                && node != replica_node
            {
                plan_step(
                    &mut simulated,
                    MoveStep::Migrate {
                        shard_uid: replica_uid,
                        target_node: replica_node,
                    },
                )?;
            }
        }
        Ok(steps)
    }

    /// Checks a `shards_blueprint` against the bdb: the same slot ranges, known nodes, one master
    /// per range, a replica exactly when the bdb replicates, never with its master.
    pub fn parse_blueprint(
        &self,
        bdb_uid: u32,
        blueprint: &Value,
    ) -> Result<Vec<RangePlacement>, Rejection> {
        let entries = blueprint
            .as_array()
            .ok_or_else(|| bad_blueprint("shards_blueprint must be an array"))?;
        let replication = self.bdb(bdb_uid).is_some_and(|bdb| bdb.replication);
        let mut placement = Vec::new();
        for entry in entries {
            let slot_range = entry
                .get("slot_range")
                .and_then(Value::as_str)
                .ok_or_else(|| bad_blueprint("every entry needs a slot_range"))?;
            let mut master_node = None;
            let mut replica_node = None;
            for node in entry
                .get("nodes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let uid = node
                    .get("node_uid")
                    .and_then(|uid| {
                        uid.as_str()
                            .and_then(|text| text.parse().ok())
                            .or_else(|| uid.as_u64().and_then(|n| u32::try_from(n).ok()))
                    })
                    .filter(|uid| self.node(*uid).is_some())
                    .ok_or_else(|| bad_blueprint(format!("unknown node in {slot_range}")))?;
                let slot = match node.get("role").and_then(Value::as_str) {
                    Some("master") => &mut master_node,
                    Some("slave") => &mut replica_node,
                    _ => return Err(bad_blueprint("role must be master or slave")),
                };
                if slot.replace(uid).is_some() {
                    return Err(bad_blueprint(format!(
                        "two shards of one role in {slot_range}"
                    )));
                }
            }
            let master_node =
                master_node.ok_or_else(|| bad_blueprint(format!("no master in {slot_range}")))?;
            if replica_node.is_some() != replication || replica_node == Some(master_node) {
                return Err(bad_blueprint(format!(
                    "{slot_range}: a replica is needed exactly when the database replicates, \
                     on another node than its master"
                )));
            }
            placement.push(RangePlacement {
                slot_range: slot_range.to_string(),
                master_node,
                replica_node,
            });
        }
        placement.sort_by_key(|range| first_slot(&range.slot_range));
        let current = self.current_placement(bdb_uid);
        if !current
            .iter()
            .map(|range| &range.slot_range)
            .eq(placement.iter().map(|range| &range.slot_range))
        {
            return Err(bad_blueprint(
                "the blueprint's slot ranges differ from the database's shards",
            ));
        }
        Ok(placement)
    }
}

/// The documented blueprint JSON (node uids as strings, master first).
pub fn render_blueprint(placement: &[RangePlacement]) -> Value {
    Value::Array(
        placement
            .iter()
            .map(|range| {
                let mut nodes =
                    vec![json!({"node_uid": range.master_node.to_string(), "role": "master"})];
                if let Some(replica) = range.replica_node {
                    nodes.push(json!({"node_uid": replica.to_string(), "role": "slave"}));
                }
                json!({"nodes": nodes, "slot_range": range.slot_range})
            })
            .collect(),
    )
}

/// `placement` override of `optimize_shards_placement` (query parameter), else the bdb's own.
pub fn placement_policy(
    state: &ClusterState,
    bdb_uid: u32,
    requested: Option<&str>,
) -> Result<ShardsPlacement, Rejection> {
    match requested {
        Some("dense") => Ok(ShardsPlacement::Dense),
        Some("sparse") => Ok(ShardsPlacement::Sparse),
        Some(other) => Err(Rejection::new(
            RejectionKind::BadRequest,
            "invalid_schema",
            format!("shards_placement must be dense or sparse, not {other}"),
        )),
        None => state
            .bdb(bdb_uid)
            .map(|bdb| bdb.shards_placement)
            .ok_or_else(|| {
                Rejection::new(
                    RejectionKind::NotFound,
                    "db_not_exist",
                    format!("database {bdb_uid} does not exist"),
                )
            }),
    }
}
