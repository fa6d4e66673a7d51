//! `verify`: act as a cluster-aware client would and compare what it sees with the REST view.
//! Probing runs in parallel per address; every step is bounded by the connect settings' timeout.

use std::collections::BTreeSet;
use std::net::IpAddr;
use std::thread;

use serde::Serialize;

use super::cluster_reply::{
    AdvertisedRange, NodeAddress, ServerError, classify_error, parse_cluster_shards,
    parse_cluster_slots,
};
use super::connection::{ConnectSettings, ProbeError, RespConnection};
use super::expected::{EndpointType, ExpectedTopology, IpType};
use super::resp::RespValue;
use super::slots::{
    SLOT_COUNT, SlotCoverage, SlotRange, compress_slots, format_slot_list, key_slot, slot_coverage,
};
use crate::report::{Probe, Row, Severity};

/// Prefix of the keys the read-only probe asks about (`EXISTS`); nothing is written.
const READ_PROBE_PREFIX: &str = "rsadmin-verify:probe:";
/// How a probe that was refused for its credentials gets the right ones.
const DB_PASSWORD_FIX: &str = "the database needs its password: set RSADMIN_DB_PASSWORD or store it with \
     rsadmin profile set-db-password <profile> <db> (and --db-user for an ACL user)";

#[derive(Debug, Clone)]
pub struct VerifyOptions {
    pub connect: ConnectSettings,
    /// Write, read back and delete keys under a unique prefix instead of only asking `EXISTS`.
    pub write_probe: bool,
}

/// The report: one probe row per check and subject, in the order they were made.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub db: String,
    pub checks: Vec<Row>,
}

impl VerifyReport {
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|row| row.severity != Severity::Fail)
    }
}

/// What one seed address answered to the topology commands.
struct SeedReplies {
    slots: RespValue,
    shards: RespValue,
    /// `CLUSTER SLOTS` after `HELLO 3`, or the error `HELLO 3` got.
    resp3_slots: Result<RespValue, String>,
}

pub fn verify(expected: &ExpectedTopology, options: &VerifyOptions) -> VerifyReport {
    let seeds: Vec<NodeAddress> = expected
        .seeds
        .iter()
        .map(|seed| seed.address.clone())
        .collect();
    let replies = in_parallel(&seeds, |seed| fetch_topology(seed, &options.connect));
    let mut checks = shard_status(expected);
    checks.extend(api_mode(expected, &replies));
    if expected.oss_cluster {
        checks.extend(topology_checks(expected, options, &seeds, &replies));
    }
    VerifyReport {
        db: expected.db.clone(),
        checks,
    }
}

