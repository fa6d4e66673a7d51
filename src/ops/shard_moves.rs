//! `migrate` and `failover`: read the shards (and for a migration the nodes) once, plan the moves
//! with `shard_plan`, and express them as shard changes of one action step (failover: one step
//! per database, since the REST API refuses a mix).

use crate::api::ApiClient;
use crate::api::models::Shard;
use crate::error::CliResult;
use crate::plan::{ChangePlan, Step};
use crate::shard_plan::{MASTER, MigrationSource, Promotion, plan_failover, plan_migration};

/// The role of a replica in the REST API's words.
const REPLICA: &str = "slave";

/// Where `migrate` moves the shards and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub source: MigrationSource,
    pub target_node: u64,
    pub preserve_roles: bool,
}

/// The plan of a migration: `GET /v1/shards`, `GET /v1/nodes`, then one migrate action.
pub fn migrate(
    client: &ApiClient,
    subject: String,
    migration: &Migration,
) -> CliResult<ChangePlan> {
    let shards = client.shards()?;
    let moves = plan_migration(
        &migration.source,
        migration.target_node,
        &shards,
        &client.nodes()?,
    )?;
    let steps = Step::migrate(
        &shards,
        &moves,
        migration.target_node,
        migration.preserve_roles,
    )
    .into_iter()
    .collect();
    Ok(ChangePlan::new(subject, steps))
}

/// The plan of a failover of `shard_uids` (of database `db`, when given): `GET /v1/shards`,
/// then one failover action per database.
pub fn failover(
    client: &ApiClient,
    subject: String,
    db: Option<u64>,
    shard_uids: &[String],
) -> CliResult<ChangePlan> {
    let shards = client.shards()?;
    let promotions = plan_failover(db, shard_uids, &shards)?;
    Ok(ChangePlan::new(
        subject,
        failover_steps(&promotions, &shards),
    ))
}

/// One step per database, in the order the shards were named: each master becomes a replica
/// and its replica the master, on the nodes where they are.
fn failover_steps(promotions: &[Promotion], shards: &[Shard]) -> Vec<Step> {
    let mut databases: Vec<u64> = Vec::new();
    for promotion in promotions {
        if !databases.contains(&promotion.master.bdb_uid) {
            databases.push(promotion.master.bdb_uid);
        }
    }
    databases
        .into_iter()
        .filter_map(|bdb| {
            let roles = promotions
                .iter()
                .filter(|promotion| promotion.master.bdb_uid == bdb)
                .flat_map(|promotion| {
                    [
                        (promotion.master.uid.as_str(), REPLICA),
                        (promotion.replica.uid.as_str(), MASTER),
                    ]
                });
            Step::failover(shards, roles)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::plan::step_summary;
    use serde_json::json;

    #[test]
    fn one_failover_step_per_database_swapping_roles() {
        let shard = |uid: &str, bdb: u64, role: &str| Shard {
            uid: uid.into(),
            bdb_uid: bdb,
            node_uid: "1".into(),
            role: Some(role.into()),
            ..Shard::default()
        };
        let shards = vec![
            shard("1", 1, "master"),
            shard("2", 1, "slave"),
            shard("7", 2, "master"),
            shard("8", 2, "slave"),
        ];
        let promotions = vec![
            Promotion {
                master: shards[0].clone(),
                replica: shards[1].clone(),
            },
            Promotion {
                master: shards[2].clone(),
                replica: shards[3].clone(),
            },
        ];
        let steps = failover_steps(&promotions, &shards);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].body(), json!({"shard_uids": ["1"]}));
        assert_eq!(steps[1].path(), "/v1/shards/actions/failover");
        assert_eq!(
            step_summary(&steps[0]),
            "redis:1 role: master -> slave, redis:2 role: slave -> master"
        );
    }
}
