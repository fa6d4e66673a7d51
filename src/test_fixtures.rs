//! Access to the captured REST responses in `shared/fixtures/captured/` for unit tests.

use std::path::PathBuf;

/// `../shared/fixtures/captured` next to the workspace, or `$RSADMIN_FIXTURES`.
pub fn fixtures_dir() -> PathBuf {
    std::env::var_os("RSADMIN_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/captured")
        })
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name))
        .unwrap_or_else(|err| panic!("reading fixture {name}: {err}"))
}
