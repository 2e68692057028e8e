"""Port of test/parallel/test-stream-readable-resume-hwm.js (Node v20).

resume() does not schedule a _read() when the buffer is past the high water
mark already.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_resume_hwm(checker: Any) -> None:
    readable = Readable(read=checker.must_not_call(), highWaterMark=100)
    for _ in range(10):
        readable.push("a" * 200)
    readable.resume()
    # The pause keeps the buffer from emptying (a valid reason to _read()).
    readable.once("data", checker.must_call(lambda: readable.pause()))
    run()
