"""Lines per second through ``readline.createInterface({input: socket})``, pynet vs node.

    python bench/readline_lines.py [--lines N] [--length BYTES] [--runs R] [--quick]

The program under test (``--serve`` here, ``bench/readline_lines.js`` on node:
the same program) accepts one TCP connection, reads it with
``readline.createInterface({'input': sock, 'crlfDelay': math.inf})`` and
counts the ``'line'`` events; at ``'close'`` it prints the count, the
seconds since the connection and the CPU seconds it used meanwhile.  This driver sends N lines of ``--length``
bytes each (``\\n`` included; every tenth ends in ``\\r\\n``) with plain Python
sockets from its own process, half-closes, and checks the count.  It prints
lines per second and lines per CPU second of the program (the steadier figure
on a shared machine: it does not count time spent waiting).  Each figure
is the median of ``--runs`` runs (3 by default), pynet and node alternating;
the last column is pynet's ratio to node.  ``--quick`` is a smoke run
(20,000 lines, one run) for CI and the tests.
"""

from __future__ import annotations

import argparse
import math
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pynet
from pynet import net, readline

HERE = Path(__file__).resolve().parent


def serve() -> None:
    """The pynet program (the twin of ``readline_lines.js``)."""
    def on_connection(sock: net.Socket) -> None:
        server.close()
        began, cpu = time.perf_counter(), time.process_time()
        count = [0]
        rl = readline.createInterface({"input": sock, "crlfDelay": math.inf})

        def on_line() -> None:
            count[0] += 1

        rl.on("line", on_line)
        rl.on("close", lambda: print(f"{count[0]} {time.perf_counter() - began} "
                                     f"{time.process_time() - cpu}", flush=True))

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: print(server.address().port, flush=True))
    pynet.run()


def payload(lines: int, length: int) -> bytes:
    """``lines`` lines of ``length`` bytes, ending ``\\n``, every tenth ``\\r\\n``."""
    plain = (b"k%06d=" % 0).ljust(length - 1, b"v") + b"\n"
    crlf = plain[:-2] + b"\r\n"
    block = plain * 9 + crlf
    whole, rest = divmod(lines, 10)
    return block * whole + plain * rest


def drive(command: list[str], data: bytes, lines: int) -> tuple[float, float]:
    """Run one program, send it ``data``; lines per second and per CPU second, as it
    measured them."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        with socket.create_connection(("127.0.0.1", port)) as conn:
            conn.sendall(data)
            conn.shutdown(socket.SHUT_WR)
            count, secs, cpu = proc.stdout.readline().split()
        if proc.wait(60) != 0:
            raise RuntimeError(f"{command[0]} exited with {proc.returncode}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if int(count) != lines:
        raise RuntimeError(f"{command[0]} counted {count} lines of {lines}")
    return lines / float(secs), lines / float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--length", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--serve", action="store_true", help="be the pynet program")
    args = parser.parse_args()
    if args.serve:
        serve()
        return
    if args.quick:
        args.lines, args.runs = 20_000, 1
    data = payload(args.lines, args.length)
    node = shutil.which("node")
    py: list[tuple[float, float]] = []
    js: list[tuple[float, float]] = []
    for _ in range(args.runs):
        py.append(drive([sys.executable, str(Path(__file__).resolve()), "--serve"], data,
                        args.lines))
        if node:
            js.append(drive([node, str(HERE / "readline_lines.js")], data, args.lines))
    print(f"readline over TCP, {args.lines:,} lines of {args.length} bytes, "
          f"median of {args.runs} run(s)")
    print(f"{'':16} {'pynet':>12} {'node':>12} {'pynet/node':>11}")
    for i, label in enumerate(("lines/s", "lines/CPU-s")):
        p = statistics.median(r[i] for r in py)
        if js:
            j = statistics.median(r[i] for r in js)
            print(f"{label:16} {p:12,.0f} {j:12,.0f} {p / j:10.2f}x")
        else:
            print(f"{label:16} {p:12,.0f} {'-':>12}   (no node)")


if __name__ == "__main__":
    main()
