"""Port of test/parallel/test-stream2-unpipe-drain.js (Node v20).

Two sources piped into a destination that never calls back: unpiping one
does not make either read again (two _read calls each).
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


class Writer(Writable):
    def _write(self, buffer: Any, encoding: Any, callback: Any) -> None:
        pass  # Super slow write stream (callback never called).


class Reader(Readable):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def _read(self, size: int) -> None:
        self.reads += 1
        self.push(bytes(size))


def test_unpipe_drain(checker: Any) -> None:
    dest = Writer()
    src1 = Reader()
    src2 = Reader()
    src1.pipe(dest)

    def on_src1_readable() -> None:
        def later() -> None:
            src2.pipe(dest)
            src2.once("readable", checker.must_call(
                lambda: process.nextTick(lambda: src1.unpipe(dest))))
        process.nextTick(later)
    src1.once("readable", checker.must_call(on_src1_readable))
    run()
    assert src1.reads == 2
    assert src2.reads == 2
