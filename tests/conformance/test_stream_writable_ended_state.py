"""Port of test/parallel/test-stream-writable-ended-state.js (Node v20).

writableEnded (and the internal ended flag) turn True inside end(), before
the end callback; writable turns False.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_ended_state(checker: Any) -> None:
    writable = Writable()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert writable._w_ended is False
        assert writable.writableEnded is False
        cb()
    writable._write = _write  # type: ignore[method-assign]
    assert writable._w_ended is False
    assert writable.writable is True
    assert writable.writableEnded is False

    def end_cb() -> None:
        assert writable._w_ended is True
        assert writable.writable is False
        assert writable.writableEnded is True
    writable.end("testing ended state", checker.must_call(end_cb))
    assert writable._w_ended is True
    assert writable.writable is False
    assert writable.writableEnded is True
    run()
