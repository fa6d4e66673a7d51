#!/usr/bin/env bash
# Throughput and p50 of redis-benchmark through the sandbox proxy vs directly against one
# redis-server, without and with pipelining (-P 16), and with --cluster through the OSS Cluster API,
# all in one run on this machine. Prints a markdown table (paste it into bench/RESULTS.md).
#
# Usage: bench/run.sh [REQUESTS] [ROUNDS]   (defaults: 200000 requests per test, 3 rounds; 50 clients)
# Each cell is the median of ROUNDS runs; direct and proxy runs alternate, so that load from other
# processes on the machine hits both sides alike.
# Needs: redis-server, redis-benchmark, python3, and `cargo build --release --workspace` (or RSADMIN_SANDBOX=path,
# RSADMIN=path).
set -euo pipefail

REQUESTS=${1:-200000}
ROUNDS=${2:-3}
CLIENTS=50
. "$(dirname "$0")/setup.sh"

# Prints "rps p50_ms" of one redis-benchmark test.
measure() { # TEST HOST PORT PIPELINE [extra args]
    local test=$1 host=$2 port=$3 pipeline=$4; shift 4
    redis-benchmark -h "$host" -p "$port" -t "$test" -n "$REQUESTS" -c "$CLIENTS" -P "$pipeline" \
        -r 100000 --csv "$@" 2>/dev/null | awk -F, -v name="\"${test^^}\"" '$1 == name { gsub(/"/, ""); print $2, $5 }'
}

# Appends one measurement ("rps p50") to RESULT[key] (newline-separated).
declare -A RESULT
record() { # KEY MEASUREMENT
    RESULT[$1]+="$2"$'\n'
}
# The run with the median throughput among those recorded under KEY.
median() { # KEY
    printf '%s' "${RESULT[$1]}" | sort -n -k1,1 | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

for _ in $(seq "$ROUNDS"); do
    for pipeline in 1 16; do
        for test in set get; do
            record "direct,$test,$pipeline" "$(measure "$test" 127.0.0.1 "$DIRECT_PORT" "$pipeline")"
            record "proxy,$test,$pipeline" "$(measure "$test" "$PROXY_HOST" "$DB_PORT" "$pipeline")"
        done
    done
done

# Enable the OSS Cluster API (prerequisites first) and run --cluster against node 1's proxy.
"$RSADMIN" tune db db:1 oss_cluster enabled --fix -y >/dev/null 2>&1
for _ in $(seq "$ROUNDS"); do
    for pipeline in 1 16; do
        for test in set get; do
            record "cluster,$test,$pipeline" "$(measure "$test" "$PROXY_HOST" "$DB_PORT" "$pipeline" --cluster)"
        done
    done
done

declare -A PROXY_RATIO
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "redis-benchmark -n $REQUESTS -c $CLIENTS -r 100000, median of $ROUNDS rounds; $(nproc) cores; $(date -u +%Y-%m-%d)"
echo
echo "| test | pipeline | direct rps | direct p50 ms | proxy rps | proxy p50 ms | proxy/direct | --cluster rps | --cluster p50 ms | --cluster/direct |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for pipeline in 1 16; do
    for test in set get; do
        read -r direct_rps direct_p50 <<<"$(median "direct,$test,$pipeline")"
        read -r proxy_rps proxy_p50 <<<"$(median "proxy,$test,$pipeline")"
        read -r cluster_rps cluster_p50 <<<"$(median "cluster,$test,$pipeline")"
        PROXY_RATIO[$test,$pipeline]=$(ratio "$proxy_rps" "$direct_rps")
        echo "| ${test^^} | $pipeline | $direct_rps | $direct_p50 | $proxy_rps | $proxy_p50 | ${PROXY_RATIO[$test,$pipeline]} | $cluster_rps | $cluster_p50 | $(ratio "$cluster_rps" "$direct_rps") |"
    done
done

# Issue 4's targets, judged on the ratios above.
target() { # LABEL PIPELINE MINIMUM
    local set=${PROXY_RATIO[set,$2]} get=${PROXY_RATIO[get,$2]}
    local met
    met=$(awk -v s="$set" -v g="$get" -v min="$3" 'BEGIN { print (s >= min && g >= min) ? "yes" : "**no**" }')
    echo "| $1 | $set (SET), $get (GET) | $met |"
}
echo
echo "| target | measured | met? |"
echo "|---|---|---|"
target "proxy/direct, no pipelining, >= 0.7" 1 0.7
target "proxy/direct, \`-P 16\`, >= 0.5" 16 0.5
