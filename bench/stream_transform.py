"""Throughput of a user Transform, pynet vs node: in memory, and between two sockets.

    python bench/stream_transform.py [--mib N] [--chunk BYTES] [--runs R] [--quick]

Two programs, each run on pynet and, the same program, on node (when ``node``
is on PATH); every figure is the median of ``--runs`` runs (3 by default),
pynet and node alternating; the last column is pynet's ratio to node.  Each
workload has two rows: MB/s, and MB per CPU second of the program under test
(from the connection, or the start of the pipeline, to its end), the steadier
figure on a shared machine.

* ``memory`` — an in-memory Readable pushes N MiB in ``--chunk``-byte chunks
  from ``_read``, a pass-through Transform (``cb(None, chunk)``) hands each on,
  and a Writable counts the bytes; ``pipeline`` joins the three.  The cost of
  Node's stream state machines per chunk, with no I/O at all.
* ``socket`` — a socket→socket pipeline: the program under test accepts one
  connection and runs ``pipeline(sock, Transform, net.connect(sink))``; this
  driver (plain Python sockets, in its own process) sends N MiB to it as fast as
  the connection takes them and a sink thread counts what arrives.  MB/s is the
  payload over the time from the connection to the sink's end of file, measured
  here, the same way for both runtimes.

``--serve-socket SINK_PORT`` runs the pynet side of ``socket`` (used by the
driver).  ``--quick`` is a smoke run (1 MiB, one run) for CI and the tests.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pynet
from pynet import net
from pynet.stream import Readable, Transform, Writable, pipeline

JS_MEMORY = r"""
const { Readable, Transform, Writable, pipeline } = require('stream');
const [total, size] = process.argv.slice(1).map(Number);
const chunk = Buffer.alloc(size, 120);
let left = total, seen = 0;
const start = process.hrtime.bigint();
const cpu = process.cpuUsage();
pipeline(
  new Readable({ read() { if (left <= 0) this.push(null); else { left -= size; this.push(chunk); } } }),
  new Transform({ transform(c, e, cb) { cb(null, c); } }),
  new Writable({ write(c, e, cb) { seen += c.length; cb(); } }),
  (err) => {
    if (err) throw err;
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpu);
    console.log(seen / secs / 1e6, seen / ((used.user + used.system) / 1e6) / 1e6);
  });
"""

JS_SOCKET = r"""
const net = require('net');
const { Transform, pipeline } = require('stream');
const sinkPort = +process.argv[1];
const server = net.createServer((sock) => {
  server.close();
  const cpu = process.cpuUsage();
  pipeline(sock, new Transform({ transform(c, e, cb) { cb(null, c); } }),
           net.connect(sinkPort, '127.0.0.1'), (err) => {
    if (err) throw err;
    const used = process.cpuUsage(cpu);
    console.log((used.user + used.system) / 1e6);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
"""


def run_memory(total: int, size: int) -> tuple[float, float]:
    """MB/s and MB per CPU second of Readable → Transform → Writable on pynet, here."""
    chunk = b"x" * size
    state = {"left": total, "seen": 0}

    def read(n: int) -> None:
        if state["left"] <= 0:
            src.push(None)
        else:
            state["left"] -= size
            src.push(chunk)

    def write(c: bytes, e: str, cb: object) -> None:
        state["seen"] += len(c)
        cb()  # type: ignore[operator]

    src = Readable(read=read)
    result: list[tuple[float, float]] = []
    start, cpu = time.perf_counter(), time.process_time()

    def done(err: BaseException | None) -> None:
        if err is not None:
            raise err
        result.append((state["seen"] / (time.perf_counter() - start) / 1e6,
                       state["seen"] / (time.process_time() - cpu) / 1e6))

    pipeline(src, Transform(transform=lambda c, e, cb: cb(None, c)), Writable(write=write), done)
    pynet.run()
    return result[0]


def serve_socket(sink_port: int) -> None:
    """The pynet program of the ``socket`` workload (the twin of ``JS_SOCKET``)."""
    def on_connection(sock: net.Socket) -> None:
        server.close()
        cpu = time.process_time()

        def done(err: BaseException | None) -> None:
            if err is not None:
                raise err
            print(time.process_time() - cpu, flush=True)
        pipeline(sock, Transform(transform=lambda c, e, cb: cb(None, c)),
                 net.connect(sink_port, "127.0.0.1"), done)

    server = net.createServer(on_connection)
    server.listen(0, "127.0.0.1", lambda: print(server.address().port, flush=True))
    pynet.run()


def drive_socket(command: list[str], total: int, size: int) -> tuple[float, float]:
    """Start ``command`` (a socket-workload program), push ``total`` bytes through it;
    MB/s, and MB per CPU second of the program (which it prints at the end)."""
    sink = socket.create_server(("127.0.0.1", 0))
    received = [0]
    finished = [0.0]

    def drain() -> None:
        conn, _ = sink.accept()
        with conn:
            while data := conn.recv(262144):
                received[0] += len(data)
        finished[0] = time.perf_counter()

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    proc = subprocess.Popen([*command, str(sink.getsockname()[1])], stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline())
        block = b"x" * size
        start = time.perf_counter()
        with socket.create_connection(("127.0.0.1", port)) as conn:
            sent = 0
            while sent < total:
                conn.sendall(block)
                sent += size
            conn.shutdown(socket.SHUT_WR)
            thread.join(300)
        cpu = float(proc.stdout.readline())
        if proc.wait(60) != 0:
            raise RuntimeError(f"{command[0]} exited with {proc.returncode}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        sink.close()
    if received[0] != sent:
        raise RuntimeError(f"the sink got {received[0]} bytes of {sent}")
    return sent / (finished[0] - start) / 1e6, sent / cpu / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=256)
    parser.add_argument("--chunk", type=int, default=16384)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--serve-socket", type=int, metavar="SINK_PORT")
    args = parser.parse_args()
    if args.serve_socket is not None:
        serve_socket(args.serve_socket)
        return
    if args.quick:
        args.mib, args.runs = 1, 1
    total = args.mib << 20
    node = shutil.which("node")
    me = [sys.executable, str(Path(__file__).resolve()), "--serve-socket"]
    rows = []
    for name in ("memory", "socket"):
        py: list[tuple[float, float]] = []
        js: list[tuple[float, float]] = []
        for _ in range(args.runs):
            if name == "memory":
                py.append(run_memory(total, args.chunk))
                if node:
                    out = subprocess.run([node, "-e", JS_MEMORY, str(total), str(args.chunk)],
                                         capture_output=True, text=True, check=True).stdout
                    wall, per_cpu = map(float, out.split())
                    js.append((wall, per_cpu))
            else:
                py.append(drive_socket(me, total, args.chunk))
                if node:
                    js.append(drive_socket([node, "-e", JS_SOCKET], total, args.chunk))
        for i, unit in enumerate(("MB/s", "MB/CPU-s")):
            rows.append((f"{name} {unit}", statistics.median(r[i] for r in py),
                         statistics.median(r[i] for r in js) if js else None))
    print(f"Transform throughput, {args.mib} MiB in {args.chunk}-byte chunks, "
          f"median of {args.runs} run(s)")
    print(f"{'workload':16} {'pynet':>10} {'node':>10} {'pynet/node':>11}")
    for label, p, j in rows:
        if j:
            print(f"{label:16} {p:10.1f} {j:10.1f} {p / j:10.2f}x")
        else:
            print(f"{label:16} {p:10.1f} {'-':>10}   (no node)")


if __name__ == "__main__":
    main()