/// Everything that needs a slot map: coverage, agreement, addresses, then the data plane.
fn topology_checks(
    expected: &ExpectedTopology,
    options: &VerifyOptions,
    seeds: &[NodeAddress],
    replies: &[Result<SeedReplies, ProbeError>],
) -> Vec<Row> {
    let advertised: Vec<(NodeAddress, Vec<AdvertisedRange>)> = seeds
        .iter()
        .zip(replies)
        .filter_map(|(seed, reply)| {
            let ranges = parse_cluster_slots(&reply.as_ref().ok()?.slots).ok()?;
            Some((seed.clone(), ranges))
        })
        .collect();
    let Some((_, reference)) = advertised.first() else {
        return Vec::new();
    };
    [
        coverage(&advertised),
        consistency(&advertised),
        shards_agree(seeds, replies),
        resp3_agrees(seeds, replies),
        address_types(expected, reference),
        rest_match(expected, reference),
        data_plane(reference, options),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Runs `probe` for every item on its own thread, keeping the order of `items`.
fn in_parallel<T: Sync, R: Send>(items: &[T], probe: impl Fn(&T) -> R + Sync) -> Vec<R> {
    thread::scope(|scope| {
        let handles: Vec<_> = items
            .iter()
            .map(|item| scope.spawn(|| probe(item)))
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

fn fetch_topology(
    seed: &NodeAddress,
    settings: &ConnectSettings,
) -> Result<SeedReplies, ProbeError> {
    let mut connection = RespConnection::open(&seed.host, seed.port, settings)?;
    let slots = connection.call_text(&["CLUSTER", "SLOTS"])?;
    let shards = connection.call_text(&["CLUSTER", "SHARDS"])?;
    // Modern clients (redis-py 8, node-redis 6, ioredis 6, go-redis 9) start with HELLO 3.
    let resp3_slots = match connection.call_text(&["HELLO", "3"])? {
        RespValue::Error(error) => Err(error),
        _ => Ok(connection.call_text(&["CLUSTER", "SLOTS"])?),
    };
    Ok(SeedReplies {
        slots,
        shards,
        resp3_slots,
    })
}

fn shard_status(expected: &ExpectedTopology) -> Vec<Row> {
    let unhealthy: Vec<Row> = expected
        .masters
        .iter()
        .filter(|master| {
            master
                .status
                .as_deref()
                .is_some_and(|status| status != "active")
        })
        .map(|master| {
            Row::new(Probe::ShardStatus, Severity::Fail)
                .subject(format!(
                    "redis:{} on node:{}",
                    master.shard_uid, master.node_uid
                ))
                .message(format!(
                    "status {}",
                    master.status.as_deref().unwrap_or("unknown")
                ))
                .expected("status active")
        })
        .collect();
    if !unhealthy.is_empty() {
        return unhealthy;
    }
    let count = expected.masters.len();
    let (severity, seen) = if count == 0 {
        (Severity::Fail, "no master shard".to_string())
    } else {
        (Severity::Ok, format!("{count} master shard(s) active"))
    };
    vec![
        Row::new(Probe::ShardStatus, severity)
            .subject(expected.db.clone())
            .message(seen)
            .expected("every master shard active"),
    ]
}

fn error_text(reply: &RespValue) -> Option<&str> {
    match reply {
        RespValue::Error(text) => Some(text),
        _ => None,
    }
}

fn api_mode(expected: &ExpectedTopology, replies: &[Result<SeedReplies, ProbeError>]) -> Vec<Row> {
    let mut checks = Vec::new();
    let enable_fix = format!("rsadmin tune db {} oss_cluster enabled --fix", expected.db);
    // Disabled is a failure: verify proves what cluster-aware clients see, and they see nothing.
    if !expected.oss_cluster {
        checks.push(
            Row::new(Probe::OssCluster, Severity::Fail)
                .subject(expected.db.clone())
                .message(
                    "oss_cluster: disabled in the REST API; cluster-aware clients cannot \
                     discover the topology",
                )
                .expected("oss_cluster: enabled")
                .fix(enable_fix.clone()),
        );
    }
    for (seed, reply) in expected.seeds.iter().zip(replies) {
        let subject = seed.address.to_string();
        let check = match reply {
            // A DNS name that does not resolve from here may resolve for the clients: warn only.
            Err(err) if seed.is_dns_name => Row::new(Probe::SeedConnect, Severity::Warn)
                .subject(subject)
                .message(err.to_string())
                .expected("clients that seed with the database DNS name can connect"),
            Err(err @ ProbeError::Auth { .. }) => Row::new(Probe::SeedConnect, Severity::Fail)
                .subject(subject)
                .message(err.to_string())
                .expected("the database password to be accepted")
                .fix(DB_PASSWORD_FIX.to_string()),
            Err(err) => Row::new(Probe::SeedConnect, Severity::Fail)
                .subject(subject)
                .message(err.to_string())
                .expected("a bound proxy accepting connections"),
            Ok(replies) => match (expected.oss_cluster, error_text(&replies.slots)) {
                (true, None) => match parse_cluster_slots(&replies.slots) {
                    Ok(ranges) => Row::new(Probe::ClusterApi, Severity::Ok)
                        .subject(subject)
                        .message(format!(
                            "CLUSTER SLOTS answered with {} range(s)",
                            ranges.len()
                        ))
                        .expected("the slot map"),
                    Err(err) => Row::new(Probe::ClusterApi, Severity::Fail)
                        .subject(subject)
                        .message(err)
                        .expected("the slot map"),
                },
                (true, Some(error)) => Row::new(Probe::ClusterApi, Severity::Fail)
                    .subject(subject)
                    .message(format!("CLUSTER SLOTS answered -{error}"))
                    .expected("the slot map (oss_cluster is enabled in the REST API)")
                    .fix(if error.starts_with("NOAUTH") {
                        DB_PASSWORD_FIX.to_string()
                    } else {
                        format!(
                            "reconnect: the proxy applies the OSS Cluster API to new connections \
                             only; if it persists, {enable_fix}"
                        )
                    }),
                (false, Some(error)) => Row::new(Probe::ClusterApi, Severity::Ok)
                    .subject(subject)
                    .message(format!("CLUSTER SLOTS answered -{error}"))
                    .expected("an error: the OSS Cluster API is off, as the REST API says"),
                (false, None) => Row::new(Probe::ClusterApi, Severity::Fail)
                    .subject(subject)
                    .message("CLUSTER SLOTS answered with a slot map")
                    .expected("an error: the REST API says oss_cluster is disabled"),
            },
        };
        checks.push(check);
    }
    checks
}

fn coverage(advertised: &[(NodeAddress, Vec<AdvertisedRange>)]) -> Vec<Row> {
    advertised
        .iter()
        .map(|(seed, ranges)| {
            let slots: Vec<SlotRange> = ranges.iter().map(|range| range.slots).collect();
            let coverage = slot_coverage(&slots);
            let (severity, seen) = if coverage.is_complete() {
                (
                    Severity::Ok,
                    format!("{} range(s) cover 0-16383 once", ranges.len()),
                )
            } else {
                (Severity::Fail, describe_gaps(&coverage))
            };
            Row::new(Probe::SlotCoverage, severity)
                .subject(seed.to_string())
                .message(seen)
                .expected("every slot 0-16383 served exactly once")
        })
        .collect()
}

fn describe_gaps(coverage: &SlotCoverage) -> String {
    let mut problems = Vec::new();
    if !coverage.missing.is_empty() {
        problems.push(format!(
            "slots {} not served",
            format_slot_list(&coverage.missing)
        ));
    }
    if !coverage.duplicated.is_empty() {
        problems.push(format!(
            "slots {} served more than once",
            format_slot_list(&coverage.duplicated)
        ));
    }
    problems.join(", ")
}

/// A topology as a comparable value: ranges with their advertised master, ordered.
fn topology_key(ranges: &[AdvertisedRange]) -> BTreeSet<(SlotRange, NodeAddress)> {
    ranges
        .iter()
        .map(|range| (range.slots, range.master.clone()))
        .collect()
}

fn describe_topology(ranges: &BTreeSet<(SlotRange, NodeAddress)>) -> String {
    ranges
        .iter()
        .map(|(slots, master)| format!("{slots} {master}"))
        .collect::<Vec<_>>()
        .join(", ")
}

const RECONNECT_FIX: &str = "clients must reconnect (or restart) to pick up the current topology; rerun verify after the \
     cluster settles";

fn consistency(advertised: &[(NodeAddress, Vec<AdvertisedRange>)]) -> Vec<Row> {
    let Some((first_seed, first_ranges)) = advertised.first() else {
        return Vec::new();
    };
    let reference = topology_key(first_ranges);
    let differing: Vec<Row> = advertised[1..]
        .iter()
        .filter(|(_, ranges)| topology_key(ranges) != reference)
        .map(|(seed, ranges)| {
            Row::new(Probe::SameTopology, Severity::Fail)
                .subject(seed.to_string())
                .message(describe_topology(&topology_key(ranges)))
                .expected(format!(
                    "the topology {first_seed} advertises: {}",
                    describe_topology(&reference)
                ))
                .fix(RECONNECT_FIX.to_string())
        })
        .collect();
    if !differing.is_empty() {
        return differing;
    }
    vec![
        Row::new(Probe::SameTopology, Severity::Ok)
            .subject(format!("{} seed address(es)", advertised.len()))
            .message(describe_topology(&reference))
            .expected("every node answers the same topology"),
    ]
}

fn resp3_agrees(seeds: &[NodeAddress], replies: &[Result<SeedReplies, ProbeError>]) -> Vec<Row> {
    let expected = "the same slot map in RESP3 (HELLO 3) as in RESP2";
    seeds
        .iter()
        .zip(replies)
        .filter_map(|(seed, reply)| {
            let replies = reply.as_ref().ok()?;
            let resp2 = topology_key(&parse_cluster_slots(&replies.slots).ok()?);
            let subject = seed.to_string();
            let check = match &replies.resp3_slots {
                Err(error) => Row::new(Probe::Resp3, Severity::Warn)
                    .subject(subject)
                    .message(format!(
                        "HELLO 3 answered -{error}: redis-py 8 and node-redis 6 cannot connect \
                         without protocol=2"
                    ))
                    .expected(expected),
                Ok(reply) => match parse_cluster_slots(reply).map(|ranges| topology_key(&ranges)) {
                    Ok(resp3) if resp3 == resp2 => Row::new(Probe::Resp3, Severity::Ok)
                        .subject(subject)
                        .message("CLUSTER SLOTS agrees in RESP3")
                        .expected(expected),
                    Ok(resp3) => Row::new(Probe::Resp3, Severity::Fail)
                        .subject(subject)
                        .message(describe_topology(&resp3))
                        .expected(format!("{expected}: {}", describe_topology(&resp2))),
                    Err(err) => Row::new(Probe::Resp3, Severity::Fail)
                        .subject(subject)
                        .message(err)
                        .expected(expected),
                },
            };
            Some(check)
        })
        .collect()
}

fn shards_agree(seeds: &[NodeAddress], replies: &[Result<SeedReplies, ProbeError>]) -> Vec<Row> {
    seeds
        .iter()
        .zip(replies)
        .filter_map(|(seed, reply)| {
            let replies = reply.as_ref().ok()?;
            let slots = topology_key(&parse_cluster_slots(&replies.slots).ok()?);
            let expected = "the same ranges and masters as CLUSTER SLOTS";
            if let Some(error) = error_text(&replies.shards) {
                return Some(
                    Row::new(Probe::ClusterShards, Severity::Warn)
                        .subject(seed.to_string())
                        .message(format!(
                            "CLUSTER SHARDS answered -{error} (older versions lack it; clients use \
                             CLUSTER SLOTS)"
                        ))
                        .expected(expected),
                );
            }
            let check = match parse_cluster_shards(&replies.shards) {
                Err(err) => Row::new(Probe::ClusterShards, Severity::Fail)
                    .subject(seed.to_string())
                    .message(err)
                    .expected(expected),
                Ok(shards) => {
                    let from_shards: BTreeSet<(SlotRange, NodeAddress)> = shards
                        .iter()
                        .filter_map(|shard| Some((shard.slots.clone(), shard.master.clone()?)))
                        .flat_map(|(ranges, master)| {
                            ranges.into_iter().map(move |range| (range, master.clone()))
                        })
                        .collect();
                    if from_shards == slots {
                        Row::new(Probe::ClusterShards, Severity::Ok)
                            .subject(seed.to_string())
                            .message(format!(
                                "{} shard(s) agree with CLUSTER SLOTS",
                                shards.len()
                            ))
                            .expected(expected)
                    } else {
                        Row::new(Probe::ClusterShards, Severity::Fail)
                            .subject(seed.to_string())
                            .message(describe_topology(&from_shards))
                            .expected(format!("{expected}: {}", describe_topology(&slots)))
                    }
                }
            };
            Some(check)
        })
        .collect()
}

fn distinct_masters(ranges: &[AdvertisedRange]) -> Vec<NodeAddress> {
    let masters: BTreeSet<NodeAddress> = ranges.iter().map(|range| range.master.clone()).collect();
    masters.into_iter().collect()
}

fn address_types(expected: &ExpectedTopology, reference: &[AdvertisedRange]) -> Vec<Row> {
    let wanted = match (expected.endpoint_type, expected.ip_type) {
        (EndpointType::Hostname, _) => {
            "a hostname (oss_cluster_api_preferred_endpoint_type hostname)"
        }
        (EndpointType::Ip, IpType::Internal) => {
            "a node's internal address (oss_cluster_api_preferred_ip_type internal)"
        }
        (EndpointType::Ip, IpType::External) => {
            "a node's external address (oss_cluster_api_preferred_ip_type external)"
        }
    };
    let mut problems = Vec::new();
    for address in distinct_masters(reference) {
        let node = expected.node_of_host(&address.host);
        let type_ok = match (expected.endpoint_type, expected.ip_type) {
            (EndpointType::Hostname, _) => address.host.parse::<IpAddr>().is_err(),
            (EndpointType::Ip, IpType::Internal) => {
                node.is_some_and(|node| node.addr == address.host)
            }
            (EndpointType::Ip, IpType::External) => {
                node.is_some_and(|node| node.external_addr.contains(&address.host))
            }
        };
        if !type_ok {
            let mut check = Row::new(Probe::AddressType, Severity::Fail)
                .subject(address.to_string())
                .message(format!(
                    "advertised {}",
                    expected.describe_host(&address.host)
                ))
                .expected(wanted);
            if let Some(node) = node.filter(|node| {
                expected.ip_type == IpType::External && node.external_addr.is_empty()
            }) {
                check
                    .message
                    .push_str(&format!("; node:{} has no external address", node.uid));
                check = check.fix(format!("rsadmin node {} external_addr add <ip>", node.uid));
            }
            problems.push(check);
        }
        if address.port != expected.port {
            problems.push(
                Row::new(Probe::AddressType, Severity::Fail)
                    .subject(address.to_string())
                    .message(format!("advertised port {}", address.port))
                    .expected(format!("the database port {}", expected.port)),
            );
        }
    }
    if problems.is_empty() {
        let hosts: Vec<String> = distinct_masters(reference)
            .iter()
            .map(ToString::to_string)
            .collect();
        return vec![
            Row::new(Probe::AddressType, Severity::Ok)
                .subject(hosts.join(", "))
                .message(format!("each is {wanted}"))
                .expected(wanted),
        ];
    }
    problems
}

fn rest_match(expected: &ExpectedTopology, reference: &[AdvertisedRange]) -> Vec<Row> {
    let owners = expected.slot_owners();
    let mut advertised_owner: Vec<Option<&NodeAddress>> = vec![None; usize::from(SLOT_COUNT)];
    for range in reference {
        for slot in range.slots.start..=range.slots.end {
            advertised_owner[usize::from(slot)] = Some(&range.master);
        }
    }
    // Group mismatching slots by (what was advertised, what REST says) so each becomes one line.
    let mut mismatches: Vec<((String, String), Vec<u16>)> = Vec::new();
    for slot in 0..SLOT_COUNT {
        let advertised = advertised_owner[usize::from(slot)];
        let owner = owners[usize::from(slot)];
        let expected_host = owner
            .and_then(|master| expected.node(master.node_uid))
            .and_then(|node| expected.advertised_host(node));
        let matches = match (advertised, owner) {
            (None, None) => true,
            (Some(address), Some(master)) => match &expected_host {
                Some(host) => address.host == *host && address.port == expected.port,
                // Hostname endpoints: the name is not in the REST API; match by slot ownership.
                None => expected
                    .node_of_host(&address.host)
                    .is_none_or(|node| node.uid == master.node_uid),
            },
            _ => false,
        };
        if matches {
            continue;
        }
        let seen = advertised.map_or("no node".to_string(), ToString::to_string);
        let wanted = owner.map_or("no shard".to_string(), |master| {
            let address = expected_host
                .as_ref()
                .map(|host| format!(" ({host}:{})", expected.port))
                .unwrap_or_default();
            format!(
                "redis:{} on node:{}{address}",
                master.shard_uid, master.node_uid
            )
        });
        match mismatches
            .iter_mut()
            .find(|(key, _)| *key == (seen.clone(), wanted.clone()))
        {
            Some((_, slots)) => slots.push(slot),
            None => mismatches.push(((seen, wanted), vec![slot])),
        }
    }
    if mismatches.is_empty() {
        return vec![
            Row::new(Probe::RestMatch, Severity::Ok)
                .subject(expected.db.clone())
                .message(format!(
                    "{} master shard(s) where the REST API places them",
                    expected.masters.len()
                ))
                .expected("the slot ranges of the master shards the REST API reports"),
        ];
    }
    mismatches
        .into_iter()
        .map(|((seen, wanted), slots)| {
            Row::new(Probe::RestMatch, Severity::Fail)
                .subject(format!(
                    "slots {}",
                    format_slot_list(&compress_slots(slots))
                ))
                .message(format!("advertised on {seen}"))
                .expected(format!("served by {wanted}"))
                .fix(RECONNECT_FIX.to_string())
        })
        .collect()
}

/// A key whose slot lies in `range`, found by counting up from the prefix.
pub fn probe_key(prefix: &str, range: SlotRange) -> String {
    (0u32..)
        .map(|n| format!("{prefix}{n}"))
        .find(|key| range.contains(key_slot(key.as_bytes())))
        .unwrap_or_else(|| prefix.to_string())
}

fn write_probe_prefix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos())
        .unwrap_or_default();
    format!("rsadmin-verify:{}-{nanos}:", std::process::id())
}

/// Reachability, routing and the deliberate MOVED, one connection per advertised node.
fn data_plane(reference: &[AdvertisedRange], options: &VerifyOptions) -> Vec<Row> {
    let prefix = if options.write_probe {
        write_probe_prefix()
    } else {
        READ_PROBE_PREFIX.to_string()
    };
    let masters = distinct_masters(reference);
    let per_node = in_parallel(&masters, |master| {
        probe_node(master, reference, &masters, &prefix, options)
    });
    let mut checks: Vec<Row> = per_node.into_iter().flatten().collect();
    if let [only] = masters.as_slice() {
        checks.push(
            Row::new(Probe::Moved, Severity::Ok)
                .subject(only.to_string())
                .message("not applicable: this node serves every slot, so no key can be redirected")
                .expected("a MOVED from a node that does not own the slot"),
        );
    }
    checks
}

fn probe_node(
    master: &NodeAddress,
    reference: &[AdvertisedRange],
    masters: &[NodeAddress],
    prefix: &str,
    options: &VerifyOptions,
) -> Vec<Row> {
    let ping = RespConnection::open(&master.host, master.port, &options.connect)
        .and_then(|mut connection| connection.call_text(&["PING"]));
    match ping {
        Ok(RespValue::Error(error)) => {
            return vec![
                Row::new(Probe::Reachable, Severity::Fail)
                    .subject(master.to_string())
                    .message(format!("PING answered -{error}"))
                    .expected("PONG"),
            ];
        }
        Ok(_) => {}
        Err(err) => {
            return vec![
                Row::new(Probe::Reachable, Severity::Fail)
                    .subject(master.to_string())
                    .message(err.to_string())
                    .expected("the advertised address accepts connections from here")
                    .fix(
                        "check the firewall and routing from the clients to this address; \
                         clients outside the internal network need \
                         oss_cluster_api_preferred_ip_type external"
                            .to_string(),
                    ),
            ];
        }
    }
    let mut checks = vec![
        Row::new(Probe::Reachable, Severity::Ok)
            .subject(master.to_string())
            .message("PONG")
            .expected("the advertised address accepts connections from here"),
    ];
    for range in reference.iter().filter(|range| range.master == *master) {
        let key = probe_key(prefix, range.slots);
        checks.push(route_probe(master, range, &key, options));
    }
    // A key owned by the next node answers MOVED to that node: proves redirects point right.
    if let Some(foreign) = masters
        .iter()
        .cycle()
        .skip_while(|other| *other != master)
        .nth(1)
        .filter(|other| *other != master)
        .and_then(|other| reference.iter().find(|range| range.master == *other))
    {
        let key = probe_key(prefix, foreign.slots);
        checks.push(moved_probe(master, foreign, &key, &options.connect));
    }
    checks
}

fn describe_reply(reply: &RespValue) -> String {
    match reply {
        RespValue::Error(error) => format!("-{error}"),
        RespValue::Null => "nil".to_string(),
        other => other
            .as_text()
            .or_else(|| other.as_integer().map(|n| n.to_string()))
            .unwrap_or_else(|| format!("{other:?}")),
    }
}

/// Each probe has its own connection, so a timed-out reply cannot be read as the next answer.
fn route_probe(
    master: &NodeAddress,
    range: &AdvertisedRange,
    key: &str,
    options: &VerifyOptions,
) -> Row {
    let write = options.write_probe;
    let slot = key_slot(key.as_bytes());
    let subject = format!("{master} slot {slot} (key {key})");
    let expected = "served by the advertised node, no MOVED";
    let outcome = RespConnection::open(&master.host, master.port, &options.connect).and_then(
        |mut connection| {
            if write {
                write_read_delete(&mut connection, key)
            } else {
                connection
                    .call_text(&["EXISTS", key])
                    .map(|reply| match reply {
                        RespValue::Integer(_) => Ok(()),
                        other => Err(other),
                    })
            }
        },
    );
    let shard_hint = format!(" (the shard serving slots {} does not answer)", range.slots);
    let answered = if write {
        "SET/GET/DEL answered"
    } else {
        "EXISTS answered"
    };
    match outcome {
        Ok(Ok(())) => Row::new(Probe::Routing, Severity::Ok)
            .subject(subject)
            .message(answered)
            .expected(expected),
        Ok(Err(reply)) => {
            let moved = matches!(
                &reply,
                RespValue::Error(error) if matches!(classify_error(error), ServerError::Moved { .. })
            );
            let mut seen = describe_reply(&reply);
            if !moved && matches!(reply, RespValue::Error(_)) {
                seen.push_str(&shard_hint);
            }
            let check = Row::new(Probe::Routing, Severity::Fail)
                .subject(subject)
                .message(seen)
                .expected(expected);
            if moved {
                check.fix(RECONNECT_FIX.to_string())
            } else {
                check
            }
        }
        Err(err @ ProbeError::Timeout { .. }) => Row::new(Probe::Routing, Severity::Fail)
            .subject(subject)
            .message(format!("{err}{shard_hint}"))
            .expected(expected),
        Err(err) => Row::new(Probe::Routing, Severity::Fail)
            .subject(subject)
            .message(err.to_string())
            .expected(expected),
    }
}

/// `SET key value PX 60000`, `GET key`, `DEL key`; the first unexpected reply is returned.
fn write_read_delete(
    connection: &mut RespConnection,
    key: &str,
) -> Result<Result<(), RespValue>, ProbeError> {
    let value = "rsadmin-verify";
    let set = connection.call_text(&["SET", key, value, "PX", "60000"])?;
    if set != RespValue::Simple("OK".into()) {
        return Ok(Err(set));
    }
    let get = connection.call_text(&["GET", key])?;
    if get.as_text().as_deref() != Some(value) {
        return Ok(Err(get));
    }
    let del = connection.call_text(&["DEL", key])?;
    if del != RespValue::Integer(1) {
        return Ok(Err(del));
    }
    Ok(Ok(()))
}

fn moved_probe(
    master: &NodeAddress,
    foreign: &AdvertisedRange,
    key: &str,
    settings: &ConnectSettings,
) -> Row {
    let slot = key_slot(key.as_bytes());
    let subject = format!("{master} slot {slot} (key {key})");
    let expected = format!("-MOVED {slot} {}", foreign.master);
    let reply = RespConnection::open(&master.host, master.port, settings)
        .and_then(|mut connection| connection.call_text(&["EXISTS", key]));
    match reply {
        Err(err) => Row::new(Probe::Moved, Severity::Fail)
            .subject(subject)
            .message(err.to_string())
            .expected(expected),
        Ok(reply) => {
            let redirected_right = matches!(
                &reply,
                RespValue::Error(error) if classify_error(error)
                    == ServerError::Moved { slot, target: foreign.master.clone() }
            );
            let severity = if redirected_right {
                Severity::Ok
            } else {
                Severity::Fail
            };
            Row::new(Probe::Moved, severity)
                .subject(subject)
                .message(describe_reply(&reply))
                .expected(expected)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::models::{Bdb, Endpoint, Node, Shard};

    fn address(host: &str) -> NodeAddress {
        NodeAddress {
            host: host.into(),
            port: 12000,
        }
    }

    fn advertised(ranges: &[(u16, u16, &str)]) -> Vec<AdvertisedRange> {
        ranges
            .iter()
            .map(|(start, end, host)| AdvertisedRange {
                slots: SlotRange::new(*start, *end).unwrap(),
                master: address(host),
                node_id: String::new(),
            })
            .collect()
    }

    /// Three nodes with external addresses, masters on nodes 1-3 in slot order.
    fn expected(ip_type: &str) -> ExpectedTopology {
        let nodes: Vec<Node> = (1..=3)
            .map(|uid| Node {
                uid,
                addr: format!("127.0.1.{uid}"),
                external_addr: vec![format!("127.0.2.{uid}")],
                ..Node::default()
            })
            .collect();
        let shards: Vec<Shard> = [(1, "0-5460"), (2, "5461-10922"), (3, "10923-16383")]
            .iter()
            .map(|(uid, slots)| Shard {
                uid: uid.to_string(),
                bdb_uid: 1,
                node_uid: uid.to_string(),
                role: Some("master".into()),
                assigned_slots: Some(slots.to_string()),
                status: Some("active".into()),
                ..Shard::default()
            })
            .collect();
        let bdb = Bdb {
            uid: 1,
            oss_cluster: Some(true),
            oss_cluster_api_preferred_ip_type: Some(ip_type.into()),
            endpoints: vec![Endpoint {
                uid: "1:1".into(),
                port: Some(12000),
                addr: vec!["127.0.1.1".into()],
                ..Endpoint::default()
            }],
            ..Bdb::default()
        };
        ExpectedTopology::from_rest(&bdb, &nodes, &shards).unwrap()
    }

    fn summary(checks: &[Row]) -> Vec<(Severity, String, String)> {
        checks
            .iter()
            .map(|check| (check.severity, check.subject.clone(), check.message.clone()))
            .collect()
    }

    const GOOD: [(u16, u16, &str); 3] = [
        (0, 5460, "127.0.1.1"),
        (5461, 10922, "127.0.1.2"),
        (10923, 16383, "127.0.1.3"),
    ];

    #[test]
    fn coverage_reports_holes_and_overlaps() {
        let seeds = vec![
            (address("127.0.1.1"), advertised(&GOOD)),
            (
                address("127.0.1.2"),
                advertised(&[(0, 5460, "127.0.1.1"), (5000, 16000, "127.0.1.2")]),
            ),
        ];
        assert_eq!(
            summary(&coverage(&seeds)),
            vec![
                (
                    Severity::Ok,
                    "127.0.1.1:12000".into(),
                    "3 range(s) cover 0-16383 once".into()
                ),
                (
                    Severity::Fail,
                    "127.0.1.2:12000".into(),
                    "slots 16001-16383 not served, slots 5000-5460 served more than once".into()
                ),
            ]
        );
    }

    #[test]
    fn consistency_names_the_node_that_differs() {
        let moved = [
            (0, 5460, "127.0.1.1"),
            (5461, 10922, "127.0.1.1"),
            (10923, 16383, "127.0.1.3"),
        ];
        let seeds = vec![
            (address("127.0.1.1"), advertised(&GOOD)),
            (address("127.0.1.2"), advertised(&moved)),
        ];
        let checks = consistency(&seeds);
        assert_eq!(
            summary(&checks),
            vec![(
                Severity::Fail,
                "127.0.1.2:12000".into(),
                "0-5460 127.0.1.1:12000, 5461-10922 127.0.1.1:12000, 10923-16383 127.0.1.3:12000"
                    .into()
            )]
        );
        assert_eq!(checks[0].fix.as_deref(), Some(RECONNECT_FIX));
        assert_eq!(consistency(&seeds[..1])[0].severity, Severity::Ok);
    }

    #[test]
    fn rest_match_groups_slots_by_wrong_owner() {
        let expected = expected("internal");
        assert_eq!(
            rest_match(&expected, &advertised(&GOOD))[0].severity,
            Severity::Ok
        );
        let stale = [(0, 10922, "127.0.1.1"), (10923, 16383, "127.0.1.3")];
        let checks = rest_match(&expected, &advertised(&stale));
        assert_eq!(
            checks
                .iter()
                .map(|check| (
                    check.subject.as_str(),
                    check.message.as_str(),
                    check.expected.as_str()
                ))
                .collect::<Vec<_>>(),
            vec![(
                "slots 5461-10922",
                "advertised on 127.0.1.1:12000",
                "served by redis:2 on node:2 (127.0.1.2:12000)"
            )]
        );
    }

    #[test]
    fn address_types_follow_the_preferred_ip_type() {
        assert_eq!(
            address_types(&expected("internal"), &advertised(&GOOD))[0].severity,
            Severity::Ok
        );
        let checks = address_types(&expected("external"), &advertised(&GOOD));
        assert_eq!(
            summary(&checks),
            ["1", "2", "3"]
                .iter()
                .map(|n| (
                    Severity::Fail,
                    format!("127.0.1.{n}:12000"),
                    format!("advertised 127.0.1.{n} (internal address of node:{n})")
                ))
                .collect::<Vec<_>>()
        );
        let external = [
            (0, 5460, "127.0.2.1"),
            (5461, 10922, "127.0.2.2"),
            (10923, 16383, "127.0.2.3"),
        ];
        assert_eq!(
            address_types(&expected("external"), &advertised(&external))[0].severity,
            Severity::Ok
        );
    }

    #[test]
    fn stopped_shards_fail_before_probing() {
        let mut expected = expected("internal");
        expected.masters[1].status = Some("inactive".into());
        assert_eq!(
            summary(&shard_status(&expected)),
            vec![(
                Severity::Fail,
                "redis:2 on node:2".into(),
                "status inactive".into()
            )]
        );
    }

    fn slots_reply(ranges: &[(u16, u16, &str)]) -> RespValue {
        RespValue::Array(
            ranges
                .iter()
                .map(|(start, end, host)| {
                    RespValue::Array(vec![
                        RespValue::Integer(i64::from(*start)),
                        RespValue::Integer(i64::from(*end)),
                        RespValue::Array(vec![
                            RespValue::Bulk(host.as_bytes().to_vec()),
                            RespValue::Integer(12000),
                        ]),
                    ])
                })
                .collect(),
        )
    }

    #[test]
    fn resp3_must_agree_with_resp2() {
        let seeds = vec![
            address("127.0.1.1"),
            address("127.0.1.2"),
            address("127.0.1.3"),
        ];
        let replies = vec![
            Ok(SeedReplies {
                slots: slots_reply(&GOOD),
                shards: RespValue::Array(vec![]),
                resp3_slots: Ok(slots_reply(&GOOD)),
            }),
            Ok(SeedReplies {
                slots: slots_reply(&GOOD),
                shards: RespValue::Array(vec![]),
                resp3_slots: Err("NOPROTO unsupported protocol version".into()),
            }),
            Ok(SeedReplies {
                slots: slots_reply(&GOOD),
                shards: RespValue::Array(vec![]),
                resp3_slots: Ok(slots_reply(&[(0, 16383, "127.0.1.1")])),
            }),
        ];
        assert_eq!(
            summary(&resp3_agrees(&seeds, &replies)),
            vec![
                (
                    Severity::Ok,
                    "127.0.1.1:12000".into(),
                    "CLUSTER SLOTS agrees in RESP3".into()
                ),
                (
                    Severity::Warn,
                    "127.0.1.2:12000".into(),
                    "HELLO 3 answered -NOPROTO unsupported protocol version: redis-py 8 and \
                     node-redis 6 cannot connect without protocol=2"
                        .into()
                ),
                (
                    Severity::Fail,
                    "127.0.1.3:12000".into(),
                    "0-16383 127.0.1.1:12000".into()
                ),
            ]
        );
    }

    #[test]
    fn probe_keys_land_in_their_range() {
        for range in [
            SlotRange {
                start: 0,
                end: 5460,
            },
            SlotRange {
                start: 16383,
                end: 16383,
            },
        ] {
            let key = probe_key(READ_PROBE_PREFIX, range);
            assert!(key.starts_with(READ_PROBE_PREFIX));
            assert!(range.contains(key_slot(key.as_bytes())), "{key}");
        }
    }
}
