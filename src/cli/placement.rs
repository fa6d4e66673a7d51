use clap::{Args, Subcommand, ValueEnum};

use super::ChangeArgs;

#[derive(Debug, Args)]
pub struct PlacementArgs {
    #[command(subcommand)]
    pub target: PlacementTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlacementPolicy {
    Dense,
    Sparse,
}

impl PlacementPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            PlacementPolicy::Dense => "dense",
            PlacementPolicy::Sparse => "sparse",
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PlacementTarget {
    /// placement db <db> dense|sparse
    Db {
        #[arg(value_name = "DB")]
        db: String,
        #[arg(value_enum)]
        policy: PlacementPolicy,
        #[command(flatten)]
        change: ChangeArgs,
    },
}
