//! `failover [db <db>] shard <id>...`, rladmin's grammar (RL/failover.md): the replica of each
//! master shard becomes its master. REST: `POST /v1/shards/actions/failover {"shard_uids": [...]}`
//! (R:shards/actions/failover.md), one request per database since the API refuses a mix
//! (`failover_shards_different_bdb`).

use crate::cli::failover::FailoverArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::shard_moves;
use crate::output::plan::Done;
use crate::resolve::{DbRef, parse_shard_id, resolve_db};
use crate::shard_plan::shard_names;

const USAGE: &str = "Usage: rsadmin failover [db <db>] shard <id>...";

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

pub fn run(ctx: &Context, args: FailoverArgs) -> CliResult<()> {
    let request = parse(&args.words)?;
    let client = ctx.client()?;
    let db = request
        .db
        .as_ref()
        .map(|db| resolve_db(&client, db))
        .transpose()?;
    let subject = match &db {
        Some(db) => db.subject(),
        None => shard_names(&request.shards),
    };
    let plan = shard_moves::failover(&client, subject, db.map(|db| db.uid), &request.shards)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Finished),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitKind;
    use crate::test_fixtures::words;

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
}
