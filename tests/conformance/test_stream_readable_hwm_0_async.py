"""Port of test/parallel/test-stream-readable-hwm-0-async.js (Node v20).

With highWaterMark 0, _read keeps being called while data comes back
asynchronously: 6 reads, 5 'data', one 'end'.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable


def test_hwm_0_async(checker: Any) -> None:
    state = {"count": 5}
    r: Readable

    def push() -> None:
        if state["count"]:
            state["count"] -= 1
            r.push("a")
        else:
            state["count"] -= 1
            r.push(None)

    def read(*args: Any) -> None:
        process.nextTick(checker.must_call(push))
    r = Readable(read=checker.must_call(read, 6), highWaterMark=0)
    r.on("end", checker.must_call())
    r.on("data", checker.must_call(None, 5))
    run()
