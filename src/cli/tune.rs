use clap::{Args, Subcommand};
use clap_complete::ArgValueCompleter;

use super::ChangeArgs;
use super::completion::TunePairs;
use crate::tunables;

#[derive(Debug, Args)]
pub struct TuneArgs {
    #[command(subcommand)]
    pub target: TuneTarget,
}

#[derive(Debug, Subcommand)]
pub enum TuneTarget {
    /// Change database settings: tune db <db> <key> <value> [<key> <value> ...]
    #[command(after_help = tunables::tune_keys_help())]
    Db(TuneDbArgs),
    /// Change the cluster's defaults for new databases (PUT /v1/cluster/policy)
    #[command(after_help = tunables::keys_help(tunables::CLUSTER_POLICY_SETTINGS))]
    Cluster(TunePairsArgs),
    /// Change proxy settings: tune proxy <id>|all <key> <value> [<key> <value> ...]
    #[command(after_help = tunables::keys_help(tunables::PROXY_SETTINGS))]
    Proxy(TuneObjectArgs),
    /// Change node settings: tune node <id>|all <key> <value> [<key> <value> ...]
    #[command(after_help = tunables::keys_help(tunables::NODE_SETTINGS))]
    Node(TuneObjectArgs),
}

#[derive(Debug, Args)]
pub struct TuneDbArgs {
    /// db:<id> or the database name
    #[arg(value_name = "DB")]
    pub db: String,
    /// <key> <value> pairs (keys below)
    #[arg(
        value_name = "KEY VALUE",
        required = true,
        add = ArgValueCompleter::new(TunePairs)
    )]
    pub pairs: Vec<String>,
    /// With `oss_cluster enabled`: first apply the prerequisites rsadmin can fix
    /// (proxy policy, placement), each waited for, then enable
    #[arg(long)]
    pub fix: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// `tune cluster <key> <value> ...`.
#[derive(Debug, Args)]
pub struct TunePairsArgs {
    /// <key> <value> pairs (keys below)
    #[arg(value_name = "KEY VALUE", required = true)]
    pub pairs: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// `tune proxy|node <id>|all <key> <value> ...`.
#[derive(Debug, Args)]
pub struct TuneObjectArgs {
    /// The id (a number) or `all`
    #[arg(value_name = "ID|all")]
    pub id: String,
    /// <key> <value> pairs (keys below)
    #[arg(value_name = "KEY VALUE", required = true)]
    pub pairs: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}
