"""Port of test/parallel/test-stream-pipe-await-drain.js (Node v20).

A source piped to three writables waits for every slow one: the await-drain
set grows with each destination whose write() returned False, and the first
(fast) destination gets no second chunk meanwhile.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setImmediate
from pynet.stream import Readable, Writable


def test_pipe_await_drain(checker: Any) -> None:
    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()
    writer3 = Writable()
    buffer = bytes(560000)
    reader._read = lambda size: None  # type: ignore[method-assign]

    def waiting() -> int:
        return len(reader._r_await_drain or ())

    def write1(chunk: Any, encoding: Any, cb: Any) -> None:
        writer1.emit("chunk-received")
        process.nextTick(cb)
    writer1._write = checker.must_call(write1, 1)  # type: ignore[method-assign]

    def on_chunk() -> None:
        assert waiting() == 0
        setImmediate(lambda: reader.push(buffer))
    writer1.once("chunk-received", on_chunk)

    def write2(chunk: Any, encoding: Any, cb: Any) -> None:
        assert waiting() == 1
    writer2._write = checker.must_call(write2, 1)  # type: ignore[method-assign]

    def write3(chunk: Any, encoding: Any, cb: Any) -> None:
        assert waiting() == 2
    writer3._write = checker.must_call(write3, 1)  # type: ignore[method-assign]

    reader.pipe(writer1)
    reader.pipe(writer2)
    reader.pipe(writer3)
    reader.push(buffer)
    run()
