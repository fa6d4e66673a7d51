//! One file per command. Each turns its clap arguments into a typed request, then runs
//! resolve -> plan -> check -> apply -> wait -> read back -> render.

pub mod bind;
pub mod check;
pub mod crdb;
pub mod doctor;
pub mod generate;
pub mod info;
pub mod install_aliases;
pub mod keyslot;
pub mod node;
pub mod placement;
pub mod profile;
pub mod status;
pub mod task;
pub mod tune;
pub mod tune_objects;
pub mod verify;

use crate::api::ApiClient;
use crate::change::ConfirmationRule;
use crate::cli::{Cli, Command, GlobalArgs};
use crate::config::{self, ConnectionInput};
use crate::error::CliResult;
use crate::output::OutputFormat;

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
        Command::Tune(args) => tune::run(&ctx, args),
        Command::Bind(args) => bind::run(&ctx, args),
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
