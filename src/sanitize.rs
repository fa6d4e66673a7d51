//! Text rsadmin did not write itself (a cluster's error description, a probed server's reply, a
//! URL or value the user typed) made safe to print: no control characters that could move the
//! cursor or recolour the terminal, one line where scripts expect one, and no credentials.

use std::sync::{Mutex, PoisonError};

use crate::error::{CliError, CliResult};

/// Secrets shorter than this are not redacted: they cannot be told apart from ordinary text.
const MIN_REDACTED_SECRET_CHARS: usize = 4;

/// Every password this process has read (REST, instance and database passwords).
static SECRETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Remembers a password, so that it is replaced by `***` wherever it would be printed (a
/// cluster or server may echo it back in an error).
pub fn register_secret(secret: &str) {
    if secret.chars().count() >= MIN_REDACTED_SECRET_CHARS {
        let mut secrets = SECRETS.lock().unwrap_or_else(PoisonError::into_inner);
        if !secrets.iter().any(|known| known == secret) {
            secrets.push(secret.to_string());
        }
    }
}

/// `text` for the terminal: control characters removed except line breaks (rsadmin's own
/// messages may span lines), credentials of URLs and known passwords replaced by `***`.
pub fn printable(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    redact_secrets(&redact_userinfo(&text))
}

/// Like `printable`, and on one line: line breaks and tabs become one space, so a cluster's
/// multi-line description prints as the one line scripts expect.
pub fn one_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let joined = spaced
        .split(' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    printable(&joined)
}

fn redact_secrets(text: &str) -> String {
    let secrets = SECRETS.lock().unwrap_or_else(PoisonError::into_inner);
    secrets.iter().fold(text.to_string(), |text, secret| {
        text.replace(secret.as_str(), "***")
    })
}

/// Every `scheme://user:password@host` in `text` with its user information replaced by `***`,
/// the last guard before anything reaches stdout or stderr.
pub fn redact_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("://") {
        let (head, tail) = rest.split_at(start + 3);
        out.push_str(head);
        let authority_end = tail
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '\'' | '"' | '`' | '<' | '>') || c.is_whitespace()
            })
            .unwrap_or(tail.len());
        let authority = &tail[..authority_end];
        match authority.rfind('@') {
            Some(at) => {
                out.push_str("***");
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[authority_end..];
    }
    out.push_str(rest);
    out
}

/// A URL with user information (`https://user:password@host`) is refused, naming where
/// credentials go instead: a password in a URL ends up in shell history, process lists and
/// every error message that names the URL.
pub fn refuse_userinfo(url: &str, what: &str) -> CliResult<()> {
    let authority = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if !authority.contains('@') {
        return Ok(());
    }
    Err(CliError::usage(format!(
        "{what} {} must not hold a user or password: give the user with --user (or \
         RSADMIN_USER, or username= in --instance) and the password in RSADMIN_PASSWORD, a \
         profile (rsadmin profile add) or password-env=VAR",
        redact_userinfo(url)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_strips_controls_and_joins_lines() {
        assert_eq!(
            one_line("bad\nthing\r\n\x1b[31mred\x1b[0m\tend\u{9b}2J\x07"),
            "bad thing [31mred[0m end2J"
        );
        assert_eq!(printable("a\n\x1bb\x00"), "a\nb");
    }

    #[test]
    fn known_secrets_are_redacted() {
        register_secret("pw");
        register_secret("known-Secret-1");
        assert_eq!(
            printable("the cluster said: bad password known-Secret-1 (pw)"),
            "the cluster said: bad password *** (pw)"
        );
    }

    #[test]
    fn userinfo_is_redacted_in_any_text() {
        assert_eq!(
            redact_userinfo("cannot connect to https://u:pw@host:9443/v1: refused; see http://x/y"),
            "cannot connect to https://***@host:9443/v1: refused; see http://x/y"
        );
        assert_eq!(
            redact_userinfo("'https://a@b@c:1' and ftp://p:q@r"),
            "'https://***@c:1' and ftp://***@r"
        );
        assert_eq!(redact_userinfo("no url here @ all"), "no url here @ all");
    }

    #[test]
    fn urls_with_credentials_are_refused_without_the_secret() {
        assert!(refuse_userinfo("https://node:9443", "cluster URL").is_ok());
        assert!(refuse_userinfo("https://node:9443/a@b", "cluster URL").is_ok());
        let err = refuse_userinfo("https://admin:s3cret@node:9443", "cluster URL").unwrap_err();
        assert!(!err.message.contains("s3cret"), "{}", err.message);
        assert!(
            err.message
                .starts_with("cluster URL https://***@node:9443 must not hold")
        );
    }
}
