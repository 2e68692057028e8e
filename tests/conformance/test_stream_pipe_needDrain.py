"""Port of test/parallel/test-stream-pipe-needDrain.js (Node v20).

pipe() into a destination that needs 'drain' pauses the source at once.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Writable


def test_pipe_pauses_for_need_drain(checker: Any) -> None:
    w = Writable(write=lambda buf, encoding, callback: nextTick(callback), highWaterMark=1)
    while w.write("asd"):
        pass
    assert w.writableNeedDrain is True

    def read(n: int) -> None:
        r.push("asd")
        r.push(None)
    r = Readable(read=read)
    r.on("pause", checker.must_call(times=2))
    r.on("end", checker.must_call())
    r.pipe(w)
    run()
