"""Throughput of a user Transform between a Readable and a Writable, pynet vs node.

    python bench/stream_transform.py [--mib N] [--chunk BYTES]

An in-memory Readable pushes N MiB in chunks from ``_read``, a Transform
passes each chunk on through its callback, and a Writable counts the bytes;
``pipeline`` joins the three.  The same program runs on node (when it is on
PATH).  Prints MB/s for each and pynet's ratio to node: the cost of Node's
stream state machines per chunk, with no I/O at all.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time

import pynet
from pynet.stream import Readable, Transform, Writable, pipeline

JS = r"""
const { Readable, Transform, Writable, pipeline } = require('stream');
const [total, size] = process.argv.slice(1).map(Number);
const chunk = Buffer.alloc(size, 120);
let left = total, seen = 0;
const start = process.hrtime.bigint();
pipeline(
  new Readable({ read() { if (left <= 0) this.push(null); else { left -= size; this.push(chunk); } } }),
  new Transform({ transform(c, e, cb) { cb(null, c); } }),
  new Writable({ write(c, e, cb) { seen += c.length; cb(); } }),
  (err) => {
    if (err) throw err;
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    console.log((seen / secs / 1e6).toFixed(1));
  });
"""


def run_pynet(total: int, size: int) -> float:
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
    result: list[float] = []
    start = time.perf_counter()

    def done(err: BaseException | None) -> None:
        if err is not None:
            raise err
        result.append(state["seen"] / (time.perf_counter() - start) / 1e6)

    pipeline(src, Transform(transform=lambda c, e, cb: cb(None, c)), Writable(write=write), done)
    pynet.run()
    return result[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--chunk", type=int, default=16384)
    args = parser.parse_args()
    total = args.mib << 20
    py = max(run_pynet(total, args.chunk) for _ in range(3))
    print(f"pynet: {py:8.1f} MB/s ({args.chunk}-byte chunks)")
    node = shutil.which("node")
    if node is None:
        print("node:  skipped (not on PATH)")
        return
    js = max(float(subprocess.run([node, "-e", JS, str(total), str(args.chunk)],
                                  capture_output=True, text=True, check=True).stdout)
             for _ in range(3))
    print(f"node:  {js:8.1f} MB/s; pynet/node = {py / js:.2f}x")


if __name__ == "__main__":
    main()
