//! `failover [db <db>] shard <id>...`, rladmin's grammar (RL/failover.md): the replica of each
//! master shard becomes its master. REST: `POST /v1/shards/actions/failover {"shard_uids": [...]}`
//! (R:shards/actions/failover.md), one request per database since the API refuses a mix
//! (`failover_shards_different_bdb`).

use serde_json::Value;

use crate::change::{self, ChangePlan, FieldChange, Location, Step, Target};
use crate::cli::failover::FailoverArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::resolve::{DbRef, parse_shard_id, resolve_db};
use crate::shard_plan::{MASTER, Promotion, plan_failover, shard_name};

const USAGE: &str = "Usage: rsadmin failover [db <db>] shard <id>...";

/// The role of a replica in the REST API's words.
const REPLICA: &str = "slave";

#[derive(Debug, Clone, PartialEq, Eq)]
struct FailoverRequest {
    db: Option<DbRef>,
    shards: Vec<String>,
}

fn usage(problem: &str) -> CliError {
    CliError::usage(format!("{problem}. {USAGE}"))
}

fn parse(words: &[String]) -> CliResult<FailoverRequest> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.contains(&"immediate") {
        // The REST failover has no way to skip the replica sync check.
        return Err(usage(
            "`failover ... immediate` is not supported by rsadmin (run it with the real rladmin on \
             a cluster node)",
        ));
    }
    let (db, ids) = match words.as_slice() {
        ["db", db, "shard", ids @ ..] => (Some(DbRef::parse(db)?), ids),
        ["shard", ids @ ..] => (None, ids),
        _ => return Err(usage("expected `shard <id>...`")),
    };
    if ids.is_empty() {
        return Err(usage("no shard ids given"));
    }
    let shards = ids
        .iter()
        .map(|id| parse_shard_id(id))
        .collect::<CliResult<_>>()?;
    Ok(FailoverRequest { db, shards })
}

/// One step per database, in the order the shards were named: each master becomes a replica
/// and its replica the master, on the nodes where they are.
fn steps(promotions: &[Promotion], listed: &Value) -> Vec<Step> {
    let mut databases: Vec<u64> = Vec::new();
    for promotion in promotions {
        if !databases.contains(&promotion.master.bdb_uid) {
            databases.push(promotion.master.bdb_uid);
        }
    }
    let role = |uid: &str, wanted: &str| {
        let location = Location::Shard {
            uid: uid.to_string(),
            field: "role".into(),
        };
        FieldChange::against(listed, location, Value::from(wanted))
    };
    databases
        .into_iter()
        .map(|bdb| Step {
            target: Target::FailoverShards,
            changes: promotions
                .iter()
                .filter(|promotion| promotion.master.bdb_uid == bdb)
                .flat_map(|promotion| {
                    [
                        role(&promotion.master.uid, REPLICA),
                        role(&promotion.replica.uid, MASTER),
                    ]
                })
                .flatten()
                .collect(),
            // Clients of the old master follow the new one.
            disruptive: true,
        })
        .collect()
}

pub fn run(ctx: &Context, args: FailoverArgs) -> CliResult<()> {
    let request = parse(&args.words)?;
    let client = ctx.client()?;
    let db = request
        .db
        .as_ref()
        .map(|db| resolve_db(&client, db))
        .transpose()?;
    let shards = client.shards()?;
    let promotions = plan_failover(db.as_ref().map(|db| db.uid), &request.shards, &shards)?;
    let listed = serde_json::to_value(&shards).unwrap_or(Value::Null);
    let subject = match &db {
        Some(db) => db.subject(),
        None => request
            .shards
            .iter()
            .map(|uid| shard_name(uid))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let plan = ChangePlan {
        subject,
        steps: steps(&promotions, &listed),
        findings: Vec::new(),
        success_text: "Finished successfully".to_string(),
        refusal_hint: None,
    };
    change::execute(ctx, &client, &plan, &args.change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::Shard;
    use crate::error::ExitKind;
    use serde_json::json;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn parses_rladmin_forms_and_rejects_others() {
        assert_eq!(
            parse(&words("db db:1 shard 1 redis:3")).unwrap(),
            FailoverRequest {
                db: Some(DbRef::Id(1)),
                shards: vec!["1".into(), "3".into()]
            }
        );
        assert_eq!(parse(&words("shard 5")).unwrap().db, None);
        for bad in [
            "shard",
            "db db:1",
            "db db:1 shard 1 immediate",
            "shard one",
            "1",
        ] {
            assert_eq!(
                parse(&words(bad)).unwrap_err().kind,
                ExitKind::Usage,
                "{bad}"
            );
        }
    }

    #[test]
    fn one_step_per_database_swapping_roles() {
        let shard = |uid: &str, bdb: u64, role: &str| Shard {
            uid: uid.into(),
            bdb_uid: bdb,
            node_uid: "1".into(),
            role: Some(role.into()),
            ..Shard::default()
        };
        let promotions = vec![
            Promotion {
                master: shard("1", 1, "master"),
                replica: shard("2", 1, "slave"),
            },
            Promotion {
                master: shard("7", 2, "master"),
                replica: shard("8", 2, "slave"),
            },
        ];
        let listed = json!([
            {"uid": "1", "role": "master"}, {"uid": "2", "role": "slave"},
            {"uid": "7", "role": "master"}, {"uid": "8", "role": "slave"}
        ]);
        let steps = steps(&promotions, &listed);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].body(), json!({"shard_uids": ["1"]}));
        assert_eq!(steps[1].path(), "/v1/shards/actions/failover");
        assert_eq!(
            steps[0].summary(),
            "redis:1 role: master -> slave, redis:2 role: slave -> master"
        );
    }
}
