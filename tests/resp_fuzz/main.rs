//! Property test of the RESP reply parser `verify` runs on what untrusted servers send: on random
//! and adversarial inputs it never panics, and the memory it holds at any moment stays
//! proportional to the bytes received (never to a length or count the reply announces).
//!
//! Its own test binary, so that its counting allocator sees only this test's thread. Bounded in
//! time (`RSADMIN_FUZZ_SECS`, default 3 s) with a fixed seed (`RSADMIN_FUZZ_SEED`), so CI is
//! reproducible; the case count is printed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Cursor;
use std::time::Instant;

use rsadmin::topology::resp::{MAX_DEPTH, read_value};

#[path = "../common/fuzz_settings.rs"]
mod fuzz_settings;

/// Bytes the parser may hold per byte received: a value tree costs more than its wire form
/// (`_\r\n` is 3 bytes, a `RespValue` 32, a vector's capacity may be twice its length, and
/// while it grows the old and the new buffer are both held). The measured worst is 32.
const BYTES_PER_BYTE_RECEIVED: usize = 40;
/// Plus a constant: buffers of their minimum size and one vector per nesting level.
const CONSTANT_BYTES: usize = 16 * 1024;

struct CountingAllocator;

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn charge(bytes: usize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get().saturating_add(bytes);
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn refund(bytes: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get().saturating_sub(bytes)));
}

// SAFETY: every call is forwarded to the system allocator unchanged; only sizes are counted.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        charge(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        refund(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        charge(new_size);
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        refund(layout.size());
        moved
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The most this thread held at once while parsing `input`, above what it held before.
fn peak_while_parsing(input: &[u8]) -> usize {
    let before = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let mut cursor = Cursor::new(input);
    let parsed = read_value(&mut cursor);
    drop(parsed);
    PEAK.with(Cell::get) - before
}

/// Building blocks of replies, valid and not.
const ATOMS: [&[u8]; 24] = [
    b"+OK\r\n",
    b"-ERR bad\r\n",
    b":42\r\n",
    b":-9223372036854775808\r\n",
    b"$3\r\nabc\r\n",
    b"$-1\r\n",
    b"$0\r\n\r\n",
    b"=8\r\ntxt:abcd\r\n",
    b"_\r\n",
    b"#t\r\n",
    b",3.14\r\n",
    b"(12345678901234567890\r\n",
    b"!3\r\nerr\r\n",
    b"$99999999999\r\n",
    b"*99999999999\r\n",
    b"%4611686018427387904\r\n",
    b"~-1\r\n",
    b"*-7\r\n",
    b"$-5\r\n",
    b"$5\r\nab",
    b"+no line end",
    b"\r\n",
    b"*1\r\n",
    b">1\r\n",
];

/// A random reply of at most `nodes` values (valid or not), nested up to past `MAX_DEPTH`.
fn random_reply(rng: &mut fastrand::Rng, nodes: &mut usize, depth: usize, out: &mut Vec<u8>) {
    *nodes = nodes.saturating_sub(1);
    if *nodes == 0 || depth > MAX_DEPTH + 4 || rng.u8(..4) == 0 {
        out.extend_from_slice(ATOMS[rng.usize(..ATOMS.len())]);
        return;
    }
    let count = rng.usize(..4);
    let header = [b'*', b'%', b'~', b'>', b'|'][rng.usize(..5)];
    out.push(header);
    out.extend_from_slice(format!("{count}\r\n").as_bytes());
    let entries = if matches!(header, b'%' | b'|') {
        2 * count
    } else {
        count
    };
    for _ in 0..entries {
        random_reply(rng, nodes, depth + 1, out);
    }
}

/// One input: random bytes, a random reply tree, or a tree mutated (bytes flipped, cut, spliced).
fn random_input(rng: &mut fastrand::Rng) -> Vec<u8> {
    match rng.u8(..7) {
        0 => (0..rng.usize(..256)).map(|_| rng.u8(..)).collect(),
        1 => {
            // Deep nesting, long lines and huge counts in one reply.
            let mut input = b"*1\r\n".repeat(rng.usize(..5000));
            input.extend_from_slice(ATOMS[rng.usize(..ATOMS.len())]);
            input
        }
        2 => {
            let mut input = vec![b'+'];
            input.extend(std::iter::repeat_n(b'a', rng.usize(..200_000)));
            input
        }
        3 => {
            // Many of the smallest values: the most value tree per byte received.
            let count = rng.usize(..30_000);
            let header = [b'*', b'%', b'~'][rng.usize(..3)];
            let mut input = format!("{}{count}\r\n", char::from(header)).into_bytes();
            let entries = if header == b'%' { 2 * count } else { count };
            input.extend_from_slice(&b"_\r\n".repeat(entries));
            input
        }
        _ => {
            let mut input = Vec::new();
            let mut nodes = rng.usize(1..2000);
            random_reply(rng, &mut nodes, 0, &mut input);
            for _ in 0..rng.usize(..3) {
                if input.is_empty() {
                    break;
                }
                let at = rng.usize(..input.len());
                match rng.u8(..3) {
                    0 => input[at] = rng.u8(..),
                    1 => input.truncate(at),
                    _ => {
                        let atom = ATOMS[rng.usize(..ATOMS.len())];
                        input.splice(at..at, atom.iter().copied());
                    }
                }
            }
            input
        }
    }
}

#[test]
fn the_reply_parser_never_panics_and_holds_memory_in_proportion_to_its_input() {
    let (seed, budget) = fuzz_settings::seed_and_budget(0x5eed_2026, 3);
    let mut rng = fastrand::Rng::with_seed(seed);
    let started = Instant::now();
    let mut cases = 0u64;
    let mut worst_ratio = 0.0f64;
    while started.elapsed() < budget {
        let input = random_input(&mut rng);
        let peak = peak_while_parsing(&input);
        let bound = BYTES_PER_BYTE_RECEIVED * input.len() + CONSTANT_BYTES;
        assert!(
            peak <= bound,
            "case {cases} (seed {seed}): {peak} bytes held for {} bytes received: {:?}",
            input.len(),
            String::from_utf8_lossy(&input[..input.len().min(200)])
        );
        if input.len() > 1024 {
            worst_ratio = worst_ratio.max(peak as f64 / input.len() as f64);
        }

        cases += 1;
    }
    println!(
        "resp_fuzz: {cases} cases in {:?} (seed {seed}); worst peak/received over 1 KiB inputs: \
         {worst_ratio:.1}",
        started.elapsed()
    );
    assert!(cases >= 100, "only {cases} cases ran");
}
