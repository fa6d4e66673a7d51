//! `keyslot KEY... [--db <db>]`: each key's hash slot, the hash tag used, and with a database the
//! master shard and node that serve it.

use serde::Serialize;

use crate::api::models::Shard;
use crate::cli::keyslot::KeyslotArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output::print_json;
use crate::output::table::Table;
use crate::resolve::{DbRef, resolve_db};
use crate::topology::slots::{hash_tag, key_slot, parse_slot_list};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyPlacement {
    pub key: String,
    pub slot: u16,
    pub hash_tag: Option<String>,
    /// `redis:<uid>` of the master shard serving the slot (with `--db`).
    pub shard: Option<String>,
    /// `node:<uid>` of that shard (with `--db`).
    pub node: Option<String>,
}

pub fn run(ctx: &Context, args: KeyslotArgs) -> CliResult<()> {
    let db = args.db.as_deref().map(DbRef::parse).transpose()?;
    let masters = match &db {
        Some(db) => Some(master_shards(ctx, db)?),
        None => None,
    };
    let placements: Vec<KeyPlacement> = args
        .keys
        .iter()
        .map(|key| place(key, masters.as_deref()))
        .collect();
    if ctx.json() {
        print_json(&placements);
    } else {
        print!("{}", render(&placements, masters.is_some()));
        if let Some(note) = crossslot_note(&placements) {
            eprintln!("note: {note}");
        }
    }
    Ok(())
}

fn master_shards(ctx: &Context, db: &DbRef) -> CliResult<Vec<Shard>> {
    let client = ctx.client()?;
    let resolved = resolve_db(&client, db)?;
    let shards: Vec<Shard> = client.get(&format!("/v1/bdbs/{}/shards", resolved.uid))?;
    let masters: Vec<Shard> = shards
        .into_iter()
        .filter(|shard| shard.role.as_deref() == Some("master"))
        .collect();
    if masters.is_empty() {
        return Err(CliError::new(
            ExitKind::Failed,
            format!("{} has no master shard in the REST API", resolved.subject()),
        ));
    }
    Ok(masters)
}

pub fn place(key: &str, masters: Option<&[Shard]>) -> KeyPlacement {
    let slot = key_slot(key.as_bytes());
    let owner = masters.and_then(|masters| {
        masters.iter().find(|shard| {
            parse_slot_list(shard.assigned_slots.as_deref().unwrap_or(""))
                .is_ok_and(|ranges| ranges.iter().any(|range| range.contains(slot)))
        })
    });
    let served_by = |describe: fn(&Shard) -> String| match (masters, owner) {
        (Some(_), Some(shard)) => Some(describe(shard)),
        (Some(_), None) => Some("-".to_string()),
        (None, _) => None,
    };
    KeyPlacement {
        key: key.to_string(),
        slot,
        hash_tag: hash_tag(key.as_bytes()).map(|tag| String::from_utf8_lossy(tag).into_owned()),
        shard: served_by(|shard| format!("redis:{}", shard.uid)),
        node: served_by(|shard| format!("node:{}", shard.node_uid)),
    }
}

fn render(placements: &[KeyPlacement], with_db: bool) -> String {
    let mut columns = vec!["KEY", "SLOT", "HASH_TAG"];
    if with_db {
        columns.extend(["SHARD", "NODE"]);
    }
    let mut table = Table::new(columns);
    for placement in placements {
        let mut row = vec![
            placement.key.clone(),
            placement.slot.to_string(),
            placement
                .hash_tag
                .clone()
                .unwrap_or_else(|| "-".to_string()),
        ];
        row.extend(placement.shard.clone());
        row.extend(placement.node.clone());
        table.push(row);
    }
    table.render()
}

/// Keys given together are usually used together: warn when they cannot share a command.
fn crossslot_note(placements: &[KeyPlacement]) -> Option<String> {
    let distinct_slots: std::collections::BTreeSet<u16> =
        placements.iter().map(|placement| placement.slot).collect();
    (distinct_slots.len() > 1).then(|| {
        format!(
            "these keys span {} slots; a multi-key command on them fails with CROSSSLOT unless \
             they share a hash tag, e.g. {{tag}}:key",
            distinct_slots.len()
        )
    })
}
