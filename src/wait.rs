//! Waiting for the cluster after it accepted a change: follow the action the answer named
//! (`GET /v1/actions/{uid}`), or poll a database until it is `active`. Reads that fail for a
//! passing reason (HTTP 5xx, a timeout, a dropped connection) are retried until the deadline;
//! a wait never re-sends the change.

use std::io::{IsTerminal, Write};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::api::ApiClient;
use crate::api::actions::{Action, ActionState};
use crate::error::{CliError, CliResult, ExitKind};

const POLL_INTERVAL: Duration = Duration::from_millis(200);

/// Transient read failures in a row before a wait gives up (each retry waits longer, to 2 s).
const MAX_TRANSIENT_FAILURES: u32 = 5;
const MAX_RETRY_DELAY: Duration = Duration::from_secs(2);

/// How long an action the answer named may stay unknown (404) before the wait stops looking
/// for it: a cluster may register it a moment after answering, or forget a fast one at once.
const ACTION_APPEAR_GRACE: Duration = Duration::from_secs(2);

/// The end of a wait (`--timeout`).
#[derive(Debug, Clone, Copy)]
pub struct WaitLimit {
    pub deadline: Instant,
    pub timeout_secs: u64,
}

impl WaitLimit {
    /// From now; a timeout too large for the clock waits without a deadline.
    pub fn from_now(timeout_secs: u64) -> WaitLimit {
        let now = Instant::now();
        WaitLimit {
            deadline: now
                .checked_add(Duration::from_secs(timeout_secs))
                .unwrap_or(now + Duration::from_secs(u64::from(u32::MAX))),
            timeout_secs,
        }
    }

    fn passed(&self) -> bool {
        Instant::now() >= self.deadline
    }
}

/// How an action wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionOutcome {
    Completed,
    /// Seen running, then 404: the cluster dropped it after it ended.
    Gone,
    /// Never known to the cluster within the grace period: wait on the object's status instead.
    NotTracked,
}

/// Follows `action_uid` until it completes (or is gone after it was seen). A failed, cancelled
/// or aborted action is an error with the cluster's message (exit 1); the deadline exits 7.
pub fn for_action(
    client: &ApiClient,
    action_uid: &str,
    limit: WaitLimit,
    progress: &mut Progress,
) -> CliResult<ActionOutcome> {
    let first_poll = Instant::now();
    let mut last_seen: Option<Action> = None;
    loop {
        match read_retrying(limit, || client.action(action_uid)).map_err(after_accepted)? {
            Some(action) => {
                match action.state() {
                    ActionState::Completed => return Ok(ActionOutcome::Completed),
                    ActionState::Failed(reason) => {
                        return Err(CliError::new(
                            ExitKind::Failed,
                            format!(
                                "the cluster did not apply the change: {} {reason}. Check the \
                                 cluster's event log, then retry.",
                                describe(&action)
                            ),
                        ));
                    }
                    ActionState::Running => {}
                }
                last_seen = Some(action);
            }
            None if last_seen.is_some() => return Ok(ActionOutcome::Gone),
            None if first_poll.elapsed() >= ACTION_APPEAR_GRACE => {
                return Ok(ActionOutcome::NotTracked);
            }
            None => {}
        }
        if limit.passed() {
            let state = last_seen.as_ref().map_or_else(
                || "not yet known to the cluster".to_string(),
                |action| {
                    let percent = action
                        .progress
                        .map(|percent| format!(" ({percent:.0}%)"))
                        .unwrap_or_default();
                    format!(
                        "still {}{percent}",
                        action.status.as_deref().unwrap_or("running")
                    )
                },
            );
            let what = last_seen
                .as_ref()
                .map_or_else(|| format!("action {action_uid}"), describe);
            return Err(CliError::new(
                ExitKind::Timeout,
                format!(
                    "{what} is {state} after {} s; the change was sent and may still be applied \
                     (raise --timeout to wait longer)",
                    limit.timeout_secs
                ),
            ));
        }
        progress.tick();
        sleep(POLL_INTERVAL);
    }
}

/// `SMUpdateBDB on bdb:1 (action <uid>)`.
fn describe(action: &Action) -> String {
    let name = action.name.as_deref().unwrap_or("the action");
    match &action.object_name {
        Some(object) => format!("{name} on {object} (action {})", action.action_uid),
        None => format!("{name} (action {})", action.action_uid),
    }
}

