//! `crdb create|update|list|get|delete`: crdb-cli's grammar (cli-grammar.md §6).

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

#[derive(Debug, Args)]
pub struct CrdbArgs {
    #[command(subcommand)]
    pub command: CrdbCommand,
}

#[derive(Debug, Subcommand)]
pub enum CrdbCommand {
    /// Create an Active-Active database on every participating cluster
    #[command(after_help = INSTANCE_HELP)]
    Create(CrdbCreateArgs),
    /// Change the configuration of every instance (PATCH)
    Update(CrdbUpdateArgs),
    /// One row per instance of every Active-Active database
    List(CrdbListArgs),
    /// Show one Active-Active database
    Get(CrdbGuidArgs),
    /// Delete an Active-Active database and all its instances
    Delete(CrdbDeleteArgs),
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
    #[arg(long, action = ArgAction::Set, value_name = "true|false")]
    pub sharding: Option<bool>,
    /// Master shards per instance
    #[arg(long, value_name = "N")]
    pub shards_count: Option<u16>,
    /// Hashing rule: one regex with a (?<tag>...) group, or a JSON array of {"regex": ...}
    #[arg(long, value_name = "REGEX")]
    pub shard_key_regex: Option<String>,
    /// Replica shards (default false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false")]
    pub replication: Option<bool>,
    /// Proxy policy of every instance
    #[arg(long, value_parser = ["all-nodes", "all-master-shards", "single"])]
    pub proxy_policy: Option<String>,
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
    #[arg(long, action = ArgAction::Set, value_name = "true|false")]
    pub oss_cluster: Option<bool>,
    /// Eviction policy (create's default: noeviction)
    #[arg(long, value_parser = EVICTION_POLICIES)]
    pub eviction_policy: Option<String>,
    /// Encrypt traffic between the clusters (create's default: false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false")]
    pub encryption: Option<bool>,
    /// Causal consistency (create's default: false)
    #[arg(long, action = ArgAction::Set, value_name = "true|false")]
    pub causal_consistency: Option<bool>,
    /// Compression of replication traffic, 0-6 (create's default: 3)
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=6))]
    pub compression: Option<u8>,
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
    pub config: DefaultDbConfigArgs,
    #[command(flatten)]
    pub wait: WaitArgs,
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
