//! `info db [<db>]`, `info cluster`, `info node [<id>|all]`.

use serde_json::Value;

use crate::api::client::{CLUSTER_POLICY_PATH, fields_query, node_path, proxy_path, with_fields};
use crate::api::models::{Bdb, Node};
use crate::cli::info::{InfoArgs, InfoTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::info::DbBlockFields;
use crate::output::{info, print_json};
use crate::resolve::{DbRef, fetch_db};

pub fn run(ctx: &Context, args: InfoArgs) -> CliResult<()> {
    match args.target {
        InfoTarget::Db { db } => info_db(ctx, db.as_deref()),
        InfoTarget::Cluster => {
            let client = ctx.client()?;
            if ctx.json() {
                print_json(&client.cluster()?);
            } else {
                let cluster: Value = client.get("/v1/cluster")?;
                let policy: Value = client.get(CLUSTER_POLICY_PATH)?;
                print!("{}", info::cluster_block(&cluster, &policy));
            }
            Ok(())
        }
        InfoTarget::Node { id } => info_node(ctx, id.as_deref()),
        InfoTarget::Proxy { id } => info_proxy(ctx, id.as_deref()),
    }
}

fn info_db(ctx: &Context, db: Option<&str>) -> CliResult<()> {
    let db = db.map(DbRef::parse).transpose()?;
    let client = ctx.client()?;
    if ctx.json() {
        // The typed model carries no credentials, unlike the raw REST object.
        let fields = model_fields::<Bdb>();
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let bdbs: Vec<Bdb> = match db {
            Some(db) => vec![fetch_db(&client, &db, &fields_query(&fields))?],
            None => client.get(&with_fields("/v1/bdbs", &fields))?,
        };
        print_json(&bdbs);
        return Ok(());
    }
    let fields = info::db_block_fields();
    match db {
        Some(db) => {
            let bdb: DbBlockFields = fetch_db(&client, &db, &fields_query(&fields))?;
            print!("{}", info::db_block(&bdb));
        }
        // Printed as parsed: one database object held at a time, not the decoded list.
        None => {
            let mut text = String::new();
            client.for_each(&with_fields("/v1/bdbs", &fields), |bdb: DbBlockFields| {
                info::push_db_block(&mut text, &bdb);
                if text.len() >= PRINT_CHUNK {
                    print!("{text}");
                    text.clear();
                }
                Ok(())
            })?;
            print!("{text}");
        }
    }
    Ok(())
}

/// Blocks are printed in writes of about this many bytes (stdout writes each line otherwise).
const PRINT_CHUNK: usize = 64 << 10;

/// The REST field names a model reads: the keys it serializes (every model field, as none is
/// skipped when empty).
fn model_fields<T: Default + serde::Serialize>() -> Vec<String> {
    match serde_json::to_value(T::default()) {
        Ok(Value::Object(fields)) => fields.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// `<id>`, `all` or nothing (all).
fn id_or_all(id: Option<&str>, what: &str) -> CliResult<Option<u64>> {
    match id {
        None | Some("all") => Ok(None),
        Some(raw) => raw.parse::<u64>().map(Some).map_err(|_| {
            CliError::usage(format!(
                "invalid {what} id {raw:?}: expected a number or `all`"
            ))
        }),
    }
}

fn info_node(ctx: &Context, id: Option<&str>) -> CliResult<()> {
    let uid = id_or_all(id, "node")?;
    let client = ctx.client()?;
    let nodes: Vec<Value> = match uid {
        Some(uid) => vec![not_found_says(client.get(&node_path(uid)), "node", uid)?],
        None => client.get("/v1/nodes")?,
    };
    if ctx.json() {
        print_json(&typed::<Node>(nodes, "node")?);
    } else {
        for node in &nodes {
            print!("{}", info::node_block(node));
        }
    }
    Ok(())
}

fn info_proxy(ctx: &Context, id: Option<&str>) -> CliResult<()> {
    let uid = id_or_all(id, "proxy")?;
    let client = ctx.client()?;
    let proxies: Vec<Value> = match uid {
        Some(uid) => vec![not_found_says(client.get(&proxy_path(uid)), "proxy", uid)?],
        None => client.get("/v1/proxies")?,
    };
    if ctx.json() {
        print_json(&proxies);
    } else {
        for proxy in &proxies {
            print!("{}", info::proxy_block(proxy));
        }
    }
    Ok(())
}

fn typed<T: serde::de::DeserializeOwned>(objects: Vec<Value>, what: &str) -> CliResult<Vec<T>> {
    objects
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<Vec<T>, _>>()
        .map_err(|err| CliError::new(ExitKind::Failed, format!("unexpected {what} object: {err}")))
}

/// A 404 says where to look (one proxy per node, with the node's uid).
fn not_found_says<T>(result: CliResult<T>, what: &str, uid: u64) -> CliResult<T> {
    result.map_err(|err| match err.kind {
        ExitKind::NotFound => CliError::new(
            ExitKind::NotFound,
            format!("{what} {uid} not found. `rsadmin status nodes` lists the nodes."),
        ),
        _ => err,
    })
}
