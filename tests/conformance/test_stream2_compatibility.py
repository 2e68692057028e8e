"""Port of test/parallel/test-stream2-compatibility.js (Node v20).

A Readable subclass with a 'data' listener added in its constructor flows
(one 'data' by the next setImmediate); a Writable subclass may write and end
in its constructor; both are done by the end.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable, Writable


def test_compatibility(checker: Any) -> None:
    ondata_called = [0]

    class Reader(Readable):
        def __init__(self) -> None:
            super().__init__()
            self._buf = b"x" * 100
            self.on("data", lambda: ondata_called.__setitem__(0, ondata_called[0] + 1))

        def _read(self, n: int) -> None:
            self.push(self._buf)
            self._buf = b""

    reader = Reader()

    def check() -> None:
        assert ondata_called[0] == 1
        reader.push(None)
    setImmediate(checker.must_call(check))

    class Writer(Writable):
        def __init__(self) -> None:
            super().__init__()
            self.write("foo")
            self.end()

        def _write(self, chunk: Any, enc: Any, cb: Any) -> None:
            cb()

    writer = Writer()
    run()
    assert reader.readable is False
    assert writer.writable is False
