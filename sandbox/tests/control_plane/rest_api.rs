//! The REST API against a running sandbox: auth, error bodies, validation, partial updates,
//! dry runs, proxy binding, placement, the change life cycle and fault injection.

use crate::support::{Api, sandbox_with_api};
use rsadmin_sandbox::LoggedRequest;
use serde_json::{Value, json};
use std::time::Duration;

const STANDARD_RULES: &str = r#"[{"regex": ".*\\{(?<tag>.*)\\}.*"}, {"regex": "(?<tag>.*)"}]"#;

fn error(code: &str, description: &str) -> Value {
    json!({ "error_code": code, "description": description })
}

fn endpoint(bdb: &Value) -> &Value {
    &bdb["endpoints"][0]
}

/// Waits until db:`bdb_uid` is active, then checks (node_uid, role, assigned_slots) of each of
/// its shards, in the API's order.
fn assert_layout_when_active(api: &Api, bdb_uid: u32, expected: &[(&str, &str, &str)]) {
    api.wait_for_status(bdb_uid, "active");
    let (_, shards) = api.get(&format!("/v1/bdbs/{bdb_uid}/shards"));
    let layout: Vec<Value> = shards
        .as_array()
        .expect("shards")
        .iter()
        .map(|shard| json!([shard["node_uid"], shard["role"], shard["assigned_slots"]]))
        .collect();
    let expected: Vec<Value> = expected
        .iter()
        .map(|(node_uid, role, slots)| json!([node_uid, role, slots]))
        .collect();
    assert_eq!(layout, expected);
}

#[test]
fn requests_without_valid_credentials_get_401() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let unauthorized = error(
        "unauthorized",
        "authentication required: wrong or missing credentials",
    );
    assert_eq!(
        api.get_as("/v1/bdbs", None),
        (reqwest::StatusCode::UNAUTHORIZED, unauthorized.clone())
    );
    let wrong_password = api.get_as("/v1/bdbs", Some((&sandbox.user(), "not-the-password")));
    assert_eq!(
        wrong_password,
        (reqwest::StatusCode::UNAUTHORIZED, unauthorized)
    );
    let (status, bdbs) = api.get_as(
        "/v1/bdbs?fields=uid",
        Some((&sandbox.user(), &sandbox.password())),
    );
    assert_eq!((status.as_u16(), bdbs), (200, json!([{ "uid": 1 }])));
}

