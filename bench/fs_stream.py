"""File copy through file streams, pynet vs node: createReadStream → createWriteStream.

    python bench/fs_stream.py [--mib N] [--quick]

A source file of N MiB (written once, outside the timing) is copied with
``fs.createReadStream(src).pipe(fs.createWriteStream(dst))``: 64 KiB reads on
the worker threads, writes behind the write stream's backpressure.  The same
program runs on node (when it is on PATH) in the same run.  Prints MB/s for
each (best of three) and pynet's ratio to node.  Both copies stay in the page
cache, so this measures the streams and the threadpool round trips, not the disk.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time

import pynet
from pynet import fs

JS = r"""
const fs = require('fs');
const [src, dst] = process.argv.slice(1);
const size = fs.statSync(src).size;
const start = process.hrtime.bigint();
const out = fs.createWriteStream(dst);
fs.createReadStream(src).pipe(out);
out.on('close', () => {
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (fs.statSync(dst).size !== size) throw new Error('short copy');
  console.log((size / secs / 1e6).toFixed(1));
});
"""


def run_pynet(src: str, dst: str) -> float:
    size = os.path.getsize(src)
    result: list[float] = []
    start = time.perf_counter()
    out = fs.createWriteStream(dst)
    fs.createReadStream(src).pipe(out)
    out.on("close", lambda: result.append(size / (time.perf_counter() - start) / 1e6))
    pynet.run()
    assert os.path.getsize(dst) == size, "short copy"
    return result[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mib", type=int, default=256)
    parser.add_argument("--quick", action="store_true", help="a 16 MiB file, one run each")
    args = parser.parse_args()
    mib, runs = (16, 1) if args.quick else (args.mib, 3)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "src.bin"), os.path.join(tmp, "dst.bin")
        with open(src, "wb") as f:
            block = os.urandom(1 << 20)
            for _ in range(mib):
                f.write(block)
        py = max(run_pynet(src, dst) for _ in range(runs))
        print(f"pynet: {py:8.1f} MB/s ({mib} MiB copy)")
        node = shutil.which("node")
        if node is None:
            print("node:  skipped (not on PATH)")
            return
        js = max(float(subprocess.run([node, "-e", JS, src, dst], capture_output=True,
                                      text=True, check=True).stdout) for _ in range(runs))
        print(f"node:  {js:8.1f} MB/s; pynet/node = {py / js:.2f}x")


if __name__ == "__main__":
    main()
