"""Port of test/parallel/test-stream-transform-flush-data.js (Node v20).

A flush callback's data argument is pushed as the last chunk.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Transform


def test_flush_data(checker: Any) -> None:
    expected = "asdf"

    def _transform(d: Any, e: Any, n: Any) -> None:
        n()

    def _flush(n: Any) -> None:
        n(None, expected)

    t = Transform(transform=_transform, flush=_flush)
    t.end(b"blerg")
    seen: list[bytes] = []
    t.on("data", checker.must_call(lambda data: seen.append(bytes(data))))
    run()
    assert seen == [expected.encode()]
