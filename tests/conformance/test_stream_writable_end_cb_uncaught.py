"""Port of test/parallel/test-stream-writable-end-cb-uncaught.js (Node v20).

A _final error goes to end()'s callback and, with no 'error' listener, is
uncaught.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Writable


def test_end_cb_uncaught(checker: Any) -> None:
    def on_uncaught(err: Any, *args: Any) -> None:
        assert str(err) == "kaboom"
    listener = checker.must_call(on_uncaught)
    process.on("uncaughtException", listener)
    try:
        writable = Writable()
        _err = Exception("kaboom")
        writable._write = lambda chunk, encoding, cb: cb()  # type: ignore[method-assign]
        writable._final = lambda cb: cb(_err)  # type: ignore[method-assign]
        writable.write("asd")

        def end_cb(err: Any) -> None:
            assert err is _err
        writable.end(checker.must_call(end_cb))
        run()
    finally:
        process.off("uncaughtException", listener)
