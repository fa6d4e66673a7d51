//! `crdb` and `task` commands against two in-process sandbox clusters that coordinate
//! Active-Active databases: the seed's create and update run as written, redis-py's
//! RedisCluster connects to each instance, and failures give their documented exit codes.

use crate::support;

use std::process::Command;
use std::time::Duration;

use rsadmin_sandbox::SandboxHandle;
use rsadmin_sandbox::crdb::PeerGroup;
use rsadmin_sandbox::state::Bdb;
use support::{Run, run_rsadmin};
use tempfile::TempDir;

/// Two clusters in one peer group; rsadmin talks to the first.
struct Pair {
    clusters: Vec<SandboxHandle>,
    _dirs: Vec<TempDir>,
}

impl Pair {
    /// Clusters `first_index` and `first_index + 1` (distinct node addresses per test).
    fn start(first_index: u8) -> Pair {
        let group = PeerGroup::new();
        let mut clusters = Vec::new();
        let mut dirs = Vec::new();
        for index in first_index..first_index + 2 {
            let (handle, dir) = support::start_sandbox(|options| {
                options.cluster_index = index;
                options.crdb_group = group.clone();
            });
            clusters.push(handle);
            dirs.push(dir);
        }
        Pair {
            clusters,
            _dirs: dirs,
        }
    }

    fn fqdn(&self, cluster: usize) -> String {
        self.clusters[cluster].state().cluster.name
    }

    /// `--instance` for a cluster, its password in `PW<n>`.
    fn instance(&self, cluster: usize) -> String {
        format!(
            "fqdn={},username={},password-env=PW{}",
            self.fqdn(cluster),
            self.clusters[cluster].user(),
            cluster + 1
        )
    }

    /// `--instance` as the seed writes it: `fqdn=<fqdn>,username=<user>,password=<pass>`.
    fn seed_instance(&self, cluster: usize) -> String {
        format!(
            "fqdn={},username={},password={}",
            self.fqdn(cluster),
            self.clusters[cluster].user(),
            self.clusters[cluster].password()
        )
    }

    fn rsadmin(&self, args: &[&str]) -> Run {
        self.rsadmin_with(args, &[])
    }

    /// rsadmin against cluster 1, `PW1`/`PW2` holding the clusters' passwords (overridable).
    fn rsadmin_with(&self, args: &[&str], overrides: &[(&str, &str)]) -> Run {
        let first = &self.clusters[0];
        let url = first.url();
        let user = first.user();
        let password = first.password();
        let ca = first.ca_cert_path();
        let second_password = self.clusters[1].password();
        let mut env: Vec<(&str, &str)> = vec![
            ("RSADMIN_URL", &url),
            ("RSADMIN_USER", &user),
            ("RSADMIN_PASSWORD", &password),
            ("RSADMIN_CA_CERT", ca.to_str().expect("utf-8 path")),
            ("PW1", &password),
            ("PW2", &second_password),
        ];
        env.retain(|(key, _)| !overrides.iter().any(|(other, _)| other == key));
        env.extend_from_slice(overrides);
        run_rsadmin(args, &env)
    }

    /// The Active-Active instance bdbs of a cluster.
    fn instances(&self, cluster: usize) -> Vec<Bdb> {
        self.clusters[cluster]
            .state()
            .bdbs
            .into_iter()
            .filter(|bdb| bdb.other_settings.get("crdt") == Some(&serde_json::json!(true)))
            .collect()
    }
}

/// A database port for `crdb create --port`: free on every address the two clusters' proxies
/// bind (internal 127.0.{1,3,5}.x, external 127.0.{2,4,6}.x: up to three clusters), not only on
/// 127.0.0.1, so that a port another sandbox on this machine serves is never picked. (The
/// sandbox binds it a moment later; the window is as small as any database port's.)
pub(crate) fn free_port() -> u16 {
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("free port")
            .port();
        let held: Result<Vec<_>, _> = (1..=6u8)
            .flat_map(|network| (1..=3u8).map(move |node| (network, node)))
            .map(|(network, node)| {
                std::net::TcpListener::bind((format!("127.0.{network}.{node}"), port))
            })
            .collect();
        if held.is_ok() {
            return port;
        }
    }
}

