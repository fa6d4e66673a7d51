use super::*;
use crate::api::models::BlueprintNode;

const RANGES: [&str; 3] = ["0-5460", "5461-10922", "10923-16383"];

/// `layout`: one (bdb, role, node) per shard; uids count from 1, slot ranges repeat per master.
fn shards(layout: &[(u64, &str, u64)]) -> Vec<Shard> {
    let mut master_index = 0;
    layout
        .iter()
        .enumerate()
        .map(|(index, (bdb, role, node))| {
            if *role == "master" {
                master_index += 1;
            }
            Shard {
                uid: (index + 1).to_string(),
                bdb_uid: *bdb,
                node_uid: node.to_string(),
                role: Some(role.to_string()),
                assigned_slots: Some(RANGES[(master_index - 1) % 3].to_string()),
                ..Shard::default()
            }
        })
        .collect()
}

fn nodes(count: u64) -> Vec<Node> {
    (1..=count)
        .map(|uid| Node {
            uid,
            status: Some("active".into()),
            ..Node::default()
        })
        .collect()
}

fn moved(pairs: &[(&str, &str)]) -> Vec<ShardMove> {
    pairs
        .iter()
        .map(|(shard, node)| ShardMove {
            shard_uid: shard.to_string(),
            to_node: node.to_string(),
        })
        .collect()
}

