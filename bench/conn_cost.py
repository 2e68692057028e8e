"""Per-connection cost of a pynet echo server: idle memory, and work per connection.

    python bench/conn_cost.py idle  [--variant pipe|data] [--n 5000]
    python bench/conn_cost.py churn [--variant pipe|data] [--n 500]

``idle``: the server (this process) accepts ``n`` connections from a client
process (plain blocking sockets, each doing a 1-byte echo so the server has
certainly set it up), then prints the Python memory the connections hold
(``tracemalloc``, bytes per connection, kernel socket objects excluded as they
are not Python allocations) and the RSS growth per connection.

``churn``: the client process makes ``n`` connections one after the other
(connect, 16 bytes out, the 16-byte echo in, close); the server stops after
the ``n``-th ``'close'``.  Run it under ``valgrind --tool=callgrind`` with
``n`` and ``3n`` and divide the difference of the instruction counts by
``2n``: start-up cancels out and what is left is the server's work per
connection (docs/benchmarks.md, round 2, uses this).

``--variant``: ``pipe`` is ``net.createServer(lambda s: s.pipe(s))``,
``data`` is ``s.on('data', s.write)`` (bench/servers/pynet_*.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from typing import Any

from pynet import net, run
from pynet.timers import clearInterval, setInterval

_CLIENT = r"""
import socket, sys, time
port, n, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
if mode == "churn":
    for _ in range(n):
        c = socket.create_connection(("127.0.0.1", port))
        c.sendall(b"churn-0123456789")
        got = b""
        while len(got) < 16:
            got += c.recv(16)
        c.close()
else:
    conns = []
    for _ in range(n):
        c = socket.create_connection(("127.0.0.1", port))
        c.sendall(b"x")
        assert c.recv(1) == b"x"
        conns.append(c)
    sys.stdout.write("ready\n"); sys.stdout.flush()
    sys.stdin.readline()
    for c in conns:
        c.close()
"""


def _rss_kib() -> int:
    with open(f"/proc/{os.getpid()}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("idle", "churn"))
    p.add_argument("--variant", choices=("pipe", "data"), default="pipe")
    p.add_argument("--n", type=int, default=None)
    a = p.parse_args()
    n = a.n if a.n is not None else (5000 if a.mode == "idle" else 500)
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    state: dict[str, Any] = {"accepted": 0, "closed": 0}

    def on_connection(s: Any) -> None:
        state["accepted"] += 1
        if a.variant == "pipe":
            s.pipe(s)
        else:
            s.on("data", s.write)
        if a.mode == "churn":
            s.on("close", on_close)

    def on_close(_had_error: bool) -> None:
        state["closed"] += 1
        if state["closed"] == n:
            server.close()

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1")
    port = server.address()["port"]
    client = subprocess.Popen([sys.executable, "-c", _CLIENT, str(port), str(n), a.mode],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    if a.mode == "churn":
        run()
        client.wait()
        print(f"churn {a.variant}: {n} connections served")
        return

    # idle: measure once the client says every connection is echoed.
    tracemalloc.start()
    base = tracemalloc.take_snapshot()
    rss0 = _rss_kib()
    assert client.stdout is not None and client.stdin is not None
    os.set_blocking(client.stdout.fileno(), False)

    def poll() -> None:
        line = client.stdout.readline() if client.stdout else ""
        if line.strip() == "ready":
            clearInterval(timer)
            snap = tracemalloc.take_snapshot()
            diff = sum(s.size_diff for s in snap.compare_to(base, "filename"))
            rss1 = _rss_kib()
            print(f"idle {a.variant}: {state['accepted']} connections, "
                  f"tracemalloc {diff / n:.0f} B/conn, RSS {(rss1 - rss0) / n:.2f} KiB/conn")
            top = snap.compare_to(base, "lineno")[:12]
            for stat in top:
                print("   ", stat)
            client.stdin.write("\n")  # type: ignore[union-attr]
            client.stdin.flush()  # type: ignore[union-attr]
            server.close()
            for s in list(sockets):
                s.destroy()

    sockets: list[Any] = []
    server.on("connection", sockets.append)
    timer = setInterval(poll, 50)
    run()
    client.wait()
    time.sleep(0)


if __name__ == "__main__":
    main()
