//! `info db [<db>]`, `info cluster`, `info node [<id>|all]`.

use serde_json::Value;

use crate::api::client::node_path;
use crate::api::client::{CLUSTER_POLICY_PATH, proxy_path};
use crate::api::models::{Bdb, Node};
use crate::cli::info::{InfoArgs, InfoTarget};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::{info, print_json};
use crate::resolve::{DbRef, resolve_db};

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
    let bdbs: Vec<Value> = match db {
        Some(db) => {
            let resolved = resolve_db(&client, &db)?;
            vec![client.bdb_json(resolved.uid)?]
        }
        None => client.get("/v1/bdbs")?,
    };
    if ctx.json() {
        // The typed model carries no credentials, unlike the raw REST object.
        print_json(&typed::<Bdb>(bdbs, "database")?);
    } else {
        for bdb in &bdbs {
            print!("{}", info::db_block(bdb));
        }
    }
    Ok(())
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
