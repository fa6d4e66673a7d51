"""redis-py 8 RedisCluster: SET/GET rounds over 1,000 keys until a line arrives on stdin (the
topology change happens meanwhile), then reads every key back and reports, as one JSON line, how many
keys differ from their last written value, how many requests failed (each was retried), and the
node the client now sends SLOT to. Usage: redis_py_topology_loop.py SLOT HOST:PORT..."""
import json
import sys
import threading
import time

from redis.cluster import ClusterNode, RedisCluster
from redis.exceptions import RedisError

KEYS = [f"loop:{index}" for index in range(1000)]
ATTEMPTS = 100

slot = int(sys.argv[1])
nodes = [ClusterNode(host, int(port)) for host, port in (arg.rsplit(":", 1) for arg in sys.argv[2:])]
client = RedisCluster(startup_nodes=nodes, decode_responses=True)
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
errors = []


def retried(call, *args):
    for _ in range(ATTEMPTS):
        try:
            return call(*args)
        except RedisError as error:
            errors.append(f"{type(error).__name__}: {error}")
            time.sleep(0.05)
    raise SystemExit(f"error: {call.__name__}{args} failed {ATTEMPTS} times: {errors[-1]}")


last = {}
mismatches = 0
rounds = 0
while not stop.is_set():
    rounds += 1
    for key in KEYS:
        value = f"{rounds}:{key}"
        retried(client.set, key, value)
        last[key] = value
        if retried(client.get, key) != value:
            mismatches += 1
    if rounds == 1:
        print("ready", flush=True)
final = sum(1 for key in KEYS if retried(client.get, key) != last[key])
print(json.dumps({
    "rounds": rounds,
    "mismatches": mismatches + final,
    "errors": len(errors),
    "first_errors": errors[:3],
    "owner": client.nodes_manager.get_node_from_slot(slot).name,
}), flush=True)
