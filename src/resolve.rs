//! Turning rladmin object references (`db:1`, a database name, `1:1` endpoints, node ids) into
//! uids and objects.

use serde::de::DeserializeOwned;

use crate::api::ApiClient;
use crate::api::client::bdb_path;
use crate::api::models::Node;
use crate::error::{CliError, CliResult, ExitKind};

/// `db:<id>` or a database name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbRef {
    Id(u64),
    Name(String),
}

impl DbRef {
    pub fn parse(raw: &str) -> CliResult<DbRef> {
        match raw.strip_prefix("db:") {
            Some(id) => id.parse().map(DbRef::Id).map_err(|_| {
                CliError::usage(format!(
                    "invalid database reference {raw:?}: expected db:<id> (a number) or a database name"
                ))
            }),
            None if raw.is_empty() => Err(CliError::usage(
                "empty database reference: expected db:<id> or a database name",
            )),
            None => Ok(DbRef::Name(raw.to_string())),
        }
    }
}

impl std::fmt::Display for DbRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbRef::Id(id) => write!(f, "db:{id}"),
            DbRef::Name(name) => write!(f, "{name:?}"),
        }
    }
}

/// A database found on the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDb {
    pub uid: u64,
    pub name: String,
}

impl ResolvedDb {
    /// rladmin's form, `db:1 [name]`.
    pub fn subject(&self) -> String {
        format!("db:{} [{}]", self.uid, self.name)
    }
}

/// One `GET /v1/bdbs?fields=uid,name`, whatever the number of databases.
pub fn resolve_db(client: &ApiClient, db: &DbRef) -> CliResult<ResolvedDb> {
    let index = client.bdb_index()?;
    index
        .into_iter()
        .find(|bdb| match db {
            DbRef::Id(id) => bdb.uid == *id,
            DbRef::Name(name) => bdb.name == *name,
        })
        .map(|bdb| ResolvedDb {
            uid: bdb.uid,
            name: bdb.name,
        })
        .ok_or_else(|| not_found(db))
}

/// The database `db` names, read with `GET /v1/bdbs/{uid}{query}`: the only request for `db:<id>`,
/// after the `uid,name` list for a name. An unknown database fails the same way either way.
pub fn fetch_db<T: DeserializeOwned>(client: &ApiClient, db: &DbRef, query: &str) -> CliResult<T> {
    let uid = match db {
        DbRef::Id(uid) => *uid,
        DbRef::Name(_) => resolve_db(client, db)?.uid,
    };
    client
        .get(&format!("{}{query}", bdb_path(uid)))
        .map_err(|err| match err.kind {
            ExitKind::NotFound => not_found(db),
            _ => err,
        })
}

fn not_found(db: &DbRef) -> CliError {
    CliError::new(
        ExitKind::NotFound,
        format!("database {db} not found. `rsadmin status databases` lists the databases."),
    )
}

/// An endpoint reference `<db>:<n>` (rladmin's argument form), also accepted as `endpoint:<db>:<n>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointRef {
    pub bdb_uid: u64,
    /// The endpoint uid as the REST API spells it, `"<db>:<n>"`.
    pub uid: String,
}

impl EndpointRef {
    pub fn parse(raw: &str) -> CliResult<EndpointRef> {
        let text = raw.strip_prefix("endpoint:").unwrap_or(raw);
        let invalid = || {
            CliError::usage(format!(
                "invalid endpoint {raw:?}: expected <db id>:<n>, e.g. 1:1 (see `rsadmin status endpoints`)"
            ))
        };
        let (db, index) = text.split_once(':').ok_or_else(invalid)?;
        let bdb_uid: u64 = db.parse().map_err(|_| invalid())?;
        let index: u64 = index.parse().map_err(|_| invalid())?;
        Ok(EndpointRef {
            bdb_uid,
            uid: format!("{bdb_uid}:{index}"),
        })
    }
}

/// A shard id as rladmin takes it, `<id>`, or as it prints it, `redis:<id>`: the REST uid string.
pub fn parse_shard_id(raw: &str) -> CliResult<String> {
    let id = raw.strip_prefix("redis:").unwrap_or(raw);
    id.parse::<u64>().map(|id| id.to_string()).map_err(|_| {
        CliError::usage(format!(
            "invalid shard id {raw:?}: expected a number such as 2 or redis:2 (see `rsadmin status shards`)"
        ))
    })
}

/// A node id as rladmin takes it, `<id>`, or as it prints it, `node:<id>`.
pub fn parse_node_id(raw: &str) -> CliResult<u64> {
    raw.strip_prefix("node:")
        .unwrap_or(raw)
        .parse()
        .map_err(|_| {
            CliError::usage(format!(
                "invalid node id {raw:?}: expected a number such as 3 or node:3 (see `rsadmin status nodes`)"
            ))
        })
}

/// One node, with a not-found message that says where to look.
pub fn fetch_node(client: &ApiClient, uid: u64) -> CliResult<Node> {
    client.node(uid).map_err(|err| match err.kind {
        ExitKind::NotFound => CliError::new(
            ExitKind::NotFound,
            format!("node {uid} not found. `rsadmin status nodes` lists the nodes."),
        ),
        _ => err,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_db_references() {
        assert_eq!(DbRef::parse("db:3").unwrap(), DbRef::Id(3));
        assert_eq!(
            DbRef::parse("orders").unwrap(),
            DbRef::Name("orders".into())
        );
        assert_eq!(DbRef::parse("db:x").unwrap_err().kind, ExitKind::Usage);
    }

    #[test]
    fn parses_endpoint_references() {
        let endpoint = EndpointRef::parse("endpoint:2:1").unwrap();
        assert_eq!(endpoint.bdb_uid, 2);
        assert_eq!(endpoint.uid, "2:1");
        assert_eq!(EndpointRef::parse("2").unwrap_err().kind, ExitKind::Usage);
    }

    #[test]
    fn parses_shard_and_node_ids() {
        assert_eq!(parse_shard_id("redis:12").unwrap(), "12");
        assert_eq!(parse_shard_id("7").unwrap(), "7");
        assert_eq!(parse_shard_id("x").unwrap_err().kind, ExitKind::Usage);
        assert_eq!(parse_node_id("node:3").unwrap(), 3);
        assert_eq!(parse_node_id("-1").unwrap_err().kind, ExitKind::Usage);
    }
}
