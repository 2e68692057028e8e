"""Port of test/parallel/test-stream2-read-sync-stack.js (Node v20).

A _read that pushes synchronously, one byte at a time, 256 Ki times, with a
'readable' listener that calls read(): no stack overflow, and the stream ends.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_read_sync_stack(checker: Any) -> None:
    r = Readable()
    n = 256 * 1024
    reads = [0]

    def _read(size: int) -> None:
        chunk = None if reads[0] == n else b"\0"
        reads[0] += 1
        r.push(chunk)
    r._read = _read  # type: ignore[method-assign]
    r.on("readable", lambda: r.read(n * 2))
    r.on("end", checker.must_call())
    r.read(0)
    run()
