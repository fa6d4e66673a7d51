//! Where a request goes, decided from the database topology alone (no sockets, no state): the one
//! slot a command's keys hash to, the shard serving that slot (or MOVED), the shards a keyless
//! command covers, how a cross-slot DEL/MGET/MSET splits into per-shard requests, and the SCAN
//! cursor that walks several shards.

use super::errors::{self, CrossSlot};
use super::resp::Args;
use super::slot::key_slot;
use super::topology::DbTopology;

/// The topology as one proxy connection on one node sees it.
pub struct Router<'a> {
    pub topology: &'a DbTopology,
    pub node_uid: u64,
}

/// The slot and first key a transaction is bound to once it queued a keyed command.
pub type Anchor<'a> = Option<(u16, &'a [u8])>;

/// The one slot all keys at `keys` hash to (None: keyless), else the CROSSSLOT error. A
/// transaction passes its `anchor` so every later key must hash there too.
pub fn single_slot(
    args: &Args,
    keys: &[usize],
    anchor: Anchor<'_>,
    within_multi: bool,
) -> Result<Option<u16>, String> {
    let mut anchor = anchor;
    for &position in keys {
        let key = &args[position];
        let slot = key_slot(key);
        match anchor {
            None => anchor = Some((slot, key)),
            Some((anchor_slot, first_key)) if anchor_slot != slot => {
                return Err(errors::crossslot(&CrossSlot {
                    within_multi,
                    command: &args[0],
                    original_slot: anchor_slot,
                    wrong_slot: slot,
                    first_key,
                    violating_key: key,
                }));
            }
            Some(_) => {}
        }
    }
    Ok(anchor.map(|(slot, _)| slot))
}

/// How the replies of a split command merge back into one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitMerge {
    /// DEL, UNLINK, EXISTS, TOUCH: the sum of the shards' counts.
    Sum,
    /// MSET: the first error, else `+OK`.
    AllOk,
    /// MGET: each shard's values back at their keys' positions.
    Gather,
}

/// The commands RS splits over shards with the OSS Cluster API off, and how many arguments
/// belong to each key (MSET's value travels with its key).
pub fn splittable(name: &str) -> Option<(usize, SplitMerge)> {
    match name {
        "DEL" | "UNLINK" | "EXISTS" | "TOUCH" => Some((1, SplitMerge::Sum)),
        "MGET" => Some((1, SplitMerge::Gather)),
        "MSET" => Some((2, SplitMerge::AllOk)),
        _ => None,
    }
}

/// One shard's part of a split command.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitPart {
    pub shard: usize,
    pub request: Args,
    /// Where this part's keys were among the command's keys (their result positions).
    pub positions: Vec<usize>,
}

/// The SCAN cursor a client sees encodes the shard (its position among the scanned shards) and
/// that shard's own cursor: `shard_cursor * shard_count + position`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScanCursor {
    pub position: u64,
    pub shard_cursor: u64,
}

impl ScanCursor {
    /// None for a cursor over no shards.
    pub fn decode(cursor: u64, shard_count: u64) -> Option<ScanCursor> {
        Some(ScanCursor {
            position: cursor.checked_rem(shard_count)?,
            shard_cursor: cursor.checked_div(shard_count)?,
        })
    }

    /// The client's next cursor after the shard at `position` answered `shard_cursor`: when a
    /// shard's scan ends the next shard starts at 0, and after the last one the scan is over (0).
    /// None when the cursor would not fit in 64 bits.
    pub fn next(position: u64, shard_count: u64, shard_cursor: u64) -> Option<u64> {
        match shard_cursor {
            0 if position + 1 < shard_count => Some(position + 1),
            0 => Some(0),
            cursor => cursor
                .checked_mul(shard_count)
                .and_then(|cursor| cursor.checked_add(position)),
        }
    }
}

