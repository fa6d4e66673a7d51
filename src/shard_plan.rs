//! Where shards are and where a change would put them: pure functions over `/v1/shards`,
//! `/v1/nodes` and shards blueprints that plan `migrate`, `failover` and the rebalance of
//! `tune db ... --fix`, and that find a master and its replica on one node. No I/O.
//!
//! A replica is paired with its master by database and slot range: a shard object has no field
//! naming its master, and `rladmin status shards` shows a replica with its master's SLOTS
//! (RL/migrate.md, RL/failover.md examples). rest-api.md §2.6 marks replica ranges UNCONFIRMED;
//! `is_replica_of` is the one place to change if a capture shows otherwise.

use crate::api::models::{BlueprintEntry, Node, Shard};
use crate::error::{CliError, CliResult, ExitKind};

pub const MASTER: &str = "master";

/// One shard going to another node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShardMove {
    pub shard_uid: String,
    pub to_node: String,
}

pub fn is_master(shard: &Shard) -> bool {
    shard.role.as_deref() == Some(MASTER)
}

fn is_replica_of(candidate: &Shard, master: &Shard) -> bool {
    candidate.uid != master.uid
        && !is_master(candidate)
        && candidate.bdb_uid == master.bdb_uid
        && candidate.assigned_slots == master.assigned_slots
}

pub fn replicas_of<'a>(shards: &'a [Shard], master: &Shard) -> Vec<&'a Shard> {
    shards
        .iter()
        .filter(|candidate| is_replica_of(candidate, master))
        .collect()
}

/// `redis:<uid>`, rladmin's name for a shard.
pub fn shard_name(uid: &str) -> String {
    format!("redis:{uid}")
}

/// `redis:1, redis:3`: what a command naming shards changes.
pub fn shard_names(uids: &[String]) -> String {
    uids.iter()
        .map(|uid| shard_name(uid))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The shards as they would be after `moves`.
pub fn after_moves(shards: &[Shard], moves: &[ShardMove]) -> Vec<Shard> {
    shards
        .iter()
        .map(|shard| {
            let mut moved = shard.clone();
            if let Some(found) = moves.iter().find(|found| found.shard_uid == shard.uid) {
                moved.node_uid = found.to_node.clone();
            }
            moved
        })
        .collect()
}

/// The first master that shares a node with one of its replicas.
pub fn colocated_pair(shards: &[Shard]) -> Option<(&Shard, &Shard)> {
    shards
        .iter()
        .filter(|shard| is_master(shard))
        .find_map(|master| {
            replicas_of(shards, master)
                .into_iter()
                .find(|replica| replica.node_uid == master.node_uid)
                .map(|replica| (master, replica))
        })
}

/// Which shards of a database or node `migrate` moves (rladmin's `all_*_shards` words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShardKind {
    Masters,
    Replicas,
    All,
}

impl ShardKind {
    pub const WORDS: [&'static str; 3] = ["all_master_shards", "all_slave_shards", "all_shards"];

    pub fn parse(word: &str) -> Option<ShardKind> {
        match word {
            "all_master_shards" => Some(ShardKind::Masters),
            "all_slave_shards" => Some(ShardKind::Replicas),
            "all_shards" => Some(ShardKind::All),
            _ => None,
        }
    }

    fn selects(self, shard: &Shard) -> bool {
        match self {
            ShardKind::Masters => is_master(shard),
            ShardKind::Replicas => !is_master(shard),
            ShardKind::All => true,
        }
    }
}

/// The shards a `migrate` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationSource {
    Shards(Vec<String>),
    Db { uid: u64, kind: ShardKind },
    Node { uid: u64, kind: ShardKind },
}

fn node_not_found(uid: u64) -> CliError {
    CliError::new(
        ExitKind::NotFound,
        format!("node:{uid} not found; nothing was sent. `rsadmin status nodes` lists the nodes."),
    )
}

fn shard_not_found(uid: &str, scope: &str) -> CliError {
    CliError::new(
        ExitKind::NotFound,
        format!(
            "shard {} not found{scope}; nothing was sent. `rsadmin status shards` lists the shards.",
            shard_name(uid)
        ),
    )
}

fn find_shard<'a>(shards: &'a [Shard], uid: &str) -> CliResult<&'a Shard> {
    shards
        .iter()
        .find(|shard| shard.uid == uid)
        .ok_or_else(|| shard_not_found(uid, ""))
}

