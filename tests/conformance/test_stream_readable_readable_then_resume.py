"""Port of test/parallel/test-stream-readable-readable-then-resume.js (Node v20).

A stream can be resumed after removing its 'readable' listener in the same tick.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_readable_then_resume(checker: Any) -> None:
    first = [False]

    def read(*_: Any) -> None:
        if not first[0]:
            s.push("hello")
            first[0] = True
            return
        s.push(None)
    s = Readable(objectMode=True, highWaterMark=1, read=read)
    readable_listener = checker.must_not_call()
    s.on("readable", readable_listener)
    s.on("end", checker.must_call())
    s.removeListener("readable", readable_listener)
    s.resume()
    run()
