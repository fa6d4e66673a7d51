//! The data plane under attack: greedy clients (over Redis's limits) and slow ones (a huge argument
//! dripped in pieces, a pipeline flood) next to a normal client. The attackers are paced so that
//! they load the proxy, not the test machine's two cores (which would measure the OS scheduler
//! instead). The normal client's p99 round trip stays under `P99_FACTOR` times the larger of its
//! p99 measured idle in the same test and the p99 of the same client straight to a shard (redis-
//! server, the yardstick) while the attack runs: no absolute times (machines differ), and what the
//! machine itself adds under load (a CPU hog on each core delays every process's wake-up, the
//! proxy's and redis-server's alike) raises the bar for both, while a proxy that lets one client
//! stall the others does not (the loaded p99 is the best of three rounds: a stall spoils every
//! round, a busy moment one); the process's RSS (the proxies run in it) grows by less than
//! `RSS_GROWTH_BOUND`, and every greedy client gets Redis's error, or for the query buffer limit
//! Redis's silent close, and is disconnected.
//!
//! Its own test binary, so the RSS measured is this test's alone.

#[path = "../dataplane/support.rs"]
pub mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use rsadmin_sandbox::proxy::LIMITS;
use support::{DataPlane, Resp};

/// The normal client's loaded p99 may be this many times its idle p99 (or its p99 straight to a
/// shard under the same load, whichever is larger). 10x holds on a quiet 2-core machine; 20x
/// leaves room for the proxy's extra hops, each a wake-up that a loaded machine delays. The
/// quadratic parser this guards against gave about 180x (a 900 ms median next to a 5 ms
/// baseline).
const P99_FACTOR: u32 = 20;
/// One client at the query buffer limit, three slow ones holding their partial arguments, slack.
const RSS_GROWTH_BOUND: usize = 128 * 1024 * 1024 + 3 * SLOW_ARGUMENT_SENT * 2 + 64 * 1024 * 1024;
/// What each slow client sends of its (never completed) 60 MB argument.
const SLOW_ARGUMENT_SENT: usize = 8 * 1024 * 1024;
const SAMPLES: usize = 400;

fn rss_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let kilobytes: usize = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches(" kB").parse().ok())
        .unwrap();
    kilobytes * 1024
}

fn p99_round_trip(client: &mut Resp) -> Duration {
    let mut samples: Vec<Duration> = (0..SAMPLES)
        .map(|_| {
            let started = Instant::now();
            assert_eq!(client.call(&["PING"]), "+PONG\r\n");
            started.elapsed()
        })
        .collect();
    samples.sort();
    samples[SAMPLES * 99 / 100]
}

/// Sends `request`, then everything until the server closes; returns what it answered.
fn answer_then_close(address: &str, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream.write_all(request).unwrap();
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .expect("the proxy closes the connection");
    String::from_utf8_lossy(&answer).into_owned()
}

/// Blocked in BLPOP, then sends until the proxy hangs up; returns the bytes sent and the answer.
fn flood_while_blocked(address: &str) -> (usize, Vec<u8>) {
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .write_all(b"*3\r\n$5\r\nBLPOP\r\n$5\r\nnever\r\n$1\r\n0\r\n")
        .unwrap();
    let chunk = vec![b'x'; 256 * 1024];
    let mut sent = 0;
    while stream.write_all(&chunk).is_ok() {
        sent += chunk.len();
        assert!(
            sent < 4 * LIMITS.client_query_buffer_limit,
            "never disconnected"
        );
        // Fast (256 MiB/s), but leaves the machine's cores to the measurement.
        thread::sleep(Duration::from_millis(1));
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    (sent, answer)
}

/// Three slow clients, driven from one thread (fewer threads of its own keep the test measuring
/// the proxy rather than the OS scheduler).
fn slow_clients(address: String, stop: Arc<AtomicBool>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut streams: Vec<TcpStream> = (0..3)
            .map(|_| {
                let mut stream = TcpStream::connect(&address).unwrap();
                stream
                    .write_all(b"*3\r\n$3\r\nSET\r\n$4\r\nslow\r\n$60000000\r\n")
                    .unwrap();
                stream
            })
            .collect();
        let piece = vec![b'y'; 16 * 1024];
        let mut sent = 0;
        // Still connected and never answered after the last piece: the argument is incomplete.
        while !stop.load(Ordering::Relaxed) {
            if sent < SLOW_ARGUMENT_SENT {
                for stream in &mut streams {
                    stream.write_all(&piece).unwrap();
                }
                sent += piece.len();
            }
            thread::sleep(Duration::from_millis(1));
        }
    })
}

