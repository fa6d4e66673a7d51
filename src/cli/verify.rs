use std::path::PathBuf;

use clap::{Args, Subcommand, ValueHint};

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(subcommand)]
    pub target: VerifyTarget,
}

#[derive(Debug, Subcommand)]
pub enum VerifyTarget {
    /// Connect as a cluster-aware client and check the topology every node advertises
    #[command(after_help = "\
One line per check (OK/WARN/FAIL, what was seen, what was expected), then a summary.
Exit status: 0 when no check failed, 1 when one did.

The database password comes from RSADMIN_DB_PASSWORD, else from the keyring entry stored with \
`rsadmin profile set-db-password` for the profile in use (never from the command line).")]
    Db {
        #[arg(value_name = "DB")]
        db: String,
        #[command(flatten)]
        probe: ProbeArgs,
    },
}

/// How `verify` and `doctor` reach the database as a client.
#[derive(Debug, Clone, Args)]
pub struct ProbeArgs {
    /// Write, read back and delete probe keys under a unique prefix (default: read-only EXISTS)
    #[arg(long)]
    pub write_probe: bool,
    /// Seconds each probe step (connect, TLS handshake, one reply) may take in total (0.001 to 600)
    #[arg(long = "probe-timeout", value_name = "SECS", default_value_t = 5.0,
          value_parser = crate::limits::probe_seconds)]
    pub probe_timeout: f64,
    /// Database user for AUTH (the password: RSADMIN_DB_PASSWORD or profile set-db-password)
    #[arg(long, env = "RSADMIN_DB_USER", value_name = "USER")]
    pub db_user: Option<String>,
    /// CA certificate (PEM) of the database's TLS certificates, for databases with TLS
    #[arg(long, env = "RSADMIN_DB_CA_CERT", value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub db_ca_cert: Option<PathBuf>,
}
