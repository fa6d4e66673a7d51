use clap::{Args, Subcommand, ValueEnum};

use super::ChangeArgs;

#[derive(Debug, Args)]
pub struct NodeArgs {
    /// Node id (a number)
    #[arg(value_name = "ID")]
    pub id: u64,
    #[command(subcommand)]
    pub action: NodeAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AddressOperation {
    /// Add one address
    Add,
    /// Replace the list
    Set,
    /// Remove one address
    Remove,
}

#[derive(Debug, Subcommand)]
pub enum NodeAction {
    /// External addresses, advertised with oss_cluster_api_preferred_ip_type external
    #[command(name = "external_addr")]
    ExternalAddr {
        #[arg(value_enum)]
        operation: AddressOperation,
        #[arg(value_name = "IP", required = true)]
        addresses: Vec<String>,
        #[command(flatten)]
        change: ChangeArgs,
    },
}
