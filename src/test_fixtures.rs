//! Helpers of unit tests: the captured REST responses in `tests/fixtures/captured/` (a copy of
//! the project's `shared/fixtures/captured/`, kept in the repository so a clone runs its tests
//! alone), and command words.

use std::path::PathBuf;

/// `tests/fixtures/captured` in the repository, or `$RSADMIN_FIXTURES`.
pub fn fixtures_dir() -> PathBuf {
    std::env::var_os("RSADMIN_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/captured")
        })
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name))
        .unwrap_or_else(|err| panic!("reading fixture {name}: {err}"))
}

/// The words of a command line, as clap hands a free word grammar to its command.
pub fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_string).collect()
}
