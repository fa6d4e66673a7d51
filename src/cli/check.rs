use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(subcommand)]
    pub target: CheckTarget,
}

#[derive(Debug, Subcommand)]
pub enum CheckTarget {
    /// OSS Cluster API prerequisites, one line per rule with the command that fixes it
    #[command(after_help = "Exit status: 0 when the OSS Cluster API can be enabled, 3 when not.")]
    Db {
        #[arg(value_name = "DB")]
        db: String,
    },
}
