"""redis-py logging in to a database with a password, over RESP2 (AUTH) and RESP3 (HELLO 3 AUTH).
Usage: REDIS_PASSWORD=... redis_py_password.py HOST PORT; a wrong password exits 1 with the error."""
import os
import sys

from redis import Redis
from redis.exceptions import AuthenticationError

for protocol in (2, 3):
    client = Redis(host=sys.argv[1], port=int(sys.argv[2]), password=os.environ["REDIS_PASSWORD"],
                   protocol=protocol, decode_responses=True)
    try:
        client.set(f"resp{protocol}", "ok")
        print(protocol, client.get(f"resp{protocol}"))
    except AuthenticationError as error:
        print(protocol, type(error).__name__, error)
        sys.exit(1)
