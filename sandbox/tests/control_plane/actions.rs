//! `/v1/actions`: every accepted bdb change is a state machine a client can follow by the
//! `action_uid` of the PUT/POST answer, until `completed` or `failed`, then 404 once it is gone.

use crate::support::{Api, sandbox_with_api};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Polls `GET /v1/actions/{uid}` until the action has ended; returns it.
fn wait_for_end(api: &Api, action_uid: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, action) = api.get(&format!("/v1/actions/{action_uid}"));
        assert_eq!(status, 200, "{action}");
        if action["status"] == "completed" || action["status"] == "failed" {
            return action;
        }
        assert!(Instant::now() < deadline, "action never ended: {action}");
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn a_change_is_an_action_that_completes_then_disappears() {
    let (_dir, sandbox, api) = sandbox_with_api();
    sandbox.set_change_delay(Duration::from_millis(300));
    let (status, answer) = api.put("/v1/bdbs/1", r#"{"eviction_policy": "noeviction"}"#);
    assert_eq!(status, 200, "{answer}");
    let action_uid = answer["action_uid"]
        .as_str()
        .expect("action_uid")
        .to_string();

    let (_, running) = api.get(&format!("/v1/actions/{action_uid}"));
    assert_eq!(
        (
            &running["name"],
            &running["object_name"],
            &running["status"]
        ),
        (&json!("SMUpdateBDB"), &json!("bdb:1"), &json!("pending"))
    );
    assert!(running["progress"].is_string(), "{running}");
    let (_, of_bdb) = api.get("/v1/actions/bdb/1");
    assert_eq!(of_bdb[0]["action_uid"], action_uid.as_str());

    let ended = wait_for_end(&api, &action_uid);
    assert_eq!(
        (&ended["status"], &ended["progress"]),
        (&json!("completed"), &json!("100"))
    );
    assert_eq!(
        api.get("/v1/bdbs/1").1["status"],
        "active",
        "done means applied"
    );
    let (_, all) = api.get("/v1/actions");
    assert_eq!(all["state-machines"][0]["action_uid"], action_uid.as_str());
    assert_eq!(all["actions"], json!([]));

    sandbox.set_action_retention(Duration::ZERO);
    let (status, gone) = api.get(&format!("/v1/actions/{action_uid}"));
    assert_eq!(
        (status.as_u16(), &gone["error_code"]),
        (404, &json!("action_not_found"))
    );
    assert_eq!(api.get("/v1/actions/bdb/1").1, json!([]));
    assert_eq!(api.get("/v1/actions/bdb/99").0, 404);
}

#[test]
fn a_failed_change_is_a_failed_action_with_the_cluster_message() {
    let (_dir, sandbox, api) = sandbox_with_api();
    sandbox.fail_next_change();
    let (_, answer) = api.put("/v1/bdbs/1", r#"{"eviction_policy": "noeviction"}"#);
    let ended = wait_for_end(&api, answer["action_uid"].as_str().expect("action_uid"));
    assert_eq!(ended["status"], "failed");
    assert_eq!(
        ended["error_message"],
        "injected failure (fail_next_change)"
    );
    let (_, dry) = api.put(
        "/v1/bdbs/1?dry_run=true",
        r#"{"eviction_policy": "noeviction"}"#,
    );
    assert!(
        dry.get("action_uid").is_none(),
        "a dry run starts no action: {dry}"
    );
    let (_, created) = api.post("/v1/bdbs", r#"{"name": "more", "memory_size": 1000000}"#);
    let ended = wait_for_end(&api, created["action_uid"].as_str().expect("action_uid"));
    assert_eq!(
        (&ended["name"], &ended["object_name"]),
        (&json!("SMCreateBDB"), &json!("bdb:2"))
    );
}
