"""Port of test/parallel/test-stream-err-multiple-callback-construction.js (Node v20).

A Writable subclass whose ``_final`` calls its callback twice (each on a
tick): ``'finish'`` once, then ``'error'`` with ERR_MULTIPLE_CALLBACK's
message.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Writable


class FinalTwice(Writable):
    """Node's TestWritable."""

    def _write(self, chunk: Any, encoding: Any, callback: Any) -> None:
        callback()

    def _final(self, callback: Any) -> None:
        nextTick(callback)
        nextTick(callback)


def test_final_callback_twice(checker: Any) -> None:
    writable = FinalTwice()
    writable.on("finish", checker.must_call())

    def on_error(error: Any) -> None:
        assert str(error) == "Callback called multiple times"
        assert error.code == "ERR_MULTIPLE_CALLBACK"
    writable.on("error", checker.must_call(on_error))
    writable.write("some data")
    writable.end()
    run()
