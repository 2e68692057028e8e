"""Port of test/parallel/test-stream-catch-rejections.js (Node v20).

Under ``captureRejections`` a stream's async listener that rejects destroys
the stream with its error: a Readable's ``'data'`` listener, a Writable's
``'drain'`` listener (called twice before the error lands).
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Writable


def test_readable_data_listener_rejects(checker: Any) -> None:
    r = Readable(captureRejections=True, read=lambda: None)
    r.push("hello")
    r.push("world")
    err = Exception("kaboom")

    def on_error(e: Any) -> None:
        assert e is err
        assert r.destroyed is True
    r.on("error", checker.must_call(on_error))

    async def on_data() -> None:
        raise err
    r.on("data", on_data)
    run()


def test_writable_drain_listener_rejects(checker: Any) -> None:
    w = Writable(captureRejections=True, highWaterMark=1,
                 write=lambda chunk, enc, cb: nextTick(cb))
    err = Exception("kaboom")
    w.write("hello", lambda: w.write("world"))

    def on_error(e: Any) -> None:
        assert e is err
        assert w.destroyed is True
    w.on("error", checker.must_call(on_error))

    async def on_drain() -> None:
        raise err
    w.on("drain", checker.must_call(on_drain, 2))
    run()
