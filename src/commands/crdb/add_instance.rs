//! `crdb add-instance --crdb-guid <guid> --instance fqdn=...,...`: the new instance gets the
//! crdb's `default_db_config`, so the OSS Cluster API prerequisites are checked on it (exit 3,
//! nothing sent); then `POST /v1/crdbs/<guid>/updates` with `add_instances` (the reference's
//! only way to add an instance: R:requests/crdbs/updates.md) and the task is followed.

use serde_json::json;

use super::create::DEFAULT_COMPRESSION;
use super::instance::{self, Participant, SpecFlag};
use super::progress::{self, GuidReport};
use super::{gate, unknown_guid};
use crate::cli::crdb::CrdbAddInstanceArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult, ExitKind};

pub fn run(ctx: &Context, args: &CrdbAddInstanceArgs) -> CliResult<()> {
    let specs = args
        .instances
        .iter()
        .map(|raw| instance::parse(raw, SpecFlag::Instance))
        .collect::<CliResult<Vec<_>>>()?;
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let crdb = client.crdb(guid).map_err(unknown_guid(guid))?;
    for spec in &specs {
        if let Participant::Fqdn(fqdn) = &spec.participant
            && crdb
                .instances
                .iter()
                .any(|instance| instance.cluster.name.eq_ignore_ascii_case(fqdn))
        {
            return Err(CliError::new(
                ExitKind::Conflict,
                format!(
                    "cluster {fqdn} already participates in crdb {guid}; nothing was sent \
                     (see: rsadmin crdb get --crdb-guid {guid})"
                ),
            ));
        }
    }
    if crdb.default_db_config.get("oss_cluster") == Some(&json!(true)) {
        gate::check(&crdb.default_db_config, gate::Gated::AddInstance { guid })?;
    }
    // Passwords are read only now that the checks passed.
    let compression = args.compression.unwrap_or(DEFAULT_COMPRESSION);
    let added = specs
        .iter()
        .map(|spec| spec.instance_info(compression))
        .collect::<CliResult<Vec<_>>>()?;
    let task = client
        .modify_crdb(guid, &json!({ "add_instances": added }))
        .map_err(unknown_guid(guid))?;
    progress::follow(ctx, &client, task, &args.wait, GuidReport::Silent)
}