impl Router<'_> {
    fn oss(&self) -> bool {
        self.topology.settings.oss_cluster
    }

    /// The shard serving `slot`, or MOVED when the OSS Cluster API is on and another node serves it.
    pub fn shard_for_slot(&self, slot: u16) -> Result<usize, String> {
        let shard = self.topology.shard_of_slot(slot);
        let owner = self.topology.shards[shard].node_uid;
        if self.oss() && owner != self.node_uid {
            let node = self.topology.advertise(owner);
            return Err(errors::moved(slot, &node.endpoint, node.port));
        }
        Ok(shard)
    }

    /// Keyless commands go to a shard on this node when the OSS Cluster API is on (the client
    /// addressed this node), else to shard 0.
    pub fn default_shard(&self) -> usize {
        if self.oss() {
            self.topology
                .shards_on_node(self.node_uid)
                .first()
                .copied()
                .unwrap_or(0)
        } else {
            0
        }
    }

    /// The one shard all keys of `args` live on (keyless: the default shard).
    pub fn shard_for_keys(&self, args: &Args, keys: &[usize]) -> Result<usize, String> {
        match single_slot(args, keys, None, false)? {
            Some(slot) => self.shard_for_slot(slot),
            None => Ok(self.default_shard()),
        }
    }

    /// Shards a DBSIZE/KEYS/FLUSHDB/SCAN covers: this node's with the OSS Cluster API on
    /// (cluster clients ask every node), all of them otherwise.
    pub fn fan_out_shards(&self) -> Vec<usize> {
        let local = self.topology.shards_on_node(self.node_uid);
        if self.oss() && !local.is_empty() {
            local
        } else {
            self.all_shards()
        }
    }

    pub fn all_shards(&self) -> Vec<usize> {
        (0..self.topology.shards.len()).collect()
    }

    /// Groups the keys at `keys` (each with its `arguments_per_key` arguments) by shard, in order
    /// of first appearance. None when a key's arguments run past the end of the command.
    pub fn split(
        &self,
        args: &Args,
        keys: &[usize],
        arguments_per_key: usize,
    ) -> Option<Vec<SplitPart>> {
        // The key specs find keys within the arguments; MSET's values must be there too.
        if keys
            .iter()
            .any(|&position| position + arguments_per_key > args.len())
        {
            return None;
        }
        let mut parts: Vec<SplitPart> = Vec::new();
        for (result_position, &key_position) in keys.iter().enumerate() {
            let shard = self.topology.shard_of_slot(key_slot(&args[key_position]));
            let index = match parts.iter().position(|part| part.shard == shard) {
                Some(index) => index,
                None => {
                    parts.push(SplitPart {
                        shard,
                        request: vec![args[0].clone()],
                        positions: Vec::new(),
                    });
                    parts.len() - 1
                }
            };
            let part = &mut parts[index];
            part.request.extend(
                args[key_position..key_position + arguments_per_key]
                    .iter()
                    .cloned(),
            );
            part.positions.push(result_position);
        }
        Some(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proxy::topology::sample_topology;

    fn args(items: &[&str]) -> Args {
        items.iter().map(|item| item.as_bytes().to_vec()).collect()
    }

    fn router(topology: &DbTopology, node_uid: u64) -> Router<'_> {
        Router { topology, node_uid }
    }

    // Slots (CLUSTER KEYSLOT): a 15495, b 3300, c 7365, {a}x 15495; the sample topology has
    // shard 0 = 0-5460 on node 1, shard 1 = 5461-10922 on node 2, shard 2 = 10923-16383 on node 3.

    #[test]
    fn single_slot_accepts_keys_of_one_slot() {
        let request = args(&["MGET", "a", "{a}x"]);
        assert_eq!(single_slot(&request, &[1, 2], None, false), Ok(Some(15495)));
        assert_eq!(single_slot(&args(&["PING"]), &[], None, false), Ok(None));
    }

    #[test]
    fn single_slot_names_both_keys_of_a_cross_slot_request() {
        let request = args(&["MGET", "a", "b"]);
        let error = single_slot(&request, &[1, 2], None, true).unwrap_err();
        assert_eq!(
            error,
            "CROSSSLOT Keys in request don't hash to the same slot (context='within MULTI', \
             command='MGET', original-slot='15495', wrong-slot='3300', first-key='a', \
             violating-key='b')"
        );
    }

    #[test]
    fn single_slot_holds_later_keys_to_the_anchor() {
        let request = args(&["GET", "b"]);
        let error = single_slot(&request, &[1], Some((15495, b"a")), true).unwrap_err();
        assert!(
            error.contains("first-key='a', violating-key='b'"),
            "{error}"
        );
    }

    #[test]
    fn shard_for_slot_redirects_only_with_the_oss_cluster_api() {
        let mut topology = sample_topology(true);
        assert_eq!(router(&topology, 3).shard_for_slot(15495), Ok(2));
        assert_eq!(
            router(&topology, 1).shard_for_slot(15495),
            Err("MOVED 15495 127.0.1.3:12000".to_string())
        );
        topology.settings.oss_cluster = false;
        assert_eq!(router(&topology, 1).shard_for_slot(15495), Ok(2));
    }

    #[test]
    fn keyless_commands_stay_on_this_node_with_the_oss_cluster_api() {
        let oss = sample_topology(true);
        assert_eq!(router(&oss, 2).default_shard(), 1);
        assert_eq!(router(&oss, 2).fan_out_shards(), vec![1]);
        // A node without a master shard covers every shard.
        assert_eq!(router(&oss, 9).default_shard(), 0);
        assert_eq!(router(&oss, 9).fan_out_shards(), vec![0, 1, 2]);
        let plain = sample_topology(false);
        assert_eq!(router(&plain, 2).default_shard(), 0);
        assert_eq!(router(&plain, 2).fan_out_shards(), vec![0, 1, 2]);
        assert_eq!(router(&plain, 2).all_shards(), vec![0, 1, 2]);
    }

    #[test]
    fn shard_for_keys_routes_keyless_to_the_default_shard() {
        let topology = sample_topology(false);
        let router = router(&topology, 1);
        assert_eq!(router.shard_for_keys(&args(&["GET", "c"]), &[1]), Ok(1));
        assert_eq!(router.shard_for_keys(&args(&["PING"]), &[]), Ok(0));
        assert!(
            router
                .shard_for_keys(&args(&["MGET", "a", "b"]), &[1, 2])
                .unwrap_err()
                .starts_with("CROSSSLOT")
        );
    }

    #[test]
    fn split_groups_keys_by_shard_in_order_of_first_appearance() {
        let topology = sample_topology(false);
        let request = args(&["MGET", "a", "b", "{a}x", "c"]);
        let parts = router(&topology, 1).split(&request, &[1, 2, 3, 4], 1);
        assert_eq!(
            parts,
            Some(vec![
                SplitPart {
                    shard: 2,
                    request: args(&["MGET", "a", "{a}x"]),
                    positions: vec![0, 2],
                },
                SplitPart {
                    shard: 0,
                    request: args(&["MGET", "b"]),
                    positions: vec![1],
                },
                SplitPart {
                    shard: 1,
                    request: args(&["MGET", "c"]),
                    positions: vec![3],
                },
            ])
        );
    }

    #[test]
    fn split_keeps_each_value_with_its_key() {
        let topology = sample_topology(false);
        let request = args(&["MSET", "a", "1", "b", "2"]);
        let parts = router(&topology, 1).split(&request, &[1, 3], 2).unwrap();
        assert_eq!(parts[0].request, args(&["MSET", "a", "1"]));
        assert_eq!(parts[1].request, args(&["MSET", "b", "2"]));
        // A key whose value is missing is no split but a wrong-arity error.
        let short = args(&["MSET", "a", "1", "b"]);
        assert_eq!(router(&topology, 1).split(&short, &[1, 3], 2), None);
    }

    #[test]
    fn splittable_commands_and_their_merges() {
        assert_eq!(splittable("DEL"), Some((1, SplitMerge::Sum)));
        assert_eq!(splittable("MGET"), Some((1, SplitMerge::Gather)));
        assert_eq!(splittable("MSET"), Some((2, SplitMerge::AllOk)));
        assert_eq!(splittable("SUNION"), None);
    }

    #[test]
    fn scan_cursor_walks_every_shard_in_turn() {
        assert_eq!(
            ScanCursor::decode(0, 3),
            Some(ScanCursor {
                position: 0,
                shard_cursor: 0
            })
        );
        assert_eq!(
            ScanCursor::decode(17, 3),
            Some(ScanCursor {
                position: 2,
                shard_cursor: 5
            })
        );
        assert_eq!(ScanCursor::decode(17, 0), None);
        // Shard 0 is half way (its cursor 5): stay on shard 0.
        assert_eq!(ScanCursor::next(0, 3, 5), Some(15));
        assert_eq!(ScanCursor::decode(15, 3).unwrap().shard_cursor, 5);
        // Shard 1 is done: shard 2 starts at 0; the last shard done ends the scan.
        assert_eq!(ScanCursor::next(1, 3, 0), Some(2));
        assert_eq!(ScanCursor::next(2, 3, 0), Some(0));
        // A shard cursor too large to encode.
        assert_eq!(ScanCursor::next(1, 3, u64::MAX / 2), None);
    }
}
