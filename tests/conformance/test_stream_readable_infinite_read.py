"""Port of test/parallel/test-stream-readable-infinite-read.js (Node v20).

An endless source read on 'readable': the first read() gives two 8 KiB
chunks, later ones three; _read runs 31 times for 11 'readable' events.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_infinite_read(checker: Any) -> None:
    buf = bytes(8192)
    readable: Readable

    def read(*args: Any) -> None:
        readable.push(buf)
    readable = Readable(highWaterMark=16 * 1024, read=checker.must_call(read, 31))
    state = {"i": 0}

    def on_readable() -> None:
        state["i"] += 1
        if state["i"] - 1 == 10:
            return  # We will just terminate now.
        data = readable.read()
        assert len(data) == (8192 * 2 if state["i"] == 1 else 8192 * 3)
    readable.on("readable", checker.must_call(on_readable, 11))
    run()
