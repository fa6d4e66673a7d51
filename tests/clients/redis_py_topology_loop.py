"""redis-py 8 RedisCluster writing and reading 1,000 keys in a loop while the cluster's topology
changes (a shard migration or failover driven by the test), until STOP_FILE exists; then one more
round and a final check that every key holds its last written value.

Usage: redis_py_topology_loop.py STOP_FILE SLOT HOST:PORT...
Prints "ready" once connected, then one JSON line: rounds, errors (requests that raised and were
retried by this loop), mismatches (a GET that did not return the value just written), bad_keys
(final check), owner (the client's node for SLOT) and a few error samples.
"""
import json
import os
import sys

from redis.cluster import ClusterNode, RedisCluster
from redis.exceptions import RedisError

KEYS = 1000
# A request that fails this many times in a row ends the run: the topology change never settled.
MAX_ATTEMPTS = 50

stop_file, slot = sys.argv[1], int(sys.argv[2])
nodes = [ClusterNode(host, int(port)) for host, port in (arg.rsplit(":", 1) for arg in sys.argv[3:])]
client = RedisCluster(startup_nodes=nodes, decode_responses=True)
print("ready", flush=True)

errors = 0
mismatches = 0
samples = []
written = {}


def attempt(operation, *args):
    global errors
    for _ in range(MAX_ATTEMPTS):
        try:
            return operation(*args)
        except RedisError as error:
            errors += 1
            if len(samples) < 5:
                samples.append(f"{type(error).__name__}: {error}")
    raise SystemExit(f"gave up after {MAX_ATTEMPTS} attempts: {samples}")


def one_round(round_number):
    global mismatches
    for index in range(KEYS):
        key = f"loop:{index}"
        value = f"{round_number}:{index}"
        attempt(client.set, key, value)
        written[key] = value
        if attempt(client.get, key) != value:
            mismatches += 1


rounds = 0
while not os.path.exists(stop_file):
    one_round(rounds)
    rounds += 1
one_round(rounds)
rounds += 1
bad_keys = sum(1 for key, value in written.items() if attempt(client.get, key) != value)
owner = client.nodes_manager.slots_cache[slot][0].name
print(
    json.dumps(
        {
            "rounds": rounds,
            "errors": errors,
            "mismatches": mismatches,
            "bad_keys": bad_keys,
            "keys": len(written),
            "owner": owner,
            "samples": samples,
        }
    ),
    flush=True,
)
