//! One file per command, each thin: it turns its clap arguments into a typed request, calls one
//! op (`crate::ops` for changes) and renders. Commands never import each other.

pub mod bind;
pub mod check;
pub mod crdb;
pub mod doctor;
pub mod failover;
pub mod generate;
pub mod info;
pub mod install_aliases;
pub mod keyslot;
pub mod migrate;
pub mod node;
pub mod placement;
pub mod profile;
pub mod status;
pub mod task;
pub mod tune;
pub mod tune_objects;
pub mod verify;

use std::io::IsTerminal;

use crate::api::ApiClient;
use crate::cli::tune::TuneTarget;
use crate::cli::{ChangeArgs, Cli, Command, GlobalArgs};
use crate::config::{self, ConnectionInput};
use crate::error::CliResult;
use crate::ops::confirm::{Confirmation, ConfirmationRule};
use crate::ops::execute::RunOptions;
use crate::output::OutputFormat;
use crate::output::plan::Done;

/// What every command may need: output settings and a way to reach the cluster.
pub struct Context {
    pub output: OutputFormat,
    pub assume_yes: bool,
    /// rsadmin's own rule, or the drop-in tool's (no question where the real tool asks none).
    pub confirmation: ConfirmationRule,
    connection: ConnectionInput,
}

impl Context {
    pub fn new(global: &GlobalArgs, confirmation: ConfirmationRule) -> Self {
        Context {
            output: global.output,
            assume_yes: global.yes,
            confirmation,
            connection: global.connection_input(),
        }
    }

    /// The connection settings as given (flags and environment), before any profile fills gaps.
    pub fn connection(&self) -> &ConnectionInput {
        &self.connection
    }

    pub fn json(&self) -> bool {
        self.output == OutputFormat::Json
    }

    /// What a confirmation needs: the rule, `-y`, and whether there is a terminal to ask on.
    pub fn confirmation(&self) -> Confirmation {
        Confirmation {
            rule: self.confirmation,
            assume_yes: self.assume_yes,
            terminal: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
        }
    }

    /// How a change runs: `--dry-run`, `--timeout`, the output format and the confirmation,
    /// and what it says when done.
    pub fn run_options(&self, change: &ChangeArgs, done: Done) -> RunOptions {
        RunOptions {
            json: self.json(),
            dry_run: change.dry_run,
            timeout: change.timeout,
            confirmation: self.confirmation(),
            done,
        }
    }

    /// Resolves the connection settings and builds the client; nothing is sent yet.
    pub fn client(&self) -> CliResult<ApiClient> {
        let resolved = config::resolve(&self.connection)?;
        let settings = &resolved.settings;
        if settings.insecure && settings.url.starts_with("http://") {
            eprintln!(
                "warning: --insecure: {} is plain HTTP; the user name and password travel in \
                 clear text, readable by anyone on the path. Prefer https://<node>:9443.",
                settings.url
            );
        } else if settings.insecure {
            eprintln!(
                "warning: --insecure: the certificate of {} is not verified; anyone on the path \
                 can read the password. Prefer --ca-cert PATH.",
                settings.url
            );
        }
        ApiClient::with_pin(settings, resolved.pin.as_ref())
    }
}

pub fn run(cli: Cli, confirmation: ConfirmationRule) -> CliResult<()> {
    let ctx = Context::new(&cli.global, confirmation);
    match cli.command {
        Command::Info(args) => info::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Tune(args) => match args.target {
            TuneTarget::Db(args) => tune::run(&ctx, args),
            TuneTarget::Cluster(args) => tune_objects::run_cluster(&ctx, args),
            TuneTarget::Proxy(args) => tune_objects::run_proxy(&ctx, args),
            TuneTarget::Node(args) => tune_objects::run_node(&ctx, args),
        },
        Command::Bind(args) => bind::run(&ctx, args),
        Command::Migrate(args) => migrate::run(&ctx, args),
        Command::Failover(args) => failover::run(&ctx, args),
        Command::Placement(args) => placement::run(&ctx, args),
        Command::Node(args) => node::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Verify(args) => verify::run(&ctx, args),
        Command::Doctor(args) => doctor::run(&ctx, args),
        Command::Keyslot(args) => keyslot::run(&ctx, args),
        Command::Profile(args) => profile::run(&ctx, args),
        Command::InstallAliases(args) => install_aliases::run(&ctx, args),
        Command::Crdb(args) => crdb::run(&ctx, args),
        Command::Task(args) => task::run(&ctx, args),
        Command::GenerateAssets(args) => generate::run(args),
    }
}
