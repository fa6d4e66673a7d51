//! `crdb create|update|list|get|delete|add-instance|remove-instance|purge-instance|flush|
//! health-report`: crdb-cli's grammar (cli-grammar.md §6).

use std::path::PathBuf;

use clap::{ArgAction, Args, Subcommand, ValueHint};

pub const INSTANCE_HELP: &str = "\
Instance keys (--instance, repeat once per participating cluster):
  fqdn=<cluster FQDN>            required
  url=https://<host>:9443        the cluster's REST API (default: https://<fqdn>:9443)
  username=<user>                required unless profile= gives it
  profile=<name>                 user, URL and keyring password of a saved profile
  password-env=<VAR>             read the password from environment variable VAR
  password=<password>            works, but shows the password in the process list and history
  replication_endpoint=<host:port>, replication_tls_sni=<host>
Without password= or password-env=, the password comes from RSADMIN_INSTANCE_PASSWORD, or a
prompt on a terminal.";

const EVICTION_POLICIES: [&str; 8] = [
    "noeviction",
    "allkeys-lru",
    "allkeys-lfu",
    "allkeys-random",
    "volatile-lru",
    "volatile-lfu",
    "volatile-random",
    "volatile-ttl",
];

/// crdb-cli's booleans: `true|false`, and the `yes|no` its examples also use.
pub fn crdb_bool(raw: &str) -> Result<bool, String> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "yes" => Ok(true),
        "false" | "no" => Ok(false),
        _ => Err(format!("expected true|false (or yes|no), got {raw:?}")),
    }
}

#[derive(Debug, Args)]
pub struct CrdbArgs {
    #[command(subcommand)]
    pub command: CrdbCommand,
}

#[derive(Debug, Subcommand)]
pub enum CrdbCommand {
    /// Create an Active-Active database on every participating cluster
    #[command(after_help = INSTANCE_HELP)]
    Create(Box<CrdbCreateArgs>),
    /// Change the configuration of every instance (PATCH)
    Update(Box<CrdbUpdateArgs>),
    /// One row per instance of every Active-Active database
    List(CrdbListArgs),
    /// Show one Active-Active database
    Get(CrdbGuidArgs),
    /// Delete an Active-Active database and all its instances
    Delete(CrdbDeleteArgs),
    /// Add a participating cluster: a new instance with the crdb's default_db_config
    #[command(after_help = INSTANCE_HELP)]
    AddInstance(CrdbAddInstanceArgs),
    /// Remove an instance: its database and data are deleted on its cluster (--force: not
    /// contacted; run purge-instance there later)
    RemoveInstance(CrdbRemoveInstanceArgs),
    /// On the cluster of a force-removed instance: delete that instance's database and data
    PurgeInstance(CrdbPurgeInstanceArgs),
    /// Delete every key of every instance (irreversible)
    Flush(CrdbFlushArgs),
    /// The health report of each participating cluster (crdb-cli's JSON)
    HealthReport(CrdbGuidArgs),
}

/// `--wait` (the default) streams the task's status; `--no-wait` prints the task id and returns.
#[derive(Debug, Clone, Args)]
pub struct WaitArgs {
    /// Wait for the task to end, printing each status change (default)
    #[arg(long, overrides_with = "no_wait")]
    pub wait: bool,
    /// Print the task id and return without waiting
    #[arg(long)]
    pub no_wait: bool,
    /// Seconds to wait for the task to end (1 to 86400)
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = crate::limits::wait_seconds)]
    pub timeout: u64,
}

#[derive(Debug, Args)]
pub struct CrdbCreateArgs {
    /// Database name
    #[arg(long)]
    pub name: String,
    /// Memory limit per instance: bytes, or with a unit (100mb, 1GB, 10g)
    #[arg(long, value_name = "SIZE")]
    pub memory_size: String,
    /// A participating cluster: fqdn=...,username=...,password-env=VAR[,url=...] or fqdn=...,profile=NAME
    #[arg(long = "instance", value_name = "KEY=VALUE,...", required = true)]
    pub instances: Vec<String>,
    /// The same database port on every cluster
    #[arg(long)]
    pub port: Option<u16>,
    /// Shard the database (cannot be changed later; default true)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub sharding: Option<bool>,
    /// Master shards per instance
    #[arg(long, value_name = "N")]
    pub shards_count: Option<u16>,
    /// Hashing rule: one regex with a (?<tag>...) group, or a JSON array of {"regex": ...}
    #[arg(long, value_name = "REGEX")]
    pub shard_key_regex: Option<String>,
    /// Replica shards (default false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub replication: Option<bool>,
    /// Proxy policy of every instance
    #[arg(long, value_parser = ["all-nodes", "all-master-shards", "single"])]
    pub proxy_policy: Option<String>,
    /// Database password: works, but shows it in the process list and history (see --password-env)
    #[arg(long, value_name = "PASSWORD", conflicts_with = "password_env")]
    pub password: Option<String>,
    /// Read the database password from environment variable VAR
    #[arg(long, value_name = "VAR")]
    pub password_env: Option<String>,
    /// Hash keys as OSS Redis Cluster does instead of by regex rules
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub oss_sharding: Option<bool>,
    /// Auto Tiering (the cluster decides whether it can)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub bigstore: Option<bool>,
    /// A module for every instance: name=<module>,version=<version>,args=<module args> (repeatable)
    #[arg(long = "with-module", value_name = "name=...,version=...,args=...")]
    pub with_modules: Vec<String>,
    #[command(flatten)]
    pub settings: CrdbSettingsArgs,
    #[command(flatten)]
    pub config: DefaultDbConfigArgs,
    #[command(flatten)]
    pub wait: WaitArgs,
}

