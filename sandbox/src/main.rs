//! `rsadmin-sandbox up|down|status --dir DIR`: a local Redis Software-like cluster.

mod commands;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "rsadmin-sandbox",
    version,
    about = "A local emulation of a small Redis Software cluster"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Start a sandbox cluster in DIR and run until SIGINT/SIGTERM (or in the background with --detach)
    Up(commands::up::UpArgs),
    /// Stop the sandbox in DIR and every process it started
    Down {
        #[arg(long)]
        dir: PathBuf,
    },
    /// Show what runs in DIR; exits 1 when the sandbox is not running
    Status {
        #[arg(long)]
        dir: PathBuf,
    },
}

/// `status` and `down` only print: a closed stdout (`status | head -1`) ends them quietly, as it does
/// `cat`. Not `up`, whose proxies write to client sockets that may close at any time.
fn restore_default_sigpipe() {
    // SAFETY: setting a signal disposition before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Up(args) => commands::up::run(args),
        Command::Down { dir } => {
            restore_default_sigpipe();
            commands::down::run(&dir)
        }
        Command::Status { dir } => {
            restore_default_sigpipe();
            commands::status::run(&dir)
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
