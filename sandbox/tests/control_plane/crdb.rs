//! The Active-Active coordinator at the REST level: clusters started as one group
//! (`start_clusters`, the code path of `up --clusters`), a crdb created from one cluster and
//! changed and deleted from another, request validation, and what is (not) sent back.

use crate::support::{Api, processes_using, scratch_dir};
use reqwest::{Method, StatusCode};
use rsadmin_sandbox::clusters::{cluster_dir, start_clusters, write_env_files};
use rsadmin_sandbox::crdb::TaskStatus;
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use serde_json::{Value, json};
use std::os::unix::fs::PermissionsExt;
use tempfile::TempDir;

/// An instance as crdb-cli sends it without url=: the FQDN on the default REST port.
fn instance(cluster: &SandboxHandle) -> Value {
    let fqdn = cluster.state().cluster.name;
    json!({"cluster": {
        "url": format!("https://{fqdn}:9443"),
        "name": fqdn,
        "credentials": {"username": cluster.user(), "password": cluster.password()}
    }})
}

/// Two clusters of one peer group, started like `up --clusters 2`, with a REST client for each.
struct Group {
    dir: TempDir,
    clusters: Vec<SandboxHandle>,
    first: Api,
    second: Api,
}

impl Group {
    fn start() -> Group {
        let dir = scratch_dir();
        let mut base = SandboxOptions::new(dir.path());
        base.cluster_index = 4;
        base.api_port = 0;
        let clusters = start_clusters(&base, 2).expect("clusters start");
        let (first, second) = (
            Api::for_sandbox(&clusters[0]),
            Api::for_sandbox(&clusters[1]),
        );
        Group {
            dir,
            clusters,
            first,
            second,
        }
    }
}

/// One story on one group (each step needs the crdb the previous ones left).
#[test]
fn crdb_created_on_one_cluster_is_changed_and_deleted_from_another() {
    let group = Group::start();
    each_cluster_gets_an_env_file(&group);
    let guid = created_from_the_first_cluster_after_a_dry_run(&group);
    the_second_cluster_lists_it_without_passwords(&group, &guid);
    invalid_requests_are_refused_at_once(&group, &guid);
    a_patch_through_the_second_cluster_reaches_both_instances(&group, &guid);
    a_delete_through_the_second_cluster_removes_both_instances(&group, &guid);
}

fn each_cluster_gets_an_env_file(group: &Group) {
    let (dir, clusters) = (group.dir.path(), &group.clusters);
    write_env_files(dir, clusters).expect("env files");
    let env2 = std::fs::read_to_string(dir.join("cluster2.env")).expect("cluster2.env");
    assert!(env2.starts_with(&format!("RSADMIN_URL={}\n", clusters[1].url())));
    assert!(
        env2.ends_with("RSADMIN_CLUSTER_FQDN=cluster6.sandbox.local\n"),
        "{env2}"
    );
    assert_eq!(cluster_dir(dir, 2), dir.join("cluster2"));
}

/// Instances at https://<fqdn>:9443: the coordinator finds each peer in its group. Returns the
/// crdb's GUID.
fn created_from_the_first_cluster_after_a_dry_run(group: &Group) -> String {
    let (first, clusters) = (&group.first, &group.clusters);
    let body = json!({
        "name": "group-db",
        "default_db_config": {"memory_size": 104857600, "sharding": true, "shards_count": 2},
        "instances": [instance(&clusters[0]), instance(&clusters[1])]
    });
    let (status, preview) = first.call(Method::POST, "/v1/crdbs?dry_run=true", Some(body.clone()));
    assert_eq!(
        (
            status,
            &preview["name"],
            &preview["instances"][1]["cluster"]["url"]
        ),
        (
            StatusCode::OK,
            &json!("group-db"),
            &json!("https://cluster6.sandbox.local:9443")
        )
    );
    assert!(clusters[0].crdb().tasks().is_empty());
    let (status, task) = first.call(Method::POST, "/v1/crdbs", Some(body));
    assert_eq!(status, StatusCode::OK, "{task}");
    assert_eq!(
        (&task["status"], &task["operation"], task.get("crdb_guid")),
        (&json!("queued"), &json!("create_crdb"), None)
    );
    let task = first.wait_for_crdb_task(task["id"].as_str().expect("task id"));
    assert_eq!(task["status"], "finished", "{task}");
    task["crdb_guid"].as_str().expect("guid").to_string()
}