/// The word after `prefix` on the line that starts with it.
pub(crate) fn word_after<'a>(text: &'a str, prefix: &str) -> &'a str {
    text.lines()
        .find_map(|line| line.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no line starting {prefix:?} in:\n{text}"))
}

fn redis_py_cluster(address: &str) -> String {
    let output = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/clients/redis_py_cluster.py"
        ))
        .arg(address)
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn assert_run(run: &Run, code: i32, stdout: &str, stderr: &str) {
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (code, stdout, stderr),
        "{run:#?}"
    );
}

pub(crate) fn finished_update(run: &Run) -> String {
    format!(
        "Task {} created\n  ---> Status changed: queued -> started\n  ---> Status changed: started -> finished\n",
        word_after(&run.stdout, "Task ")
    )
}

#[test]
fn seed_create_update_list_get_delete_against_two_clusters() {
    let pair = Pair::start(0);
    let port = free_port().to_string();
    let (first, second) = (pair.seed_instance(0), pair.seed_instance(1));
    let create = pair.rsadmin(&[
        "crdb",
        "create",
        "--name",
        "seed-db",
        "--memory-size",
        "10g",
        "--port",
        &port,
        "--sharding",
        "true",
        "--shards-count",
        "2",
        "--replication",
        "true",
        "--oss-cluster",
        "true",
        "--proxy-policy",
        "all-master-shards",
        "--instance",
        &first,
        "--instance",
        &second,
    ]);
    let task_id = word_after(&create.stdout, "Task ").to_string();
    let guid = word_after(&create.stdout, "  ---> CRDB GUID Assigned: crdb:").to_string();
    assert_run(
        &create,
        0,
        &format!(
            "Task {task_id} created\n  ---> Status changed: queued -> started\n  ---> CRDB GUID Assigned: crdb:{guid}\n  ---> Status changed: started -> finished\n"
        ),
        &[0, 1]
            .map(|cluster| {
                format!(
                    "warning: password= puts the password of admin@sandbox.local at cluster {} in \
                     the process list and shell history; prefer password-env=VAR or \
                     RSADMIN_INSTANCE_PASSWORD\n",
                    pair.fqdn(cluster)
                )
            })
            .concat(),
    );

    // A real database on each cluster: crdt, the GUID, the seed's settings, 2 masters + 2 replicas.
    for cluster in 0..2 {
        let instances = pair.instances(cluster);
        assert_eq!(instances.len(), 1, "cluster {cluster}");
        let bdb = &instances[0];
        assert_eq!(bdb.other_settings["crdt_guid"], serde_json::json!(guid));
        assert_eq!(
            bdb.other_settings["crdt_replica_id"],
            serde_json::json!(cluster + 1)
        );
        assert_eq!(
            (
                bdb.name.as_str(),
                bdb.memory_size,
                bdb.endpoint_port().to_string()
            ),
            ("seed-db", 10 << 30, port.clone())
        );
        assert!(bdb.oss_cluster && bdb.sharding && bdb.replication);
        assert_eq!(bdb.shards_count, 2);
        let shards = pair.clusters[cluster].state().shards_of(bdb.uid).count();
        assert_eq!(shards, 4);
    }
    // redis-py's RedisCluster on each instance: SET/GET work; dense placement (the default) puts
    // both masters on node 1, so the client sees one primary node serving every slot.
    assert_eq!(redis_py_cluster(&format!("127.0.1.1:{port}")), "bar\n1\n");
    assert_eq!(redis_py_cluster(&format!("127.0.3.1:{port}")), "bar\n1\n");

    let list = pair.rsadmin(&["crdb", "list"]);
    assert_run(
        &list,
        0,
        &format!(
            "CRDB-GUID                             NAME     REPL-ID  CLUSTER-FQDN\n\
             {guid}  seed-db  1        cluster1.sandbox.local\n\
             {guid}  seed-db  2        cluster2.sandbox.local\n"
        ),
        "",
    );

    let get = pair.rsadmin(&["crdb", "get", "--crdb-guid", &guid]);
    let none_keys = "  data_persistence: None\n  authentication_redis_pass: None\n  \
        authentication_admin_pass: None\n  oss_sharding: None\n  shards_placement: None\n  \
        oss_cluster_api_preferred_ip_type: None\n  bigstore: None\n  bigstore_ram_size: None\n  \
        aof_policy: None\n  snapshot_policy: None\n  max_aof_load_time: None\n  max_aof_file_size: None\n";
    let db_config_none = "    rack_aware: None\n    data_persistence: None\n    \
        authentication_redis_pass: None\n    authentication_admin_pass: None\n    oss_sharding: None\n    \
        oss_cluster: None\n    proxy_policy: None\n    shards_placement: None\n    \
        oss_cluster_api_preferred_ip_type: None\n    bigstore: None\n    bigstore_ram_size: None\n    \
        aof_policy: None\n    snapshot_policy: None\n    max_aof_load_time: None\n    max_aof_file_size: None\n";
    let instance = |id: usize| {
        format!(
            "Instance:\n  Id: {id}\n  Cluster:\n    FQDN: cluster{id}.sandbox.local\n    URL: {}\n    \
             Replication-Endpoint: <Default>\n    Replication TLS SNI: <Default>\n  Compression: 3\n  \
             DB-Config:\n{db_config_none}",
            // The seed gives no url=: crdb-cli's default, the FQDN on port 9443, is sent.
            format_args!("https://cluster{id}.sandbox.local:9443")
        )
    };
    assert_run(
        &get,
        0,
        &format!(
            "CRDB-GUID: {guid}\nName: seed-db\nEncryption: False\nCausal consistency: False\n\
             Protocol version: 1\nFeatureSet version: 5\nModules: []\nDefault-DB-Config:\n  \
             eviction_policy: noeviction\n  memory_size: 10737418240\n  name: seed-db\n  \
             oss_cluster: True\n  port: {port}\n  proxy_policy: all-master-shards\n  replication: True\n  \
             shard_key_regex: [{{'regex': '.*\\\\{{(?<tag>.*)\\\\}}.*'}}, {{'regex': '(?<tag>.*)'}}]\n  \
             sharding: True\n  shards_count: 2\n  rack_aware: None\n{none_keys}{}{}",
            instance(1),
            instance(2)
        ),
        "",
    );

    // -o json: the crdb objects, without passwords.
    let json = pair.rsadmin(&["-o", "json", "crdb", "list"]);
    assert_eq!((json.code, json.stderr.as_str()), (0, ""), "{json:#?}");
    let listed: serde_json::Value = serde_json::from_str(&json.stdout).expect("one JSON document");
    assert_eq!(
        (
            &listed[0]["guid"],
            &listed[0]["instances"][1]["cluster"]["name"]
        ),
        (
            &serde_json::json!(guid),
            &serde_json::json!("cluster2.sandbox.local")
        )
    );
    assert!(!json.stdout.contains(&pair.clusters[1].password()));

    // The seed's update, both ways: every instance follows.
    for (value, expected) in [("false", false), ("true", true)] {
        pair.clusters[0].clear_requests();
        let update = pair.rsadmin(&[
            "crdb",
            "update",
            "--crdb-guid",
            &guid,
            "--oss-cluster",
            value,
        ]);
        assert_run(&update, 0, &finished_update(&update), "");
        let patches: Vec<String> = pair.clusters[0]
            .requests()
            .into_iter()
            .filter(|request| request.method == "PATCH")
            .map(|request| format!("{} {}", request.path, request.body))
            .collect();
        assert_eq!(
            patches,
            [format!(
                r#"/v1/crdbs/{guid} {{"default_db_config":{{"oss_cluster":{value}}}}}"#
            )]
        );
        for cluster in 0..2 {
            assert_eq!(pair.instances(cluster)[0].oss_cluster, expected);
        }
    }
    assert_eq!(redis_py_cluster(&format!("127.0.3.1:{port}")), "bar\n1\n");

    // Nothing to change: nothing is sent.
    pair.clusters[0].clear_requests();
    let again = pair.rsadmin(&[
        "crdb",
        "update",
        "--crdb-guid",
        &guid,
        "--oss-cluster",
        "true",
    ]);
    assert_run(
        &again,
        0,
        &format!("crdb {guid}: nothing to update (--force sends the update anyway)\n"),
        "",
    );
    assert!(
        pair.clusters[0]
            .requests()
            .iter()
            .all(|r| r.method == "GET")
    );

    let status = pair.rsadmin(&["task", "status", "--task-id", &task_id]);
    let started = word_after(&status.stdout, "Started: ").to_string();
    let ended = word_after(&status.stdout, "Ended: ").to_string();
    assert_run(
        &status,
        0,
        &format!(
            "Task-ID: {task_id}\nCRDB-GUID: {guid}\nOperation: create_crdb\nStatus: finished\n\
             Worker-Name: crdb_worker:1:0\nStarted: {started}\nEnded: {ended}\n"
        ),
        "",
    );
    let tasks = pair.rsadmin(&["task", "list"]);
    assert_eq!(tasks.code, 0);
    let operations: Vec<(&str, &str)> = tasks
        .stdout
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            (cells[2], cells[3])
        })
        .collect();
    assert_eq!(
        operations,
        [
            ("create_crdb", "finished"),
            ("update_crdb", "finished"),
            ("update_crdb", "finished")
        ]
    );
    assert!(tasks.stdout.starts_with(
        "TASK-ID                               CRDB-GUID                             OPERATION    STATUS    WORKER-NAME      STARTED               ENDED\n"
    ), "{}", tasks.stdout);

    // An instance changes through crdb, not tune: tune refuses and names the crdb command.
    let db = format!("db:{}", pair.instances(0)[0].uid);
    let tune = pair.rsadmin(&["tune", "db", &db, "shards_placement", "sparse", "-y"]);
    assert_eq!(tune.code, 3, "{tune:#?}");
    assert!(
        tune.stderr.contains(&format!(
            "rsadmin crdb update --crdb-guid {guid} --oss-cluster true"
        )),
        "{tune:#?}"
    );

    // While a task of the crdb runs, another change is refused as busy (exit 6).
    let pending = pair.rsadmin(&[
        "crdb",
        "update",
        "--crdb-guid",
        &guid,
        "--memory-size",
        "11g",
        "--no-wait",
    ]);
    let pending_id = word_after(&pending.stdout, "Task ").to_string();
    assert_run(
        &pair.rsadmin(&["crdb", "delete", "--crdb-guid", &guid]),
        6,
        "",
        &format!(
            "error: the cluster is busy: DELETE /v1/crdbs/{guid} (HTTP 409 crdb_busy): crdb {guid} \
             is busy: a task of it is still running. Wait for the running change to finish and retry.\n"
        ),
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while !pair
        .rsadmin(&["task", "status", "--task-id", &pending_id])
        .stdout
        .contains("\nStatus: finished\n")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "task {pending_id} did not finish"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(pair.instances(1)[0].memory_size, 11 << 30);

    // -o json prints the final task only.
    let delete = pair.rsadmin(&["-o", "json", "crdb", "delete", "--crdb-guid", &guid]);
    assert_eq!(
        (delete.code, delete.stderr.as_str()),
        (0, ""),
        "{delete:#?}"
    );
    let task: serde_json::Value = serde_json::from_str(&delete.stdout).expect("one JSON document");
    assert_eq!(
        (&task["operation"], &task["status"], &task["crdb_guid"]),
        (
            &"delete_crdb".into(),
            &"finished".into(),
            &guid.clone().into()
        )
    );
    assert!(pair.instances(0).is_empty() && pair.instances(1).is_empty());
    assert_run(
        &pair.rsadmin(&["crdb", "list"]),
        0,
        "CRDB-GUID  NAME  REPL-ID  CLUSTER-FQDN\n",
        "",
    );
}

