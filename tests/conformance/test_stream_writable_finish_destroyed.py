"""Port of test/parallel/test-stream-writable-finish-destroyed.js (Node v20).

No 'finish' once the stream is destroyed, even when the pending write's
callback (and an end()) come in 'close'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_end_then_destroy(checker: Any) -> None:
    w: Writable

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        w.on("close", lambda: cb())
    w = Writable(write=write)
    w.end("asd")
    w.destroy()
    w.on("finish", checker.must_not_call())
    run()


def test_write_then_destroy_then_end_in_close(checker: Any) -> None:
    w: Writable

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        def on_close() -> None:
            cb()
            w.end()
        w.on("close", on_close)
    w = Writable(write=write)
    w.write("asd")
    w.destroy()
    w.on("finish", checker.must_not_call())
    run()
