//! `crdb update --crdb-guid <guid> ...`: `PATCH /v1/crdbs/<guid>` with the changed
//! `default_db_config` fields, top-level flags and instance credentials, then follow the task.

use serde_json::{Map, Value, json};

use super::config::{default_db_config, parse_memory_size, set_flag, set_settings_flags};
use super::instance::{self, Participant, ParticipantSpec, SpecFlag};
use super::progress::{self, GuidReport};
use super::{gate, unknown_guid};
use crate::api::ApiClient;
use crate::api::crdb::Crdb;
use crate::cli::crdb::CrdbUpdateArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};
use crate::output;

/// The validated flags of one update.
struct UpdatePlan {
    config_changes: Map<String, Value>,
    encryption: Option<bool>,
    causal_consistency: Option<bool>,
    compression: Option<u8>,
    credentials: Vec<ParticipantSpec>,
}

impl UpdatePlan {
    /// True when the PATCH would change nothing the crdb shows (credentials always count).
    fn changes_nothing(&self, crdb: &Crdb) -> bool {
        let config_same = self
            .config_changes
            .iter()
            .all(|(key, value)| crdb.default_db_config.get(key) == Some(value));
        let compression_same = self.compression.is_none_or(|level| {
            crdb.instances
                .iter()
                .all(|instance| instance.compression == Some(u64::from(level)))
        });
        config_same
            && compression_same
            && self
                .encryption
                .is_none_or(|value| crdb.encryption == Some(value))
            && self
                .causal_consistency
                .is_none_or(|value| crdb.causal_consistency == Some(value))
            && self.credentials.is_empty()
    }
}

pub fn run(ctx: &Context, args: &CrdbUpdateArgs) -> CliResult<()> {
    let plan = plan(args)?;
    let guid = args.crdb_guid.as_str();
    let client = ctx.client()?;
    let crdb = client.crdb(guid).map_err(unknown_guid(guid))?;
    if plan.config_changes.get("oss_cluster") == Some(&json!(true)) {
        let after = instance_after(&client, &crdb, &plan)?;
        gate::check(&after, gate::Gated::Update { guid })?;
    }
    if !args.force && plan.changes_nothing(&crdb) {
        if ctx.json() {
            output::print_json(&crdb);
        } else {
            println!("crdb {guid}: nothing to update (--force sends the update anyway)");
        }
        return Ok(());
    }
    let body = patch_body(&plan, &crdb)?;
    let task = client
        .update_crdb(guid, &body)
        .map_err(unknown_guid(guid))?;
    progress::follow(ctx, &client, task, &args.wait, GuidReport::Silent)
}

/// What the prerequisites are checked on: the local instance database as it is (settings the
/// crdb leaves unset, such as a proxy policy chosen per cluster, come from there), under the
/// crdb's `default_db_config` with the changes applied.
fn instance_after(
    client: &ApiClient,
    crdb: &Crdb,
    plan: &UpdatePlan,
) -> CliResult<Map<String, Value>> {
    let local_uid = crdb
        .local_databases
        .first()
        .and_then(|local| local.bdb_uid.parse::<u64>().ok());
    let mut after = match local_uid {
        Some(uid) => match client.bdb_json(uid)? {
            Value::Object(bdb) => bdb,
            _ => Map::new(),
        },
        None => Map::new(),
    };
    after.extend(crdb.default_db_config.clone());
    after.extend(plan.config_changes.clone());
    Ok(after)
}

fn plan(args: &CrdbUpdateArgs) -> CliResult<UpdatePlan> {
    if let Some((flag, what)) = args.not_implemented.first() {
        return Err(CliError::usage(format!(
            "crdb update {flag} is not supported by rsadmin ({what}); run it with crdb-cli on a \
             cluster node. Nothing was sent."
        )));
    }
    let mut config_changes = default_db_config(&args.config)?;
    set_settings_flags(&mut config_changes, &args.settings)?;
    let memory_size = args
        .memory_size
        .as_deref()
        .map(parse_memory_size)
        .transpose()?;
    set_flag(
        &mut config_changes,
        "memory_size",
        memory_size.map(|bytes| json!(bytes)),
    );
    let credentials = args
        .credentials
        .iter()
        .map(|raw| instance::parse(raw, SpecFlag::Credentials))
        .collect::<CliResult<Vec<_>>>()?;
    let plan = UpdatePlan {
        config_changes,
        encryption: args.settings.encryption,
        causal_consistency: args.settings.causal_consistency,
        compression: args.settings.compression,
        credentials,
    };
    let empty = plan.config_changes.is_empty()
        && plan.encryption.is_none()
        && plan.causal_consistency.is_none()
        && plan.compression.is_none()
        && plan.credentials.is_empty();
    if empty && !args.force {
        return Err(CliError::usage(
            "nothing to update: give at least one of --oss-cluster, --memory-size, \
             --eviction-policy, --encryption, --causal-consistency, --compression, \
             --credentials, --default-db-config[-file] (or --force)",
        ));
    }
    Ok(plan)
}

/// The PATCH body: only what the flags set.
fn patch_body(plan: &UpdatePlan, crdb: &Crdb) -> CliResult<Value> {
    let mut body = Map::new();
    if !plan.config_changes.is_empty() {
        body.insert(
            "default_db_config".into(),
            Value::Object(plan.config_changes.clone()),
        );
    }
    set_flag(&mut body, "encryption", plan.encryption.map(Value::Bool));
    set_flag(
        &mut body,
        "causal_consistency",
        plan.causal_consistency.map(Value::Bool),
    );
    let mut instances: Vec<Value> = Vec::new();
    for spec in &plan.credentials {
        let Participant::InstanceId(id) = spec.participant else {
            return Err(CliError::usage("--credentials needs id="));
        };
        if !crdb.instances.iter().any(|instance| instance.id == id) {
            let ids: Vec<String> = crdb.instances.iter().map(|i| i.id.to_string()).collect();
            return Err(CliError::usage(format!(
                "--credentials id={id}: crdb {} has no instance {id} (instances: {})",
                crdb.guid,
                ids.join(", ")
            )));
        }
        instances.push(json!({ "id": id, "cluster": { "credentials": spec.credentials()? } }));
    }
    if let Some(level) = plan.compression {
        instances.extend(
            crdb.instances
                .iter()
                .map(|instance| json!({ "id": instance.id, "compression": level })),
        );
    }
    if !instances.is_empty() {
        body.insert("instances".into(), Value::Array(instances));
    }
    Ok(Value::Object(body))
}