#[test]
fn failures_give_each_clusters_error_and_the_documented_exit_codes() {
    let pair = Pair::start(2);
    let (first, second) = (pair.instance(0), pair.instance(1));
    let create = |extra: &[&str], overrides: &[(&str, &str)]| {
        let mut args = vec![
            "crdb",
            "create",
            "--name",
            "aa-db",
            "--memory-size",
            "100mb",
            "--instance",
            &first,
            "--instance",
            &second,
        ];
        args.extend_from_slice(extra);
        pair.rsadmin_with(&args, overrides)
    };

    // A failing prerequisite: exit 3, nothing reaches the cluster.
    pair.clusters[0].clear_requests();
    let refused = create(&["--oss-cluster", "true", "--sharding", "false"], &[]);
    assert_run(
        &refused,
        3,
        "",
        "error: crdb aa-db does not meet the OSS Cluster API prerequisites; nothing was sent:\n  \
         FAIL proxy_policy: crdb aa-db uses proxy policy \"unknown\"; the OSS Cluster API needs \
         \"all-master-shards\" or \"all-nodes\"\n    Fix: add --proxy-policy all-master-shards\n  \
         FAIL sharding: crdb aa-db is not sharded; an Active-Active database cannot be sharded \
         after it is created, so the OSS Cluster API needs sharding at creation\n    \
         Fix: add --sharding true --shards-count <n>\n",
    );
    assert_eq!(pair.clusters[0].requests(), []);

    // Wrong credentials for the second cluster: the task fails with that cluster's error.
    let bad = create(&[], &[("PW2", "not-the-password")]);
    let task_id = word_after(&bad.stdout, "Task ");
    let guid = word_after(&bad.stdout, "  ---> CRDB GUID Assigned: crdb:");
    assert_run(
        &bad,
        1,
        &format!(
            "Task {task_id} created\n  ---> Status changed: queued -> started\n  ---> CRDB GUID Assigned: crdb:{guid}\n  ---> Status changed: started -> failed\n"
        ),
        &format!(
            "error: task {task_id} (create_crdb) failed\n  cluster4.sandbox.local: authentication \
             failed for user admin@sandbox.local at {} (HTTP 401): authentication required: wrong \
             or missing credentials [unauthorized]\n",
            pair.clusters[1].url()
        ),
    );
    assert!(pair.instances(0).is_empty() && pair.instances(1).is_empty());
    let status = pair.rsadmin(&["task", "status", "--task-id", task_id]);
    assert!(status.stdout.contains("\nStatus: failed\n"), "{status:#?}");
    assert!(
        status
            .stdout
            .contains("\nError: cluster4.sandbox.local: authentication failed")
    );

    // password= works but is discouraged; the password itself is never printed.
    let password = pair.clusters[1].password();
    let inline = format!(
        "fqdn={},username={},password={password}",
        pair.fqdn(1),
        pair.clusters[1].user()
    );
    let with_inline = pair.rsadmin(&[
        "crdb",
        "create",
        "--name",
        "inline-db",
        "--memory-size",
        "100mb",
        "--no-wait",
        "--instance",
        &first,
        "--instance",
        &inline,
    ]);
    assert_eq!(with_inline.code, 0, "{with_inline:#?}");
    assert_eq!(
        with_inline.stderr,
        format!(
            "warning: password= puts the password of admin@sandbox.local at cluster \
             cluster4.sandbox.local in the process list and shell history; prefer \
             password-env=VAR or RSADMIN_INSTANCE_PASSWORD\n"
        )
    );
    assert!(!with_inline.stdout.contains(&password));

    // Unknown GUID or task: exit 5.
    for args in [
        vec![
            "crdb",
            "update",
            "--crdb-guid",
            "no-such-guid",
            "--oss-cluster",
            "true",
        ],
        vec!["crdb", "get", "--crdb-guid", "no-such-guid"],
        vec!["crdb", "delete", "--crdb-guid", "no-such-guid"],
    ] {
        assert_run(
            &pair.rsadmin(&args),
            5,
            "",
            "error: crdb no-such-guid not found. List the Active-Active databases with: rsadmin crdb list\n",
        );
    }
    assert_run(
        &pair.rsadmin(&["task", "status", "--task-id", "no-such-task"]),
        5,
        "",
        "error: task no-such-task not found (the cluster keeps ended tasks for about 500 seconds). \
         List the tasks with: rsadmin task list\n",
    );

    // Usage errors: exit 2, nothing sent.
    assert_run(
        &pair.rsadmin(&[
            "crdb",
            "create",
            "--name",
            "x",
            "--memory-size",
            "1g",
            "--instance",
            &first,
            "--with-module",
            "version=2.8.9",
        ]),
        2,
        "",
        "error: invalid --with-module \"version=2.8.9\": name=<module> is required\n",
    );

    // profile=NAME: the user, URL and keyring password of a saved profile; no secret in argv.
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("config");
    let machine = [
        ("HOME", home.path().to_str().expect("utf-8 path")),
        ("XDG_CONFIG_HOME", config.to_str().expect("utf-8 path")),
    ];
    let second_url = pair.clusters[1].url();
    let second_ca = pair.clusters[1].ca_cert_path();
    let second_password = pair.clusters[1].password();
    let mut add_env = machine.to_vec();
    add_env.push(("RSADMIN_PASSWORD", &second_password));
    let add = run_rsadmin(
        &[
            "profile",
            "add",
            "second",
            "--cluster",
            &second_url,
            "--user",
            "admin@sandbox.local",
            "--ca-cert",
            second_ca.to_str().expect("utf-8 path"),
        ],
        &add_env,
    );
    assert_eq!(add.code, 0, "{add:#?}");
    let by_profile = format!("fqdn={},profile=second", pair.fqdn(1));
    let created = pair.rsadmin_with(
        &[
            "crdb",
            "create",
            "--name",
            "profile-db",
            "--memory-size",
            "100mb",
            "--instance",
            &first,
            "--instance",
            &by_profile,
        ],
        &machine,
    );
    assert_eq!(
        (
            created.code,
            created.stderr.as_str(),
            created.stdout.lines().count()
        ),
        (0, "", 4),
        "{created:#?}"
    );
    assert!(pair.instances(1).iter().any(|bdb| bdb.name == "profile-db"));

    // An update every cluster refuses: the task fails with each cluster's error (exit 1).
    let guid = word_after(&created.stdout, "  ---> CRDB GUID Assigned: crdb:");
    let refused_update = pair.rsadmin(&[
        "crdb",
        "update",
        "--crdb-guid",
        guid,
        "--default-db-config",
        r#"{"shards_placement": "everywhere"}"#,
    ]);
    let update_id = word_after(&refused_update.stdout, "Task ");
    assert_eq!(
        (refused_update.code, refused_update.stdout.as_str()),
        (
            1,
            format!(
                "Task {update_id} created\n  ---> Status changed: queued -> started\n  ---> Status changed: started -> failed\n"
            )
            .as_str()
        ),
        "{refused_update:#?}"
    );
    let errors: Vec<(&str, &str)> = refused_update
        .stderr
        .lines()
        .skip(1)
        .map(|line| {
            let (cluster, rest) = line.trim_start().split_once(": ").expect("cluster: error");
            (cluster, rest.rsplit(' ').next().expect("error code"))
        })
        .collect();
    assert_eq!(
        (refused_update.stderr.lines().next(), errors),
        (
            Some(format!("error: task {update_id} (update_crdb) failed").as_str()),
            vec![
                ("cluster3.sandbox.local", "[invalid_shards_placement]"),
                ("cluster4.sandbox.local", "[invalid_shards_placement]")
            ]
        ),
        "{refused_update:#?}"
    );

    // --credentials changes what the coordinator uses for one instance: wrong ones make the next
    // change fail there; the right ones (with --force, which sends even an unchanged setting) fix it.
    let update = |extra: &[&str], overrides: &[(&str, &str)]| {
        let mut args = vec!["crdb", "update", "--crdb-guid", guid];
        args.extend_from_slice(extra);
        pair.rsadmin_with(&args, overrides)
    };
    let wrong = "id=2,username=admin@sandbox.local,password-env=WRONG";
    let rotated = update(&["--credentials", wrong], &[("WRONG", "nope")]);
    assert_run(&rotated, 0, &finished_update(&rotated), "");
    let resized = update(&["--memory-size", "200mb"], &[]);
    assert_eq!(resized.code, 1, "{resized:#?}");
    assert!(
        resized.stderr.contains(
            "\n  cluster4.sandbox.local: authentication failed for user admin@sandbox.local"
        ),
        "{resized:#?}"
    );
    let right = "id=2,username=admin@sandbox.local,password-env=PW2";
    let fixed = update(&["--credentials", right, "--memory-size", "200mb"], &[]);
    assert_run(&fixed, 0, &finished_update(&fixed), "");
    let forced = update(&["--memory-size", "200mb", "--force"], &[]);
    assert_run(&forced, 0, &finished_update(&forced), "");
    for cluster in 0..2 {
        let sizes: Vec<u64> = pair
            .instances(cluster)
            .iter()
            .filter(|bdb| bdb.name == "profile-db")
            .map(|bdb| bdb.memory_size)
            .collect();
        assert_eq!(sizes, [200 << 20], "cluster {cluster}");
    }

    // Enabling the OSS Cluster API checks the instance as it would be: its proxy policy (the
    // cluster default, "single") refuses it with exit 3 and no PATCH; fixing it in the same
    // update passes.
    pair.clusters[0].clear_requests();
    assert_run(
        &update(&["--oss-cluster", "true"], &[]),
        3,
        "",
        &format!(
            "error: crdb {guid} does not meet the OSS Cluster API prerequisites; nothing was \
             sent:\n  FAIL proxy_policy: crdb {guid} uses proxy policy \"single\"; the OSS Cluster \
             API needs \"all-master-shards\" or \"all-nodes\"\n    Fix: add --default-db-config \
             '{{\"proxy_policy\": \"all-master-shards\"}}'\n"
        ),
    );
    assert!(
        pair.clusters[0]
            .requests()
            .iter()
            .all(|r| r.method == "GET")
    );
    let enabled = update(
        &[
            "--oss-cluster",
            "true",
            "--default-db-config",
            r#"{"proxy_policy": "all-master-shards"}"#,
        ],
        &[],
    );
    assert_run(&enabled, 0, &finished_update(&enabled), "");
    for cluster in 0..2 {
        let enabled: Vec<bool> = pair
            .instances(cluster)
            .iter()
            .filter(|bdb| bdb.name == "profile-db")
            .map(|bdb| bdb.oss_cluster)
            .collect();
        assert_eq!(enabled, [true], "cluster {cluster}");
    }

    // A queued task can be canceled; then it cannot be canceled again (exit 6).
    pair.clusters[0]
        .crdb()
        .set_queue_delay(Duration::from_secs(30));
    let queued = create(&["--no-wait"], &[]);
    let queued_id = word_after(&queued.stdout, "Task ");
    assert_run(&queued, 0, &format!("Task {queued_id} created\n"), "");
    assert_run(
        &pair.rsadmin(&["task", "cancel", "--task-id", queued_id]),
        0,
        "",
        "",
    );
    let canceled = pair.rsadmin(&["task", "status", "--task-id", queued_id]);
    assert_run(
        &canceled,
        0,
        &format!(
            "Task-ID: {queued_id}\nCRDB-GUID: -\nOperation: create_crdb\nStatus: failed\n\
             Worker-Name: crdb_worker:1:0\nStarted: -\nEnded: {}\nError: cluster3.sandbox.local: \
             the task was canceled before it started [task_canceled]\n",
            word_after(&canceled.stdout, "Ended: ")
        ),
        "",
    );
    assert_run(
        &pair.rsadmin(&["task", "cancel", "--task-id", queued_id]),
        6,
        "",
        &format!(
            "error: the cluster refused POST /v1/crdb_tasks/{queued_id}/actions/cancel (HTTP 406 \
             task_cannot_be_canceled): task {queued_id} cannot be canceled: it is failed\n"
        ),
    );
}
