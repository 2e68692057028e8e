"""Port of test/parallel/test-stream-transform-hwm0.js (Node v20).

An object-mode Transform with highWaterMark 0 returns False from every
write, drains after each transform and hands out one object per 'readable'.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setImmediate
from pynet.stream import Transform


def test_transform_hwm0(checker: Any) -> None:
    def transform(chunk: Any, enc: Any, callback: Any) -> None:
        process.nextTick(lambda: callback(None, chunk, enc))
    t = Transform(objectMode=True, highWaterMark=0, transform=transform)

    assert t.write(1) is False

    def on_drain() -> None:
        assert t.write(2) is False
        t.end()
    t.on("drain", checker.must_call(on_drain))

    def on_readable() -> None:
        assert t.read() == 1

        def later() -> None:
            assert t.read() is None

            def second() -> None:
                assert t.read() == 2
            t.once("readable", checker.must_call(second))
        setImmediate(checker.must_call(later))
    t.once("readable", checker.must_call(on_readable))
    run()
