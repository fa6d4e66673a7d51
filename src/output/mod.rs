//! Rendering: rladmin-style `key: value` blocks, whitespace-aligned tables, report rows, JSON, and
//! the words of a change (`plan`: what `--dry-run`, the confirmation and `-o json` show).

pub mod info;
pub mod plan;
pub mod report;
pub mod status;
pub mod status_view;
pub mod table;

use serde::Serialize;

use crate::tunables::ABSENT;

/// `-o text|json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    #[default]
    Text,
    Json,
}

/// One JSON document on stdout, nothing else.
pub fn print_json<T: Serialize>(value: &T) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => println!("{text}"),
        // Only non-string map keys can fail, and our documents have none.
        Err(err) => eprintln!("error: cannot encode JSON: {err}"),
    }
}

/// A value, or `N/A` when the cluster did not send it.
pub fn or_absent<T: ToString>(value: Option<T>) -> String {
    value
        .map(|value| value.to_string())
        .unwrap_or_else(|| ABSENT.to_string())
}

/// rladmin's words for a boolean setting.
pub fn enabled_word(value: Option<bool>) -> String {
    match value {
        Some(true) => "enabled".to_string(),
        Some(false) => "disabled".to_string(),
        None => ABSENT.to_string(),
    }
}

/// Notes about accepted keys that change nothing, on stderr (stdout stays rladmin's).
pub fn print_notes(notes: &[&str]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}
