//! Property test of the proxy's request reader on random and adversarial input, fed in random
//! pieces as a socket would deliver them: it never panics, answers every malformed request with
//! one of Redis's protocol errors, and never holds more memory than a constant factor of the
//! bytes received plus a constant, whatever lengths the input announces.
//!
//! Bounded for CI: `CASES` inputs (a few seconds in a debug build), or `REQUEST_PARSER_CASES=N`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use rsadmin_sandbox::proxy::{RequestReader, is_over_limit};

/// Counts live heap bytes and their peak, so the test sees what the reader allocates.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const CASES: usize = 5_000;
/// Memory the reader may hold per byte received: the unconsumed input (a growing buffer may have
/// up to twice its length allocated) plus 24 bytes of bookkeeping per argument, which takes at
/// least 6 bytes of input (`$0\r\n\r\n`); the argument vector doubles as arguments arrive (as
/// Redis's does), so while it grows the old and the new one are both live: 3 x 24 bytes.
const BYTES_PER_BYTE_RECEIVED: usize = 2 + 3 * 24 / 6;
/// Plus: the argument vector allocated up front for a header announcing many arguments
/// (1024 entries of 24 bytes, as Redis does) and the buffer's first reservation.
const CONSTANT: usize = 64 * 1024;

/// xorshift64*: deterministic, so a failing case can be replayed by its number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a [u8]]) -> &'a [u8] {
        items[self.below(items.len())]
    }
}

const FRAGMENTS: &[&[u8]] = &[
    b"*",
    b"$",
    b"\r",
    b"\n",
    b"\r\n",
    b"0",
    b"1",
    b"-1",
    b"-",
    b"+",
    b"00",
    b"10",
    b"11",
    b"16385",
    b"2147483647",
    b"2147483648",
    b"67108864",
    b"67108865",
    b"99999999999999999999",
    b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n",
    b"PING\r\n",
    b" ",
    b"\"",
    b"\0",
    b"\xff",
];

fn valid_request(rng: &mut Rng, out: &mut Vec<u8>) {
    let args = 1 + rng.below(5);
    out.extend_from_slice(format!("*{args}\r\n").as_bytes());
    for _ in 0..args {
        let len = rng.below(40);
        out.extend_from_slice(format!("${len}\r\n").as_bytes());
        out.extend((0..len).map(|_| rng.next() as u8));
        out.extend_from_slice(b"\r\n");
    }
}

/// Random bytes, valid requests with corruption, grammar fragments, and the shapes attackers
/// use: huge announced lengths, endless lines, many empty arguments.
fn input(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    match rng.below(6) {
        0 => out.extend((0..rng.below(300)).map(|_| rng.next() as u8)),
        1 => {
            for _ in 0..1 + rng.below(4) {
                valid_request(rng, &mut out);
            }
            for _ in 0..rng.below(4) {
                if !out.is_empty() {
                    let at = rng.below(out.len());
                    out[at] = rng.pick(FRAGMENTS)[0];
                }
            }
            out.truncate(rng.below(out.len() + 1));
        }
        2 => {
            for _ in 0..rng.below(40) {
                out.extend_from_slice(rng.pick(FRAGMENTS));
            }
        }
        3 => {
            out.extend_from_slice(rng.pick(&[b"*2147483647\r\n", b"*5\r\n", b"*1\r\n"]));
            out.extend_from_slice(b"$67108864\r\n");
            out.extend((0..rng.below(100_000)).map(|_| b'x'));
        }
        4 => {
            out.extend_from_slice(rng.pick(&[b"", b"*", b"*1\r\n$"]));
            out.extend((0..rng.below(70_000)).map(|_| b'7'));
        }
        _ => {
            let args = rng.below(20_000);
            out.extend_from_slice(format!("*{args}\r\n").as_bytes());
            for _ in 0..rng.below(args + 1) {
                out.extend_from_slice(b"$0\r\n\r\n");
            }
        }
    }
    out
}

fn is_redis_protocol_error(text: &str) -> bool {
    [
        "ERR Protocol error: too big inline request",
        "ERR Protocol error: too big mbulk count string",
        "ERR Protocol error: too big bulk count string",
        "ERR Protocol error: invalid multibulk length",
        "ERR Protocol error: invalid bulk length",
        "ERR Protocol error: unauthenticated multibulk length",
        "ERR Protocol error: unauthenticated bulk length",
    ]
    .contains(&text)
        || text.starts_with("ERR Protocol error: expected '$', got '")
}

/// Feeds `input` in random pieces, taking requests after each piece, until it is used up or the
/// reader refuses; returns how many requests it read.
fn run_case(rng: &mut Rng, input: &[u8], authenticated: bool) -> usize {
    let baseline = LIVE.load(Ordering::Relaxed);
    PEAK.store(baseline, Ordering::Relaxed);
    let mut reader = RequestReader::new();
    let mut received = 0;
    let mut requests = 0;
    let mut rest = input;
    while !rest.is_empty() {
        let largest = 1 << (rng.below(17) + 1);
        let piece = 1 + rng.below(rest.len().min(largest));
        let (now, later) = rest.split_at(piece);
        rest = later;
        received += now.len();
        if let Err(error) = reader.feed(now) {
            assert!(is_over_limit(&error), "{error}");
            break;
        }
        let refused = loop {
            match reader.next_request(authenticated) {
                Ok(Some(_)) => requests += 1,
                Ok(None) => break false,
                Err(error) => {
                    assert!(is_redis_protocol_error(&error.0), "{:?}", error.0);
                    break true;
                }
            }
        };
        let held = PEAK.load(Ordering::Relaxed) - baseline;
        assert!(
            held <= BYTES_PER_BYTE_RECEIVED * received + CONSTANT,
            "{held} bytes held after {received} received"
        );
        if refused {
            break;
        }
    }
    requests
}

#[test]
fn the_request_reader_never_panics_and_holds_memory_in_proportion_to_its_input() {
    let cases = std::env::var("REQUEST_PARSER_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(CASES);
    let mut requests = 0;
    for case in 0..cases {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ case as u64);
        let input = input(&mut rng);
        requests += run_case(&mut rng, &input, case % 2 == 0);
    }
    // Recorded in the closing note; the count proves the cases reached the parser.
    eprintln!("request reader: {cases} cases, {requests} requests parsed");
    assert!(requests > cases / 10);
}
