"""Port of test/parallel/test-stream-writable-final-async.js (Node v20).

An ``async def _final`` that awaits a timer before calling back finishes the
stream without an error.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Duplex
from pynet.timers import promises as timers_promises


class Foo(Duplex):
    async def _final(self, callback: Any) -> None:  # type: ignore[override]
        await timers_promises.setTimeout(1)
        callback()

    def _read(self, size: int) -> None:
        pass


def test_final_async(checker: Any) -> None:
    foo = Foo()
    foo._write = checker.must_call(lambda chunk, encoding, cb: cb())  # type: ignore[method-assign]
    foo.end("test", checker.must_call())
    foo.on("error", checker.must_not_call())
    run()
