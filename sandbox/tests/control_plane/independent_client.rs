//! An independent typed client: the models of the `redis-enterprise` crate (the REST client of the
//! vendor's open CLI, written against real clusters) must read what the sandbox answers. Each
//! response is fetched as JSON and deserialized with `serde_json::from_value` into the crate's type
//! for that route, the way the crate's handlers read it (wrapped lists unwrapped like they do).

use crate::support::{Api, scratch_dir};
use redis_enterprise::actions::ActionsListResponse;
use redis_enterprise::bdb::DatabaseInfo;
use redis_enterprise::{Action, ClusterInfo, Crdb, CrdbTask, Node, Proxy, Shard};
use reqwest::Method;
use rsadmin_sandbox::clusters::start_clusters;
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// `value` read as the crate's `T`, with the path and the serde error on failure.
fn typed<T: DeserializeOwned>(path: &str, value: Value) -> T {
    serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("{path} as {}: {e}\n{value:#}", std::any::type_name::<T>()))
}

/// The serde error reading `value` as the crate's `T`, which must fail (a crate bug, see callers).
fn untyped<T: DeserializeOwned + std::fmt::Debug>(path: &str, value: Value) -> String {
    match serde_json::from_value::<T>(value) {
        Ok(read) => panic!(
            "{path} now reads as {}: {read:?}",
            std::any::type_name::<T>()
        ),
        Err(error) => error.to_string(),
    }
}

#[test]
fn crate_models_read_the_single_cluster_routes() {
    let dir = scratch_dir();
    let sandbox = SandboxHandle::start(SandboxOptions::new(dir.path())).expect("sandbox starts");
    let api = Api::for_sandbox(&sandbox);

    let bdbs: Vec<DatabaseInfo> = typed("/v1/bdbs", api.get_ok("/v1/bdbs"));
    assert!(
        bdbs.iter().any(|bdb| bdb.uid == 1 && bdb.name == "demo-db"),
        "{bdbs:?}"
    );
    let bdb: DatabaseInfo = typed("/v1/bdbs/1", api.get_ok("/v1/bdbs/1"));
    assert_eq!((bdb.uid, bdb.name.as_str()), (1, "demo-db"));
    assert!(bdb.memory_size.unwrap_or(0) > 0, "{bdb:?}");

    let nodes: Vec<Node> = typed("/v1/nodes", api.get_ok("/v1/nodes"));
    assert!(!nodes.is_empty());
    assert_eq!(nodes[0].uid, 1);
    let node: Node = typed("/v1/nodes/1", api.get_ok("/v1/nodes/1"));
    assert_eq!(node.uid, 1);
    assert!(node.addr.is_some(), "{node:?}");

    let shards: Vec<Shard> = typed("/v1/shards", api.get_ok("/v1/shards"));
    assert!(shards.iter().any(|shard| shard.bdb_uid == 1), "{shards:?}");
    assert!(
        shards.iter().any(|shard| shard.role == "master"),
        "{shards:?}"
    );

    let cluster: ClusterInfo = typed("/v1/cluster", api.get_ok("/v1/cluster"));
    assert_eq!(cluster.name, sandbox.state().cluster.name);

    let proxies: Vec<Proxy> = typed("/v1/proxies", api.get_ok("/v1/proxies"));
    assert!(!proxies.is_empty());
    assert!(proxies.iter().any(|proxy| proxy.uid == 1), "{proxies:?}");

    // A database creation leaves an SMCreateBDB state machine: `ActionHandler::list_response`
    // reads `{"actions": [...], "state-machines": [...]}`, `get` one action.
    let created = api.call_ok(
        Method::POST,
        "/v1/bdbs",
        Some(json!({"name": "typed-db", "memory_size": 104857600})),
    );
    let created: DatabaseInfo = typed("POST /v1/bdbs", created);
    assert_eq!(created.name, "typed-db");
    let actions: ActionsListResponse = typed("/v1/actions", api.get_ok("/v1/actions"));
    let create = actions
        .state_machines
        .iter()
        .find(|action| action.object_name.as_deref() == Some(&format!("bdb:{}", created.uid)))
        .unwrap_or_else(|| panic!("no state machine for the new bdb: {actions:?}"));
    assert_eq!(create.name, "SMCreateBDB");
    let path = format!("/v1/actions/{}", create.action_uid);
    let one: Action = typed(&path, api.get_ok(&path));
    assert_eq!(one.action_uid, create.action_uid);
}

