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
