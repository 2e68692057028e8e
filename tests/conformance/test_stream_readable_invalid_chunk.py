"""Port of test/parallel/test-stream-readable-invalid-chunk.js (Node v20).

push() and unshift() of a non-buffer, non-string value on a byte stream emit
ERR_INVALID_ARG_TYPE (a TypeError) as 'error'.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Readable


@pytest.mark.parametrize("method", ["push", "unshift"])
@pytest.mark.parametrize("val", [[], {}, 0])
def test_invalid_chunk(checker: Any, method: str, val: Any) -> None:
    readable = Readable(read=lambda: None)

    def on_error(err: Exception) -> None:
        assert err.code == "ERR_INVALID_ARG_TYPE"  # type: ignore[attr-defined]
        assert isinstance(err, TypeError)
    readable.on("error", checker.must_call(on_error))
    getattr(readable, method)(val)
    run()
