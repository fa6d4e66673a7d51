//! `doctor`: maps prerequisite findings and verify results to the rows of the Redis Software OSS
//! Cluster API troubleshooting table, each with what was found and the fix. Pure: no I/O.

use std::collections::BTreeMap;

use super::Finding;
use super::fixes::{db_ref, endpoint_ref};
use crate::api::models::{Bdb, Node};
use crate::report::{Probe, Problem, Row, Rule, Severity};
use crate::topology::compat::ClientCompatibility;
use crate::topology::slots::key_slot;
use crate::topology::verify::VerifyReport;

pub struct DoctorInput<'a> {
    pub bdb: &'a Bdb,
    pub nodes: &'a [Node],
    pub prerequisites: &'a [Finding],
    pub verify: &'a VerifyReport,
    /// Keys the application uses together (`--key`).
    pub keys: &'a [String],
    /// Node uids hosting a master shard of the database, from the REST API.
    pub master_nodes: &'a [u64],
    /// What one bound proxy answered to READONLY and HELLO; None when it could not be asked.
    pub compatibility: Option<&'a ClientCompatibility>,
}

/// The troubleshooting rows, each a `Problem` report row whose fix is a command or an action.
pub fn diagnose(input: &DoctorInput) -> Vec<Row> {
    let mut diagnoses = Vec::new();
    diagnoses.extend(cluster_not_enabled(input));
    diagnoses.extend(prerequisites(input));
    diagnoses.extend(moved_crossslot(input));
    diagnoses.extend(external_access(input));
    diagnoses.extend(changes_not_reflected(input));
    diagnoses.push(not_cluster_aware(input));
    diagnoses.extend(proxy_policy(input));
    diagnoses.extend(client_compatibility(input));
    diagnoses
}

fn diagnosis(problem: Problem, severity: Severity, finding: String, fix: Option<String>) -> Row {
    Row::new(problem, severity).message(finding).fix(fix)
}

/// The verify lines of one check that did not pass, as `subject: seen`.
fn failures(report: &VerifyReport, probe: Probe) -> Vec<String> {
    report
        .checks
        .iter()
        .filter(|line| line.check == probe.into() && line.severity != Severity::Ok)
        .map(|line| format!("{}: {}", line.subject, line.message))
        .collect()
}

fn cluster_not_enabled(input: &DoctorInput) -> Vec<Row> {
    let db = db_ref(input.bdb);
    if input.bdb.oss_cluster != Some(true) {
        // `--fix` applies the prerequisites that carry a change; the others need the operator.
        let fixable = input.prerequisites.iter().all(|finding| {
            finding.severity != Severity::Fail
                || finding.fix.as_ref().is_some_and(|fix| fix.change.is_some())
        });
        let fix = if fixable {
            format!("rsadmin tune db {db} oss_cluster enabled --fix")
        } else {
            format!(
                "fix the FAIL prerequisites below, then rsadmin tune db {db} oss_cluster enabled --fix"
            )
        };
        return vec![diagnosis(
            Problem::ClusterNotEnabled,
            Severity::Fail,
            format!(
                "the OSS Cluster API is disabled for {db}: cluster clients get \"ERR command is not \
                 allowed\" to CLUSTER SLOTS (redis-py: \"Cluster mode is not enabled on this node\")"
            ),
            Some(fix),
        )];
    }
    let refused = failures(input.verify, Probe::ClusterApi);
    if !refused.is_empty() {
        return vec![diagnosis(
            Problem::ClusterNotEnabled,
            Severity::Fail,
            format!(
                "the OSS Cluster API is enabled in the REST API but not answered: {}",
                refused.join("; ")
            ),
            Some(
                "reconnect the clients (the mode applies to new connections only); if it persists \
                 the proxies did not apply the change"
                    .to_string(),
            ),
        )];
    }
    vec![diagnosis(
        Problem::ClusterNotEnabled,
        Severity::Ok,
        format!("the OSS Cluster API is enabled for {db} and answers CLUSTER SLOTS"),
        None,
    )]
}

fn prerequisites(input: &DoctorInput) -> Vec<Row> {
    let problems: Vec<Row> = input
        .prerequisites
        .iter()
        // Missing external addresses are reported under "Cannot connect externally".
        .filter(|finding| {
            finding.severity != Severity::Ok && finding.check != Rule::ExternalAddresses.into()
        })
        .map(|finding| {
            diagnosis(
                Problem::Prerequisites,
                finding.severity,
                format!("{}: {}", finding.check.name(), finding.message),
                finding.fix.as_ref().map(|fix| fix.command.clone()),
            )
        })
        .collect();
    if problems.is_empty() {
        return vec![diagnosis(
            Problem::Prerequisites,
            Severity::Ok,
            format!(
                "{} meets every OSS Cluster API prerequisite",
                db_ref(input.bdb)
            ),
            None,
        )];
    }
    problems
}

