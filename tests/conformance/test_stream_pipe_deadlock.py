"""Port of test/parallel/test-stream-pipe-deadlock.js (Node v20).

Piping an internally ended, paused source with buffered data into a
Writable whose buffer is full still finishes (nodejs/node#48666).
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setImmediate
from pynet.stream import Readable, Writable


def test_pipe_deadlock(checker: Any) -> None:
    src = Readable(read=lambda: None)
    src.push(bytes(100))
    src.push(None)
    src.pause()

    def settled() -> None:
        dst = Writable(highWaterMark=1000, write=lambda buf, enc, cb: process.nextTick(cb))
        dst.write(bytes(1000))
        dst.on("finish", checker.must_call())
        src.pipe(dst)
    setImmediate(checker.must_call(settled))
    run()
