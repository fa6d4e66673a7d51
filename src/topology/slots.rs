//! Hash-slot math shared by `keyslot`, `verify` and `doctor`: the key -> slot function of Redis
//! Cluster (CRC16-XMODEM with the hash-tag rule, shared with the sandbox in `rsadmin-resp`) and slot
//! ranges as the REST API and `CLUSTER SLOTS` express them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use rsadmin_resp::slot::{SLOT_COUNT, hash_tag, key_slot};

/// An inclusive range of hash slots, written `start-end` (or `start` when it is one slot).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SlotRange {
    pub start: u16,
    pub end: u16,
}

impl SlotRange {
    pub fn new(start: u16, end: u16) -> Result<Self, SlotRangeError> {
        if end >= SLOT_COUNT {
            return Err(SlotRangeError::OutOfRange(end));
        }
        if start > end {
            return Err(SlotRangeError::Reversed { start, end });
        }
        Ok(Self { start, end })
    }

    pub fn contains(&self, slot: u16) -> bool {
        (self.start..=self.end).contains(&slot)
    }
}

impl fmt::Display for SlotRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start == self.end {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlotRangeError {
    #[error("\"{0}\" is not a slot or a slot range (expected N or N-M)")]
    Malformed(String),
    #[error("slot {0} is out of range (0-16383)")]
    OutOfRange(u16),
    #[error("slot range {start}-{end} ends before it starts")]
    Reversed { start: u16, end: u16 },
}

impl FromStr for SlotRange {
    type Err = SlotRangeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parse_slot = |part: &str| {
            part.trim()
                .parse::<u16>()
                .map_err(|_| SlotRangeError::Malformed(text.to_string()))
        };
        match text.split_once('-') {
            Some((start, end)) => SlotRange::new(parse_slot(start)?, parse_slot(end)?),
            None => {
                let slot = parse_slot(text)?;
                SlotRange::new(slot, slot)
            }
        }
    }
}

/// Parses a slot list as the REST API writes `assigned_slots`: `0-5460` or `1,3-5`.
pub fn parse_slot_list(text: &str) -> Result<Vec<SlotRange>, SlotRangeError> {
    text.split(',')
        .filter(|part| !part.trim().is_empty())
        .map(str::parse)
        .collect()
}

/// Writes ranges back in the `1,3-5` form.
pub fn format_slot_list(ranges: &[SlotRange]) -> String {
    ranges
        .iter()
        .map(SlotRange::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// How a set of ranges covers the slot space: which slots nobody serves and which are served twice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SlotCoverage {
    pub missing: Vec<SlotRange>,
    pub duplicated: Vec<SlotRange>,
}

impl SlotCoverage {
    /// Every slot 0..=16383 is covered exactly once.
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty() && self.duplicated.is_empty()
    }
}

pub fn slot_coverage(ranges: &[SlotRange]) -> SlotCoverage {
    let mut owners = vec![0u32; usize::from(SLOT_COUNT)];
    for range in ranges {
        for slot in range.start..=range.end {
            owners[usize::from(slot)] += 1;
        }
    }
    SlotCoverage {
        missing: compress_slots(slots_where(&owners, |count| count == 0)),
        duplicated: compress_slots(slots_where(&owners, |count| count > 1)),
    }
}

fn slots_where(owners: &[u32], wanted: fn(u32) -> bool) -> impl Iterator<Item = u16> + '_ {
    (0..SLOT_COUNT).filter(move |&slot| wanted(owners[usize::from(slot)]))
}

/// Turns ascending slots into the fewest contiguous ranges.
pub fn compress_slots(slots: impl IntoIterator<Item = u16>) -> Vec<SlotRange> {
    let mut ranges: Vec<SlotRange> = Vec::new();
    for slot in slots {
        match ranges.last_mut() {
            Some(last) if last.end.checked_add(1) == Some(slot) => last.end = slot,
            _ => ranges.push(SlotRange {
                start: slot,
                end: slot,
            }),
        }
    }
    ranges
}

/// Sorts ranges and joins the ones that touch, so two views of the same slots compare equal.
pub fn normalize_ranges(ranges: &[SlotRange]) -> Vec<SlotRange> {
    let mut sorted = ranges.to_vec();
    sorted.sort();
    let mut merged: Vec<SlotRange> = Vec::new();
    for range in sorted {
        match merged.last_mut() {
            Some(last) if u32::from(range.start) <= u32::from(last.end) + 1 => {
                last.end = last.end.max(range.end)
            }
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_slot_lists() {
        assert_eq!(
            parse_slot_list("0-5460").unwrap(),
            vec![SlotRange {
                start: 0,
                end: 5460
            }]
        );
        assert_eq!(
            parse_slot_list("1,3-5").unwrap(),
            vec![
                SlotRange { start: 1, end: 1 },
                SlotRange { start: 3, end: 5 }
            ]
        );
        assert_eq!(
            format_slot_list(&parse_slot_list("1,3-5").unwrap()),
            "1,3-5"
        );
        assert_eq!(
            parse_slot_list("5-3"),
            Err(SlotRangeError::Reversed { start: 5, end: 3 })
        );
        assert_eq!(
            parse_slot_list("0-16384"),
            Err(SlotRangeError::OutOfRange(16384))
        );
        assert!(matches!(
            parse_slot_list("x-3"),
            Err(SlotRangeError::Malformed(_))
        ));
    }

    #[test]
    fn coverage_finds_holes_and_overlaps() {
        let full = parse_slot_list("0-5460,5461-10922,10923-16383").unwrap();
        assert!(slot_coverage(&full).is_complete());

        let holes = parse_slot_list("0-5460,10923-16383").unwrap();
        assert_eq!(
            slot_coverage(&holes),
            SlotCoverage {
                missing: vec![SlotRange {
                    start: 5461,
                    end: 10922
                }],
                duplicated: vec![],
            }
        );

        let overlap = parse_slot_list("0-100,100-16383").unwrap();
        assert_eq!(
            slot_coverage(&overlap).duplicated,
            vec![SlotRange {
                start: 100,
                end: 100
            }]
        );
    }

    #[test]
    fn normalizes_touching_ranges() {
        let ranges = parse_slot_list("10-20,0-9,30").unwrap();
        assert_eq!(format_slot_list(&normalize_ranges(&ranges)), "0-20,30");
    }
}
