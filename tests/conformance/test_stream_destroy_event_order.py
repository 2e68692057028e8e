"""Port of test/parallel/test-stream-destroy-event-order.js (Node v20).

destroy(err) emits 'error' before 'close'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_error_then_close(checker: Any) -> None:
    rs = Readable(read=lambda: None)
    seen: list[str] = []

    def on_close() -> None:
        seen.append("close")
        assert seen == ["error", "close"]
    rs.on("close", checker.must_call(on_close))

    def on_error(err: Exception) -> None:
        assert "close" not in seen
        seen.append("error")
    rs.on("error", checker.must_call(on_error))
    rs.destroy(Exception("kaboom"))
    run()
