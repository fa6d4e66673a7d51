//! Fleet scale (issue 16): the read commands send as many requests for 2,000 databases as for 2,
//! `info db db:<id>` sends one, and a cluster that ignores `fields=` prints the same. The cluster
//! is `bench/scale_server.py` (the benchmark's synthetic cluster: captured objects multiplied,
//! HTTPS with basic auth, one log line per request), with a certificate from the sandbox's CA code.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rsadmin_sandbox::tls::{
    CA_CERT_FILE, CertificateDirs, SERVER_CERT_FILE, SERVER_KEY_FILE, ServerIdentity, load_or_issue,
};
use tempfile::TempDir;

use crate::support::{Run, run_rsadmin};

const USER: &str = "admin@rsadmin.test";
const PASSWORD: &str = "scale-test";

/// How long the server may take to build its databases and listen (2,000 take ~1 s).
const SERVER_START: Duration = Duration::from_secs(15);

/// A running `scale_server.py`, killed when dropped.
struct ScaleServer {
    child: Child,
    url: String,
    dir: TempDir,
}

impl ScaleServer {
    fn start(dbs: usize, ignore_fields: bool) -> ScaleServer {
        let dir = tempfile::tempdir().expect("temp dir");
        load_or_issue(
            &CertificateDirs {
                dir: dir.path(),
                ca_dir: dir.path(),
            },
            &ServerIdentity {
                cluster_fqdn: "scale.rsadmin.test",
                node_addresses: &[],
            },
            false,
        )
        .expect("certificates");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/scale_server.py");
        let mut command = Command::new("python3");
        command
            .arg(script)
            .args([
                "--dbs",
                &dbs.to_string(),
                "--nodes",
                "3",
                "--user",
                USER,
                "--password",
                PASSWORD,
            ])
            .arg("--cert")
            .arg(dir.path().join(SERVER_CERT_FILE))
            .arg("--key")
            .arg(dir.path().join(SERVER_KEY_FILE))
            .arg("--log")
            .arg(dir.path().join("requests.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if ignore_fields {
            command.arg("--ignore-fields");
        }
        let mut child = command.spawn().expect("python3 runs bench/scale_server.py");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver.recv_timeout(SERVER_START).unwrap_or_default();
        let port = line.trim().strip_prefix("PORT ").map(str::to_string);
        // Built before the port is checked, so that a failed start still ends the child.
        let mut server = ScaleServer {
            child,
            url: String::new(),
            dir,
        };
        server.url = format!(
            "https://127.0.0.1:{}",
            port.expect("the server prints its port")
        );
        server
    }

    fn ca_cert(&self) -> PathBuf {
        self.dir.path().join(CA_CERT_FILE)
    }

    fn rsadmin(&self, args: &[&str]) -> Run {
        let ca = self.ca_cert();
        run_rsadmin(
            args,
            &[
                ("RSADMIN_URL", self.url.as_str()),
                ("RSADMIN_USER", USER),
                ("RSADMIN_PASSWORD", PASSWORD),
                ("RSADMIN_CA_CERT", ca.to_str().expect("utf-8 path")),
            ],
        )
    }

    /// "GET /path" of every request so far, in order; the log is written before each answer.
    fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("requests.log"))
            .expect("request log")
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// The requests `rsadmin ARGS` sends, and what it printed.
    fn requests_of(&self, args: &[&str]) -> (Vec<String>, Run) {
        let before = self.requests().len();
        let run = self.rsadmin(args);
        (self.requests().split_off(before), run)
    }
}

impl Drop for ScaleServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `status` of 2 databases on 3 nodes, as main printed it before issue 16.
const STATUS_OF_TWO_DATABASES: &str = "\
CLUSTER NODES:
NODE:ID ROLE   ADDRESS  EXTERNAL_ADDRESS HOSTNAME SHARDS CORES FREE_RAM       PROVISIONAL_RAM VERSION        STATUS
node:1  master 10.0.0.1                  node-1   4/100  14    8.00GB/16.00GB 6.00GB/12.00GB  100.0.21-16135 OK
node:2  slave  10.0.0.2                  node-2   4/100  14    8.00GB/16.00GB 6.00GB/12.00GB  100.0.21-16135 OK
node:3  slave  10.0.0.3                  node-3   4/100  14    8.00GB/16.00GB 6.00GB/12.00GB  100.0.21-16135 OK

DATABASES:
DB:ID NAME TYPE  STATUS SHARDS PLACEMENT REPLICATION PERSISTENCE ENDPOINT
db:1  db-1 redis active 3      dense     enabled     disabled    redis-10001.docker-cluster:10001
db:2  db-2 redis active 3      dense     enabled     disabled    redis-10002.docker-cluster:10002

