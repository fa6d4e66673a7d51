use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(subcommand)]
    pub target: InfoTarget,
}

#[derive(Debug, Subcommand)]
pub enum InfoTarget {
    /// Settings of one database (db:<id> or name), or of all
    Db {
        #[arg(value_name = "DB")]
        db: Option<String>,
    },
    /// Cluster settings
    Cluster,
    /// Settings of one node, or of all (`all` or nothing)
    Node {
        #[arg(value_name = "ID")]
        id: Option<String>,
    },
    /// Settings of one proxy (its node's id), or of all (`all` or nothing)
    Proxy {
        #[arg(value_name = "ID")]
        id: Option<String>,
    },
}
