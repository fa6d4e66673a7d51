use clap::{Args, Subcommand};

use super::verify::ProbeArgs;

#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(subcommand)]
    pub target: DoctorTarget,
}

#[derive(Debug, Subcommand)]
pub enum DoctorTarget {
    /// Run check and verify and map the results to the OSS Cluster API troubleshooting table
    #[command(after_help = "\
Each line names a known problem (MOVED/CROSSSLOT, \"cluster not enabled\", cannot connect \
externally, changes not reflected, tools that are not cluster-aware), what was found and the fix.
Exit status: 0 when nothing failed, 1 when something did.")]
    Db {
        #[arg(value_name = "DB")]
        db: String,
        /// Keys your application uses together (repeatable): doctor tells whether they share a slot
        #[arg(long = "key", value_name = "KEY", allow_hyphen_values = true)]
        keys: Vec<String>,
        #[command(flatten)]
        probe: ProbeArgs,
    },
}
