//! `crdb add-instance|remove-instance|purge-instance|flush|health-report` against three
//! in-process sandbox clusters in one peer group, under rsadmin's own name and as `crdb-cli`
//! (the real scripts' forms): instance databases appear and disappear on their clusters,
//! redis-py's keys are flushed everywhere, and a stopped cluster is removed by force and
//! purged once it is back.
//!
//! A stopped participant is emulated by dropping that cluster's `SandboxHandle` (its REST API,
//! proxies and shards stop; its state directory stays) and starting it again from the same
//! directory, with the same cluster index (so the same FQDN) and peer group.

use crate::crdb::{assert_run, finished_update, free_port, word_after};
use crate::support;

use std::path::Path;
use std::process::Command;

use reqwest::Method;
use rsadmin::api::ApiClient;
use rsadmin::api::ConnectionSettings;
use rsadmin_sandbox::crdb::PeerGroup;
use rsadmin_sandbox::state::Bdb;
use rsadmin_sandbox::{SandboxHandle, SandboxOptions};
use serde_json::{Value, json};
use support::{Run, run_command};
use tempfile::TempDir;

/// Three clusters in one peer group, and a directory holding a `crdb-cli` link to rsadmin.
struct Trio {
    clusters: Vec<Option<SandboxHandle>>,
    dirs: Vec<TempDir>,
    first_index: u8,
    group: PeerGroup,
    bin: TempDir,
}

impl Trio {
    /// Clusters `first_index`..`first_index + 2` (distinct node addresses per test).
    fn start(first_index: u8) -> Trio {
        let group = PeerGroup::new();
        let dirs: Vec<TempDir> = (0..3).map(|_| tempfile::tempdir().expect("dir")).collect();
        let bin = tempfile::tempdir().expect("bin dir");
        std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_rsadmin"), bin.path().join("crdb-cli"))
            .expect("link");
        let mut trio = Trio {
            clusters: Vec::new(),
            dirs,
            first_index,
            group,
            bin,
        };
        for cluster in 0..3 {
            let handle = trio.launch(cluster);
            trio.clusters.push(Some(handle));
        }
        trio
    }

    fn launch(&self, cluster: usize) -> SandboxHandle {
        let mut options = SandboxOptions::new(self.dirs[cluster].path());
        options.cluster_index = self.first_index + u8::try_from(cluster).expect("small");
        options.crdb_group = self.group.clone();
        SandboxHandle::start(options).expect("sandbox starts")
    }

    fn cluster(&self, cluster: usize) -> &SandboxHandle {
        self.clusters[cluster].as_ref().expect("cluster is up")
    }

    /// Stops a cluster: REST API, proxies and shards go; its directory stays.
    fn stop(&mut self, cluster: usize) {
        drop(self.clusters[cluster].take());
    }

    fn restart(&mut self, cluster: usize) {
        self.clusters[cluster] = Some(self.launch(cluster));
    }

    fn fqdn(&self, cluster: usize) -> String {
        format!(
            "cluster{}.sandbox.local",
            usize::from(self.first_index) + cluster + 1
        )
    }

    /// The database address of node 1 of a cluster.
    fn node_addr(&self, cluster: usize) -> String {
        self.cluster(cluster).state().nodes[0].addr.clone()
    }

    /// `--instance` with the password in `PW<n>`.
    fn instance(&self, cluster: usize) -> String {
        format!(
            "fqdn={},username={},password-env=PW{}",
            self.fqdn(cluster),
            self.cluster(cluster).user(),
            cluster + 1
        )
    }

    /// The environment that points rsadmin at `cluster`, with every cluster's password in PW<n>.
    fn env(&self, cluster: usize) -> Vec<(String, String)> {
        let handle = self.cluster(cluster);
        let mut env = vec![
            ("RSADMIN_URL".to_string(), handle.url()),
            ("RSADMIN_USER".into(), handle.user()),
            ("RSADMIN_PASSWORD".into(), handle.password()),
            (
                "RSADMIN_CA_CERT".into(),
                handle.ca_cert_path().display().to_string(),
            ),
        ];
        for (index, other) in self.clusters.iter().enumerate() {
            if let Some(other) = other {
                env.push((format!("PW{}", index + 1), other.password()));
            }
        }
        env
    }

    /// `rsadmin` with the words of `line`, against `cluster`.
    fn line(&self, cluster: usize, line: &str) -> Run {
        self.rsadmin(cluster, &line.split_whitespace().collect::<Vec<_>>())
    }