/// What `crdb create` sets and `crdb update` changes; create fills in the defaults named here.
#[derive(Debug, Clone, Args)]
pub struct CrdbSettingsArgs {
    /// Enable or disable the OSS Cluster API on every instance (create's default: false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub oss_cluster: Option<bool>,
    /// Eviction policy (create's default: noeviction)
    #[arg(long, value_parser = EVICTION_POLICIES)]
    pub eviction_policy: Option<String>,
    /// Encrypt traffic between the clusters (create's default: false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub encryption: Option<bool>,
    /// Causal consistency (create's default: false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false", value_parser = crdb_bool)]
    pub causal_consistency: Option<bool>,
    /// Compression of replication traffic, 0-6 (create's default: 3)
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=6))]
    pub compression: Option<u8>,
    /// RAM part of an Auto Tiering database per instance: bytes, or with a unit
    #[arg(long, value_name = "SIZE")]
    pub bigstore_ram_size: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DefaultDbConfigArgs {
    /// database_config fields as JSON, e.g. '{"shards_count": 2}'
    #[arg(long, value_name = "JSON", conflicts_with = "default_db_config_file")]
    pub default_db_config: Option<String>,
    /// database_config fields from a JSON file
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub default_db_config_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CrdbUpdateArgs {
    #[arg(long, value_name = "GUID", value_parser = crate::limits::object_id)]
    pub crdb_guid: String,
    /// New memory limit per instance
    #[arg(long, value_name = "SIZE")]
    pub memory_size: Option<String>,
    #[command(flatten)]
    pub settings: CrdbSettingsArgs,
    /// New credentials for one instance: id=<instance id>,username=...,password-env=VAR (or profile=NAME)
    #[arg(long, value_name = "KEY=VALUE,...")]
    pub credentials: Vec<String>,
    /// Send the update even if nothing changes
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub not_implemented: NotImplementedUpdateFlags,
    #[command(flatten)]
    pub config: DefaultDbConfigArgs,
    #[command(flatten)]
    pub wait: WaitArgs,
}

/// crdb-cli's documented `crdb update` flags that rsadmin does not implement. The parser accepts
/// them (hidden) so that the command names them in its refusal instead of clap's "unexpected
/// argument" (exit 2 either way, nothing sent).
#[derive(Debug, Clone, Args)]
pub struct NotImplementedUpdateFlags {
    #[arg(long, hide = true, value_name = "true|false")]
    pub featureset_version: Option<String>,
    #[arg(long, hide = true, value_name = "name=...,featureset_version=...")]
    pub update_module: Vec<String>,
    #[arg(long, hide = true, value_name = "true|false")]
    pub update_db_config_modules: Option<String>,
}

impl NotImplementedUpdateFlags {
    /// The first such flag given, and what it does.
    pub fn first(&self) -> Option<(&'static str, &'static str)> {
        [
            (
                self.featureset_version.is_some(),
                "--featureset-version",
                "it upgrades the Active-Active feature set version",
            ),
            (
                !self.update_module.is_empty(),
                "--update-module",
                "it upgrades a module's feature set on every instance",
            ),
            (
                self.update_db_config_modules.is_some(),
                "--update-db-config-modules",
                "it refreshes the module information of default_db_config",
            ),
        ]
        .into_iter()
        .find_map(|(given, flag, what)| given.then_some((flag, what)))
    }
}

#[derive(Debug, Args)]
pub struct CrdbListArgs {
    /// Accepted for crdb-cli compatibility; the table is the same
    #[arg(long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct CrdbGuidArgs {
    #[arg(long, value_name = "GUID", value_parser = crate::limits::object_id)]
    pub crdb_guid: String,
}

#[derive(Debug, Args)]
pub struct CrdbDeleteArgs {
    #[arg(long, value_name = "GUID", value_parser = crate::limits::object_id)]
    pub crdb_guid: String,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct CrdbAddInstanceArgs {
    #[arg(long, value_name = "GUID")]
    pub crdb_guid: String,
    /// The new participating cluster: fqdn=...,username=...,password-env=VAR[,url=...] or fqdn=...,profile=NAME
    #[arg(long = "instance", value_name = "KEY=VALUE,...", required = true)]
    pub instances: Vec<String>,
    /// Compression of replication traffic to the new instance, 0-6 (default 3)
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=6))]
    pub compression: Option<u8>,
    #[command(flatten)]
    pub wait: WaitArgs,
}

/// What the commands that delete data share: `--dry-run` shows what would go.
#[derive(Debug, Clone, Args)]
pub struct DestroyArgs {
    /// Show what would be deleted and the REST call; send nothing
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct CrdbRemoveInstanceArgs {
    #[arg(long, value_name = "GUID")]
    pub crdb_guid: String,
    /// The instance to remove (REPL-ID in crdb list)
    #[arg(long, value_name = "ID")]
    pub instance_id: u64,
    /// Remove without contacting the instance's cluster (it keeps its data until purge-instance)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub destroy: DestroyArgs,
}

#[derive(Debug, Args)]
pub struct CrdbPurgeInstanceArgs {
    #[arg(long, value_name = "GUID")]
    pub crdb_guid: String,
    /// The local instance of the cluster rsadmin talks to
    #[arg(long, value_name = "ID")]
    pub instance_id: u64,
    #[command(flatten)]
    pub destroy: DestroyArgs,
}

#[derive(Debug, Args)]
pub struct CrdbFlushArgs {
    #[arg(long, value_name = "GUID")]
    pub crdb_guid: String,
    #[command(flatten)]
    pub destroy: DestroyArgs,
}
