#!/usr/bin/env bash
# The hand-written RESP codec and CRC16 of the rsadmin-resp crate against the registry crates that
# could replace them (redis-protocol, crc16, crc), side by side in one process, plus the bounds on
# hostile input issue 14 requires. Prints markdown tables (paste them into bench/RESULTS.md).
#
# Usage: bench/codec.sh [SECONDS_PER_CASE]   (default 0.5)
# Needs only cargo: it builds resp/examples/codec_bench.rs in release mode.
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --quiet --release -p rsadmin-resp --example codec_bench
echo "rsadmin-resp codec bench; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
target/release/examples/codec_bench "${1:-0.5}"
