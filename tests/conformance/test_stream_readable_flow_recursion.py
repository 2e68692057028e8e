"""Port of test/parallel/test-stream-readable-flow-recursion.js (Node v20).

read(5000) on a stream with highWaterMark 2 raises the high water mark to
the next power of two (8192) and reads everything in two _read calls,
without recursion (Node's nextTick-warning check has no pynet form).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import run
from pynet.stream import Readable


def test_flow_recursion(checker: Any) -> None:
    stream = Readable(highWaterMark=2)
    state = {"reads": 0, "total": 5000, "depth": 0}

    def _read(size: int) -> None:
        state["reads"] += 1
        size = min(size, state["total"])
        state["total"] -= size
        stream.push(None if size == 0 else bytes(size))
    stream._read = _read  # type: ignore[method-assign]

    def flow(size: int, callback: Callable[[Any], None]) -> None:
        state["depth"] += 1
        chunk = stream.read(size)
        if not chunk:
            stream.once("readable", lambda: flow(size, callback))
        else:
            callback(chunk)
        state["depth"] -= 1

    flow(5000, checker.must_call(lambda chunk: None))
    run()
    assert state["reads"] == 2
    assert stream.readableHighWaterMark == 8192
    assert stream.readableLength == 0
    assert state["depth"] == 0
