"""redis-py 8 RedisCluster: the number of keys over all primaries (DBSIZE on each, summed).
Usage: redis_py_dbsize.py HOST:PORT"""
import sys

from redis.cluster import ClusterNode, RedisCluster

host, port = sys.argv[1].rsplit(":", 1)
client = RedisCluster(startup_nodes=[ClusterNode(host, int(port))], decode_responses=True)
print(client.dbsize())
