#!/usr/bin/env bash
# rsadmin's read commands at fleet scale against curl fetching the same resources whole, in one run:
# a synthetic HTTPS cluster (bench/scale_server.py: N databases built from the captured objects,
# 30 nodes, 6 shards per database, basic auth, `fields=` on the bdb routes as documented) serves
# both. Per command: median wall time of ROUNDS runs (rsadmin and curl alternate, so load from
# other processes hits both alike), the ratio, peak RSS, the requests rsadmin sent, the largest
# answer it asked for, and whether the issue-16 targets are met. Prints markdown tables (paste
# them into bench/RESULTS.md).
#
# Usage: bench/scale.sh [ROUNDS] [N...]   (defaults: 5 rounds; N = 1000 10000)
# RSADMIN=path picks the binary (default target/release/rsadmin: `cargo build --release -p rsadmin`).
# Needs python3, curl, openssl and GNU time (/usr/bin/time; apt-get install time).
set -euo pipefail

ROUNDS=${1:-5}
shift || true
SIZES=(1000 10000)
[ $# -eq 0 ] || SIZES=("$@")
HERE=$(cd "$(dirname "$0")" && pwd)
RSADMIN=${RSADMIN:-$HERE/../target/release/rsadmin}
USER_NAME=admin@rsadmin.test
PASSWORD=scale-bench
WORK=$(mktemp -d)
SERVER_PID=
trap '[ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

# A CA and a server certificate for 127.0.0.1 signed by it (rustls takes no self-signed leaf).
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=rsadmin scale bench CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign \
    -keyout "$WORK/ca-key.pem" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$WORK/server-key.pem" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    >"$WORK/ext.cnf"
openssl x509 -req -days 2 -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca-key.pem" \
    -CAcreateserial -extfile "$WORK/ext.cnf" -out "$WORK/server-cert.pem" 2>/dev/null

export RSADMIN_USER=$USER_NAME RSADMIN_PASSWORD=$PASSWORD RSADMIN_CA_CERT=$WORK/ca.pem
unset RSADMIN_PROFILE RSADMIN_INSECURE

start_server() { # N
    : >"$WORK/requests.log"
    python3 "$HERE/scale_server.py" --dbs "$1" --cert "$WORK/server-cert.pem" \
        --key "$WORK/server-key.pem" --user "$USER_NAME" --password "$PASSWORD" \
        --log "$WORK/requests.log" >"$WORK/port" &
    SERVER_PID=$!
    for _ in $(seq 600); do
        grep -q PORT "$WORK/port" 2>/dev/null && break
        sleep 0.1
    done
    URL=https://127.0.0.1:$(awk '{ print $2 }' "$WORK/port")
    export RSADMIN_URL=$URL
}

# One timed run: prints "seconds peak_rss_kb".
timed() { # COMMAND...
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f %M -o "$WORK/rss" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(tail -n 1 "$WORK/rss")" | awk '{ printf "%.4f %d\n", $1 / 1e6, $2 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The size in bytes of the answer to each path.
largest_answer() { # PATH...
    local path largest=0 size
    for path in "$@"; do
        size=$(curl -sf --cacert "$WORK/ca.pem" -u "$USER_NAME:$PASSWORD" -o /dev/null \
            -w '%{size_download}' "$URL$path")
        [ "$size" -gt "$largest" ] && largest=$size
    done
    echo "$largest"
}

measure() { # NAME "RSADMIN ARGS" "CURL PATHS" TARGET_REQUESTS MEMORY_TARGET(yes|no)
    local name=$1 target_requests=$4 memory_target=$5
    local -a args paths
    read -r -a args <<<"$2"
    read -r -a paths <<<"$3"
    # Untimed first run: the server renders and keeps each answer, and the requests are counted.
    local before after
    before=$(wc -l <"$WORK/requests.log")
    "$RSADMIN" "${args[@]}" >/dev/null 2>&1 || true
    after=$(wc -l <"$WORK/requests.log")
    local requests=$((after - before))
    mapfile -t sent < <(tail -n "$requests" "$WORK/requests.log" | awk '{ print $2 }')
    curl_config "${paths[@]}" >"$WORK/curl.cfg"
    curl -sf -K "$WORK/curl.cfg"
    local largest
    largest=$(largest_answer "${sent[@]}")
    : >"$WORK/rsadmin.times"
    : >"$WORK/curl.times"
    : >"$WORK/rsadmin.rss"
    for _ in $(seq "$ROUNDS"); do
        read -r seconds rss < <(timed "$RSADMIN" "${args[@]}")
        echo "$seconds" >>"$WORK/rsadmin.times"
        echo "$rss" >>"$WORK/rsadmin.rss"
        read -r seconds _ < <(timed curl -sf -K "$WORK/curl.cfg")
        echo "$seconds" >>"$WORK/curl.times"
    done
    local ours theirs rss
    ours=$(median <"$WORK/rsadmin.times")
    theirs=$(median <"$WORK/curl.times")
    rss=$(median <"$WORK/rsadmin.rss")
    awk -v name="$name" -v ours="$ours" -v theirs="$theirs" -v rss="$rss" -v largest="$largest" \
        -v requests="$requests" -v target_requests="$target_requests" \
        -v memory_target="$memory_target" 'BEGIN {
        ratio = ours / theirs
        met = (ratio <= 1.0) ? "yes" : "no"
        memory = memory_target != "yes" ? "-" : (rss * 1024 <= 2 * largest ? "yes" : "no")
        requests_met = target_requests == "" ? "-" : (requests == target_requests ? "yes" : "no")
        printf "| `%s` | %.3f | %.3f | %.2fx | %s | %.1f | %.1f | %s | %s | %s |\n", name, ours, theirs,
            ratio, met, rss / 1024, largest / 1048576, memory, requests, requests_met
    }'
}

# A curl config fetching PATH... whole over one connection: curl then runs with no shell in between.
curl_config() { # PATH...
    printf 'cacert = "%s"\nuser = "%s:%s"\n' "$WORK/ca.pem" "$USER_NAME" "$PASSWORD"
    for path in "$@"; do printf 'url = "%s%s"\noutput = "/dev/null"\n' "$URL" "$path"; done
}

echo "rsadmin: $RSADMIN ($("$RSADMIN" --version 2>/dev/null || echo '?')); $ROUNDS rounds; $(nproc) CPUs"
for n in "${SIZES[@]}"; do
    start_server "$n"
    mid=$((n / 2))
    shards=/v1/shards?extra_info_keys=used_memory
    echo
    echo "### N = $n databases, 30 nodes, $((n * 6)) shards"
    echo
    echo "| command | rsadmin s | curl s | ratio | ≤ 1.0x? | peak RSS MB | largest answer asked MB | RSS ≤ 2x it? | requests | one request? |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    measure "status" "status" "/v1/nodes /v1/bdbs $shards /v1/nodes/status" "" yes
    measure "status databases" "status databases" "/v1/bdbs" "" no
    measure "status nodes" "status nodes" "/v1/nodes /v1/nodes/status" "" no
    measure "status endpoints" "status endpoints" "/v1/nodes /v1/bdbs" "" no
    measure "status shards" "status shards" "/v1/bdbs $shards" "" no
    measure "info db" "info db" "/v1/bdbs" "" no
    measure "check db db:$mid" "check db db:$mid" "/v1/bdbs/$mid /v1/nodes /v1/bdbs/$mid/shards" "" no
    measure "info db db:$mid" "info db db:$mid" "/v1/bdbs/$mid" 1 no
    # A name is found in the list of databases: curl takes it whole, as without `fields=`.
    measure "info db db-$mid" "info db db-$mid" "/v1/bdbs /v1/bdbs/$mid" "" no
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
done