ENDPOINTS:
DB:ID NAME ID           NODE   ROLE   SSL
db:1  db-1 endpoint:1:1 node:2 single No
db:2  db-2 endpoint:2:1 node:3 single No

SHARDS:
DB:ID NAME ID       NODE   ROLE   SLOTS       USED_MEMORY STATUS
db:1  db-1 redis:1  node:2 master 0-5460      1.00MB      OK
db:1  db-1 redis:2  node:3 master 5461-10921  2.00MB      OK
db:1  db-1 redis:3  node:1 master 10922-16383 3.00MB      OK
db:1  db-1 redis:4  node:2 slave  0-5460      4.00MB      OK
db:1  db-1 redis:5  node:3 slave  5461-10921  5.00MB      OK
db:1  db-1 redis:6  node:1 slave  10922-16383 6.00MB      OK
db:2  db-2 redis:7  node:2 master 0-5460      7.00MB      OK
db:2  db-2 redis:8  node:3 master 5461-10921  8.00MB      OK
db:2  db-2 redis:9  node:1 master 10922-16383 9.00MB      OK
db:2  db-2 redis:10 node:2 slave  0-5460      10.00MB     OK
db:2  db-2 redis:11 node:3 slave  5461-10921  11.00MB     OK
db:2  db-2 redis:12 node:1 slave  10922-16383 12.00MB     OK
";

/// What `status` asks for, in order, whatever the number of databases (also asserted against
/// the sandbox in `cli_info_status`).
pub const STATUS_REQUESTS: [&str; 4] = [
    "GET /v1/nodes",
    "GET /v1/bdbs?fields=uid,name,type,status,shards_count,shards_placement,replication,\
     data_persistence,endpoints,redis_version,tls_mode,ssl",
    "GET /v1/shards?extra_info_keys=used_memory",
    "GET /v1/nodes/status",
];

#[test]
fn requests_stay_constant_from_2_to_2000_databases() {
    let small = ScaleServer::start(2, false);
    let large = ScaleServer::start(2000, false);
    let commands: [&[&str]; 5] = [
        &["status"],
        &["status", "shards"],
        &["info", "db"],
        &["check", "db", "db:2"],
        &["info", "db", "db-2"],
    ];
    for args in commands {
        let (sent_small, run_small) = small.requests_of(args);
        let (sent_large, run_large) = large.requests_of(args);
        assert_eq!(sent_large, sent_small, "{args:?}");
        assert_eq!(
            run_large.code, run_small.code,
            "{args:?}: {}{}",
            run_small.stderr, run_large.stderr
        );
    }
    let (sent, run) = small.requests_of(&["status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, STATUS_OF_TWO_DATABASES);
    assert_eq!(sent, STATUS_REQUESTS);
}

#[test]
fn a_database_by_id_is_one_request() {
    let server = ScaleServer::start(2, false);
    let (sent, run) = server.requests_of(&["info", "db", "db:2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("db:2 [db-2]:\n"), "{}", run.stdout);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert!(
        sent[0].starts_with("GET /v1/bdbs/2?fields=uid,name,"),
        "{sent:?}"
    );
    let (sent, run) = server.requests_of(&["info", "db", "db:3"]);
    assert_eq!(run.code, 5);
    assert_eq!(
        run.stderr,
        "error: database db:3 not found. `rsadmin status databases` lists the databases.\n"
    );
    assert_eq!(sent.len(), 1, "{sent:?}");
}

#[test]
fn a_cluster_that_ignores_fields_prints_the_same() {
    let honours = ScaleServer::start(2, false);
    let ignores = ScaleServer::start(2, true);
    let commands: [&[&str]; 7] = [
        &["status"],
        &["status", "extra", "all"],
        &["-o", "json", "status"],
        &["info", "db"],
        &["info", "db", "db:1"],
        &["info", "db", "db-2"],
        &["-o", "json", "info", "db"],
    ];
    for args in commands {
        let (sent, expected) = honours.requests_of(args);
        assert!(
            sent.iter().any(|request| request.contains("fields=")),
            "{args:?} asks for fields: {sent:?}"
        );
        let run = ignores.rsadmin(args);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (
                expected.code,
                expected.stdout.as_str(),
                expected.stderr.as_str()
            ),
            "{args:?}"
        );
    }
    // A whole object reads the same as the asked fields, credentials aside.
    let run = ignores.rsadmin(&["-o", "json", "info", "db", "db:1"]);
    assert!(!run.stdout.contains("authentication"), "{}", run.stdout);
}