/// 100 pipelined PINGs every 10 ms, replies read in the same thread.
fn pipeline_flood(address: String, stop: Arc<AtomicBool>) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut stream = TcpStream::connect(&address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(10)))
            .unwrap();
        let burst = b"*1\r\n$4\r\nPING\r\n".repeat(100);
        let mut sink = vec![0u8; 64 * 1024];
        while !stop.load(Ordering::Relaxed) {
            stream.write_all(&burst).unwrap();
            let _ = stream.read(&mut sink);
            thread::sleep(Duration::from_millis(10));
        }
    })
}

#[test]
fn a_normal_client_keeps_its_latency_next_to_greedy_and_slow_ones() {
    let plane = DataPlane::start(|_| {});
    let address = plane.internal(1);
    let mut normal = Resp::connect(&address);
    // Warm up connections and caches, then measure idle.
    p99_round_trip(&mut normal);
    let idle_p99 = p99_round_trip(&mut normal);
    let rss_before = rss_bytes();

    let stop = Arc::new(AtomicBool::new(false));
    let slow = slow_clients(address.clone(), stop.clone());
    let flood = pipeline_flood(address.clone(), stop.clone());
    let greedy_address = address.clone();
    let greedy = thread::spawn(move || {
        let too_long_line = vec![b'a'; 100 * 1024];
        (
            answer_then_close(&greedy_address, &too_long_line),
            answer_then_close(&greedy_address, b"*2\r\n$3\r\nGET\r\n$100000000\r\n"),
            flood_while_blocked(&greedy_address),
        )
    });
    let sampling = Arc::new(AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        thread::spawn(move || {
            let mut peak = 0;
            while sampling.load(Ordering::Relaxed) {
                peak = peak.max(rss_bytes());
                thread::sleep(Duration::from_millis(10));
            }
            peak
        })
    };
    // The best of three rounds: a stalled proxy stalls every round, while a machine that is busy
    // for a moment (a CPU hog on each core) spoils one.
    let loaded_p99 = (0..3)
        .map(|_| p99_round_trip(&mut normal))
        .min()
        .expect("three rounds");
    let shard_port = *plane.shard_ports().values().next().expect("a shard");
    let direct_loaded_p99 = p99_round_trip(&mut plane.shard(shard_port));
    let (too_long, too_big, (flooded, flood_answer)) = greedy.join().unwrap();
    sampling.store(false, Ordering::Relaxed);
    let rss_peak = sampler.join().unwrap();
    stop.store(true, Ordering::Relaxed);
    slow.join().unwrap();
    flood.join().unwrap();

    eprintln!(
        "normal client p99: idle {idle_p99:?}, loaded {loaded_p99:?} (straight to a shard \
         {direct_loaded_p99:?}); RSS {} MiB -> {} MiB",
        rss_before >> 20,
        rss_peak >> 20
    );
    assert_eq!(too_long, "-ERR Protocol error: too big inline request\r\n");
    assert_eq!(too_big, "-ERR Protocol error: invalid bulk length\r\n");
    // Redis closes a client over client-query-buffer-limit without a reply.
    assert_eq!(String::from_utf8_lossy(&flood_answer), "");
    assert!(flooded >= LIMITS.client_query_buffer_limit, "{flooded}");
    let baseline = idle_p99.max(direct_loaded_p99);
    assert!(
        loaded_p99 <= baseline * P99_FACTOR,
        "loaded p99 {loaded_p99:?} > {P99_FACTOR} x max(idle p99 {idle_p99:?}, p99 straight to a \
         shard under the same load {direct_loaded_p99:?})"
    );
    assert!(
        rss_peak.saturating_sub(rss_before) <= RSS_GROWTH_BOUND,
        "RSS grew from {rss_before} to {rss_peak}"
    );
    assert_eq!(normal.call(&["PING"]), "+PONG\r\n");
}