    /// The rsadmin binary, against `cluster`, without a terminal.
    fn rsadmin(&self, cluster: usize, args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rsadmin"));
        command.args(args).envs(self.env(cluster));
        run_command(command, None)
    }

    /// `sh -c LINE` on a node of `cluster`: the `crdb-cli` link first on PATH.
    fn sh(&self, cluster: usize, line: &str) -> Run {
        let path = format!(
            "{}:{}",
            self.bin.path().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut command = Command::new("sh");
        command
            .args(["-c", line])
            .env("PATH", path)
            .envs(self.env(cluster));
        run_command(command, None)
    }

    /// The Active-Active instance bdbs of a cluster.
    fn instances(&self, cluster: usize) -> Vec<Bdb> {
        self.cluster(cluster)
            .state()
            .bdbs
            .into_iter()
            .filter(|bdb| bdb.other_settings.get("crdt") == Some(&json!(true)))
            .collect()
    }

    /// Requests with `method` that reached `cluster` (path and JSON body).
    fn sent(&self, cluster: usize, method: &str) -> Vec<(String, Value)> {
        self.cluster(cluster)
            .requests()
            .into_iter()
            .filter(|request| request.method == method)
            .map(|request| {
                let body = serde_json::from_str(&request.body).unwrap_or(Value::Null);
                (request.path, body)
            })
            .collect()
    }

    fn clear_requests(&self) {
        for handle in self.clusters.iter().flatten() {
            handle.clear_requests();
        }
    }
}

fn python(script: &str, address: &str) -> String {
    let output = Command::new("python3")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/clients")
                .join(script),
        )
        .arg(address)
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Creates `name` on the given clusters (OSS Cluster API, 2 shards, all-master-shards).
fn create(trio: &Trio, name: &str, port: u16, clusters: &[usize]) -> String {
    let port = port.to_string();
    let instances: Vec<String> = clusters.iter().map(|c| trio.instance(*c)).collect();
    let mut args = vec![
        "crdb",
        "create",
        "--name",
        name,
        "--memory-size",
        "100mb",
        "--port",
        &port,
        "--shards-count",
        "2",
        "--oss-cluster",
        "true",
        "--proxy-policy",
        "all-master-shards",
    ];
    for instance in &instances {
        args.extend(["--instance", instance.as_str()]);
    }
    let run = trio.rsadmin(0, &args);
    assert_eq!(run.code, 0, "{run:#?}");
    word_after(&run.stdout, "  ---> CRDB GUID Assigned: crdb:").to_string()
}

#[test]
fn add_instance_flush_and_remove_instance_across_three_clusters() {
    let trio = Trio::start(4);
    let port = free_port();
    let guid = create(&trio, "ops-db", port, &[0, 1]);
    assert!(trio.instances(2).is_empty());

    // The real script's form, through the drop-in name: password= warns, no question.
    trio.clear_requests();
    let third = trio.cluster(2);
    let add = trio.sh(
        0,
        &format!(
            "crdb-cli crdb add-instance --crdb-guid {guid} --instance fqdn={},username={},password={} --compression 6 </dev/null",
            trio.fqdn(2),
            third.user(),
            third.password()
        ),
    );
    assert_run(
        &add,
        0,
        &finished_update(&add),
        &format!(
            "warning: password= puts the password of admin@sandbox.local at cluster {} in the \
             process list and shell history; prefer password-env=VAR or RSADMIN_INSTANCE_PASSWORD\n",
            trio.fqdn(2)
        ),
    );
    let posts = trio.sent(0, "POST");
    assert_eq!(posts.len(), 1, "{posts:?}");
    assert_eq!(posts[0].0, format!("/v1/crdbs/{guid}/updates"));
    let added = &posts[0].1["add_instances"];
    assert_eq!(
        (
            &added[0]["cluster"]["name"],
            &added[0]["cluster"]["url"],
            &added[0]["cluster"]["credentials"]["username"],
            &added[0]["compression"],
            added.as_array().map(Vec::len)
        ),
        (
            &json!(trio.fqdn(2)),
            &json!(format!("https://{}:9443", trio.fqdn(2))),
            &json!("admin@sandbox.local"),
            &json!(6),
            Some(1)
        )
    );

    // A real database on cluster 3: the crdb's config, OSS Cluster API on, same port.
    let instances = trio.instances(2);
    assert_eq!(instances.len(), 1);
    let bdb = &instances[0];
    assert_eq!(
        (
            &bdb.other_settings["crdt_guid"],
            &bdb.other_settings["crdt_replica_id"],
            bdb.oss_cluster,
            bdb.shards_count,
            bdb.endpoint_port()
        ),
        (&json!(guid), &json!(3), true, 2, port)
    );
    let list = trio.rsadmin(0, &["crdb", "list"]);
    assert_run(
        &list,
        0,
        &format!(
            "CRDB-GUID                             NAME    REPL-ID  CLUSTER-FQDN\n\
             {guid}  ops-db  1        {}\n{guid}  ops-db  2        {}\n{guid}  ops-db  3        {}\n",
            trio.fqdn(0),
            trio.fqdn(1),
            trio.fqdn(2)
        ),
        "",
    );
    // Adding it again is a conflict, refused before anything is sent.
    trio.clear_requests();
    let again = trio.rsadmin(
        0,
        &[
            "crdb",
            "add-instance",
            "--crdb-guid",
            &guid,
            "--instance",
            &trio.instance(2),
        ],
    );
    assert_run(
        &again,
        6,
        "",
        &format!(
            "error: cluster {} already participates in crdb {guid}; nothing was sent (see: \
             rsadmin crdb get --crdb-guid {guid})\n",
            trio.fqdn(2)
        ),
    );
    assert_eq!(trio.sent(0, "POST"), []);

    // redis-py writes 201 keys into each instance (independent databases in the sandbox).
    let addresses: Vec<String> = (0..3)
        .map(|cluster| format!("{}:{port}", trio.node_addr(cluster)))
        .collect();
    for address in &addresses {
        assert_eq!(python("redis_py_cluster.py", address), "bar\n1\n");
        assert_eq!(python("redis_py_dbsize.py", address), "201\n");
    }

    // flush under rsadmin's name: no terminal and no -y is a usage error, nothing sent.
    trio.clear_requests();
    let what = format!("flushing crdb {guid} (ops-db) deletes every key of its 3 instances");
    let unconfirmed = trio.rsadmin(0, &["crdb", "flush", "--crdb-guid", &guid]);
    assert_run(
        &unconfirmed,
        2,
        "",
        &format!(
            "error: {what} and needs confirmation, but there is no terminal to ask on. Re-run \
             with -y to confirm (or --dry-run to see the plan); nothing was sent.\n"
        ),
    );
    let dry = trio.rsadmin(0, &["crdb", "flush", "--crdb-guid", &guid, "--dry-run"]);
    let db_uid = |cluster: usize| trio.instances(cluster)[0].uid;
    assert_run(
        &dry,
        0,
        &format!(
            "Plan for crdb {guid} (ops-db):\n  {what}\n  instance 1 on {} (db:{})\n  instance 2 on {} \
             (db:{})\n  instance 3 on {} (db:{})\nREST calls:\n  PUT /v1/crdbs/{guid}/flush {{}}\n\
             Dry run: nothing was sent.\n",
            trio.fqdn(0),
            db_uid(0),
            trio.fqdn(1),
            db_uid(1),
            trio.fqdn(2),
            db_uid(2)
        ),
        "",
    );
    assert_eq!(trio.sent(0, "PUT"), []);
    for address in &addresses {
        assert_eq!(python("redis_py_dbsize.py", address), "201\n");
    }
    let flush = trio.rsadmin(0, &["-y", "crdb", "flush", "--crdb-guid", &guid]);
    assert_run(&flush, 0, &finished_update(&flush), "");
    assert_eq!(
        trio.sent(0, "PUT"),
        [(format!("/v1/crdbs/{guid}/flush"), json!({}))]
    );
    for address in &addresses {
        assert_eq!(python("redis_py_dbsize.py", address), "0\n");
    }

    // health-report: every cluster answers, every instance database is active.
    let report = trio.rsadmin(
        0,
        &["-o", "json", "crdb", "health-report", "--crdb-guid", &guid],
    );
    assert_eq!(
        (report.code, report.stderr.as_str()),
        (0, ""),
        "{report:#?}"
    );
    let report: Value = serde_json::from_str(&report.stdout).expect("JSON");
    let elements = report.as_array().expect("array");
    assert_eq!(elements.len(), 3);
    for (cluster, element) in elements.iter().enumerate() {
        assert_eq!(
            (&element["cluster_name"], &element["connection_error"]),
            (&json!(trio.fqdn(cluster)), &Value::Null)
        );
        let statuses: Vec<(&Value, &Value)> = element["connections"]
            .as_array()
            .expect("connections")
            .iter()
            .flat_map(|c| c["replication_links"].as_array().into_iter().flatten())
            .map(|link| (&link["link_uid"], &link["status"]))
            .collect();
        assert_eq!(statuses.len(), 2, "{element}");
        assert!(statuses.iter().all(|(_, status)| **status == json!("up")));
    }
    let text = trio.rsadmin(0, &["crdb", "health-report", "--crdb-guid", &guid]);
    assert_eq!(text.code, 0);
    assert!(
        text.stdout
            .starts_with("[\n  {\n    \"active_config_version\":1,\n    \"cluster_name\":"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains(&format!("\"url\":\"https:\\/\\/{}:9443\"", trio.fqdn(2)))
    );

    // remove-instance: cluster 3's database goes; the crdb has two instances everywhere.
    trio.clear_requests();
    let missing = trio.line(
        0,
        &format!("-y crdb remove-instance --crdb-guid {guid} --instance-id 9"),
    );
    assert_run(
        &missing,
        5,
        "",
        &format!(
            "error: crdb {guid} has no instance 9 (its instances: 1, 2, 3); see: rsadmin crdb list\n"
        ),
    );
    let dry = trio.line(
        0,
        &format!("-o json crdb remove-instance --crdb-guid {guid} --instance-id 3 --dry-run"),
    );
    let dry: Value = serde_json::from_str(&dry.stdout).expect("one JSON document");
    assert_eq!(
        (&dry["outcome"], &dry["deletes"], &dry["requests"]),
        (
            &json!("dry_run"),
            &json!([format!("instance 3 on {} (db:{})", trio.fqdn(2), db_uid(2))]),
            &json!([{"method": "POST", "path": format!("/v1/crdbs/{guid}/updates"),
                     "body": {"remove_instances": [3]}}])
        )
    );
    assert_eq!(trio.sent(0, "POST"), []);
    // --no-wait: the task is created and named, and the command returns without following it.
    let remove = trio.line(
        0,
        &format!("-y crdb remove-instance --crdb-guid {guid} --instance-id 3 --no-wait"),
    );
    assert_eq!(
        (remove.code, remove.stderr.as_str()),
        (0, ""),
        "{remove:#?}"
    );
    let task_line = remove.stdout.strip_suffix(" created\n").unwrap_or_default();
    assert!(
        task_line.starts_with("Task ") && !task_line.contains('\n'),
        "{remove:#?}"
    );
    assert_eq!(
        trio.sent(0, "POST"),
        [(
            format!("/v1/crdbs/{guid}/updates"),
            json!({"remove_instances": [3]})
        )]
    );
    // The task runs on in the background and reaches each cluster in turn: wait until the removed
    // cluster has dropped its instance and the others list the two that remain.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let listed = loop {
        let listed = trio.rsadmin(1, &["crdb", "list"]);
        if trio.instances(2).is_empty() && listed.stdout.lines().count() == 3 {
            break listed;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the removal never finished: {listed:#?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    assert_eq!(trio.instances(1).len(), 1);
    assert_eq!(listed.stdout.lines().count(), 3, "{listed:#?}");
    let on_third = trio.rsadmin(2, &["crdb", "list"]);
    assert_eq!(on_third.stdout.lines().count(), 1, "{on_third:#?}");
}

#[test]
fn purge_instance_after_a_stopped_cluster_is_removed_by_force() {
    let mut trio = Trio::start(7);
    let port = free_port();
    let guid = create(&trio, "lost-db", port, &[0, 1, 2]);
    assert_eq!(trio.instances(2).len(), 1);

    trio.stop(2);
    // The health report says which cluster does not answer.
    let report = trio.rsadmin(
        0,
        &["-o", "json", "crdb", "health-report", "--crdb-guid", &guid],
    );
    let report: Value = serde_json::from_str(&report.stdout).expect("JSON");
    assert_eq!(report[2]["cluster_name"], json!(trio.fqdn(2)));
    assert!(report[2]["connection_error"].is_string(), "{report}");
    assert_eq!(report[0]["connections"][2]["status"], json!("error"));

    // Without --force the stopped cluster must answer: the task fails with its error.
    let safe = trio.line(
        0,
        &format!("-y crdb remove-instance --crdb-guid {guid} --instance-id 3"),
    );
    assert_eq!(safe.code, 1, "{safe:#?}");
    assert!(
        safe.stderr.contains(&format!(
            "\n  {}: cannot reach https://{}:9443",
            trio.fqdn(2),
            trio.fqdn(2)
        )),
        "{}",
        safe.stderr
    );

    // The documented recovery, as scripts write it: remove by force from a cluster that stays,
    // then purge on the removed cluster once it is back. crdb-cli asks nothing.
    trio.clear_requests();
    let forced = trio.sh(
        0,
        &format!(
            "crdb-cli crdb remove-instance --crdb-guid {guid} --instance-id 3 --force </dev/null"
        ),
    );
    assert_run(&forced, 0, &finished_update(&forced), "");
    assert_eq!(
        trio.sent(0, "POST"),
        [(
            format!("/v1/crdbs/{guid}/updates"),
            json!({"remove_instances": [3], "force_remove": true})
        )]
    );
    let list = trio.rsadmin(0, &["crdb", "list"]);
    assert_eq!(list.stdout.lines().count(), 3, "{list:#?}");

    trio.restart(2);
    // The removed cluster kept its database and its view of the crdb.
    assert_eq!(trio.instances(2).len(), 1);
    // purge runs on the removed instance's own cluster: elsewhere it is refused, nothing sent.
    trio.clear_requests();
    let elsewhere = trio.line(
        0,
        &format!("-y crdb purge-instance --crdb-guid {guid} --instance-id 2"),
    );
    assert_run(
        &elsewhere,
        3,
        "",
        &format!(
            "error: instance 2 is on {fqdn}, not on the cluster rsadmin talks to; purge-instance \
             runs on the removed instance's own cluster: connect to {fqdn} (--cluster or \
             --profile); nothing was sent\n",
            fqdn = trio.fqdn(1)
        ),
    );
    assert_eq!(trio.sent(0, "PUT"), []);
    let purge = trio.sh(
        2,
        &format!("crdb-cli crdb purge-instance --crdb-guid {guid} --instance-id 3 </dev/null"),
    );
    assert_run(&purge, 0, &finished_update(&purge), "");
    assert_eq!(
        trio.sent(2, "PUT"),
        [(format!("/v1/crdbs/{guid}/purge"), json!({"instances": [3]}))]
    );
    assert!(trio.instances(2).is_empty());
    let on_third = trio.rsadmin(2, &["crdb", "list"]);
    assert_eq!(on_third.stdout.lines().count(), 1, "{on_third:#?}");
    assert_eq!(trio.instances(0).len(), 1);
    assert_eq!(trio.instances(1).len(), 1);
}

#[test]
fn add_instance_checks_the_crdbs_config_and_sends_nothing_when_it_fails() {
    let trio = Trio::start(10);
    // A crdb made elsewhere (REST, one instance) with the OSS Cluster API on and the proxy
    // policy only in its instance's db_config: a new instance gets default_db_config alone.
    let first = trio.cluster(0);
    let client = ApiClient::new(&ConnectionSettings {
        url: first.url(),
        user: first.user(),
        password: first.password(),
        ca_cert: Some(first.ca_cert_path()),
        insecure: false,
    })
    .expect("REST client");
    let task: Value = client
        .call(
            Method::POST,
            "/v1/crdbs",
            Some(&json!({
                "name": "loose-db",
                "default_db_config": {"name": "loose-db", "memory_size": 104857600,
                                      "sharding": true, "shards_count": 2, "oss_cluster": true},
                "instances": [{"cluster": {
                    "name": trio.fqdn(0),
                    "url": format!("https://{}:9443", trio.fqdn(0)),
                    "credentials": {"username": first.user(), "password": first.password()}},
                    "db_config": {"proxy_policy": "all-master-shards"}}]
            })),
        )
        .expect("create accepted");
    let task_id = task["id"].as_str().expect("task id").to_string();
    let guid = loop {
        let task: Value = client
            .get(&format!("/v1/crdb_tasks/{task_id}"))
            .expect("task");
        match task["status"].as_str() {
            Some("finished") => break task["crdb_guid"].as_str().expect("guid").to_string(),
            Some("failed") => panic!("{task}"),
            _ => std::thread::sleep(std::time::Duration::from_millis(100)),
        }
    };
    trio.clear_requests();
    let refused = trio.rsadmin(
        0,
        &[
            "crdb",
            "add-instance",
            "--crdb-guid",
            &guid,
            "--instance",
            &trio.instance(1),
        ],
    );
    assert_run(
        &refused,
        3,
        "",
        &format!(
            "error: crdb {guid} (the new instance takes its default_db_config) does not meet the \
             OSS Cluster API prerequisites; nothing was sent:\n  FAIL proxy_policy: crdb {guid} \
             (the new instance takes its default_db_config) uses proxy policy \"unknown\"; the \
             OSS Cluster API needs \"all-master-shards\" or \"all-nodes\"\n    Fix: rsadmin crdb \
             update --crdb-guid {guid} --default-db-config '{{\"proxy_policy\": \"all-master-shards\"}}'\n"
        ),
    );
    assert_eq!(trio.sent(0, "POST"), []);
    assert!(trio.instances(1).is_empty());
}