fn moved_crossslot(input: &DoctorInput) -> Vec<Row> {
    let mut diagnoses = Vec::new();
    let redirected: Vec<String> = failures(input.verify, Probe::Routing)
        .into_iter()
        .filter(|line| line.contains("MOVED"))
        .collect();
    if !redirected.is_empty() {
        diagnoses.push(diagnosis(
            Problem::MovedCrossslot,
            Severity::Fail,
            format!(
                "keys sent to the advertised node were redirected: {}",
                redirected.join("; ")
            ),
            Some("clients must reconnect to refresh the topology".to_string()),
        ));
    }
    let mut slots: BTreeMap<u16, Vec<&str>> = BTreeMap::new();
    for key in input.keys {
        slots.entry(key_slot(key.as_bytes())).or_default().push(key);
    }
    let keyslot_command = format!("rsadmin keyslot {}", shell_words(input.keys));
    if slots.len() > 1 {
        let placed: Vec<String> = slots
            .iter()
            .flat_map(|(slot, keys)| keys.iter().map(move |key| format!("{key} (slot {slot})")))
            .collect();
        diagnoses.push(diagnosis(
            Problem::MovedCrossslot,
            Severity::Warn,
            format!(
                "keys {} are in {} different slots: a multi-key command, transaction or script \
                 on them fails with CROSSSLOT; give them one hash tag, e.g. {{user1000}}.following \
                 and {{user1000}}.followers",
                placed.join(", "),
                slots.len()
            ),
            Some(keyslot_command),
        ));
    } else if let Some((slot, _)) = slots.iter().next() {
        diagnoses.push(diagnosis(
            Problem::MovedCrossslot,
            Severity::Ok,
            format!("the given keys share slot {slot}: multi-key commands on them work"),
            None,
        ));
    } else if diagnoses.is_empty() {
        diagnoses.push(diagnosis(
            Problem::MovedCrossslot,
            Severity::Ok,
            "probe keys were served without redirects; multi-key commands need every key in one \
             slot (hash tags: {user1000}.following, {user1000}.followers); pass --key KEY to \
             check your keys"
                .to_string(),
            Some("rsadmin keyslot KEY...".to_string()),
        ));
    }
    diagnoses
}

/// Quotes keys so the printed command can be pasted into a shell.
fn shell_words(keys: &[String]) -> String {
    keys.iter()
        .map(|key| {
            if key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:/".contains(c))
            {
                key.clone()
            } else {
                format!("'{}'", key.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn external_access(input: &DoctorInput) -> Vec<Row> {
    let bdb = input.bdb;
    let db = db_ref(bdb);
    let mut diagnoses = Vec::new();
    let external = bdb.oss_cluster_api_preferred_ip_type.as_deref() == Some("external");
    let nodes_with_external = input
        .nodes
        .iter()
        .filter(|node| !node.external_addr.is_empty())
        .count();
    if !external && nodes_with_external > 0 {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Warn,
            format!(
                "{db} advertises internal addresses: clients outside the cluster's network \
                 cannot reach them, although {nodes_with_external} node(s) have external addresses"
            ),
            Some(format!(
                "rsadmin tune db {db} oss_cluster_api_preferred_ip_type external"
            )),
        ));
    }
    for finding in input.prerequisites.iter().filter(|finding| {
        finding.check == Rule::ExternalAddresses.into() && finding.severity == Severity::Fail
    }) {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Fail,
            finding.message.clone(),
            finding.fix.as_ref().map(|fix| fix.command.clone()),
        ));
    }
    let generic_type_fix = if external {
        "give every node an external address: rsadmin node <id> external_addr add <ip>".to_string()
    } else {
        format!("rsadmin tune db {db} oss_cluster_api_preferred_ip_type internal")
    };
    for line in
        input.verify.checks.iter().filter(|line| {
            line.check == Probe::AddressType.into() && line.severity == Severity::Fail
        })
    {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Fail,
            format!(
                "{} is advertised but is not {}: {}",
                line.subject, line.expected, line.message
            ),
            Some(line.fix.clone().unwrap_or_else(|| generic_type_fix.clone())),
        ));
    }
    let unreachable = failures(input.verify, Probe::Reachable);
    if !unreachable.is_empty() {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Fail,
            format!(
                "advertised addresses are unreachable from here: {}",
                unreachable.join("; ")
            ),
            Some(
                "check firewalls and routes to the database port on every node; clients outside \
                 the internal network need oss_cluster_api_preferred_ip_type external"
                    .to_string(),
            ),
        ));
    }
    let tls = bdb.tls_mode.as_deref() == Some("enabled") || bdb.ssl == Some(true);
    if tls && bdb.oss_cluster_api_preferred_endpoint_type.as_deref() != Some("hostname") {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Warn,
            format!(
                "{db} uses TLS and advertises IP addresses; proxy certificates carry DNS names \
                 only, so clients that verify the certificate fail on IPs"
            ),
            Some(format!(
                "rsadmin tune db {db} oss_cluster_api_preferred_endpoint_type hostname"
            )),
        ));
    }
    if diagnoses.is_empty() {
        diagnoses.push(diagnosis(
            Problem::ExternalAccess,
            Severity::Ok,
            "every advertised address is of the preferred type and reachable from here".to_string(),
            None,
        ));
    }
    diagnoses
}

