"""Port of test/parallel/test-stream-write-drain.js (Node v20).

No 'drain' once the stream has ended, even past the high water mark.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Writable


def test_no_drain_after_end(checker: Any) -> None:
    def write(data: Any, enc: Any, cb: Any) -> None:
        process.nextTick(cb)
    w = Writable(write=write, highWaterMark=1)
    w.on("drain", checker.must_not_call())
    w.write("asd")
    w.end()
    run()
