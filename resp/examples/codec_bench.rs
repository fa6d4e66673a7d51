//! Side-by-side measurement of the hand-written codec in this crate against the registry crates
//! that could replace it: `redis-protocol` for RESP frames, `crc16` and `crc` for CRC16-XMODEM.
//! Run by bench/codec.sh (release build); prints markdown tables for bench/RESULTS.md.
//!
//! Besides throughput it checks the bounds issue 14 requires of a parser that reads untrusted
//! replies: memory held per byte received, and nesting depth (a depth the parser does not bound
//! overflows the stack, which aborts the process, so that case runs in a child process).
//!
//! Usage: codec_bench [SECONDS_PER_CASE]   (default 0.5)

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::io::Cursor;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use redis_protocol::resp2::types::BorrowedFrame;
use redis_protocol::{resp2, resp3};
use rsadmin_resp::{frame, reader, slot};

/// Counts live and peak heap bytes, for the memory-bound rows.
struct CountingAllocator;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The flag that makes the process parse a deeply nested reply with `redis-protocol` and exit.
const NESTING_CHILD: &str = "--nest-redis-protocol";
/// Nesting of the depth row: 200,000 levels are 800 KB on the wire.
const NESTING_LEVELS: usize = 200_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(NESTING_CHILD) {
        let nested = nested_reply();
        let outcome = resp2::decode::decode(&nested);
        println!("{}", if outcome.is_err() { "error" } else { "parsed" });
        return;
    }
    let budget = Duration::from_secs_f64(
        args.get(1)
            .and_then(|secs| secs.parse().ok())
            .unwrap_or(0.5),
    );
    throughput(budget);
    crc(budget);
    bounds();
}

/// Nanoseconds per call of `work`, run in batches until `budget` has passed.
fn ns_per_op(budget: Duration, mut work: impl FnMut()) -> f64 {
    for _ in 0..1000 {
        work();
    }
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < budget {
        for _ in 0..1000 {
            work();
        }
        calls += 1000;
    }
    start.elapsed().as_nanos() as f64 / calls as f64
}

fn row(case: &str, ours: f64, theirs: f64) {
    println!(
        "| {case} | {ours:.0} | {theirs:.0} | {:.2}x |",
        theirs / ours
    );
}

/// Replies a proxy relays, pipelined as redis-benchmark's mix produces them.
fn pipelined_replies() -> Vec<u8> {
    let mut replies = Vec::new();
    for round in 0..16 {
        replies.extend_from_slice(b"+OK\r\n");
        replies.extend_from_slice(b"$3\r\nxxx\r\n");
        replies.extend_from_slice(format!(":{round}\r\n").as_bytes());
        replies.extend_from_slice(b"*10\r\n");
        for _ in 0..10 {
            replies.extend_from_slice(b"$3\r\nxxx\r\n");
        }
    }
    replies
}

/// A SCAN reply with 100 keys: what the proxy parses to merge cursors.
fn scan_reply() -> Vec<u8> {
    let mut reply = b"*2\r\n$4\r\n1234\r\n*100\r\n".to_vec();
    for key in 0..100 {
        reply.extend_from_slice(format!("$12\r\nkey:{key:08}\r\n").as_bytes());
    }
    reply
}

/// A RESP3 CLUSTER SHARDS reply of 3 shards with a master and a replica each: what `verify` reads.
fn cluster_shards_reply() -> Vec<u8> {
    let mut reply = b"*3\r\n".to_vec();
    for shard in 0..3u32 {
        reply.extend_from_slice(b"%2\r\n$5\r\nslots\r\n*2\r\n");
        reply.extend_from_slice(
            format!(":{}\r\n:{}\r\n", shard * 5461, shard * 5461 + 5460).as_bytes(),
        );
        reply.extend_from_slice(b"$5\r\nnodes\r\n*2\r\n");
        for role in ["master", "replica"] {
            reply.extend_from_slice(b"%5\r\n$2\r\nid\r\n$40\r\n");
            reply.extend_from_slice(&[b'a'; 40]);
            reply.extend_from_slice(b"\r\n$4\r\nport\r\n:12000\r\n$2\r\nip\r\n$9\r\n127.0.0.1\r\n");
            reply.extend_from_slice(
                format!("$4\r\nrole\r\n${}\r\n{role}\r\n", role.len()).as_bytes(),
            );
            reply.extend_from_slice(b"$6\r\nhealth\r\n$6\r\nonline\r\n");
        }
    }
    reply
}

