"""Port of test/parallel/test-stream-push-order.js (Node v20).

Chunks pushed two at a time by a synchronous _read stay in push order in the
buffer.
"""

from __future__ import annotations

from pynet import run
from pynet.stream import Readable


def test_push_order() -> None:
    s = Readable(highWaterMark=20, encoding="ascii")
    items = ["1", "2", "3", "4", "5", "6"]

    def _read(n: int) -> None:
        one = items.pop(0) if items else None
        if not one:
            s.push(None)
        else:
            two = items.pop(0)
            s.push(one)
            s.push(two)
    s._read = _read  # type: ignore[method-assign]
    s.read(0)
    run()
    assert ",".join(s.readableBuffer) == "1,2,3,4,5,6"
