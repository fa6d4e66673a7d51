"""redis-py 8 RedisCluster against the sandbox: the seed walkthrough (set foo, get foo) plus 200 keys
so the test can check they spread over all shards. Usage: redis_py_cluster.py HOST:PORT..."""
import sys

from redis.cluster import ClusterNode, RedisCluster
from redis.exceptions import RedisClusterException

nodes = [ClusterNode(host, int(port)) for host, port in (arg.rsplit(":", 1) for arg in sys.argv[1:])]
try:
    client = RedisCluster(startup_nodes=nodes, decode_responses=True)
except RedisClusterException as error:
    print(f"error: {error}")
    sys.exit(1)
client.set("foo", "bar")
print(client.get("foo"))
for index in range(200):
    client.set(f"spread:{index}", index)
print(len(client.get_primaries()))
