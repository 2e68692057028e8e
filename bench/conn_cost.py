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

``--breakdown`` (with ``idle``): what each idle connection holds, two ways:
the objects the garbage collector tracks that appeared with the connections,
per type (count and bytes per connection, ``sys.getsizeof``, GC header
included), and tracemalloc's allocations grouped by traceback (the innermost
pynet frames of each), bytes per connection.  Slower (tracebacks of 8 frames).
"""

from __future__ import annotations

import argparse
import gc
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


def _gc_types() -> dict[tuple[str, int], int]:
    """Count of the GC-tracked objects per (type name, size)."""
    counts: dict[tuple[str, int], int] = {}
    for obj in gc.get_objects():
        key = (type(obj).__qualname__, sys.getsizeof(obj))
        counts[key] = counts.get(key, 0) + 1
    return counts


def _print_breakdown(types0: dict[tuple[str, int], int], snap: Any, base: Any, n: int) -> None:
    """Print what appeared per connection: GC objects by type, allocations by traceback."""
    types1 = _gc_types()
    rows = []
    for key, count in types1.items():
        grown = count - types0.get(key, 0)
        if grown >= n * 0.9:
            rows.append((grown * key[1] / n, grown / n, key))
    print("  GC-tracked objects per connection (type, size B, count, B/conn):")
    total = 0.0
    for per_conn, count, (name, size) in sorted(rows, reverse=True):
        total += per_conn
        print(f"    {name:40s} {size:5d} x {count:4.2f} = {per_conn:6.0f}")
    print(f"    {'total':40s}                {total:6.0f}")
    print("  allocations per connection by traceback (B/conn, count/conn, innermost frames):")
    shown = 0.0
    for stat in snap.compare_to(base, "traceback")[:25]:
        if stat.size_diff < n * 16:
            break
        frames = list(reversed(stat.traceback))[:3]  # the innermost first
        where = " <- ".join(f"{f.filename.rsplit('/', 2)[-2]}/{f.filename.rsplit('/', 1)[-1]}"
                            f":{f.lineno}" for f in frames)
        shown += stat.size_diff / n
        print(f"    {stat.size_diff / n:6.0f} {stat.count_diff / n:5.2f}  {where}")
    print(f"    {shown:6.0f}  (the rows shown)")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("idle", "churn"))
    p.add_argument("--variant", choices=("pipe", "data"), default="pipe")
    p.add_argument("--n", type=int, default=None)
    p.add_argument("--breakdown", action="store_true")
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
    tracemalloc.start(8 if a.breakdown else 1)
    base = tracemalloc.take_snapshot()
    types0 = _gc_types() if a.breakdown else None
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
            if types0 is not None:
                _print_breakdown(types0, snap, base, n)
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
