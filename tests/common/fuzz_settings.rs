//! The settings both property tests share: a fixed seed and a time budget, each overridable from
//! the environment (`RSADMIN_FUZZ_SEED`, `RSADMIN_FUZZ_SECS`) for a longer or another run.

use std::time::Duration;

/// The seed (default `default_seed`) and how long to generate cases (default `default_secs`).
pub fn seed_and_budget(default_seed: u64, default_secs: u64) -> (u64, Duration) {
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse().ok())
            .unwrap_or(default)
    };
    (
        number("RSADMIN_FUZZ_SEED", default_seed),
        Duration::from_secs(number("RSADMIN_FUZZ_SECS", default_secs)),
    )
}
