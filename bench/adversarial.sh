#!/usr/bin/env bash
# A normal client's latency under adversarial load (bench/adversaries.py: slow, flooding and greedy
# clients), and the server's RSS before, at its peak and after: through the sandbox proxy, side by
# side with a direct redis-server under the same load (Redis's own behaviour is the yardstick).
#
# Usage: bench/adversarial.sh [REQUESTS] [ROUNDS]   (defaults: 20000 PINGs from one client, 3 rounds)
# Needs: redis-server, redis-benchmark, python3, and `cargo build --release --workspace`.
set -euo pipefail

REQUESTS=${1:-20000}
ROUNDS=${2:-3}
. "$(dirname "$0")/setup.sh"
while [ ! -s "$WORK/direct.pid" ]; do sleep 0.1; done
DIRECT_PID=$(cat "$WORK/direct.pid")
SANDBOX_PID=$(cat "$WORK/sandbox/sandbox.pid")

latency() { # HOST PORT: "p50 p99" (ms) of REQUESTS PINGs from one client
    redis-benchmark -h "$1" -p "$2" -c 1 -n "$REQUESTS" -t ping_mbulk --csv 2>/dev/null |
        awk -F, 'NR > 1 { gsub(/"/, ""); print $5, $7; exit }'
}

run() { # NAME HOST PORT PID
    local idle loaded load_pid
    idle=$(latency "$2" "$3")
    python3 "$ROOT/bench/adversaries.py" "$2" "$3" 8 "$4" > "$WORK/adversaries.out" &
    load_pid=$!
    sleep 1
    loaded=$(latency "$2" "$3")
    wait "$load_pid"
    echo "| $1 | ${idle% *} / ${idle#* } | ${loaded% *} / ${loaded#* } | $(cat "$WORK/adversaries.out") |"
}

echo "Normal client: redis-benchmark -t ping_mbulk -c 1 -n $REQUESTS; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| target | idle p50 / p99 ms | under load p50 / p99 ms | adversaries and RSS |"
echo "|---|---|---|---|"
for _ in $(seq "$ROUNDS"); do
    run direct 127.0.0.1 "$DIRECT_PORT" "$DIRECT_PID"
    run proxy "$PROXY_HOST" "$DB_PORT" "$SANDBOX_PID"
done
