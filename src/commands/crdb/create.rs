//! `crdb create`: build the crdb object from crdb-cli's flags (with crdb-cli's defaults), check
//! the OSS Cluster API prerequisites when it is asked for, `POST /v1/crdbs`, follow the task.

use serde_json::{Map, Value, json};

use super::config::{default_db_config, parse_memory_size, set_flag, set_settings_flags};
use super::gate;
use super::instance::{self, Participant, ParticipantSpec, SpecFlag};
use super::progress::{self, GuidReport};
use crate::checks::{Origin, STANDARD_SHARD_KEY_REGEX};
use crate::cli::crdb::CrdbCreateArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};

/// crdb-cli's defaults (cli-grammar.md §6), which differ from the REST API's: sharding on,
/// replication off, OSS Cluster API off, eviction `noeviction`, compression 3.
const DEFAULT_SHARDING: bool = true;
const DEFAULT_REPLICATION: bool = false;
const DEFAULT_EVICTION_POLICY: &str = "noeviction";
const DEFAULT_COMPRESSION: u8 = 3;

/// The validated request: everything but the instance passwords, which are read only once
/// the prerequisites pass.
#[derive(Debug)]
struct CreatePlan {
    name: String,
    default_db_config: Map<String, Value>,
    instances: Vec<ParticipantSpec>,
    compression: u8,
    encryption: bool,
    causal_consistency: bool,
}

pub fn run(ctx: &Context, args: &CrdbCreateArgs) -> CliResult<()> {
    let plan = plan(args)?;
    if plan.default_db_config.get("oss_cluster") == Some(&json!(true)) {
        gate::check(
            &plan.default_db_config,
            Origin::CrdbCreate,
            &format!("crdb {}", plan.name),
        )?;
    }
    let body = request_body(&plan)?;
    let client = ctx.client()?;
    let task = client.create_crdb(&body)?;
    progress::follow(ctx, &client, task, &args.wait, GuidReport::Announce)
}

fn plan(args: &CrdbCreateArgs) -> CliResult<CreatePlan> {
    let instances = args
        .instances
        .iter()
        .map(|raw| instance::parse(raw, SpecFlag::Instance))
        .collect::<CliResult<Vec<_>>>()?;
    if instances.len() < 2 {
        return Err(CliError::usage(
            "an Active-Active database needs at least two --instance values, one per \
             participating cluster",
        ));
    }
    let mut config = default_db_config(&args.config)?;
    config.insert("name".into(), json!(args.name));
    config.insert(
        "memory_size".into(),
        json!(parse_memory_size(&args.memory_size)?),
    );
    set_flag(&mut config, "port", args.port.map(|port| json!(port)));
    set_flag(&mut config, "sharding", args.sharding.map(Value::Bool));
    set_flag(
        &mut config,
        "shards_count",
        args.shards_count.map(|count| json!(count)),
    );
    set_flag(
        &mut config,
        "replication",
        args.replication.map(Value::Bool),
    );
    set_flag(
        &mut config,
        "proxy_policy",
        args.proxy_policy.clone().map(Value::String),
    );
    set_settings_flags(&mut config, &args.settings);
    let regex = args
        .shard_key_regex
        .as_deref()
        .map(shard_key_regex)
        .transpose()?;
    set_flag(&mut config, "shard_key_regex", regex);
    config.entry("sharding").or_insert(json!(DEFAULT_SHARDING));
    config
        .entry("replication")
        .or_insert(json!(DEFAULT_REPLICATION));
    config.entry("oss_cluster").or_insert(json!(false));
    config
        .entry("eviction_policy")
        .or_insert(json!(DEFAULT_EVICTION_POLICY));
    if config.get("sharding") == Some(&json!(true)) && !config.contains_key("shard_key_regex") {
        config.insert("shard_key_regex".into(), standard_shard_key_regex());
    }
    Ok(CreatePlan {
        name: args.name.clone(),
        default_db_config: config,
        instances,
        compression: args.settings.compression.unwrap_or(DEFAULT_COMPRESSION),
        encryption: args.settings.encryption.unwrap_or(false),
        causal_consistency: args.settings.causal_consistency.unwrap_or(false),
    })
}

fn standard_shard_key_regex() -> Value {
    Value::Array(
        STANDARD_SHARD_KEY_REGEX
            .iter()
            .map(|regex| json!({ "regex": regex }))
            .collect(),
    )
}

/// `--shard-key-regex`: a JSON array of `{"regex": ...}` rules, or one regex.
fn shard_key_regex(raw: &str) -> CliResult<Value> {
    if raw.trim_start().starts_with('[') {
        let rules: Vec<Value> = serde_json::from_str(raw).map_err(|err| {
            CliError::usage(format!(
                "--shard-key-regex is not a JSON array of rules: {err}"
            ))
        })?;
        if rules.iter().all(|rule| rule["regex"].is_string()) {
            return Ok(Value::Array(rules));
        }
        return Err(CliError::usage(
            r#"--shard-key-regex rules look like [{"regex": ".*\\{(?<tag>.*)\\}.*"}, {"regex": "(?<tag>.*)"}]"#,
        ));
    }
    if !raw.contains("(?<tag>") {
        return Err(CliError::usage(format!(
            "--shard-key-regex {raw:?} needs a (?<tag>...) group naming the part that is hashed"
        )));
    }
    Ok(json!([{ "regex": raw }]))
}

/// The REST API port of a participant given without `url=` (crdb-cli's default).
const DEFAULT_REST_PORT: u16 = 9443;

/// The `POST /v1/crdbs` body (rest-api.md §6.3), with each instance's password resolved.
fn request_body(plan: &CreatePlan) -> CliResult<Value> {
    let instances = plan
        .instances
        .iter()
        .map(|spec| {
            let Participant::Fqdn(fqdn) = &spec.participant else {
                return Err(CliError::usage("--instance needs fqdn="));
            };
            // The reference marks `cluster.url` required; without url= it is crdb-cli's
            // documented form, the FQDN on the default REST port.
            let url = spec
                .url
                .clone()
                .unwrap_or_else(|| format!("https://{fqdn}:{DEFAULT_REST_PORT}"));
            let mut cluster =
                json!({ "name": fqdn, "url": url, "credentials": spec.credentials()? });
            for (key, value) in [
                ("replication_endpoint", &spec.replication_endpoint),
                ("replication_tls_sni", &spec.replication_tls_sni),
            ] {
                if let Some(value) = value {
                    cluster[key] = json!(value);
                }
            }
            Ok(json!({ "cluster": cluster, "compression": plan.compression }))
        })
        .collect::<CliResult<Vec<_>>>()?;
    Ok(json!({
        "name": plan.name,
        "encryption": plan.encryption,
        "causal_consistency": plan.causal_consistency,
        "default_db_config": plan.default_db_config,
        "instances": instances,
    }))
}
