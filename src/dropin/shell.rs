//! rladmin's shell: without a command, rladmin reads commands, one per line, from standard input
//! (`echo 'status' | rladmin`), with an `rladmin> ` prompt on a terminal. `exit` or end of input
//! leaves.
//!
//! UNCONFIRMED how the real rladmin sets its exit status after a piped command fails; rsadmin runs
//! every line (as a shell does) and exits with the first non-zero code, so `set -e` scripts still
//! notice a failure.

use std::io::{BufRead, IsTerminal, Write};

use super::{Invocation, rladmin};
use crate::error::CliError;

/// Runs each command line with `run` (rsadmin's own parse-and-run, which prints its errors) and
/// returns the exit code.
pub fn run_lines(
    options: &[String],
    input: impl BufRead,
    run: impl Fn(super::Translated) -> u8,
) -> u8 {
    let interactive = std::io::stdin().is_terminal();
    let mut first_failure = 0;
    let mut lines = input.lines();
    loop {
        if interactive {
            print!("rladmin> ");
            let _ = std::io::stdout().flush();
        }
        let Some(Ok(line)) = lines.next() else {
            break;
        };
        let words = match split_words(&line) {
            Ok(words) => words,
            Err(err) => {
                eprintln!("error: {}", err.message);
                first_failure = record(first_failure, err.exit_code() as u8);
                continue;
            }
        };
        match words.first().map(String::as_str) {
            None => continue,
            Some(word) if word.starts_with('#') => continue,
            Some("exit" | "quit") => break,
            Some(_) => {}
        }
        let all_words = options.iter().cloned().chain(words).collect();
        let code = match rladmin::translate(all_words) {
            Ok(Invocation::Run(translated)) => run(translated),
            // A line of options alone: nothing to run.
            Ok(Invocation::Shell { .. }) => 0,
            Err(err) => {
                eprintln!("error: {}", err.message);
                err.exit_code() as u8
            }
        };
        first_failure = record(first_failure, code);
    }
    first_failure
}

fn record(first_failure: u8, code: u8) -> u8 {
    if first_failure == 0 {
        code
    } else {
        first_failure
    }
}

/// Splits a command line into words, honouring single and double quotes (`bind db "my db" ...`).
fn split_words(line: &str) -> Result<Vec<String>, CliError> {
    let mut words = Vec::new();
    let mut current: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), c) => current.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                current.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(current.take()),
            (None, c) => current.get_or_insert_with(String::new).push(c),
        }
    }
    if quote.is_some() {
        return Err(CliError::usage(format!("unclosed quote in: {line}")));
    }
    words.extend(current);
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_whitespace_and_respect_quotes() {
        assert_eq!(
            split_words("  bind db 'my db'  endpoint 1:1 policy \"all-nodes\"").expect("splits"),
            [
                "bind",
                "db",
                "my db",
                "endpoint",
                "1:1",
                "policy",
                "all-nodes"
            ]
        );
        assert_eq!(
            split_words("info db ''").expect("splits"),
            ["info", "db", ""]
        );
        assert!(split_words("").expect("splits").is_empty());
        assert!(split_words("info 'db").is_err());
    }

    #[test]
    fn every_line_runs_and_the_first_failure_is_the_exit_code() {
        let ran = std::cell::RefCell::new(Vec::new());
        let input = "status\n\n# comment\nverify rack_aware\ninfo db db:1\nexit\nstatus nodes\n";
        let code = run_lines(&["-y".to_string()], input.as_bytes(), |translated| {
            let argv: Vec<String> = translated
                .argv
                .into_iter()
                .map(|arg| arg.into_string().expect("utf-8"))
                .collect();
            ran.borrow_mut().push(argv.join(" "));
            0
        });
        assert_eq!(code, 2, "rladmin verify is not supported");
        assert_eq!(
            *ran.borrow(),
            ["rsadmin -y status", "rsadmin -y info db db:1"]
        );
    }
}
