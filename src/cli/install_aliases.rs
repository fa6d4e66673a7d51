use std::path::PathBuf;

use clap::{Args, ValueHint};

#[derive(Debug, Args)]
#[command(after_help = "\
Invoked as rladmin, rsadmin accepts rladmin's grammar for the commands it has (tune, info, status, \
bind, placement, node ... external_addr, -y, commands on standard input); invoked as crdb-cli, \
crdb-cli's (--cluster-url/--cluster-username/--cluster-password, crdb ..., task ...).")]
pub struct InstallAliasesArgs {
    /// Directory for the rladmin and crdb-cli links (created when missing)
    #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,
    /// Replace existing files of those names
    #[arg(long)]
    pub force: bool,
}