#[test]
fn crate_models_read_the_crdb_routes() {
    let dir = scratch_dir();
    let mut base = SandboxOptions::new(dir.path());
    base.cluster_index = 8;
    base.api_port = 0;
    let clusters = start_clusters(&base, 2).expect("clusters start");
    let api = Api::for_sandbox(&clusters[0]);

    // No crdb yet: `CrdbHandler::list` reads `{"crdbs": [...]}` and returns the array.
    let empty: Vec<Crdb> = typed("/v1/crdbs crdbs", api.get_ok("/v1/crdbs")["crdbs"].take());
    assert!(empty.is_empty());

    let instances: Vec<Value> = clusters
        .iter()
        .map(|cluster| {
            let fqdn = cluster.state().cluster.name;
            json!({"cluster": {
                "url": format!("https://{fqdn}:9443"),
                "name": fqdn,
                "credentials": {"username": cluster.user(), "password": cluster.password()}
            }})
        })
        .collect();
    let body = json!({
        "name": "typed-db",
        "default_db_config": {"memory_size": 104857600},
        "instances": instances
    });
    let task = api.call_ok(Method::POST, "/v1/crdbs", Some(body));
    let id = task["id"].as_str().expect("task id").to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    let task = loop {
        let task = api.get_ok(&format!("/v1/crdb_tasks/{id}"));
        if task["status"] == "finished" || task["status"] == "failed" {
            break task;
        }
        assert!(Instant::now() < deadline, "task {id} did not end: {task}");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(task["status"], "finished", "{task}");

    // What the sandbox sends back holds the crdb it created (checked on the JSON, since the crate
    // cannot read it: see below).
    let listed = api.get_ok("/v1/crdbs");
    let crdbs = listed["crdbs"].as_array().expect("crdbs array");
    assert_eq!(crdbs.len(), 1, "{listed}");
    assert_eq!(crdbs[0]["name"], "typed-db");
    assert_eq!(crdbs[0]["instances"].as_array().map(Vec::len), Some(2));
    let guid = crdbs[0]["guid"].as_str().expect("guid").to_string();
    assert_eq!(task["crdb_guid"], guid.as_str());

    // Crate bug: `Crdb` requires top-level `status` and `memory_size`, and an instance with
    // `cluster: String` and `status`. The documented CRDB object (/work/shared/docs/rest-api.md
    // §6.2, from R:objects/crdb/_index.md and instance_info.md) has no top-level `status` or
    // `memory_size` (the size is in `default_db_config`), and an instance's `cluster` is a
    // cluster_info object `{"url", "name", "credentials"}` with no `status`; the sandbox follows the
    // documentation. The captured crdbs_list.json is `{"crdbs": []}`, so no captured object
    // settles it either way; `CrdbHandler::list`/`get` fail on any non-empty answer of this shape.
    // serde reads the sorted keys and stops at the first instance's `cluster` object.
    let error = untyped::<Vec<Crdb>>("/v1/crdbs crdbs", listed["crdbs"].clone());
    assert!(
        error.contains("invalid type: map, expected a string"),
        "{error}"
    );
    let error = untyped::<Crdb>("/v1/crdbs/{guid}", api.get_ok(&format!("/v1/crdbs/{guid}")));
    assert!(
        error.contains("invalid type: map, expected a string"),
        "{error}"
    );

    // Crate bug: `CrdbTask` requires `task_id` and `task_type`; the documented crdb_task object
    // (rest-api.md §6.4, R:objects/crdb_task.md, and crdb-cli's task output) has `id` and
    // `operation`, which the sandbox sends. No captured crdb_task fixture exists.
    let error = untyped::<CrdbTask>(
        "/v1/crdb_tasks/{id}",
        api.get_ok(&format!("/v1/crdb_tasks/{id}")),
    );
    assert!(error.contains("missing field `task_id`"), "{error}");
    let tasks = api.get_ok("/v1/crdb_tasks");
    assert!(
        tasks.as_array().is_some_and(|tasks| !tasks.is_empty()),
        "{tasks}"
    );
    let error = untyped::<Vec<CrdbTask>>("/v1/crdb_tasks", tasks);
    assert!(error.contains("missing field `task_id`"), "{error}");
}