/// The target must exist and take shards (`accept_servers` false, or a node that is not
/// active, does not).
fn check_target(target: u64, nodes: &[Node]) -> CliResult<()> {
    let node = nodes
        .iter()
        .find(|node| node.uid == target)
        .ok_or_else(|| node_not_found(target))?;
    let refusal = if node.accept_servers == Some(false) {
        Some("does not accept shards (accept_servers is false)".to_string())
    } else {
        match node.status.as_deref() {
            Some(status) if status != "active" => Some(format!("is {status}, not active")),
            _ => None,
        }
    };
    match refusal {
        Some(reason) => Err(CliError::new(
            ExitKind::Refused,
            format!("node:{target} {reason}; nothing was sent. Choose another target_node."),
        )),
        None => Ok(()),
    }
}

/// The moves of `migrate <source> target_node <target>`; shards already there are left out (the
/// REST API does nothing for them). Refuses what the cluster would refuse or regret: an unknown
/// shard or node (exit 5), a target that takes no shards, or a master and its replica ending up
/// on one node (exit 3).
pub fn plan_migration(
    source: &MigrationSource,
    target: u64,
    shards: &[Shard],
    nodes: &[Node],
) -> CliResult<Vec<ShardMove>> {
    let selected: Vec<&Shard> = match source {
        MigrationSource::Shards(uids) => uids
            .iter()
            .map(|uid| find_shard(shards, uid))
            .collect::<CliResult<_>>()?,
        MigrationSource::Db { uid, kind } => shards
            .iter()
            .filter(|shard| shard.bdb_uid == *uid && kind.selects(shard))
            .collect(),
        MigrationSource::Node { uid, kind } => {
            if !nodes.iter().any(|node| node.uid == *uid) {
                return Err(node_not_found(*uid));
            }
            shards
                .iter()
                .filter(|shard| shard.node_uid == uid.to_string() && kind.selects(shard))
                .collect()
        }
    };
    check_target(target, nodes)?;
    let to_node = target.to_string();
    let mut moves: Vec<ShardMove> = Vec::new();
    for shard in selected {
        if shard.node_uid != to_node && !moves.iter().any(|seen| seen.shard_uid == shard.uid) {
            moves.push(ShardMove {
                shard_uid: shard.uid.clone(),
                to_node: to_node.clone(),
            });
        }
    }
    if let Some((master, replica)) = colocated_pair(&after_moves(shards, &moves)) {
        let moved = |shard: &Shard| moves.iter().any(|found| found.shard_uid == shard.uid);
        if moved(master) || moved(replica) {
            return Err(CliError::new(
                ExitKind::Refused,
                format!(
                    "migrating would put master {} and its replica {} of db:{} on node:{}; a master \
                     and its replica must be on different nodes, so the database survives losing \
                     one. Choose another target_node; nothing was sent.",
                    shard_name(&master.uid),
                    shard_name(&replica.uid),
                    master.bdb_uid,
                    master.node_uid
                ),
            ));
        }
    }
    Ok(moves)
}

/// A master shard and the replica `failover` promotes in its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Promotion {
    pub master: Shard,
    pub replica: Shard,
}

/// The promotions of `failover [db <db>] shard <id>...`: each shard must exist (in `db`, when
/// given; exit 5), be a master and have a replica (exit 3).
pub fn plan_failover(
    db: Option<u64>,
    shard_uids: &[String],
    shards: &[Shard],
) -> CliResult<Vec<Promotion>> {
    let mut promotions: Vec<Promotion> = Vec::new();
    for uid in shard_uids {
        let master = match db {
            Some(db) => shards
                .iter()
                .find(|shard| shard.uid == *uid && shard.bdb_uid == db)
                .ok_or_else(|| shard_not_found(uid, &format!(" in db:{db}")))?,
            None => find_shard(shards, uid)?,
        };
        if promotions.iter().any(|seen| seen.master.uid == master.uid) {
            continue;
        }
        if !is_master(master) {
            let of = shards
                .iter()
                .find(|candidate| is_master(candidate) && is_replica_of(master, candidate))
                .map(|found| format!(" (its master is {})", shard_name(&found.uid)))
                .unwrap_or_default();
            return Err(CliError::new(
                ExitKind::Refused,
                format!(
                    "{} is a replica{of}; failover takes master shards. Nothing was sent.",
                    shard_name(uid)
                ),
            ));
        }
        let replica = replicas_of(shards, master)
            .into_iter()
            .next()
            .ok_or_else(|| {
                CliError::new(
                    ExitKind::Refused,
                    format!(
                        "{} has no replica to fail over to (db:{} has no replication); nothing was \
                         sent",
                        shard_name(uid),
                        master.bdb_uid
                    ),
                )
            })?;
        promotions.push(Promotion {
            master: master.clone(),
            replica: replica.clone(),
        });
    }
    Ok(promotions)
}