fn throughput(budget: Duration) {
    println!("### RESP: ns per operation (lower is better); ratio = redis-protocol / hand-written");
    println!();
    println!("| case | hand-written ns | redis-protocol 6 ns | ratio |");
    println!("|---|---|---|---|");

    let pipelined = pipelined_replies();
    let frames = |next: &dyn Fn(&[u8]) -> usize| {
        let mut pos = 0;
        while pos < pipelined.len() {
            pos += next(&pipelined[pos..]);
        }
        pos
    };
    row(
        "proxy: split 64 pipelined replies into frames",
        ns_per_op(budget, || {
            black_box(frames(&|rest| frame::frame_len(rest).unwrap().unwrap()));
        }),
        ns_per_op(budget, || {
            black_box(frames(&|rest| {
                resp2::decode::decode_range(rest).unwrap().unwrap().1
            }));
        }),
    );
    row(
        "proxy: same, RESP3 decoder",
        ns_per_op(budget, || {
            black_box(frames(&|rest| frame::frame_len(rest).unwrap().unwrap()));
        }),
        ns_per_op(budget, || {
            black_box(frames(&|rest| {
                resp3::decode::complete::decode_range(rest)
                    .unwrap()
                    .unwrap()
                    .1
            }));
        }),
    );

    let scan = scan_reply();
    row(
        "proxy: parse a 100-key SCAN reply",
        ns_per_op(budget, || {
            black_box(frame::Reply::parse(black_box(&scan)).unwrap());
        }),
        ns_per_op(budget, || {
            black_box(resp2::decode::decode(black_box(&scan)).unwrap());
        }),
    );

    let args: [&[u8]; 3] = [b"SET", b"key:00000001", b"xxx"];
    let mut out = Vec::with_capacity(64);
    let ours = ns_per_op(budget, || {
        out.clear();
        frame::write_command(&mut out, black_box(&args));
        black_box(&out);
    });
    let theirs = ns_per_op(budget, || {
        let parts: Vec<BorrowedFrame> = black_box(&args)
            .iter()
            .map(|arg| BorrowedFrame::BulkString(arg))
            .collect();
        let command = BorrowedFrame::Array(&parts);
        out.clear();
        out.resize(command.encode_len(false), 0);
        black_box(resp2::encode::encode_borrowed(&mut out, &command, false).unwrap());
    });
    row("proxy: encode SET key value", ours, theirs);

    let shards = cluster_shards_reply();
    row(
        "verify: read a RESP3 CLUSTER SHARDS reply (3 shards)",
        ns_per_op(budget, || {
            black_box(reader::read_value(&mut Cursor::new(black_box(&shards))).unwrap());
        }),
        ns_per_op(budget, || {
            black_box(resp3::decode::complete::decode(black_box(&shards)).unwrap());
        }),
    );
    println!();
}

/// The byte-wise table the sandbox had before the shared crate (kept here only to measure it).
const CRC16_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut byte = 0;
    while byte < 256 {
        let mut crc = (byte as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
            bit += 1;
        }
        table[byte] = crc;
        byte += 1;
    }
    table
};

fn crc16_byte_table(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &byte| {
        (crc << 8) ^ CRC16_TABLE[usize::from((crc >> 8) as u8 ^ byte)]
    })
}

/// The bit-at-a-time CRC16 `rsadmin` had before the shared crate (kept here only to measure it).
fn crc16_bit_loop(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &byte| {
        (0..8).fold(crc ^ (u16::from(byte) << 8), |crc, _| {
            if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            }
        })
    })
}

