"""A plain redis-py client (no cluster support) against the sandbox: cross-slot MSET/MGET go through
the proxy. Usage: redis_py_plain.py HOST PORT"""
import sys

from redis import Redis

client = Redis(host=sys.argv[1], port=int(sys.argv[2]), decode_responses=True)
client.mset({"a": "1", "b": "2", "c": "3"})
print(client.mget("a", "b", "c", "missing"))
print(client.delete("a", "b", "missing"))
