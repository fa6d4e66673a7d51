//! clap definitions only: one file per command group. Parsing stops at raw strings and simple
//! enums; commands validate them into typed plans.

pub mod bind;
pub mod check;
pub mod completion;
pub mod crdb;
pub mod doctor;
pub mod examples;
pub mod failover;
pub mod generate;
pub mod info;
pub mod install_aliases;
pub mod keyslot;
pub mod migrate;
pub mod node;
pub mod parse_error;
pub mod placement;
pub mod profile;
pub mod status;
pub mod task;
pub mod tune;
pub mod verify;
pub mod words;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueHint};
use clap_complete::ArgValueCandidates;

use crate::config::ConnectionInput;
use crate::output::OutputFormat;

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  done (also: nothing to change)
  1  the operation failed on the cluster
  2  usage error: bad flag, unknown key, invalid value (nothing was sent)
  3  refused: prerequisites not met (nothing was changed)
  4  authentication or permission failure
  5  not found (database, node, endpoint, crdb, task)
  6  conflict: the cluster is busy or the object changed underneath
  7  timed out waiting for the cluster
  8  cannot connect / TLS failure";

pub const ENVIRONMENT_HELP: &str = "\
Environment:
  RSADMIN_URL       cluster REST API URL, like --cluster (https://<node>:9443)
  RSADMIN_USER      user, like --user
  RSADMIN_PASSWORD  password (there is no --password flag; without it rsadmin prompts on a terminal)
  RSADMIN_CA_CERT   CA certificate file, like --ca-cert
  RSADMIN_INSECURE  skip TLS verification, like --insecure (1/0, true/false, yes/no, on/off)
  RSADMIN_PROFILE   profile name, like --profile
  RSADMIN_INSTANCE_PASSWORD  password of each crdb --instance/--credentials that names none
  RSADMIN_DB_PASSWORD  database password for verify and doctor (else: profile set-db-password)
  XDG_CONFIG_HOME   profiles are kept in $XDG_CONFIG_HOME/rsadmin/profiles.toml (default ~/.config)";

/// The command tree with the examples of every command's help (`examples`): what `main` parses
/// and what the completions and man pages are generated from.
pub fn command() -> clap::Command {
    examples::with_examples(<Cli as clap::CommandFactory>::command())
}

#[derive(Debug, Parser)]
#[command(
    name = "rsadmin",
    version,
    about = "Manage the OSS Cluster API of Redis Software databases over the REST API",
    long_about = "Manage the OSS Cluster API of Redis Software databases from anywhere the REST API \
                  (port 9443) is reachable, with rladmin's grammar: check prerequisites, show the \
                  plan, apply, wait, read back.",
    after_help = format!("{EXIT_CODES_HELP}\n\n{ENVIRONMENT_HELP}")
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Cluster REST API URL, e.g. https://cluster.example.com:9443
    #[arg(long = "cluster", env = "RSADMIN_URL", global = true, value_name = "URL", value_hint = ValueHint::Url)]
    pub url: Option<String>,
    /// User name (an email on Redis Software)
    #[arg(long, env = "RSADMIN_USER", global = true, value_name = "USER")]
    pub user: Option<String>,
    /// Trust this CA certificate (PEM) in addition to the public CAs
    #[arg(long, env = "RSADMIN_CA_CERT", global = true, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub ca_cert: Option<PathBuf>,
    /// Do not verify the server certificate (prints a warning; refused for a pinned profile)
    #[arg(long, env = "RSADMIN_INSECURE", global = true,
          value_parser = yes_or_no)]
    pub insecure: bool,
    /// Use a saved connection profile
    #[arg(long, env = "RSADMIN_PROFILE", global = true, value_name = "PROFILE",
          add = ArgValueCandidates::new(completion::profile_names))]
    pub profile: Option<String>,
    /// Output format: rladmin-style text, or one JSON document on stdout
    #[arg(short = 'o', long, value_enum, default_value_t = OutputFormat::Text, global = true)]
    pub output: OutputFormat,
    /// Assume yes for confirmations (rladmin's -y)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,
}

impl GlobalArgs {
    pub fn connection_input(&self) -> ConnectionInput {
        ConnectionInput {
            url: self.url.clone(),
            user: self.user.clone(),
            ca_cert: self.ca_cert.clone(),
            insecure: self.insecure,
            profile: self.profile.clone(),
        }
    }
}

/// `RSADMIN_INSECURE=1|0|true|false|yes|no|on|off` (any case), as scripts spell a switch.
fn yes_or_no(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("expected 1/0, true/false, yes/no or on/off".to_string()),
    }
}

/// Options of every command that changes the cluster.
#[derive(Debug, Clone, Args)]
pub struct ChangeArgs {
    /// Print the plan and the REST call; send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Seconds to wait for the cluster to apply the change (1 to 86400)
    #[arg(long, value_name = "SECS", default_value_t = 300, value_parser = crate::limits::wait_seconds)]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show settings of databases, the cluster or nodes
    Info(info::InfoArgs),
    /// Show nodes, databases, endpoints and shards as rladmin's tables
    Status(status::StatusArgs),
    /// Change database settings: tune db <db> <key> <value> [<key> <value> ...]
    Tune(tune::TuneArgs),
    /// Change an endpoint's proxy policy or proxy lists
    Bind(bind::BindArgs),
    /// Move shards to another node: migrate shard <id>... target_node <node> (and db/node forms)
    Migrate(migrate::MigrateArgs),
    /// Promote the replicas of master shards: failover [db <db>] shard <id>...
    Failover(failover::FailoverArgs),
    /// Set shard placement (deprecated: use tune db <db> shards_placement)
    Placement(placement::PlacementArgs),
    /// Node settings: node <id> external_addr add|set|remove <ip>...
    Node(node::NodeArgs),
    /// Report the OSS Cluster API prerequisites of a database
    Check(check::CheckArgs),
    /// Connect as a cluster-aware client and prove the topology it sees: verify db <db>
    Verify(verify::VerifyArgs),
    /// Run check and verify and map findings to the troubleshooting table: doctor db <db>
    Doctor(doctor::DoctorArgs),
    /// Show each key's hash slot (and, with --db, the shard and node serving it)
    Keyslot(keyslot::KeyslotArgs),
    /// Saved connections: profile add|list|show|use|remove (passwords in the OS keyring)
    Profile(profile::ProfileArgs),
    /// Link rladmin and crdb-cli to rsadmin, which then speaks their grammar
    InstallAliases(install_aliases::InstallAliasesArgs),
    /// Active-Active databases, with crdb-cli's grammar: crdb create|update|list|get|delete
    Crdb(crdb::CrdbArgs),
    /// Active-Active tasks, with crdb-cli's grammar: task list|status|cancel
    Task(task::TaskArgs),
    /// Write shell completions and man pages (for maintainers)
    #[command(hide = true, name = "generate-assets")]
    GenerateAssets(generate::GenerateArgs),
}
