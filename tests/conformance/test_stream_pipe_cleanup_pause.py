"""Port of test/parallel/test-stream-pipe-cleanup-pause.js (Node v20).

unpipe() from a destination that had backpressure and pipe() to another:
the new destination gets every later chunk (nodejs/node#2323).
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


def test_pipe_cleanup_pause(checker: Any) -> None:
    reader = Readable()
    writer1 = Writable()
    writer2 = Writable()
    buffer = bytes(560000)
    reader._read = lambda size: None  # type: ignore[method-assign]

    def write1(chunk: Any, encoding: Any, cb: Any) -> None:
        writer1.emit("chunk-received")
        cb()
    writer1._write = checker.must_call(write1, 1)  # type: ignore[method-assign]

    def on_chunk() -> None:
        reader.unpipe(writer1)
        reader.pipe(writer2)
        reader.push(buffer)

        def second() -> None:
            reader.push(buffer)
            setImmediate(lambda: reader.push(buffer))
        setImmediate(second)
    writer1.once("chunk-received", on_chunk)
    writer2._write = checker.must_call(lambda chunk, encoding, cb: cb(), 3)  # type: ignore[method-assign]
    reader.pipe(writer1)
    reader.push(buffer)
    run()
