"""Port of test/parallel/test-stream-readable-hwm-0.js (Node v20).

With highWaterMark 0, read(0) calls _read (once) instead of only emitting
'readable'; 'readable' comes after EOF.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable


def test_hwm_0(checker: Any) -> None:
    r = Readable(read=checker.must_call(), highWaterMark=0)
    pushed_null = [False]

    def on_readable() -> None:
        assert r.read() is None
        assert pushed_null[0] is True
    r.on("readable", checker.must_call(on_readable))
    r.on("end", checker.must_call())

    def later() -> None:
        assert r.read() is None
        pushed_null[0] = True
        r.push(None)
    nextTick(later)
    run()
