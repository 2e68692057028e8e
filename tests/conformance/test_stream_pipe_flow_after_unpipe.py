"""Port of test/parallel/test-stream-pipe-flow-after-unpipe.js (Node v20).

unpipe() un-blocks a source paused on a destination whose write never
finishes: the source flows on ('data' and _read at least 20 times).
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


def test_flow_after_unpipe(checker: Any) -> None:
    counts = {"read": 0, "data": 0}
    rs: Readable

    def read(*args: Any) -> None:
        counts["read"] += 1
        rs.push("foo")
    rs = Readable(highWaterMark=1, read=read)

    def write(*args: Any) -> None:
        # The callback is ignored: this write never finishes.
        setImmediate(lambda: rs.unpipe(ws))
    ws = Writable(highWaterMark=1, write=checker.must_call(write))

    def on_data(chunk: Any) -> None:
        counts["data"] += 1
        if counts["data"] >= 20:
            rs.pause()
    rs.on("data", on_data)
    rs.pipe(ws)
    run()
    assert counts["read"] >= 20
    assert counts["data"] >= 20
