"""Port of test/parallel/test-stream-readable-data.js (Node v20).

A 'readable' listener added and removed does not stop a later 'data'
listener from getting data.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable


def test_data_after_readable_removed(checker: Any) -> None:
    readable = Readable(read=lambda: None)

    def read() -> None:
        pass
    readable.setEncoding("utf8")
    readable.on("readable", read)
    readable.removeListener("readable", read)

    def later() -> None:
        readable.on("data", checker.must_call())
        readable.push("hello")
    nextTick(later)
    run()
    readable.destroy()
    run()
