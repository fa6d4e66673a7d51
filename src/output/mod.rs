//! Rendering: rladmin-style `key: value` blocks, whitespace-aligned tables, and JSON.

pub mod info;
pub mod status;
pub mod table;

use serde::Serialize;

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