fn changes_not_reflected(input: &DoctorInput) -> Vec<Row> {
    let differing: Vec<String> = [
        Probe::SameTopology,
        Probe::RestMatch,
        Probe::ClusterShards,
        Probe::SlotCoverage,
    ]
    .into_iter()
    .flat_map(|probe| failures(input.verify, probe))
    .collect();
    if differing.is_empty() {
        return vec![diagnosis(
            Problem::ChangesNotReflected,
            Severity::Ok,
            "every node advertises the same topology, matching the REST API; after a change, \
             clients must reconnect to see it"
                .to_string(),
            None,
        )];
    }
    vec![diagnosis(
        Problem::ChangesNotReflected,
        Severity::Fail,
        format!(
            "the topology differs between nodes or from the REST API: {}",
            differing.join("; ")
        ),
        Some(format!(
            "restart or reconnect the clients to refresh the topology; if it persists, rebind: \
             rsadmin bind db {} endpoint {} policy {}",
            db_ref(input.bdb),
            endpoint_ref(input.bdb),
            input
                .bdb
                .proxy_policy
                .as_deref()
                .unwrap_or("all-master-shards")
        )),
    )]
}

fn not_cluster_aware(input: &DoctorInput) -> Row {
    let advice = "Redis Insight and redis-cli without -c are not cluster-aware; use redis-cli -c \
                  or a cluster client (redis-py RedisCluster, node-redis createCluster, ioredis \
                  Cluster, JedisCluster, go-redis ClusterClient)";
    let finding = if input.bdb.oss_cluster == Some(true) {
        format!("{advice}: with the OSS Cluster API on, other tools see MOVED")
    } else {
        advice.to_string()
    };
    diagnosis(Problem::NotClusterAware, Severity::Ok, finding, None)
}

/// rs-observed.md §6.16: with `all-nodes`, proxies on nodes without a master shard advertise the
/// topology but serve no slot.
fn proxy_policy(input: &DoctorInput) -> Option<Row> {
    let bdb = input.bdb;
    if bdb.proxy_policy.as_deref() != Some("all-nodes") {
        return None;
    }
    let idle: Vec<String> = input
        .nodes
        .iter()
        .filter(|node| !input.master_nodes.contains(&node.uid))
        .map(|node| format!("node:{}", node.uid))
        .collect();
    if idle.is_empty() {
        return None;
    }
    Some(diagnosis(
        Problem::ProxyPolicy,
        Severity::Warn,
        format!(
            "{} binds a proxy on every node (all-nodes), but {} host no master shard: they answer \
             CLUSTER SLOTS yet serve no slot, so clients seeded there are redirected",
            db_ref(bdb),
            idle.join(", ")
        ),
        Some(format!(
            "rsadmin bind db {} endpoint {} policy all-master-shards",
            db_ref(bdb),
            endpoint_ref(bdb)
        )),
    ))
}

