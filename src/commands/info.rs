//! `info db [<db>]`, `info cluster`, `info node [<id>|all]`.

use serde_json::Value;

use crate::api::ApiClient;
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
            let cluster = ctx.client()?.cluster()?;
            if ctx.json() {
                print_json(&cluster);
            } else {
                print!("{}", info::cluster_block(&cluster));
            }
            Ok(())
        }
        InfoTarget::Node { id } => info_node(ctx, id.as_deref()),
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
        let typed = bdbs
            .into_iter()
            .map(serde_json::from_value::<Bdb>)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| {
                CliError::new(
                    ExitKind::Failed,
                    format!("unexpected database object: {err}"),
                )
            })?;
        print_json(&typed);
    } else {
        for bdb in &bdbs {
            print!("{}", info::db_block(bdb));
        }
    }
    Ok(())
}

fn info_node(ctx: &Context, id: Option<&str>) -> CliResult<()> {
    let uid = match id {
        None | Some("all") => None,
        Some(raw) => Some(raw.parse::<u64>().map_err(|_| {
            CliError::usage(format!(
                "invalid node id {raw:?}: expected a number or `all`"
            ))
        })?),
    };
    let client = ctx.client()?;
    let nodes = match uid {
        Some(uid) => vec![fetch_node(&client, uid)?],
        None => client.nodes()?,
    };
    if ctx.json() {
        print_json(&nodes);
    } else {
        for node in &nodes {
            print!("{}", info::node_block(node));
        }
    }
    Ok(())
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