fn uids(words: &[&str]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

/// Three masters, each followed by its replica: 1/2 on nodes 1/2, 3/4 on 1/2, 5/6 on 2/3.
fn replicated() -> Vec<Shard> {
    shards(&[
        (1, "master", 1),
        (1, "slave", 2),
        (1, "master", 1),
        (1, "slave", 2),
        (1, "master", 2),
        (1, "slave", 3),
    ])
}

#[test]
fn migration_plans_and_refusals() {
    struct Case {
        name: &'static str,
        source: MigrationSource,
        target: u64,
        expected: Result<Vec<ShardMove>, (ExitKind, &'static str)>,
    }
    let cases = [
        Case {
            name: "one master to a free node",
            source: MigrationSource::Shards(uids(&["3"])),
            target: 3,
            expected: Ok(moved(&[("3", "3")])),
        },
        Case {
            name: "already there: nothing to move",
            source: MigrationSource::Shards(uids(&["1"])),
            target: 1,
            expected: Ok(vec![]),
        },
        Case {
            name: "all masters of a db",
            source: MigrationSource::Db {
                uid: 1,
                kind: ShardKind::Masters,
            },
            target: 3,
            expected: Err((ExitKind::Refused, "master redis:5 and its replica redis:6")),
        },
        Case {
            name: "all replicas of node 2",
            source: MigrationSource::Node {
                uid: 2,
                kind: ShardKind::Replicas,
            },
            target: 3,
            expected: Ok(moved(&[("2", "3"), ("4", "3")])),
        },
        Case {
            name: "master onto its replica's node",
            source: MigrationSource::Shards(uids(&["1"])),
            target: 2,
            expected: Err((
                ExitKind::Refused,
                "migrating would put master redis:1 and its replica redis:2 of db:1 on node:2; a \
                 master and its replica must be on different nodes",
            )),
        },
        Case {
            name: "unknown shard",
            source: MigrationSource::Shards(uids(&["3", "99"])),
            target: 3,
            expected: Err((
                ExitKind::NotFound,
                "shard redis:99 not found; nothing was sent",
            )),
        },
        Case {
            name: "unknown target node",
            source: MigrationSource::Shards(uids(&["3"])),
            target: 9,
            expected: Err((ExitKind::NotFound, "node:9 not found; nothing was sent")),
        },
        Case {
            name: "unknown source node",
            source: MigrationSource::Node {
                uid: 7,
                kind: ShardKind::All,
            },
            target: 3,
            expected: Err((ExitKind::NotFound, "node:7 not found")),
        },
    ];
    for case in cases {
        let result = plan_migration(&case.source, case.target, &replicated(), &nodes(3));
        match (result, case.expected) {
            (Ok(moves), Ok(expected)) => assert_eq!(moves, expected, "{}", case.name),
            (Err(err), Err((kind, text))) => {
                assert_eq!(err.kind, kind, "{}", case.name);
                assert!(err.message.contains(text), "{}: {}", case.name, err.message);
            }
            (other, expected) => panic!("{}: {other:?} vs {expected:?}", case.name),
        }
    }
}

#[test]
fn a_target_that_takes_no_shards_is_refused() {
    let mut cluster = nodes(3);
    cluster[2].accept_servers = Some(false);
    let err = plan_migration(
        &MigrationSource::Shards(uids(&["3"])),
        3,
        &replicated(),
        &cluster,
    )
    .unwrap_err();
    assert_eq!(err.kind, ExitKind::Refused);
    assert_eq!(
        err.message,
        "node:3 does not accept shards (accept_servers is false); nothing was sent. Choose another \
         target_node."
    );
}

#[test]
fn failover_plans_and_refusals() {
    let promotions = plan_failover(Some(1), &uids(&["1", "5"]), &replicated()).unwrap();
    let pairs: Vec<(&str, &str)> = promotions
        .iter()
        .map(|found| (found.master.uid.as_str(), found.replica.uid.as_str()))
        .collect();
    assert_eq!(pairs, [("1", "2"), ("5", "6")]);
    for (db, shard, kind, text) in [
        (
            None,
            "2",
            ExitKind::Refused,
            "redis:2 is a replica (its master is redis:1)",
        ),
        (
            Some(2),
            "1",
            ExitKind::NotFound,
            "shard redis:1 not found in db:2",
        ),
        (None, "42", ExitKind::NotFound, "shard redis:42 not found"),
    ] {
        let err = plan_failover(db, &uids(&[shard]), &replicated()).unwrap_err();
        assert_eq!(err.kind, kind, "{shard}");
        assert!(err.message.contains(text), "{}", err.message);
    }
    let unreplicated = shards(&[(1, "master", 1), (1, "master", 1)]);
    let err = plan_failover(None, &uids(&["2"]), &unreplicated).unwrap_err();
    assert_eq!(err.kind, ExitKind::Refused);
    assert_eq!(
        err.message,
        "redis:2 has no replica to fail over to (db:1 has no replication); nothing was sent"
    );
}

#[test]
fn master_spread_finds_the_moves_that_spread_masters() {
    // Dense: three masters on node 1, no replicas: two moves reach three nodes.
    let dense = shards(&[(1, "master", 1), (1, "master", 1), (1, "master", 1)]);
    let spread = master_spread(&dense, &nodes(3));
    assert_eq!((spread.nodes_used, spread.possible), (1, 3));
    assert_eq!(spread.moves, moved(&[("2", "2"), ("3", "3")]));
    // Replicated: masters 1 and 3 on node 1; node 3 holds no replica of 3.
    let spread = master_spread(&replicated(), &nodes(3));
    assert_eq!((spread.nodes_used, spread.possible), (2, 3));
    assert_eq!(spread.moves, moved(&[("3", "3")]));
    // ... and when it holds master 3's replica, master 1 goes.
    let mut blocked = replicated();
    blocked[3].node_uid = "3".into();
    let spread = master_spread(&blocked, &nodes(3));
    assert_eq!(spread.moves, moved(&[("1", "3")]));
    // With both masters' replicas on node 3, no move reaches three nodes.
    blocked[1].node_uid = "3".into();
    let spread = master_spread(&blocked, &nodes(3));
    assert_eq!(
        (spread.nodes_used, spread.possible, spread.moves),
        (2, 3, vec![])
    );
    // Two nodes for three masters: two is the most possible.
    let spread = master_spread(&dense, &nodes(2));
    assert_eq!((spread.nodes_used, spread.possible), (1, 2));
    // Already spread.
    let sparse = shards(&[(1, "master", 1), (1, "master", 2), (1, "master", 3)]);
    let spread = master_spread(&sparse, &nodes(3));
    assert_eq!(
        (spread.nodes_used, spread.possible, spread.moves),
        (3, 3, vec![])
    );
}

#[test]
fn blueprint_moves_compare_slot_ranges_and_roles() {
    let blueprint: Vec<BlueprintEntry> = RANGES
        .iter()
        .zip(["1", "2", "3"])
        .map(|(range, node)| BlueprintEntry {
            nodes: vec![BlueprintNode {
                node_uid: node.to_string(),
                role: "master".into(),
            }],
            slot_range: range.to_string(),
        })
        .collect();
    let dense = shards(&[(1, "master", 1), (1, "master", 1), (1, "master", 1)]);
    let moves = blueprint_moves(&blueprint, &dense);
    let summary: Vec<(&str, &str, &str)> = moves
        .iter()
        .map(|found| {
            (
                found.slot_range.as_str(),
                found.from_node.as_str(),
                found.to_node.as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [("5461-10922", "1", "2"), ("10923-16383", "1", "3")]
    );
}
