"""Port of test/parallel/test-stream-push-strings.js (Node v20).

A Readable pushing strings from _read (on the next tick, at once, after a
timer, then EOF) is read back in two 'readable' rounds, in order.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setTimeout
from pynet.stream import Readable


class MyStream(Readable):
    def __init__(self, options: Any = None) -> None:
        super().__init__(options)
        self.chunks = 3

    def _read(self, n: int) -> None:
        count = self.chunks
        self.chunks -= 1
        if count == 0:
            self.push(None)
        elif count == 1:
            setTimeout(lambda: self.push("last chunk"), 100)
        elif count == 2:
            self.push("second to last chunk")
        elif count == 3:
            nextTick(lambda: self.push("first chunk"))
        else:
            raise AssertionError("?")


def test_push_strings() -> None:
    ms = MyStream()
    results: list[str] = []

    def on_readable() -> None:
        while (chunk := ms.read()) is not None:
            results.append(chunk.decode())
    ms.on("readable", on_readable)
    run()
    assert ms.chunks == -1
    assert results == ["first chunksecond to last chunk", "last chunk"]
