#!/usr/bin/env python3
"""Adversarial clients against one Redis endpoint, for bench/adversarial.sh.

Runs for SECONDS: three slow clients dripping 8 MiB of a 60 MB argument that never completes, a pipeline
flood (100 PINGs every 10 ms), an inline request with no end (100 KB), an argument over the sandbox's
proto-max-bulk-len, and a client blocked in BLPOP that sends 200 MiB more. Samples the RSS of PID
meanwhile and prints one line of `key=value` pairs: each greedy client's answer and whether it was
disconnected, and the RSS before, at its peak and after (MiB).
"""
import socket
import sys
import threading
import time

host, port, seconds, pid = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
stop = threading.Event()
results = {}


def rss_mib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def connect():
    return socket.create_connection((host, port), timeout=60)


def answer_until_closed(sock):
    received = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return received, True
            received += chunk
    except (socket.timeout, ConnectionError):
        return received, False


def slow():
    sock = connect()
    sock.sendall(b"*3\r\n$3\r\nSET\r\n$4\r\nslow\r\n$60000000\r\n")
    piece = b"y" * 16384
    sent = 0
    while not stop.is_set():
        if sent < 8 * 1024 * 1024:
            sock.sendall(piece)
            sent += len(piece)
        time.sleep(0.001)
    sock.close()


def flood():
    sock = connect()
    burst = b"*1\r\n$4\r\nPING\r\n" * 100

    def drain():
        try:
            while sock.recv(65536):
                pass
        except OSError:
            pass

    threading.Thread(target=drain, daemon=True).start()
    while not stop.is_set():
        sock.sendall(burst)
        time.sleep(0.01)
    sock.close()


def greedy(name, request):
    sock = connect()
    sock.sendall(request)
    sock.settimeout(5)
    answer, closed = answer_until_closed(sock)
    results[name] = f"{answer.decode(errors='replace').strip() or '(none)'}|closed={closed}"


def blocked_flood():
    sock = connect()
    sock.sendall(b"*3\r\n$5\r\nBLPOP\r\n$5\r\nnever\r\n$1\r\n0\r\n")
    chunk = b"x" * (256 * 1024)
    sent = 0
    try:
        while sent < 200 * 1024 * 1024 and not stop.is_set():
            sock.sendall(chunk)
            sent += len(chunk)
            time.sleep(0.001)
        sock.settimeout(2)
        answer, closed = answer_until_closed(sock)
    except ConnectionError:
        answer, closed = b"", True
    results["blocked_flood"] = f"{answer.decode(errors='replace').strip() or '(none)'}|closed={closed}|sent_mib={sent >> 20}"


peak = before = rss_mib()
threads = [threading.Thread(target=slow) for _ in range(3)]
threads.append(threading.Thread(target=flood))
threads.append(threading.Thread(target=greedy, args=("too_long_inline", b"a" * 100 * 1024)))
threads.append(threading.Thread(target=greedy, args=("too_big_bulk", b"*2\r\n$3\r\nGET\r\n$100000000\r\n")))
threads.append(threading.Thread(target=blocked_flood))
for thread in threads:
    thread.start()
deadline = time.time() + seconds
while time.time() < deadline:
    peak = max(peak, rss_mib())
    time.sleep(0.01)
stop.set()
for thread in threads:
    thread.join()
time.sleep(0.5)
after = rss_mib()
print(" ".join(f"{key}={value}" for key, value in sorted(results.items())),
      f"rss_before_mib={before} rss_peak_mib={peak} rss_after_mib={after}")
