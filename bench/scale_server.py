#!/usr/bin/env python3
"""A synthetic Redis Software REST API at fleet scale, for bench/scale.sh and tests/cli/scale.rs.

Serves N databases, NODES nodes and SHARDS_PER_DB shards per database over HTTPS with basic auth,
each object built from the captured objects in tests/fixtures/captured/ (uids, names, addresses and
shard placement made unique). Read-only routes only:

  GET /v1/cluster, /v1/nodes, /v1/nodes/status, /v1/shards[?extra_info_keys=used_memory],
      /v1/bdbs[?fields=a,b], /v1/bdbs/<uid>[?fields=a,b], /v1/bdbs/<uid>/shards

`fields=` is honoured on the bdb routes only, as the REST reference documents it
(rest-api.md §1.8); `--ignore-fields` makes the server answer whole objects anyway, like a cluster
that ignores the parameter. Every answer is rendered once and kept, so the server sends bytes
and does not compute. Each request is appended to --log ("METHOD PATH" per line) before it is
answered. Prints "PORT <port>" on stdout once it listens.
"""

import argparse
import base64
import copy
import json
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

CAPTURED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "captured"
SLOTS = 16384


def load(name):
    return json.loads((CAPTURED / name).read_text())


def compact(value):
    return json.dumps(value, separators=(",", ":")).encode()


def slot_ranges(count):
    bounds = [SLOTS * index // count for index in range(count + 1)]
    return [f"{bounds[i]}-{bounds[i + 1] - 1}" for i in range(count)]


class Fleet:
    """The cluster's objects and the answers rendered from them."""

    def __init__(self, dbs, nodes, shards_per_db):
        masters = max(1, shards_per_db // 2)
        node_template = load("nodes_list.json")[0]
        self.nodes = []
        for uid in range(1, nodes + 1):
            node = copy.deepcopy(node_template)
            node.update(uid=uid, addr=f"10.0.{uid // 256}.{uid % 256}", shard_list=[])
            self.nodes.append(node)
        bdb_template = load("bdb_single.json")
        shard_template = load("shards_list.json")[0]
        self.bdbs = {}
        self.shards_of = {}
        shard_uid = 0
        for uid in range(1, dbs + 1):
            bdb = copy.deepcopy(bdb_template)
            shards = []
            for index in range(shards_per_db):
                shard_uid += 1
                node = self.nodes[shard_uid % nodes]
                node["shard_list"].append(shard_uid)
                shard = copy.deepcopy(shard_template)
                master = index < masters
                shard.update(
                    uid=str(shard_uid),
                    bdb_uid=uid,
                    node_uid=str(node["uid"]),
                    role="master" if master else "slave",
                    assigned_slots=slot_ranges(masters)[index % masters],
                )
                shards.append(shard)
            endpoint = bdb["endpoints"][0]
            endpoint.update(
                uid=f"{uid}:1",
                port=10000 + uid,
                dns_name=f"redis-{10000 + uid}.{endpoint['dns_name'].split('.', 1)[1]}",
                addr=[self.nodes[uid % nodes]["addr"]],
            )
            bdb.update(
                uid=uid,
                name=f"db-{uid}",
                port=10000 + uid,
                shards_count=masters,
                replication=shards_per_db > masters,
                shard_list=[int(shard["uid"]) for shard in shards],
            )
            self.bdbs[uid] = bdb
            self.shards_of[uid] = shards
        for node in self.nodes:
            node["shard_count"] = len(node["shard_list"])
        self.cluster = compact(load("cluster_trimmed.json"))
        self.answers = {}
        self.lock = threading.Lock()

    def shards(self, used_memory):
        answer = []
        for shards in self.shards_of.values():
            for shard in shards:
                info = {"used_memory": 1048576 * (int(shard["uid"]) % 7919)} if used_memory else {}
                answer.append(dict(shard, redis_info=info))
        return answer

    def nodes_status(self):
        return {
            str(node["uid"]): {
                "hostname": f"node-{node['uid']}",
                "role": "master" if node["uid"] == 1 else "slave",
                "free_ram": 8 << 30,
                "total_memory": 16 << 30,
                "free_provisional_ram": 6 << 30,
                "total_provisional_ram": 12 << 30,
            }
            for node in self.nodes
        }

    def render(self, path, query, honour_fields):
        """The body of a GET, or None (404)."""
        fields = query.get("fields", [""])[0] if honour_fields else ""
        wanted = [field for field in fields.split(",") if field]

        def select(bdb):
            return {key: bdb[key] for key in wanted if key in bdb} if wanted else bdb

        parts = path.strip("/").split("/")
        if path == "/v1/cluster":
            return self.cluster
        if path == "/v1/nodes":
            return compact(self.nodes)
        if path == "/v1/nodes/status":
            return compact(self.nodes_status())
        if path == "/v1/shards":
            return compact(self.shards("used_memory" in query.get("extra_info_keys", [])))
        if path == "/v1/bdbs":
            return compact([select(bdb) for bdb in self.bdbs.values()])
        if len(parts) in (3, 4) and parts[:2] == ["v1", "bdbs"] and parts[2].isdigit():
            bdb = self.bdbs.get(int(parts[2]))
            if bdb is None:
                return None
            if len(parts) == 3:
                return compact(select(bdb))
            if parts[3] == "shards":
                return compact(self.shards_of[bdb["uid"]])
        return None

    def answer(self, target, honour_fields):
        """The rendered body for a request target, rendered at most once."""
        with self.lock:
            if target not in self.answers:
                url = urlsplit(target)
                self.answers[target] = self.render(url.path, parse_qs(url.query), honour_fields)
            return self.answers[target]


def handler(fleet, authorization, log, honour_fields):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY the second answer on a
        # kept-alive connection waits ~40 ms for the client's delayed ACK.
        disable_nagle_algorithm = True

        def do_GET(self):
            with fleet.lock:
                log.write(f"GET {self.path}\n")
                log.flush()
            if self.headers.get("Authorization") != authorization:
                return self.send(401, b'{"error_code":"unauthorized","description":"Unauthorized"}')
            body = fleet.answer(self.path, honour_fields)
            if body is None:
                return self.send(404, b'{"error_code":"not_found","description":"Not found"}')
            self.send(200, body)

        def send(self, status, body):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dbs", type=int, required=True)
    parser.add_argument("--nodes", type=int, default=30)
    parser.add_argument("--shards-per-db", type=int, default=6)
    parser.add_argument("--cert", required=True, help="server certificate (PEM)")
    parser.add_argument("--key", required=True, help="server key (PEM)")
    parser.add_argument("--user", default="admin@rsadmin.test")
    parser.add_argument("--password", default="scale-bench")
    parser.add_argument("--log", required=True, help="file that gets one line per request")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ignore-fields", action="store_true")
    args = parser.parse_args()

    fleet = Fleet(args.dbs, args.nodes, args.shards_per_db)
    token = base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
    log = open(args.log, "a", encoding="utf-8")
    server = ThreadingHTTPServer(
        ("127.0.0.1", args.port),
        handler(fleet, f"Basic {token}", log, not args.ignore_fields),
    )
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
