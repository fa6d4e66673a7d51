//! `crdb create`: build the crdb object from crdb-cli's flags (with crdb-cli's defaults), check
//! the OSS Cluster API prerequisites when it is asked for, `POST /v1/crdbs`, follow the task.

use serde_json::{Map, Value, json};

use super::config::{default_db_config, parse_memory_size, set_flag, set_settings_flags};
use super::gate;
use super::instance::{self, ParticipantSpec, SpecFlag};
use super::progress::{self, GuidReport};
use crate::checks::STANDARD_SHARD_KEY_REGEX;
use crate::cli::crdb::CrdbCreateArgs;
use crate::commands::Context;
use crate::error::{CliError, CliResult};

/// crdb-cli's defaults (cli-grammar.md §6), which differ from the REST API's: sharding on,
/// replication off, OSS Cluster API off, eviction `noeviction`, compression 3.
const DEFAULT_SHARDING: bool = true;
const DEFAULT_REPLICATION: bool = false;
const DEFAULT_EVICTION_POLICY: &str = "noeviction";
pub const DEFAULT_COMPRESSION: u8 = 3;

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
            gate::Gated::Create { name: &plan.name },
        )?;
    }
    let body = request_body(&plan)?;
    let client = ctx.client()?;
    let task = client.create_crdb(&body)?;
    progress::follow(ctx, &client, task, &args.wait, GuidReport::Announce)
}

fn plan(args: &CrdbCreateArgs) -> CliResult<CreatePlan> {
    // One --instance is accepted as crdb-cli accepts it (the grammar sets no minimum; more
    // clusters join later with add-instance): the cluster decides.
    let instances = args
        .instances
        .iter()
        .map(|raw| instance::parse(raw, SpecFlag::Instance))
        .collect::<CliResult<Vec<_>>>()?;
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
    set_settings_flags(&mut config, &args.settings)?;
    set_flag(
        &mut config,
        "oss_sharding",
        args.oss_sharding.map(Value::Bool),
    );
    set_flag(&mut config, "bigstore", args.bigstore.map(Value::Bool));
    set_flag(
        &mut config,
        "authentication_redis_pass",
        database_password(args)?.map(Value::String),
    );
    if !args.with_modules.is_empty() {
        let modules = args
            .with_modules
            .iter()
            .map(|raw| with_module(raw))
            .collect::<CliResult<Vec<_>>>()?;
        config.insert("module_list".into(), Value::Array(modules));
    }
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

/// `--password` (discouraged on stderr, like `password=`) or `--password-env VAR`.
fn database_password(args: &CrdbCreateArgs) -> CliResult<Option<String>> {
    if args.password.is_some() {
        eprintln!(
            "warning: --password puts the database password in the process list and shell \
             history; prefer --password-env VAR"
        );
        return Ok(args.password.clone());
    }
    args.password_env
        .as_deref()
        .map(|variable| {
            std::env::var(variable).map_err(|_| {
                CliError::usage(format!(
                    "--password-env {variable}: the environment variable {variable} is not set \
                     (it should hold the database password)"
                ))
            })
        })
        .transpose()
}

/// `--with-module name=<module>,version=<version>,args=<args>`: a `module_list` entry of the
/// crdb's database_config (R:objects/crdb/database_config.md). `args=` comes last and keeps its
/// commas, since module arguments may hold them.
fn with_module(raw: &str) -> CliResult<Value> {
    let (head, args) = match raw.find("args=") {
        Some(index) => (raw[..index].trim_end_matches(','), Some(&raw[index + 5..])),
        None => (raw, None),
    };
    let mut module = Map::new();
    for item in head.split(',').filter(|item| !item.is_empty()) {
        let field = match item.split_once('=') {
            Some(("name", value)) => ("module_name", value),
            Some(("version", value)) => ("semantic_version", value),
            _ => {
                return Err(CliError::usage(format!(
                    "invalid --with-module {raw:?}: expected name=<module>[,version=<version>][,args=<args>]"
                )));
            }
        };
        module.insert(field.0.into(), json!(field.1));
    }
    if !module.contains_key("module_name") {
        return Err(CliError::usage(format!(
            "invalid --with-module {raw:?}: name=<module> is required"
        )));
    }
    module.insert("module_args".into(), json!(args.unwrap_or_default()));
    Ok(Value::Object(module))
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

/// The `POST /v1/crdbs` body (rest-api.md §6.3), with each instance's password resolved.
fn request_body(plan: &CreatePlan) -> CliResult<Value> {
    let instances = plan
        .instances
        .iter()
        .map(|spec| spec.instance_info(plan.compression))
        .collect::<CliResult<Vec<_>>>()?;
    Ok(json!({
        "name": plan.name,
        "encryption": plan.encryption,
        "causal_consistency": plan.causal_consistency,
        "default_db_config": plan.default_db_config,
        "instances": instances,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_module_keeps_commas_in_args() {
        assert_eq!(
            with_module("name=search,version=2.8.9,args=PARTITIONS AUTO,x").unwrap(),
            json!({"module_name": "search", "semantic_version": "2.8.9",
                   "module_args": "PARTITIONS AUTO,x"})
        );
        assert_eq!(
            with_module("name=ReJSON").unwrap(),
            json!({"module_name": "ReJSON", "module_args": ""})
        );
        assert!(with_module("version=1").is_err());
        assert!(with_module("name=x,bogus=1").is_err());
    }

    #[test]
    fn crdb_booleans_take_crdb_clis_words() {
        use crate::cli::crdb::crdb_bool;
        assert_eq!(crdb_bool("yes"), Ok(true));
        assert_eq!(crdb_bool("No"), Ok(false));
        assert_eq!(crdb_bool("true"), Ok(true));
        assert!(crdb_bool("maybe").is_err());
    }
}
