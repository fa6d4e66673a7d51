use std::process::ExitCode;

use clap::Parser;

use rsadmin::cli::Cli;
use rsadmin::error::ExitKind;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version are not errors; every parse error is a usage error (exit 2).
            let code = if err.use_stderr() {
                ExitKind::Usage as u8
            } else {
                0
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match rsadmin::commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", err.message);
            ExitCode::from(err.exit_code() as u8)
        }
    }
}