#[test]
fn refused_requests_have_redis_software_error_bodies_and_change_nothing() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let before = sandbox.state();
    let not_found = [
        (
            "/v1/bdbs/99",
            error("db_not_exist", "database 99 does not exist"),
        ),
        (
            "/v1/bdbs/99/shards",
            error("db_not_exist", "database 99 does not exist"),
        ),
        (
            "/v1/nodes/9",
            error("node_not_found", "node 9 does not exist"),
        ),
        (
            "/v1/shards/999",
            error("shard_not_exist", "shard 999 does not exist"),
        ),
    ];
    for (path, body) in not_found {
        let (status, answer) = api.get(path);
        assert_eq!((status.as_u16(), answer), (404, body), "GET {path}");
    }
    let refused_puts = [
        ("{oops", 400, "invalid_schema"),
        ("[1]", 400, "invalid_schema"),
        (r#"{"replication": "yes"}"#, 400, "invalid_schema"),
        (r#"{"no_such_field": 1}"#, 400, "invalid_schema"),
        (r#"{"status": "active"}"#, 400, "invalid_schema"),
        (
            r#"{"endpoint": "1:1", "include_proxies": ["2"]}"#,
            400,
            "invalid_schema",
        ),
        (
            r#"{"proxy_policy": "some-proxies"}"#,
            406,
            "invalid_proxy_policy",
        ),
        (
            r#"{"data_persistence": "sometimes"}"#,
            406,
            "invalid_data_persistence",
        ),
        (r#"{"sharding": false}"#, 406, "invalid_sharding"),
        (
            r#"{"endpoint": "1:1", "include_proxies": [7]}"#,
            406,
            "invalid_proxy_policy",
        ),
        (
            r#"{"oss_cluster": true}"#,
            406,
            "invalid_oss_cluster_configuration",
        ),
    ];
    for (body, status, code) in refused_puts {
        let (answer_status, answer) = api.put("/v1/bdbs/1", body);
        assert_eq!(
            (answer_status.as_u16(), answer["error_code"].as_str()),
            (status, Some(code)),
            "PUT {body}: {answer}"
        );
        assert!(
            answer["description"]
                .as_str()
                .is_some_and(|text| !text.is_empty()),
            "PUT {body}: {answer}"
        );
    }
    let (_, not_oss_ready) = api.put("/v1/bdbs/1", r#"{"oss_cluster": true}"#);
    assert_eq!(
        not_oss_ready["description"],
        "configuration does not meet the requirements for OSS cluster mode: proxy_policy must be all-master-shards or all-nodes"
    );
    let (status, answer) = api.put_as("/v1/bdbs/1", r#"{"name": "x"}"#, Some("text/plain"));
    let wrong_type = error("invalid_schema", "Content-Type must be application/json");
    assert_eq!((status.as_u16(), answer), (400, wrong_type.clone()));
    assert_eq!(
        api.put_as("/v1/bdbs/1", r#"{"name": "x"}"#, None).1,
        wrong_type
    );
    let (status, answer) = api.put("/v1/bdbs/42", r#"{"name": "x"}"#);
    assert_eq!(
        (status.as_u16(), answer),
        (404, error("db_not_exist", "database 42 does not exist"))
    );
    assert_eq!(
        sandbox.state(),
        before,
        "a refused request changed the state"
    );
}

#[test]
fn a_database_with_a_change_in_flight_is_busy() {
    let (_dir, sandbox, api) = sandbox_with_api();
    sandbox.set_change_delay(Duration::from_secs(3));
    let (status, pending) = api.put("/v1/bdbs/1", r#"{"eviction_policy": "noeviction"}"#);
    assert_eq!(
        (status.as_u16(), &pending["status"]),
        (200, &json!("active-change-pending"))
    );
    let busy = error(
        "busy",
        "db:1 is busy: status is active-change-pending, wait until it is active",
    );
    let (status, answer) = api.put("/v1/bdbs/1", r#"{"eviction_policy": "allkeys-lru"}"#);
    assert_eq!((status.as_u16(), answer), (409, busy.clone()));
    let (status, answer) = api.delete("/v1/bdbs/1");
    assert_eq!((status.as_u16(), answer), (409, busy));
    sandbox.set_change_delay(Duration::ZERO);
    let applied = api.wait_for_status(1, "active");
    assert_eq!(applied["eviction_policy"], "noeviction");
}

#[test]
fn fields_filter_and_dry_run() {
    let (dir, _sandbox, api) = sandbox_with_api();
    assert_eq!(
        api.get("/v1/bdbs?fields=uid,name").1,
        json!([{ "uid": 1, "name": "demo-db" }])
    );
    let (_, filtered) = api.get("/v1/bdbs/1?fields=uid,endpoints");
    let keys: Vec<&String> = filtered.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["endpoints", "uid"]);

    let state_file = dir.path().join("state.json");
    let saved_before = std::fs::read(&state_file).expect("state.json");
    let (status, would_be) = api.put(
        "/v1/bdbs/1?dry_run=true",
        r#"{"proxy_policy": "all-nodes"}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        (&would_be["proxy_policy"], &would_be["status"]),
        (&json!("all-nodes"), &json!("active"))
    );
    assert_eq!(
        endpoint(&would_be)["addr"],
        json!(["127.0.1.1", "127.0.1.2", "127.0.1.3"])
    );
    let (status, refused) = api.put("/v1/bdbs/1?dry_run=true", r#"{"oss_cluster": true}"#);
    assert_eq!(
        (status.as_u16(), &refused["error_code"]),
        (406, &json!("invalid_oss_cluster_configuration"))
    );
    let (status, _) = api.post(
        "/v1/bdbs?dry_run=true",
        r#"{"name": "dry", "memory_size": 1000000}"#,
    );
    assert_eq!(status, 200);
    assert_eq!(
        api.get("/v1/bdbs?fields=uid,proxy_policy").1,
        json!([{ "uid": 1, "proxy_policy": "single" }])
    );
    assert_eq!(
        std::fs::read(&state_file).expect("state.json"),
        saved_before,
        "dry run persisted something"
    );
}

#[test]
fn oss_cluster_prerequisites_placement_and_proxy_binding() {
    let (_dir, _sandbox, api) = sandbox_with_api();
    let (_, demo) = api.get("/v1/bdbs/1");
    assert_eq!(
        endpoint(&demo)["addr"],
        json!(["127.0.1.1"]),
        "dense: every master on node 1, single proxy"
    );
    assert_eq!(demo["port"], 0);
    let port = endpoint(&demo)["port"].as_u64().expect("endpoint port");
    assert_eq!(
        endpoint(&demo)["dns_name"],
        format!("redis-{port}.cluster1.sandbox.local")
    );

    // Both prerequisites in one request: checked after the partial update is applied.
    let (status, updated) = api.put(
        "/v1/bdbs/1",
        r#"{"proxy_policy": "all-master-shards", "oss_cluster": true}"#,
    );
    assert_eq!(status, 200, "{updated}");
    assert_eq!(
        updated.as_object().map(|o| o.len()),
        demo.as_object().map(|o| o.len() + 1),
        "PUT returns the full bdb and the action_uid that applies the change"
    );
    assert!(updated["action_uid"].is_string(), "{updated}");
    assert_eq!(
        (&updated["oss_cluster"], &updated["status"]),
        (&json!(true), &json!("active-change-pending"))
    );
    assert_eq!(endpoint(&updated)["proxy_policy"], "all-master-shards");
    api.wait_for_status(1, "active");

    let (_, sparse) = api.put(
        "/v1/bdbs/1",
        r#"{"shards_placement": "sparse", "oss_cluster_api_preferred_ip_type": "external"}"#,
    );
    assert_eq!(
        endpoint(&sparse)["addr"],
        json!(["127.0.1.1"]),
        "a placement change moves no shard (issue 11 point 9), so no proxy binds elsewhere"
    );
    assert_eq!(
        endpoint(&sparse)["oss_cluster_api_preferred_ip_type"],
        "external"
    );
    api.wait_for_status(1, "active");
    let (status, rebalance) = api.put("/v1/bdbs/1/actions/rebalance", "");
    assert_eq!(status, 200, "{rebalance}");
    api.wait_for_action(rebalance["action_uid"].as_str().expect("action_uid"));
    let (_, spread) = api.get("/v1/bdbs/1");
    assert_eq!(
        endpoint(&spread)["addr"],
        json!(["127.0.1.1", "127.0.1.2", "127.0.1.3"])
    );
    assert_layout_when_active(
        &api,
        1,
        &[
            ("1", "master", "0-5460"),
            ("2", "master", "5461-10922"),
            ("3", "master", "10923-16383"),
        ],
    );

    for (body, problem) in [
        (
            r#"{"endpoint": "1:1", "include_proxies": [2]}"#,
            "endpoint 1:1 must not have include/exclude proxy lists",
        ),
        (
            r#"{"hash_slots_policy": "legacy"}"#,
            "hash_slots_policy must be 16k",
        ),
        (
            r#"{"shard_key_regex": [{"regex": "(?<tag>.*)"}]}"#,
            "shard_key_regex must be the standard hashing policy",
        ),
        (
            r#"{"proxy_policy": "single"}"#,
            "proxy_policy must be all-master-shards or all-nodes",
        ),
        (
            r#"{"module_list": [{"module_name": "timeseries"}]}"#,
            "module timeseries is not supported with the OSS Cluster API",
        ),
    ] {
        let (status, refused) = api.put("/v1/bdbs/1", body);
        let description =
            format!("configuration does not meet the requirements for OSS cluster mode: {problem}");
        assert_eq!(
            (status.as_u16(), refused),
            (
                406,
                error("invalid_oss_cluster_configuration", &description)
            ),
            "{body}"
        );
    }

    let (status, _) = api.put(
        "/v1/bdbs/1",
        r#"{"oss_cluster": false, "shard_key_regex": [{"regex": "(?<tag>.*)"}]}"#,
    );
    assert_eq!(status, 200);
    api.wait_for_status(1, "active");
    let (_, excluded) = api.put(
        "/v1/bdbs/1",
        r#"{"endpoint": "1:1", "exclude_proxies": [1]}"#,
    );
    assert_eq!(
        endpoint(&excluded)["addr"],
        json!(["127.0.1.2", "127.0.1.3"])
    );
    assert_eq!(endpoint(&excluded)["exclude_proxies"], json!([1]));
    assert!(endpoint(&excluded).get("include_proxies").is_none());
    api.wait_for_status(1, "active");
    let (_, cleared) = api.put(
        "/v1/bdbs/1",
        r#"{"endpoint": "1:1", "exclude_proxies": []}"#,
    );
    assert!(
        endpoint(&cleared).get("exclude_proxies").is_none(),
        "[] clears the list: {cleared}"
    );
    api.wait_for_status(1, "active");

    let (status, body) = api.put("/v1/nodes/2", r#"{"external_addr": ["127.0.2.20"]}"#);
    assert_eq!((status.as_u16(), body), (200, Value::Null));
    assert_eq!(
        api.get("/v1/nodes/2").1["external_addr"],
        json!(["127.0.2.20"])
    );
    let (status, refused) = api.put("/v1/nodes/2", r#"{"external_addr": "127.0.2.20"}"#);
    assert_eq!(
        (status.as_u16(), &refused["error_code"]),
        (400, &json!("invalid_schema"))
    );
}

#[test]
fn create_and_delete_and_injected_failures() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let body = format!(
        r#"{{"name": "orders", "memory_size": 104857600, "sharding": true, "shards_count": 2, "replication": true,
            "shard_key_regex": {STANDARD_RULES}, "proxy_policy": "all-master-shards", "shards_placement": "sparse",
            "oss_cluster": true}}"#
    );
    let (status, created) = api.post("/v1/bdbs", &body);
    assert_eq!(status, 200, "{created}");
    assert_eq!(
        (&created["uid"], &created["status"], &created["port"]),
        (&json!(2), &json!("pending"), &json!(0))
    );
    assert_layout_when_active(
        &api,
        2,
        &[
            ("1", "master", "0-8191"),
            ("2", "slave", "0-8191"),
            ("2", "master", "8192-16383"),
            ("3", "slave", "8192-16383"),
        ],
    );

    let missing_name = api.post("/v1/bdbs", r#"{"memory_size": 1000}"#);
    assert_eq!(
        (missing_name.0.as_u16(), missing_name.1),
        (400, error("missing_db_name", "'name' is required"))
    );
    let duplicate = api.post(
        "/v1/bdbs",
        r#"{"uid": 2, "name": "again", "memory_size": 1000}"#,
    );
    assert_eq!(
        (duplicate.0.as_u16(), duplicate.1),
        (409, error("uid_exists", "database 2 already exists"))
    );

    sandbox.fail_next_change();
    let (status, pending) = api.put("/v1/bdbs/2", r#"{"eviction_policy": "noeviction"}"#);
    assert_eq!(
        (status.as_u16(), &pending["eviction_policy"]),
        (200, &json!("noeviction"))
    );
    let rolled_back = api.wait_for_status(2, "active");
    assert_eq!(
        rolled_back["eviction_policy"], "volatile-lru",
        "a failed change is not applied"
    );

    let (status, body) = api.delete("/v1/bdbs/2");
    assert_eq!((status.as_u16(), body), (200, Value::Null));
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while api.get("/v1/bdbs/2").0 != 404 {
        assert!(
            std::time::Instant::now() < deadline,
            "db:2 was never deleted"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    assert_eq!(
        sandbox
            .state()
            .shards
            .iter()
            .filter(|shard| shard.bdb_uid == 2)
            .count(),
        0
    );

    sandbox.fail_next_change();
    let (status, _) = api.post("/v1/bdbs", r#"{"name": "doomed", "memory_size": 1000000}"#);
    assert_eq!(status, 200);
    api.wait_for_status(3, "creation-failed");
}

#[test]
fn every_request_is_logged_with_path_query_and_body() {
    let (_dir, sandbox, api) = sandbox_with_api();
    sandbox.clear_requests();
    api.get("/v1/bdbs?fields=uid,name");
    api.put("/v1/bdbs/1", r#"{"eviction_policy": "noeviction"}"#);
    api.get_as("/v1/cluster", None);
    let logged = |method: &str, path: &str, body: &str| LoggedRequest {
        method: method.into(),
        path: path.into(),
        body: body.into(),
    };
    assert_eq!(
        sandbox.requests(),
        vec![
            logged("GET", "/v1/bdbs?fields=uid,name", ""),
            logged("PUT", "/v1/bdbs/1", r#"{"eviction_policy": "noeviction"}"#),
            logged("GET", "/v1/cluster", ""),
        ]
    );
    sandbox.clear_requests();
    assert!(sandbox.requests().is_empty());
}

#[test]
fn a_killed_shard_is_reported_down_until_its_restart_answers() {
    let (dir, _sandbox, api) = sandbox_with_api();
    let pid_file = dir.path().join("run").join("shard-1.pid");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let shard_1 = || api.get("/v1/shards/1").1;
    assert_eq!(
        (
            shard_1()["status"].clone(),
            shard_1()["detailed_status"].clone()
        ),
        (json!("active"), json!("ok"))
    );
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    // Down from its death until the restarted redis-server answers (at least the 200 ms restart
    // delay), then ok again with a new process; the shard keeps its place in the database.
    for wanted in ["down", "ok"] {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while shard_1()["detailed_status"] != wanted {
            assert!(
                std::time::Instant::now() < deadline,
                "shard 1 never reported {wanted}: {}",
                shard_1()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        assert_eq!(shard_1()["status"], "active");
    }
    assert_ne!(std::fs::read_to_string(&pid_file).unwrap(), pid);
}

#[test]
fn non_master_nodes_redirect_to_the_master_unless_handle_redirects() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let port = sandbox.url().rsplit(':').next().expect("port").to_string();
    let no_redirects = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .use_preconfigured_tls(crate::support::tls_trusting(&sandbox.ca_cert_path()))
        .build()
        .expect("client");
    let get = |node: u32| {
        no_redirects
            .get(format!("https://127.0.1.{node}:{port}/v1/bdbs?fields=uid"))
            .basic_auth(sandbox.user(), Some(sandbox.password()))
            .send()
            .expect("request")
    };
    let redirected = get(2);
    assert_eq!(redirected.status(), 307);
    assert_eq!(
        redirected.headers()["location"],
        format!("https://127.0.1.1:{port}/v1/bdbs?fields=uid").as_str()
    );
    assert_eq!(get(1).status(), 200, "the master answers itself");

    let (status, cluster) = api.put("/v1/cluster", r#"{"handle_redirects": true}"#);
    assert_eq!(
        (status.as_u16(), &cluster["handle_redirects"]),
        (200, &json!(true))
    );
    let answered = get(3);
    assert_eq!(answered.status(), 200);
    assert_eq!(answered.json::<Value>().expect("JSON"), json!([{"uid": 1}]));
    let (status, refused) = api.put("/v1/cluster", r#"{"name": "other"}"#);
    assert_eq!(
        (status.as_u16(), &refused["error_code"]),
        (400, &json!("invalid_schema"))
    );
}

#[test]
fn every_read_only_field_of_the_reference_is_refused() {
    let (_dir, sandbox, api) = sandbox_with_api();
    let before = sandbox.state();
    for field in rsadmin_sandbox::state::change::READ_ONLY_FIELDS {
        let body = json!({ field: "x" }).to_string();
        let (status, answer) = api.put("/v1/bdbs/1", &body);
        assert_eq!(
            (status.as_u16(), answer),
            (
                400,
                error(
                    "invalid_schema",
                    &format!("field '{field}' cannot be changed")
                )
            ),
            "{field}"
        );
    }
    assert_eq!(sandbox.state(), before);
}

#[test]
fn extra_info_keys_fill_redis_info_from_each_shards_info() {
    let (dir, _sandbox, api) = sandbox_with_api();
    // Without the parameter `redis_info` stays `{}`, as on a real cluster.
    let (status, shards) = api.get("/v1/shards");
    assert_eq!(status.as_u16(), 200);
    let shards = shards.as_array().expect("shards").clone();
    assert!(!shards.is_empty());
    for shard in &shards {
        assert_eq!(shard["redis_info"], json!({}), "{shard}");
    }
    // Repeatable; integers as integers, other values as strings, unknown keys omitted.
    for path in [
        "/v1/shards?extra_info_keys=used_memory&extra_info_keys=role&extra_info_keys=no_such_key",
        "/v1/bdbs/1/shards?extra_info_keys=used_memory&extra_info_keys=role&extra_info_keys=no_such_key",
    ] {
        let (status, shards) = api.get(path);
        assert_eq!(status.as_u16(), 200, "{path}");
        for shard in shards.as_array().expect("shards") {
            let info = shard["redis_info"].as_object().expect("redis_info");
            assert!(info["used_memory"].as_u64().unwrap() > 0, "{shard}");
            assert_eq!(info["role"], "master", "{shard}");
            assert_eq!(info.len(), 2, "{shard}");
        }
    }
    let (_, one) = api.get("/v1/shards/1?extra_info_keys=used_memory");
    assert!(one["redis_info"]["used_memory"].as_u64().unwrap() > 0);

    // A shard that does not answer (stopped) gets no keys, quickly; the others still do.
    let pid = std::fs::read_to_string(dir.path().join("run").join("shard-1.pid")).unwrap();
    let signal = |name: &str| {
        let sent = std::process::Command::new("kill")
            .args([name, pid.trim()])
            .status()
            .unwrap();
        assert!(sent.success());
    };
    signal("-STOP");
    let started = std::time::Instant::now();
    let (status, shards) = api.get("/v1/shards?extra_info_keys=used_memory");
    let took = started.elapsed();
    signal("-CONT");
    assert_eq!(status.as_u16(), 200);
    assert!(took < Duration::from_secs(3), "took {took:?}");
    for shard in shards.as_array().expect("shards") {
        if shard["uid"] == "1" {
            assert_eq!(shard["redis_info"], json!({}), "{shard}");
        } else {
            assert!(shard["redis_info"]["used_memory"].as_u64().unwrap() > 0);
        }
    }
}
