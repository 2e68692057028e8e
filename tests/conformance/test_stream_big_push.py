"""Port of test/parallel/test-stream-big-push.js (Node v20).

push() past the high water mark returns False; a read that takes the buffer
below it calls _read again synchronously, so the next 'readable' sees both
pushes at once.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Readable

STR = "asdfasdfasdfasdfasdf"


def test_big_push(checker: Any) -> None:
    r = Readable(highWaterMark=5, encoding="utf8")
    reads = [0]

    def _read(n: int) -> None:
        if reads[0] == 0:
            setTimeout(lambda: r.push(STR), 1)
            reads[0] += 1
        elif reads[0] == 1:
            assert r.push(STR) is False
            reads[0] += 1
        else:
            r.push(None)
    r._read = checker.must_call(_read, 3)  # type: ignore[method-assign]
    r.on("end", checker.must_call())
    assert not r.push(STR)
    assert r.read() == STR
    assert r.read() is None

    def on_readable() -> None:
        assert r.read() == STR + STR
        assert r.read() is None
    r.once("readable", checker.must_call(on_readable))
    run()
