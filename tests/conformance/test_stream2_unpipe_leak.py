"""Port of test/parallel/test-stream2-unpipe-leak.js (Node v20).

pipe() then unpipe() ten times leaves no listener behind on either side,
and the source fills to its high water mark without recursion.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable

CHUNK = b"hallo"


class Writer(Writable):
    def _write(self, buffer: Any, encoding: Any, callback: Any) -> None:
        callback(None)


class Reader(Readable):
    def __init__(self) -> None:
        super().__init__({"highWaterMark": 0x10000})

    def _read(self, size: int) -> None:
        self.push(CHUNK)


def test_unpipe_leak() -> None:
    dest = Writer()
    src = Reader()
    for _ in range(10):
        src.pipe(dest)
        src.unpipe(dest)

    assert len(src.listeners("end")) == 0
    assert len(src.listeners("readable")) == 0
    for event in ("unpipe", "drain", "error", "close", "finish"):
        assert len(dest.listeners(event)) == 0, event
    run()
    assert src.readableLength >= src.readableHighWaterMark