/// How a database's master shards are spread over the nodes that take shards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasterSpread {
    /// Nodes holding at least one master shard.
    pub nodes_used: usize,
    /// The most nodes the masters could be on: one each, up to the nodes that take shards.
    pub possible: usize,
    /// Migrations that reach `possible` (fewer when a replica is in the way).
    pub moves: Vec<ShardMove>,
}

fn master_nodes(shards: &[Shard]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for shard in shards.iter().filter(|shard| is_master(shard)) {
        match counts.iter_mut().find(|(node, _)| *node == shard.node_uid) {
            Some((_, count)) => *count += 1,
            None => counts.push((shard.node_uid.clone(), 1)),
        }
    }
    counts
}

/// The spread of `shards` (one database's) over `nodes`, and the migrations that would spread
/// them: each moves a master (preferably not the first) from the most crowded node to the lowest-numbered
/// node without a master and without that master's replica.
pub fn master_spread(shards: &[Shard], nodes: &[Node]) -> MasterSpread {
    let eligible: Vec<String> = nodes
        .iter()
        .filter(|node| node.accept_servers != Some(false))
        .map(|node| node.uid.to_string())
        .collect();
    let masters = shards.iter().filter(|shard| is_master(shard)).count();
    let nodes_used = master_nodes(shards).len();
    let possible = masters.min(eligible.len()).max(nodes_used);
    let mut current = shards.to_vec();
    let mut moves = Vec::new();
    // Each round adds one node, so this ends after at most `possible` rounds.
    while master_nodes(&current).len() < possible {
        let counts = master_nodes(&current);
        let Some(next) = counts
            .iter()
            .filter(|(_, count)| *count > 1)
            .max_by_key(|(node, count)| (*count, std::cmp::Reverse(node.parse::<u64>().ok())))
            .and_then(|(crowded, _)| {
                let free = eligible
                    .iter()
                    .filter(|node| !counts.iter().any(|(used, _)| used == *node));
                // Preferably the first master of the crowded node stays where it is.
                let movable: Vec<&Shard> = current
                    .iter()
                    .filter(|shard| is_master(shard) && shard.node_uid == *crowded)
                    .collect();
                let preferred: Vec<&Shard> =
                    movable[1..].iter().chain(&movable[..1]).copied().collect();
                free.flat_map(|node| preferred.iter().map(move |master| (*master, node)))
                    .find(|(master, node)| {
                        !replicas_of(&current, master)
                            .iter()
                            .any(|replica| replica.node_uid == **node)
                    })
                    .map(|(master, node)| ShardMove {
                        shard_uid: master.uid.clone(),
                        to_node: node.clone(),
                    })
            })
        else {
            break;
        };
        current = after_moves(&current, std::slice::from_ref(&next));
        moves.push(next);
    }
    MasterSpread {
        nodes_used,
        possible,
        moves,
    }
}

/// One slot range and role whose node a blueprint changes: (slot range, role, from, to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlueprintMove {
    pub slot_range: String,
    pub role: String,
    pub from_node: String,
    pub to_node: String,
}

/// What a blueprint changes against the database's shards now, in blueprint order.
pub fn blueprint_moves(blueprint: &[BlueprintEntry], shards: &[Shard]) -> Vec<BlueprintMove> {
    blueprint
        .iter()
        .flat_map(|entry| {
            entry.nodes.iter().filter_map(|wanted| {
                let current = shards.iter().find(|shard| {
                    shard.assigned_slots.as_deref() == Some(entry.slot_range.as_str())
                        && shard.role.as_deref() == Some(wanted.role.as_str())
                })?;
                (current.node_uid != wanted.node_uid).then(|| BlueprintMove {
                    slot_range: entry.slot_range.clone(),
                    role: wanted.role.clone(),
                    from_node: current.node_uid.clone(),
                    to_node: wanted.node_uid.clone(),
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