/// Polls database `uid` until it is `active`.
pub fn until_bdb_active(
    client: &ApiClient,
    uid: u64,
    limit: WaitLimit,
    progress: &mut Progress,
) -> CliResult<()> {
    loop {
        let status = read_retrying(limit, || client.bdb_status(uid)).map_err(after_accepted)?;
        if status.as_deref() == Some("active") {
            return Ok(());
        }
        if limit.passed() {
            return Err(CliError::new(
                ExitKind::Timeout,
                format!(
                    "db:{uid} is still {} after {} s; the change was sent and may still \
                     be applied. Check with: rsadmin status databases (or raise --timeout)",
                    status.as_deref().unwrap_or("in an unknown state"),
                    limit.timeout_secs
                ),
            ));
        }
        progress.tick();
        sleep(POLL_INTERVAL);
    }
}

/// Runs a read, retrying transient failures (with a growing pause) until the deadline or
/// [`MAX_TRANSIENT_FAILURES`] in a row; other errors return at once.
pub fn read_retrying<T>(limit: WaitLimit, mut read: impl FnMut() -> CliResult<T>) -> CliResult<T> {
    let mut failures = 0;
    let mut delay = POLL_INTERVAL;
    loop {
        match read() {
            Err(err)
                if err.transient && failures + 1 < MAX_TRANSIENT_FAILURES && !limit.passed() =>
            {
                failures += 1;
                sleep(delay);
                delay = (delay * 2).min(MAX_RETRY_DELAY);
            }
            result => return result,
        }
    }
}

/// A read that failed after the cluster accepted a change says so, so nobody re-sends the
/// change blindly. The waiters here apply it to their reads; callers to their own read-back.
pub fn after_accepted(err: CliError) -> CliError {
    CliError {
        message: format!(
            "the change was sent and accepted; waiting for it failed: {}. Check the result \
             (rsadmin status databases) before sending it again",
            err.message
        ),
        ..err
    }
}

/// rladmin's `Tuning database: ooo` progress, on stderr and only when it is a terminal.
pub struct Progress {
    visible: bool,
}

impl Progress {
    pub fn start(label: &str) -> Self {
        let visible = std::io::stderr().is_terminal();
        if visible {
            eprint!("{label}: ");
        }
        Progress { visible }
    }

    pub fn tick(&mut self) {
        if self.visible {
            eprint!("o");
            let _ = std::io::stderr().flush();
        }
    }

    pub fn finish(&mut self) {
        if self.visible {
            eprintln!();
            self.visible = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_failures_are_retried_then_given_up() {
        let limit = WaitLimit::from_now(60);
        let mut calls = 0;
        let result: CliResult<u32> = read_retrying(limit, || {
            calls += 1;
            if calls < 3 {
                Err(CliError::new(ExitKind::Failed, "503").into_transient())
            } else {
                Ok(7)
            }
        });
        assert_eq!((result, calls), (Ok(7), 3));

        let mut calls = 0;
        let result: CliResult<u32> = read_retrying(limit, || {
            calls += 1;
            Err(CliError::new(ExitKind::Failed, "503").into_transient())
        });
        assert_eq!((result.unwrap_err().message, calls), ("503".into(), 5));

        let mut calls = 0;
        let result: CliResult<u32> = read_retrying(limit, || {
            calls += 1;
            Err(CliError::new(ExitKind::Auth, "401"))
        });
        assert_eq!((result.unwrap_err().kind, calls), (ExitKind::Auth, 1));
    }

    #[test]
    fn an_error_after_acceptance_says_the_change_was_sent() {
        let err = after_accepted(CliError::new(
            ExitKind::Failed,
            "GET /v1/bdbs/1 failed (HTTP 503)",
        ));
        assert_eq!(err.kind, ExitKind::Failed);
        assert!(
            err.message
                .starts_with("the change was sent and accepted; waiting for it failed: GET /v1/bdbs/1 failed (HTTP 503)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn an_absurd_timeout_does_not_overflow_the_clock() {
        assert!(!WaitLimit::from_now(u64::MAX).passed());
    }
}
