# Sourced by the bench scripts: starts a direct redis-server and a sandbox (both removed on exit),
# and defines ROOT, WORK, DIRECT_PORT, RSADMIN, DB_PORT and PROXY_HOST.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SANDBOX=${RSADMIN_SANDBOX:-$ROOT/target/release/rsadmin-sandbox}
WORK=$(mktemp -d)
DIRECT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cleanup() {
    redis-cli -p "$DIRECT_PORT" shutdown nosave >/dev/null 2>&1 || true
    "$SANDBOX" down --dir "$WORK/sandbox" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

redis-server --port "$DIRECT_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --logfile "$WORK/direct.log" --pidfile "$WORK/direct.pid" --dir "$WORK" >/dev/null
"$SANDBOX" up --dir "$WORK/sandbox" --api-port 0 --detach >/dev/null
set -a; . "$WORK/sandbox/sandbox.env"; set +a
# REST calls go through rsadmin itself, so the password stays in the environment, never in argv.
RSADMIN=${RSADMIN:-$ROOT/target/release/rsadmin}
endpoint_field() { # FIELD: one field of db:1's first endpoint
    "$RSADMIN" info db db:1 -o json |
        python3 -c 'import json,sys; e=json.load(sys.stdin)[0]["endpoints"][0]; v=e[sys.argv[1]]; print(v[0] if isinstance(v, list) else v)' "$1"
}
DB_PORT=$(endpoint_field port)
# Demo db: 3 shards behind one proxy (policy single) with the OSS Cluster API off.
PROXY_HOST=$(endpoint_field addr)
