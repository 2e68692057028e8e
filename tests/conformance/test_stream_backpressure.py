"""Port of test/parallel/test-stream-backpressure.js (Node v20).

A greedy _read that pushes far past the high water mark is called again only
after the piped Writable drains: at most two rounds are ever buffered, and
_read runs exactly 11 times for 410 writes.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


def test_backpressure(checker: Any) -> None:
    state = {"pushes": 0}
    total = 65500 + 40 * 1024
    rs: Readable

    def read(size: int) -> None:
        state["pushes"] += 1
        if state["pushes"] - 1 == 10:
            rs.push(None)
            return
        # At most two full runs of _read before stopping: Readable is greedy
        # to keep its buffer full.
        assert rs.readableLength <= total
        rs.push(bytes(65500))
        for _ in range(40):
            rs.push(bytes(1024))

    rs = Readable(read=checker.must_call(read, 11))

    def write(data: Any, enc: Any, cb: Any) -> None:
        setImmediate(cb)

    ws = Writable(write=checker.must_call(write, 41 * 10))
    rs.pipe(ws)
    run()
