//! `migrate shard <id>... [preserve_roles] target_node <node>` and
//! `migrate db <db>|node <node> all_master_shards|all_slave_shards|all_shards target_node <node>`,
//! rladmin's grammar (RL/migrate.md) for the forms the REST API expresses. Every form is one
//! `POST /v1/shards/actions/migrate {"shard_uids": [...], "target_node_uid": <node>}`
//! (R:shards/actions/migrate.md: shards of several databases may go in one request), so there is
//! one action to follow; the per-shard route says nothing more.

use crate::cli::migrate::MigrateArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::ops::execute::execute;
use crate::ops::shard_moves::{self, Migration};
use crate::output::plan::Done;
use crate::resolve::{DbRef, parse_node_id, parse_shard_id, resolve_db};
use crate::shard_plan::{MigrationSource, ShardKind, shard_names};

const USAGE: &str = "Usage: rsadmin migrate shard <id>... [preserve_roles] target_node <node>, or: \
                     rsadmin migrate db <db>|node <node> all_master_shards|all_slave_shards|all_shards \
                     target_node <node>";

/// rladmin words with no REST equivalent here: `override_policy` would allow a master and its
/// replica on one node, `endpoint_to_shards` moves endpoints, not shards.
const UNSUPPORTED: [&str; 5] = [
    "override_policy",
    "endpoint_to_shards",
    "max_concurrent_bdb_migrations",
    "restrict_target_node",
    "commit",
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Selection {
    Shards(Vec<String>),
    Db(DbRef, ShardKind),
    Node(u64, ShardKind),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct MigrateRequest {
    selection: Selection,
    target_node: u64,
    preserve_roles: bool,
}

fn usage(problem: &str) -> CliError {
    CliError::usage(format!("{problem}. {USAGE}"))
}

fn shard_kind(word: &str) -> CliResult<ShardKind> {
    ShardKind::parse(word).ok_or_else(|| {
        usage(&format!(
            "expected {} after the database or node, not {word:?}",
            ShardKind::WORDS.join("|")
        ))
    })
}

fn parse(words: &[String]) -> CliResult<MigrateRequest> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if let Some(word) = words.iter().find(|word| UNSUPPORTED.contains(word)) {
        return Err(usage(&format!(
            "`migrate ... {word}` is not supported by rsadmin (run it with the real rladmin on a \
             cluster node)"
        )));
    }
    let (head, target_node) = match words.as_slice() {
        [head @ .., "target_node", node] => (head, parse_node_id(node)?),
        _ => return Err(usage("expected `target_node <node>` at the end")),
    };
    let (selection, preserve_roles) = match head {
        ["shard", rest @ ..] => {
            let (ids, preserve_roles) = match rest {
                [ids @ .., "preserve_roles"] => (ids, true),
                ids => (ids, false),
            };
            if ids.is_empty() {
                return Err(usage("no shard ids given"));
            }
            let ids = ids
                .iter()
                .map(|id| parse_shard_id(id))
                .collect::<CliResult<_>>()?;
            (Selection::Shards(ids), preserve_roles)
        }
        ["db", db, kind] => (Selection::Db(DbRef::parse(db)?, shard_kind(kind)?), false),
        ["node", node, kind] => (
            Selection::Node(parse_node_id(node)?, shard_kind(kind)?),
            false,
        ),
        _ => {
            return Err(usage(
                "expected `shard <id>...`, `db <db> <shards>` or `node <node> <shards>` before \
                 target_node",
            ));
        }
    };
    Ok(MigrateRequest {
        selection,
        target_node,
        preserve_roles,
    })
}

pub fn run(ctx: &Context, args: MigrateArgs) -> CliResult<()> {
    let request = parse(&args.words)?;
    let client = ctx.client()?;
    let (source, subject) = match &request.selection {
        Selection::Shards(uids) => (MigrationSource::Shards(uids.clone()), shard_names(uids)),
        Selection::Db(db, kind) => {
            let db = resolve_db(&client, db)?;
            (
                MigrationSource::Db {
                    uid: db.uid,
                    kind: *kind,
                },
                db.subject(),
            )
        }
        Selection::Node(uid, kind) => (
            MigrationSource::Node {
                uid: *uid,
                kind: *kind,
            },
            format!("node:{uid}"),
        ),
    };
    let migration = Migration {
        source,
        target_node: request.target_node,
        preserve_roles: request.preserve_roles,
    };
    let plan = shard_moves::migrate(&client, subject, &migration)?;
    execute(
        &client,
        &plan,
        &ctx.run_options(&args.change, Done::Migrated),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitKind;
    use crate::test_fixtures::words;

    #[test]
    fn parses_every_rladmin_form() {
        for (text, selection, target_node, preserve_roles) in [
            (
                "shard 2 target_node 3",
                Selection::Shards(vec!["2".into()]),
                3,
                false,
            ),
            (
                "shard redis:2 4 preserve_roles target_node node:1",
                Selection::Shards(vec!["2".into(), "4".into()]),
                1,
                true,
            ),
            (
                "db db:1 all_master_shards target_node 2",
                Selection::Db(DbRef::Id(1), ShardKind::Masters),
                2,
                false,
            ),
            (
                "db demo-db all_slave_shards target_node 2",
                Selection::Db(DbRef::Name("demo-db".into()), ShardKind::Replicas),
                2,
                false,
            ),
            (
                "node 1 all_shards target_node 2",
                Selection::Node(1, ShardKind::All),
                2,
                false,
            ),
        ] {
            assert_eq!(
                parse(&words(text)).unwrap(),
                MigrateRequest {
                    selection,
                    target_node,
                    preserve_roles
                },
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_bad_and_unsupported_forms() {
        for bad in [
            "shard 2",
            "shard target_node 3",
            "shard x target_node 3",
            "shard 2 target_node three",
            "db db:1 target_node 2",
            "db db:1 some_shards target_node 2",
            "node 1 all_shards target_node 2 override_policy",
            "db db:1 endpoint_to_shards commit",
            "target_node 2",
        ] {
            assert_eq!(
                parse(&words(bad)).unwrap_err().kind,
                ExitKind::Usage,
                "{bad}"
            );
        }
    }
}
