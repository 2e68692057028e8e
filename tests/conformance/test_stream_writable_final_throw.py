"""Port of test/parallel/test-stream-writable-final-throw.js (Node v20).

An exception raised by _final goes to end()'s callback and 'error'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Duplex


class Foo(Duplex):
    def _final(self, callback: Any) -> None:
        raise Exception("fhqwhgads")

    def _read(self, size: int) -> None:
        pass


def test_final_throw(checker: Any) -> None:
    foo = Foo()
    foo._write = checker.must_call(lambda chunk, encoding, cb: cb())  # type: ignore[method-assign]

    def end_cb(err: Any = None) -> None:
        assert str(err) == "fhqwhgads"
    foo.end("test", checker.must_call(end_cb))
    foo.on("error", checker.must_call())
    run()