/// Cluster 2 knows the crdb too; passwords are never sent back.
fn the_second_cluster_lists_it_without_passwords(group: &Group, guid: &str) {
    let (second, clusters) = (&group.second, &group.clusters);
    let (status, listed) = second.call(Method::GET, "/v1/crdbs", None);
    assert_eq!(status, StatusCode::OK);
    let crdb = &listed["crdbs"][0];
    assert_eq!(crdb["guid"], guid);
    assert!(!listed.to_string().contains(&clusters[1].password()));
    assert_eq!(
        crdb["instances"][1]["cluster"]["credentials"],
        json!({"username": "admin@sandbox.local"})
    );
    let second_uid = crdb["instances"][1]["db_uid"].as_str().expect("db_uid");
    assert_eq!(
        crdb["local_databases"],
        json!([{"bdb_uid": second_uid, "id": 2}])
    );
    assert_eq!(clusters[1].crdb().crdbs().len(), 1);
    let crdbs_file = group.dir.path().join("cluster2").join("crdbs.json");
    let mode = std::fs::metadata(&crdbs_file)
        .expect("crdbs.json")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// Refused at once: sharding change, unknown field, unknown GUID, two credential kinds.
fn invalid_requests_are_refused_at_once(group: &Group, guid: &str) {
    let path = format!("/v1/crdbs/{guid}");
    let refusals = [
        (
            Method::PATCH,
            path.clone(),
            json!({"default_db_config": {"sharding": false}}),
        ),
        (Method::PATCH, path.clone(), json!({"name": "renamed"})),
        (Method::PATCH, "/v1/crdbs/no-such-guid".into(), json!({})),
        (
            Method::POST,
            "/v1/crdbs".into(),
            json!({"name": "x", "instances": [{"cluster": {"name": "c",
                "credentials": {"username": "u", "password": "p"}, "certificate_auth": {}}}]}),
        ),
    ];
    let answers: Vec<(u16, Value)> = refusals
        .into_iter()
        .map(|(method, path, body)| {
            let (status, error) = group.second.call(method, &path, Some(body));
            (status.as_u16(), error["error_code"].clone())
        })
        .collect();
    assert_eq!(
        answers,
        [
            (406, json!("crdt_sharding_violation")),
            (400, json!("invalid_schema")),
            (404, json!("crdb_not_found")),
            (400, json!("invalid_schema")),
        ]
    );
}

fn a_patch_through_the_second_cluster_reaches_both_instances(group: &Group, guid: &str) {
    let second = &group.second;
    let (status, task) = second.call(
        Method::PATCH,
        &format!("/v1/crdbs/{guid}"),
        Some(json!({"default_db_config": {"memory_size": 209715200}})),
    );
    assert_eq!(status, StatusCode::OK, "{task}");
    let task = second.wait_for_crdb_task(task["id"].as_str().expect("task id"));
    assert_eq!(task["status"], "finished", "{task}");
    for cluster in &group.clusters {
        let sizes: Vec<u64> = cluster
            .state()
            .bdbs
            .iter()
            .filter(|bdb| bdb.name == "group-db")
            .map(|bdb| bdb.memory_size)
            .collect();
        assert_eq!(sizes, [209715200]);
    }
}

fn a_delete_through_the_second_cluster_removes_both_instances(group: &Group, guid: &str) {
    let second = &group.second;
    let (_, task) = second.call(Method::DELETE, &format!("/v1/crdbs/{guid}"), None);
    let task = second.wait_for_crdb_task(task["id"].as_str().expect("task id"));
    assert_eq!(task["status"], "finished", "{task}");
    for cluster in &group.clusters {
        assert!(cluster.crdb().crdbs().is_empty());
        assert!(
            cluster
                .state()
                .bdbs
                .iter()
                .all(|bdb| bdb.name != "group-db")
        );
    }
    // The PATCH's and the DELETE's tasks.
    let statuses: Vec<TaskStatus> = group.clusters[1]
        .crdb()
        .tasks()
        .iter()
        .map(|task| task.status)
        .collect();
    assert_eq!(statuses, [TaskStatus::Finished, TaskStatus::Finished]);
}

/// `up --clusters 2 --detach` then `down`: both clusters answer, `DIR/cluster2.env` reaches the
/// second, and `down` leaves no process of either behind.
#[test]
fn up_clusters_and_down_with_the_real_binary() {
    let dir = scratch_dir();
    let dir_text = dir.path().to_str().expect("utf-8 path");
    let sandbox = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rsadmin-sandbox"))
            .args(args)
            .output()
            .expect("rsadmin-sandbox runs")
    };
    let up = sandbox(&[
        "up",
        "--dir",
        dir_text,
        "--clusters",
        "2",
        "--cluster-index",
        "6",
        "--api-port",
        "0",
        "--detach",
    ]);
    assert!(up.status.success(), "{up:?}");
    let read_var = |file: &str, name: &str| {
        let text = std::fs::read_to_string(dir.path().join(file)).expect("env file");
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}=")).map(str::to_string))
            .unwrap_or_else(|| panic!("{name} in {file}"))
    };
    assert_eq!(
        read_var("cluster2.env", "RSADMIN_CLUSTER_FQDN"),
        "cluster8.sandbox.local"
    );
    assert_eq!(
        read_var("cluster1.env", "RSADMIN_URL"),
        read_var("sandbox.env", "RSADMIN_URL")
    );
    let log = std::fs::read_to_string(dir.path().join("sandbox.log")).expect("sandbox.log");
    assert!(
        log.contains(&format!(
            "cluster 2: cluster8.sandbox.local up at {} (set -a; . {dir_text}/cluster2.env; set +a)",
            read_var("cluster2.env", "RSADMIN_URL")
        )),
        "{log}"
    );

    // The sandbox process and each cluster's 3 demo shards (which run in DIR/.../shards/<n>);
    // `up --detach` returns once the API answers, the second cluster's shards may still be starting.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while processes_using(dir.path()).len() < 7 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(
        processes_using(dir.path()).len(),
        7,
        "{:?}",
        processes_using(dir.path())
    );
    let down = sandbox(&["down", "--dir", dir_text]);
    assert!(down.status.success(), "{down:?}");
    assert_eq!(processes_using(dir.path()), Vec::<String>::new());
}

#[test]
fn an_instance_without_url_is_a_schema_error() {
    let dir = scratch_dir();
    let cluster = SandboxHandle::start(SandboxOptions::new(dir.path())).expect("sandbox starts");
    let api = Api::for_sandbox(&cluster);
    let body = json!({"name": "no-url", "default_db_config": {"name": "no-url", "memory_size": 1000000},
        "instances": [{"cluster": {"name": "cluster1.sandbox.local",
            "credentials": {"username": cluster.user(), "password": cluster.password()}}}]});
    let (status, answer) = api.call(Method::POST, "/v1/crdbs", Some(body));
    assert_eq!(
        (status, answer),
        (
            StatusCode::BAD_REQUEST,
            json!({"error_code": "invalid_schema",
                   "description": "instances[0].cluster.url is required (https://<fqdn>:9443)"})
        )
    );
    assert!(cluster.crdb().tasks().is_empty(), "nothing was started");
}