fn client_compatibility(input: &DoctorInput) -> Vec<Row> {
    let Some(compatibility) = input.compatibility else {
        return Vec::new();
    };
    let address = &compatibility.address;
    let mut diagnoses = Vec::new();
    if let Some(error) = &compatibility.readonly_error {
        diagnoses.push(diagnosis(
            Problem::ClientCompatibility,
            Severity::Warn,
            format!(
                "{address} answers READONLY with -{error}: clients that read from replicas \
                 (JedisCluster, ioredis scaleReads, go-redis ReadOnly/RouteByLatency, Redisson) or \
                 send READONLY on every connection (newer redis-rs cluster code) fail"
            ),
            Some("read from masters only: turn replica reads off in the client".to_string()),
        ));
    }
    let oss_cluster = input.bdb.oss_cluster == Some(true);
    match compatibility.hello_mode.as_deref() {
        Some("cluster") if !oss_cluster => diagnoses.push(diagnosis(
            Problem::ClientCompatibility,
            Severity::Warn,
            format!(
                "{address} reports mode \"cluster\" in HELLO although the OSS Cluster API is off: \
                 clients that pick cluster mode from HELLO (StackExchange.Redis style) send \
                 CLUSTER commands and fail"
            ),
            Some("configure such clients for a single (proxy) endpoint explicitly".to_string()),
        )),
        Some("standalone") if oss_cluster => diagnoses.push(diagnosis(
            Problem::ClientCompatibility,
            Severity::Warn,
            format!(
                "{address} reports mode \"standalone\" in HELLO although the OSS Cluster API is \
                 on: clients that pick cluster mode from HELLO will not route by slot"
            ),
            Some("configure such clients as cluster clients explicitly".to_string()),
        )),
        _ => {}
    }
    if diagnoses.is_empty() {
        diagnoses.push(diagnosis(
            Problem::ClientCompatibility,
            Severity::Ok,
            format!(
                "{address} accepts READONLY and its HELLO mode matches the OSS Cluster API setting"
            ),
            None,
        ));
    }
    diagnoses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Check;

    fn report(lines: Vec<(Probe, Severity, &str)>) -> VerifyReport {
        VerifyReport {
            db: "db:1".into(),
            checks: lines
                .into_iter()
                .map(|(probe, severity, seen)| {
                    Row::new(probe, severity)
                        .subject("127.0.1.1:12000")
                        .message(seen)
                })
                .collect(),
        }
    }

    fn enabled_bdb() -> Bdb {
        Bdb {
            uid: 1,
            oss_cluster: Some(true),
            ..Bdb::default()
        }
    }

    fn run(bdb: &Bdb, nodes: &[Node], verify: &VerifyReport, keys: &[String]) -> Vec<Row> {
        diagnose(&DoctorInput {
            bdb,
            nodes,
            prerequisites: &[],
            verify,
            keys,
            master_nodes: &[],
            compatibility: None,
        })
    }

    #[test]
    fn healthy_database_is_all_ok() {
        let diagnoses = run(&enabled_bdb(), &[], &report(vec![]), &[]);
        assert!(
            diagnoses.iter().all(|d| d.severity == Severity::Ok),
            "{diagnoses:#?}"
        );
        let problems: Vec<Check> = diagnoses.iter().map(|d| d.check).collect();
        assert_eq!(
            problems,
            [
                Problem::ClusterNotEnabled,
                Problem::Prerequisites,
                Problem::MovedCrossslot,
                Problem::ExternalAccess,
                Problem::ChangesNotReflected,
                Problem::NotClusterAware
            ]
            .map(Check::Problem)
        );
    }

    #[test]
    fn disabled_api_names_the_enable_command() {
        let bdb = Bdb {
            uid: 1,
            oss_cluster: Some(false),
            ..Bdb::default()
        };
        let diagnoses = run(&bdb, &[], &report(vec![]), &[]);
        assert_eq!(diagnoses[0].severity, Severity::Fail);
        assert_eq!(
            diagnoses[0].fix.as_deref(),
            Some("rsadmin tune db db:1 oss_cluster enabled --fix")
        );
    }

    #[test]
    fn keys_in_different_slots_get_hash_tag_advice() {
        let keys = vec!["a".to_string(), "b".to_string()];
        let diagnoses = run(&enabled_bdb(), &[], &report(vec![]), &keys);
        let crossslot = diagnoses
            .iter()
            .find(|d| d.check == Problem::MovedCrossslot.into())
            .unwrap();
        assert_eq!(crossslot.severity, Severity::Warn);
        assert!(
            crossslot
                .message
                .starts_with("keys b (slot 3300), a (slot 15495) are in 2 different slots")
        );
        assert_eq!(crossslot.fix.as_deref(), Some("rsadmin keyslot a b"));

        let tagged = vec!["{u1}.a".to_string(), "{u1}.b".to_string()];
        let diagnoses = run(&enabled_bdb(), &[], &report(vec![]), &tagged);
        let crossslot = diagnoses
            .iter()
            .find(|d| d.check == Problem::MovedCrossslot.into())
            .unwrap();
        assert_eq!(crossslot.severity, Severity::Ok);
    }

    #[test]
    fn internal_addresses_with_external_ones_available_warn() {
        let nodes = vec![Node {
            uid: 1,
            external_addr: vec!["127.0.2.1".into()],
            ..Node::default()
        }];
        let diagnoses = run(&enabled_bdb(), &nodes, &report(vec![]), &[]);
        let external = diagnoses
            .iter()
            .find(|d| d.check == Problem::ExternalAccess.into())
            .unwrap();
        assert_eq!(external.severity, Severity::Warn);
        assert_eq!(
            external.fix.as_deref(),
            Some("rsadmin tune db db:1 oss_cluster_api_preferred_ip_type external")
        );
    }

    #[test]
    fn verify_failures_map_to_rows() {
        let verify = report(vec![
            (Probe::Reachable, Severity::Fail, "cannot connect"),
            (
                Probe::SameTopology,
                Severity::Fail,
                "0-16383 127.0.1.1:12000",
            ),
            (Probe::Routing, Severity::Fail, "-MOVED 5 127.0.1.2:12000"),
        ]);
        let diagnoses = run(&enabled_bdb(), &[], &verify, &[]);
        let failed: Vec<Check> = diagnoses
            .iter()
            .filter(|d| d.severity == Severity::Fail)
            .map(|d| d.check)
            .collect();
        assert_eq!(
            failed,
            [
                Problem::MovedCrossslot,
                Problem::ExternalAccess,
                Problem::ChangesNotReflected
            ]
            .map(Check::Problem)
        );
    }

    #[test]
    fn client_compatibility_rows() {
        let compatibility = |readonly_error: Option<&str>, mode: &str| ClientCompatibility {
            address: crate::topology::cluster_reply::NodeAddress {
                host: "127.0.1.1".into(),
                port: 12000,
            },
            readonly_error: readonly_error.map(str::to_string),
            hello_mode: Some(mode.to_string()),
        };
        let rows = |bdb: &Bdb, observed: &ClientCompatibility| -> Vec<(Severity, String)> {
            diagnose(&DoctorInput {
                bdb,
                nodes: &[],
                prerequisites: &[],
                verify: &report(vec![]),
                keys: &[],
                master_nodes: &[],
                compatibility: Some(observed),
            })
            .into_iter()
            .filter(|d| d.check == Problem::ClientCompatibility.into())
            .map(|d| (d.severity, d.message))
            .collect()
        };
        assert_eq!(
            rows(&enabled_bdb(), &compatibility(None, "cluster")),
            vec![(
                Severity::Ok,
                "127.0.1.1:12000 accepts READONLY and its HELLO mode matches the OSS Cluster API \
                 setting"
                    .to_string()
            )]
        );
        let disabled = Bdb {
            uid: 1,
            oss_cluster: Some(false),
            ..Bdb::default()
        };
        let found = rows(
            &disabled,
            &compatibility(Some("ERR unknown command 'READONLY'"), "cluster"),
        );
        assert_eq!(found.len(), 2);
        assert!(
            found
                .iter()
                .all(|(severity, _)| *severity == Severity::Warn)
        );
        assert!(found[0].1.starts_with(
            "127.0.1.1:12000 answers READONLY with -ERR unknown command 'READONLY': clients"
        ));
        assert!(
            found[1]
                .1
                .contains("reports mode \"cluster\" in HELLO although the OSS Cluster API is off")
        );
        assert_eq!(
            rows(&enabled_bdb(), &compatibility(None, "standalone"))[0].0,
            Severity::Warn
        );
    }

    #[test]
    fn all_nodes_with_idle_nodes_warn() {
        let bdb = Bdb {
            uid: 1,
            oss_cluster: Some(true),
            proxy_policy: Some("all-nodes".into()),
            ..Bdb::default()
        };
        let nodes: Vec<Node> = (1..=3)
            .map(|uid| Node {
                uid,
                ..Node::default()
            })
            .collect();
        let rows = |master_nodes: &[u64]| -> Vec<Row> {
            diagnose(&DoctorInput {
                bdb: &bdb,
                nodes: &nodes,
                prerequisites: &[],
                verify: &report(vec![]),
                keys: &[],
                master_nodes,
                compatibility: None,
            })
            .into_iter()
            .filter(|d| d.check == Problem::ProxyPolicy.into())
            .collect()
        };
        assert!(rows(&[1, 2, 3]).is_empty());
        let idle = rows(&[1]);
        assert_eq!(idle.len(), 1);
        assert!(
            idle[0]
                .message
                .contains("but node:2, node:3 host no master shard")
        );
        assert_eq!(
            idle[0].fix.as_deref(),
            Some("rsadmin bind db db:1 endpoint 1:1 policy all-master-shards")
        );
    }
}
