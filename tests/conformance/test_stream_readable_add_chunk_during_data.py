"""Port of test/parallel/test-stream-readable-add-chunk-during-data.js (Node v20).

push() and unshift() work from a 'data' listener: the chunk is buffered and
comes out again.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Readable


@pytest.mark.parametrize("method", ["push", "unshift"])
def test_add_chunk_during_data(checker: Any, method: str) -> None:
    r = Readable(read=lambda: None)

    def first(chunk: Any) -> None:
        assert r.readableLength == 0
        getattr(r, method)(chunk)
        assert r.readableLength == len(chunk)

        def second(chunk: Any) -> None:
            assert bytes(chunk).decode() == "Hello, world"
        r.on("data", checker.must_call(second))
    r.once("data", checker.must_call(first))
    r.push("Hello, world")
    run()
