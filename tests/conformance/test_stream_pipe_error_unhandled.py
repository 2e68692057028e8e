"""Port of test/parallel/test-stream-pipe-error-unhandled.js (Node v20).

Destroying a piped writable with an error and no 'error' listener makes the
error uncaught.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Readable, Writable


def test_pipe_error_unhandled(checker: Any) -> None:
    def on_uncaught(err: Any, *args: Any) -> None:
        assert str(err) == "asd"
    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        r = Readable(read=lambda n: r.push("asd"))
        w = Writable(autoDestroy=True, write=lambda chunk, encoding, cb: None)
        r.pipe(w)
        w.destroy(Exception("asd"))
        run()
    finally:
        process.off("uncaughtException", listener)
