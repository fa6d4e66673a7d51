//! What duration and id flags accept, checked when the command line is parsed (exit 2, nothing
//! sent), and the one way deadlines are computed, so no value can overflow an `Instant`.

use std::ops::RangeInclusive;
use std::time::{Duration, Instant};

/// `--timeout SECS` of changes and crdb tasks: up to a day (a resharding of a large database can
/// take hours; a wait longer than a day is a mistake, not a plan).
pub const WAIT_SECS: RangeInclusive<u64> = 1..=86_400;

/// `--probe-timeout SECS` of verify and doctor: each probe step, from 1 ms to 10 minutes.
pub const PROBE_SECS: RangeInclusive<f64> = 0.001..=600.0;

/// clap's parser of `--timeout`: whole seconds in `WAIT_SECS`.
pub fn wait_seconds(text: &str) -> Result<u64, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|seconds| WAIT_SECS.contains(seconds))
        .ok_or_else(|| {
            format!(
                "expected whole seconds from {} to {}",
                WAIT_SECS.start(),
                WAIT_SECS.end()
            )
        })
}

/// clap's parser of `--probe-timeout`: seconds (fractions allowed) in `PROBE_SECS`.
pub fn probe_seconds(text: &str) -> Result<f64, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|seconds| PROBE_SECS.contains(seconds))
        .ok_or_else(|| {
            format!(
                "expected seconds from {} to {}",
                PROBE_SECS.start(),
                PROBE_SECS.end()
            )
        })
}

/// Longest crdb GUID or task id accepted (they are UUIDs: 36 characters).
const MAX_ID_CHARS: usize = 64;

/// clap's parser of `--crdb-guid` and `--task-id`: letters, digits and `-` only. The id becomes
/// a segment of the REST path, where anything else could name another object: `crdb delete
/// --crdb-guid ../bdbs/1` would otherwise send `DELETE /v1/bdbs/1`.
pub fn object_id(text: &str) -> Result<String, String> {
    let valid = !text.is_empty()
        && text.len() <= MAX_ID_CHARS
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid {
        Ok(text.to_string())
    } else {
        Err(format!(
            "expected an id of letters, digits and '-' (at most {MAX_ID_CHARS}), as printed by \
             crdb list and task list"
        ))
    }
}

/// `now + timeout`, with checked arithmetic: an out-of-range timeout (which parsing refuses)
/// would end the wait at once instead of panicking.
pub fn deadline_after(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_durations_are_refused_with_the_range() {
        assert_eq!(wait_seconds("300"), Ok(300));
        assert_eq!(
            wait_seconds("18446744073709551615"),
            Err("expected whole seconds from 1 to 86400".into())
        );
        assert!(wait_seconds("0").is_err());
        assert!(wait_seconds("-1").is_err());
        assert_eq!(probe_seconds("0.5"), Ok(0.5));
        for bad in ["1e20", "0", "-1", "NaN", "inf", "x"] {
            assert_eq!(
                probe_seconds(bad),
                Err("expected seconds from 0.001 to 600".into()),
                "{bad}"
            );
        }
        assert_eq!(
            object_id("790e79ee-836d-4d77-8fb7-a8fba66cb7ea").as_deref(),
            Ok("790e79ee-836d-4d77-8fb7-a8fba66cb7ea")
        );
        for bad in ["", "../bdbs/1", "a/b", "a?b", "a%2Fb", "a b"] {
            assert!(object_id(bad).is_err(), "{bad}");
        }
        let now = Instant::now();
        assert!(deadline_after(Duration::MAX) <= Instant::now().max(now + Duration::from_secs(1)));
    }
}
