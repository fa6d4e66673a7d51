use clap::{Args, Subcommand};
use clap_complete::ArgValueCandidates;

use super::completion::profile_names;

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub action: ProfileAction,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    /// Save a cluster connection; the password goes to the OS keyring, never to a file
    #[command(after_help = "\
Uses --cluster, --user and --ca-cert (or RSADMIN_URL, RSADMIN_USER, RSADMIN_CA_CERT). The password is \
asked on the terminal, or read from standard input with --password-stdin, or taken from \
RSADMIN_PASSWORD; it is checked against the cluster (GET /v1/cluster) before it is stored.

When no CA vouches for the cluster's certificate (a self-signed one), rsadmin shows its SHA-256 \
fingerprint and subject and asks whether to trust it; --trust-fingerprint confirms it in scripts. \
The profile then accepts exactly that certificate, and fails with exit 8 when it changes.")]
    Add(ProfileAddArgs),
    /// List the saved profiles (`*` marks the active one)
    List {
        /// Names only, one per line (for scripts)
        #[arg(long)]
        names: bool,
    },
    /// Show one profile (default: the active one) and whether its password is in the keyring
    Show {
        #[arg(value_name = "PROFILE", add = ArgValueCandidates::new(profile_names))]
        profile: Option<String>,
    },
    /// Make a profile the active one (used when no --cluster or RSADMIN_URL is given)
    Use {
        #[arg(value_name = "PROFILE", add = ArgValueCandidates::new(profile_names))]
        profile: String,
    },
    /// Store a database's password (for verify and doctor) in the keyring under a profile
    #[command(after_help = "\
The database is looked up through the profile's cluster (GET /v1/bdbs), and the password is kept \
per profile and database uid. The password is read from standard input with --password-stdin, \
or asked on the terminal; it is never a flag. verify and doctor use it when they run with this \
profile and RSADMIN_DB_PASSWORD is unset; --db-user names an ACL user.")]
    SetDbPassword(ProfileSetDbPasswordArgs),
    /// Delete a profile and its passwords in the keyring
    Remove {
        #[arg(value_name = "PROFILE", add = ArgValueCandidates::new(profile_names))]
        profile: String,
    },
}

#[derive(Debug, Args)]
pub struct ProfileAddArgs {
    /// Profile name: letters, digits, '-', '_' and '.'
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Read the password from standard input (one line) instead of asking
    #[arg(long)]
    pub password_stdin: bool,
    /// Trust the cluster certificate with this SHA-256 fingerprint (hex, colons optional)
    #[arg(long, value_name = "SHA256")]
    pub trust_fingerprint: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProfileSetDbPasswordArgs {
    #[arg(value_name = "PROFILE", add = ArgValueCandidates::new(profile_names))]
    pub profile: String,
    /// The database: db:<uid> or its name
    #[arg(value_name = "DB")]
    pub db: String,
    /// Read the password from standard input (one line) instead of asking
    #[arg(long)]
    pub password_stdin: bool,
}
