"""Port of test/parallel/test-stream-pipe-event.js (Node v20).

The legacy Stream's pipe() emits 'pipe' on the destination synchronously.
"""

from __future__ import annotations

from typing import Any

from pynet.stream import Stream


class Writable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.writable = True


class Readable(Stream):
    def __init__(self) -> None:
        super().__init__()
        self.readable = True


def test_pipe_event() -> None:
    passed: list[Any] = []
    w = Writable()
    w.on("pipe", passed.append)
    r = Readable()
    r.pipe(w)
    assert passed == [r]
