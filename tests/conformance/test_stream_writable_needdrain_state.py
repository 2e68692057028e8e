"""Port of test/parallel/test-stream-writable-needdrain-state.js (Node v20).

needDrain (writableNeedDrain) is set by a write past the high water mark and
cleared before the write's callback.
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Transform


def test_need_drain_state(checker: Any) -> None:
    transform: Transform

    def _transform(chunk: Any, encoding: Any, cb: Any) -> None:
        def later() -> None:
            assert transform.writableNeedDrain is True
            cb()
        process.nextTick(later)

    transform = Transform(transform=_transform, highWaterMark=1)
    assert transform.writableNeedDrain is False

    def written(*args: Any) -> None:
        assert transform.writableNeedDrain is False
    transform.write("asdasd", checker.must_call(written))
    assert transform.writableNeedDrain is True
    run()