fn crc(budget: Duration) {
    const CRC_BYTEWISE: crc::Crc<u16> = crc::Crc::<u16>::new(&crc::CRC_16_XMODEM);
    const CRC_SLICE16: crc::Crc<u16, crc::Table<16>> =
        crc::Crc::<u16, crc::Table<16>>::new(&crc::CRC_16_XMODEM);
    type Checksum = fn(&[u8]) -> u16;
    let candidates: [(&str, Checksum); 6] = [
        (
            "hand-written byte table (old sandbox copy)",
            crc16_byte_table,
        ),
        ("hand-written bit loop (old rsadmin copy)", crc16_bit_loop),
        (
            "crc16 0.4 `State::<XMODEM>`",
            crc16::State::<crc16::XMODEM>::calculate,
        ),
        ("crc 3.4 `Crc<u16>` (byte table)", |bytes| {
            CRC_BYTEWISE.checksum(bytes)
        }),
        ("crc 3.4 `Crc<u16, Table<16>>`", |bytes| {
            CRC_SLICE16.checksum(bytes)
        }),
        ("rsadmin-resp `slot::crc16_xmodem`", slot::crc16_xmodem),
    ];
    let short_key = b"key:000000012345".as_slice();
    let long_key = [b'k'; 256];
    for (_, checksum) in &candidates {
        assert_eq!(checksum(b"123456789"), 0x31C3);
    }
    println!(
        "### CRC16-XMODEM: ns per key (lower is better); ratio = candidate / the old byte table"
    );
    println!();
    println!("| implementation | 16-byte key ns | ratio | 256-byte key ns | ratio |");
    println!("|---|---|---|---|---|");
    let mut baseline = None;
    for (name, checksum) in candidates {
        let short = ns_per_op(budget, || {
            black_box(checksum(black_box(short_key)));
        });
        let long = ns_per_op(budget, || {
            black_box(checksum(black_box(&long_key)));
        });
        let (short_base, long_base) = *baseline.get_or_insert((short, long));
        println!(
            "| {name} | {short:.1} | {:.2}x | {long:.1} | {:.2}x |",
            short / short_base,
            long / long_base
        );
    }
    println!();
}

/// `*1\r\n` nested `NESTING_LEVELS` deep around `:1\r\n`.
fn nested_reply() -> Vec<u8> {
    let mut nested = b"*1\r\n".repeat(NESTING_LEVELS);
    nested.extend_from_slice(b":1\r\n");
    nested
}

/// Peak heap bytes held while `parse` runs, above what was live before.
fn peak_bytes(parse: impl FnOnce()) -> usize {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    parse();
    PEAK.load(Ordering::Relaxed) - before
}

fn bounds() {
    println!("### Bounds on hostile input (issue 14)");
    println!();
    println!("| input | hand-written | redis-protocol 6 |");
    println!("|---|---|---|");

    // 32 arrays each announcing 1,000 entries, cut off after the headers: 288 bytes received.
    let announced = b"*1000\r\n".repeat(32);
    let ours = peak_bytes(|| {
        black_box(reader::read_value(&mut Cursor::new(&announced)).unwrap_err());
    });
    let theirs = peak_bytes(|| {
        black_box(resp3::decode::complete::decode(&announced).unwrap());
    });
    println!(
        "| {} bytes announcing 32 x 1,000 entries: peak heap | {ours} B | {theirs} B |",
        announced.len()
    );

    let nested = nested_reply();
    let ours = reader::read_value(&mut Cursor::new(&nested)).unwrap_err();
    let child = Command::new(std::env::current_exe().expect("own path"))
        .arg(NESTING_CHILD)
        .output()
        .expect("the bench can run itself");
    let theirs = if child.status.success() {
        String::from_utf8_lossy(&child.stdout).trim().to_string()
    } else {
        format!(
            "process aborted ({}): {}",
            child.status,
            String::from_utf8_lossy(&child.stderr)
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or("")
                .trim()
        )
    };
    println!(
        "| {NESTING_LEVELS} nested arrays ({} KB) | {ours} | {theirs} |",
        nested.len() / 1000
    );
    println!();
}
