//! Waiting for a change: the action the PUT names is followed until it completes or is gone,
//! reads that fail for a passing reason are retried, and a failure after the change was accepted
//! says so; the change itself is sent once.

use std::time::Duration;

use crate::support::{Run, Sandbox};

fn tune_max_connections(sandbox: &Sandbox) -> Run {
    sandbox.rsadmin(&["tune", "db", "db:1", "max_connections", "7"])
}

/// The GET paths rsadmin sent, in order.
fn gets(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .requests()
        .into_iter()
        .filter(|request| request.method == "GET")
        .map(|request| request.path)
        .collect()
}

#[test]
fn the_action_is_followed_until_it_is_gone_then_active_is_confirmed() {
    let sandbox = Sandbox::start();
    sandbox.handle.set_action_retention(Duration::ZERO);
    sandbox.set_change_delay(Duration::from_millis(600));
    sandbox.clear_requests();
    let run = tune_max_connections(&sandbox);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Finished successfully\n"),
        "{}",
        run.stderr
    );
    // Ended actions are dropped at once here, so the path comes from the log.
    let gets = gets(&sandbox);
    let action_path = gets
        .iter()
        .find(|path| path.starts_with("/v1/actions/"))
        .expect("the action was polled")
        .clone();
    let first_action_poll = gets.iter().position(|path| *path == action_path);
    let last_action_poll = gets.iter().rposition(|path| *path == action_path);
    let status_poll = gets
        .iter()
        .rposition(|path| path == "/v1/bdbs/1?fields=uid,status");
    assert!(
        first_action_poll.is_some() && first_action_poll < last_action_poll,
        "the running action was polled more than once: {gets:?}"
    );
    assert!(
        last_action_poll < status_poll,
        "active is confirmed after the action is gone: {gets:?}"
    );
    assert_eq!(sandbox.puts().len(), 1);
}

#[test]
fn an_action_the_cluster_never_shows_falls_back_to_status_polling() {
    let sandbox = Sandbox::start();
    // Ended and dropped before the first poll: the action is never seen.
    sandbox.handle.set_action_retention(Duration::ZERO);
    let run = tune_max_connections(&sandbox);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let gets = gets(&sandbox);
    assert!(
        gets.iter().any(|path| path.starts_with("/v1/actions/")),
        "{gets:?}"
    );
    assert!(
        gets.contains(&"/v1/bdbs/1?fields=uid,status".to_string()),
        "{gets:?}"
    );
}

#[test]
fn a_cluster_briefly_unavailable_while_waiting_is_retried() {
    let sandbox = Sandbox::start();
    sandbox.set_change_delay(Duration::from_millis(300));
    sandbox.handle.fail_reads_after_next_put(3);
    let run = tune_max_connections(&sandbox);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "Finished successfully\n"),
        "{}",
        run.stderr
    );
    assert_eq!(sandbox.puts().len(), 1, "the change is sent once");
}

#[test]
fn a_failure_after_the_change_was_accepted_says_it_was_sent() {
    let sandbox = Sandbox::start();
    sandbox.handle.fail_reads_after_next_put(1000);
    let run = tune_max_connections(&sandbox);
    let action_path = format!("/v1/actions/{}", sandbox.action_uid_of_last_put());
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "error: the change was sent and accepted; waiting for it failed: GET {action_path} failed \
             (HTTP 503 service_unavailable): the cluster manager is not available (injected). Check \
             the result (rsadmin status databases) before sending it again\n"
        )
    );
    assert_eq!(sandbox.puts().len(), 1, "the change is never re-sent");
    assert_eq!(
        gets(&sandbox)
            .iter()
            .filter(|path| **path == action_path)
            .count(),
        5,
        "the read is retried before giving up"
    );
}
