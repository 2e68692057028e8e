"""Port of test/parallel/test-stream2-large-read-stall.js (Node v20).

When read(n) takes exactly what is buffered, 'end' still comes, after all
1000 pushes and the EOF.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Readable

READSIZE = 100
PUSHSIZE = 20
PUSHCOUNT = 1000
HWM = 50


def test_large_read_stall(checker: Any) -> None:
    r = Readable(highWaterMark=HWM)
    state = {"pushes": 0}

    def push(*args: Any) -> None:
        if state["pushes"] > PUSHCOUNT:
            return
        state["pushes"] += 1
        if state["pushes"] - 1 == PUSHCOUNT:
            r.push(None)
            return
        if r.push(bytes(PUSHSIZE)):
            setTimeout(push, 1)
    r._read = push  # type: ignore[method-assign]

    def on_readable() -> None:
        while True:
            ret = r.read(READSIZE)
            if not (ret and len(ret) == READSIZE):
                break
    r.on("readable", on_readable)

    def on_end() -> None:
        assert state["pushes"] == PUSHCOUNT + 1
    r.on("end", checker.must_call(on_end))
    run()
