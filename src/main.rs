use std::ffi::OsString;
use std::process::ExitCode;

use clap::FromArgMatches;

use rsadmin::cli::{Cli, parse_error};
use rsadmin::config::PASSWORD_ENV;
use rsadmin::dropin::{self, DropInName, Invocation, Translated};
use rsadmin::error::{CliError, ExitKind};
use rsadmin::ops::confirm::ConfirmationRule;
use rsadmin::sanitize;

/// The exit status of a command ended by a closed stdout, as a shell reports `cat` killed by SIGPIPE.
const CLOSED_STDOUT_EXIT: i32 = 128 + 13;

/// `rsadmin status | head -1` must end quietly when `head` has gone, not panic in `println!`.
/// SIGPIPE stays ignored (Rust's default), so that a server closing a socket is an error the REST
/// client handles, never a silent death; only the panic of a write to the closed stdout is turned
/// into a quiet exit.
fn exit_quietly_on_closed_stdout() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(CLOSED_STDOUT_EXIT);
        }
        default_hook(info);
    }));
}

fn main() -> ExitCode {
    exit_quietly_on_closed_stdout();
    let args: Vec<OsString> = std::env::args_os().collect();
    let Some(name) = args.first().and_then(|argv0| DropInName::from_argv0(argv0)) else {
        // `RSADMIN_COMPLETE=<shell> rsadmin ...` is the shell asking for completions: answer and exit.
        rsadmin::cli::completion::answer_if_requested();
        return ExitCode::from(run(args, ConfirmationRule::AskForDisruptive));
    };
    // Invoked as rladmin or crdb-cli: their grammar, mapped onto rsadmin's commands.
    let code = match dropin::translate(name, args) {
        Ok(Invocation::Run(translated)) => run_translated(translated),
        Ok(Invocation::Shell { options }) => {
            dropin::shell::run_lines(&options, std::io::stdin().lock(), run_translated)
        }
        Err(err) => report(&err),
    };
    ExitCode::from(code)
}

fn run_translated(translated: Translated) -> u8 {
    if let Some(password) = translated.password {
        // SAFETY: set while the process is single-threaded (before any command runs). The
        // password leaves argv here and is read where every other password is read.
        unsafe { std::env::set_var(PASSWORD_ENV, password) };
    }
    run(translated.argv, translated.confirmation)
}

/// Parses and runs one rsadmin command line; returns the exit code.
fn run(args: Vec<OsString>, confirmation: ConfirmationRule) -> u8 {
    let parsed = rsadmin::cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        // Help and version are not errors.
        Err(err) if !err.use_stderr() => {
            let _ = err.print();
            return 0;
        }
        // Every parse error is a usage error (exit 2), with its one `error:` line last.
        Err(err) => {
            let text = parse_error::error_line_last(&err.render().to_string());
            eprint!("{}", sanitize::printable(&text));
            return ExitKind::Usage as u8;
        }
    };
    match rsadmin::commands::run(cli, confirmation) {
        Ok(()) => 0,
        Err(err) => report(&err),
    }
}

/// Prints `error: ...` on stderr and returns the exit code. `printable` is the last guard on
/// every error: no terminal control characters, no credentials, whatever it was built from.
fn report(err: &CliError) -> u8 {
    eprintln!("error: {}", sanitize::printable(&err.message));
    err.exit_code() as u8
}
