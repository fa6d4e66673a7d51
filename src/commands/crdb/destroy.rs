//! `crdb flush`, `crdb remove-instance` and `crdb purge-instance`: requests that delete data.
//! Each is planned first (what goes, the REST call), then `--dry-run` shows the plan, rsadmin's
//! own name asks on a terminal (`-y` otherwise; see [`crate::ops::confirm::Confirmation::ask`]), the drop-in name asks
//! nothing as crdb-cli does, and the task is followed like any crdb task.

use serde_json::{Value, json};

use super::progress::{self, GuidReport};
use super::unknown_guid;
use crate::api::ApiClient;
use crate::api::crdb::{Crdb, CrdbInstance, CrdbTask};
use crate::cli::crdb::{CrdbFlushArgs, CrdbPurgeInstanceArgs, CrdbRemoveInstanceArgs, DestroyArgs};
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};
use crate::output;

/// The REST calls these commands make (R:requests/crdbs/flush.md, updates.md, purge.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    Flush,
    Modify,
    Purge,
}

/// One planned request that deletes data.
struct Destruction {
    subject: String,
    /// Why it needs a confirmation: what is deleted where.
    what: String,
    /// The instances it deletes data of, one line each.
    instances: Vec<String>,
    call: Call,
    path: String,
    body: Value,
}

impl Destruction {
    fn method(&self) -> &'static str {
        match self.call {
            Call::Flush | Call::Purge => "PUT",
            Call::Modify => "POST",
        }
    }

    /// The plan as a change's dry run shows one (`output::plan::render`), without its last line.
    fn render(&self) -> String {
        let mut text = format!("Plan for {}:\n  {}\n", self.subject, self.what);
        for line in &self.instances {
            text.push_str(&format!("  {line}\n"));
        }
        text.push_str(&format!(
            "REST calls:\n  {} {} {}\n",
            self.method(),
            self.path,
            self.body
        ));
        text
    }

    fn send(&self, client: &ApiClient, guid: &str) -> CliResult<CrdbTask> {
        match self.call {
            Call::Flush => client.flush_crdb(guid),
            Call::Modify => client.modify_crdb(guid, &self.body),
            Call::Purge => client.purge_crdb(guid, &self.body),
        }
        .map_err(unknown_guid(guid))
    }
}

fn describe(instance: &CrdbInstance) -> String {
    let database = instance
        .db_uid
        .as_deref()
        .filter(|uid| !uid.is_empty())
        .map(|uid| format!(" (db:{uid})"))
        .unwrap_or_default();
    format!(
        "instance {} on {}{database}",
        instance.id, instance.cluster.name
    )
}

fn subject(crdb: &Crdb) -> String {
    format!("crdb {} ({})", crdb.guid, crdb.name)
}

/// The instance `id`, or exit 5 naming the ones there are.
fn instance(crdb: &Crdb, id: u64) -> CliResult<&CrdbInstance> {
    crdb.instances
        .iter()
        .find(|instance| instance.id == id)
        .ok_or_else(|| {
            let ids: Vec<String> = crdb.instances.iter().map(|i| i.id.to_string()).collect();
            CliError::new(
                ExitKind::NotFound,
                format!(
                    "crdb {} has no instance {id} (its instances: {}); see: rsadmin crdb list",
                    crdb.guid,
                    ids.join(", ")
                ),
            )
        })
}

/// Dry run, confirmation, request, task.
fn execute(
    ctx: &Context,
    client: &ApiClient,
    guid: &str,
    plan: &Destruction,
    args: &DestroyArgs,
) -> CliResult<()> {
    if args.dry_run {
        if ctx.json() {
            output::print_json(&json!({
                "subject": plan.subject,
                "outcome": "dry_run",
                "dry_run": true,
                "deletes": plan.instances,
                "requests": [{ "method": plan.method(), "path": plan.path, "body": plan.body }],
            }));
        } else {
            println!("{}Dry run: nothing was sent.", plan.render());
        }
        return Ok(());
    }
    ctx.confirmation().ask(&plan.what, &plan.render())?;
    let task = plan.send(client, guid)?;
    progress::follow(ctx, client, task, &args.wait, GuidReport::Silent)
}

pub fn flush(ctx: &Context, args: &CrdbFlushArgs) -> CliResult<()> {
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let crdb = client.crdb(guid).map_err(unknown_guid(guid))?;
    let plan = Destruction {
        subject: subject(&crdb),
        what: format!(
            "flushing {} deletes every key of its {} instances",
            subject(&crdb),
            crdb.instances.len()
        ),
        instances: crdb.instances.iter().map(describe).collect(),
        call: Call::Flush,
        path: format!("/v1/crdbs/{guid}/flush"),
        body: json!({}),
    };
    execute(ctx, &client, guid, &plan, &args.destroy)
}

pub fn remove_instance(ctx: &Context, args: &CrdbRemoveInstanceArgs) -> CliResult<()> {
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let crdb = client.crdb(guid).map_err(unknown_guid(guid))?;
    let removed = instance(&crdb, args.instance_id)?;
    let fqdn = &removed.cluster.name;
    let (what, body) = if args.force {
        (
            format!(
                "removing instance {} by force drops it from {} without contacting {fqdn}; its \
                 database and data stay there until crdb purge-instance runs on {fqdn}",
                removed.id,
                subject(&crdb)
            ),
            // modify_request's `remove_instances.force_remove` (R:objects/crdb/modify_request.md)
            // can only sit beside the id array: sent at the top level, and only when asked for.
            json!({ "remove_instances": [removed.id], "force_remove": true }),
        )
    } else {
        (
            format!(
                "removing instance {} from {} deletes its database and data on {fqdn}",
                removed.id,
                subject(&crdb)
            ),
            json!({ "remove_instances": [removed.id] }),
        )
    };
    let plan = Destruction {
        subject: subject(&crdb),
        what,
        instances: vec![describe(removed)],
        call: Call::Modify,
        path: format!("/v1/crdbs/{guid}/updates"),
        body,
    };
    execute(ctx, &client, guid, &plan, &args.destroy)
}

pub fn purge_instance(ctx: &Context, args: &CrdbPurgeInstanceArgs) -> CliResult<()> {
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let crdb = client.crdb(guid).map_err(unknown_guid(guid))?;
    let purged = instance(&crdb, args.instance_id)?;
    // The API "must be executed locally on the removed instance" (R:requests/crdbs/purge.md):
    // when the cluster names its local instances, any other one is refused before sending.
    if !crdb.local_databases.is_empty()
        && !crdb
            .local_databases
            .iter()
            .any(|local| local.id == purged.id)
    {
        return Err(CliError::new(
            ExitKind::Refused,
            format!(
                "instance {} is on {}, not on the cluster rsadmin talks to; purge-instance runs \
                 on the removed instance's own cluster: connect to {} (--cluster or --profile); \
                 nothing was sent",
                purged.id, purged.cluster.name, purged.cluster.name
            ),
        ));
    }
    let plan = Destruction {
        subject: subject(&crdb),
        what: format!(
            "purging instance {} deletes the database and data of {} on {}",
            purged.id,
            subject(&crdb),
            purged.cluster.name
        ),
        instances: vec![describe(purged)],
        call: Call::Purge,
        path: format!("/v1/crdbs/{guid}/purge"),
        body: json!({ "instances": [purged.id] }),
    };
    execute(ctx, &client, guid, &plan, &args.destroy)
}
