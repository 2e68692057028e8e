"""Port of test/parallel/test-stream-writable-finished-state.js (Node v20).

The finished state (writableFinished) is False while writing and True in
'finish' and in end()'s callback.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_finished_state(checker: Any) -> None:
    writable = Writable()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert writable.writableFinished is False
        cb()
    writable._write = _write  # type: ignore[method-assign]

    def on_finish() -> None:
        assert writable.writableFinished is True
    writable.on("finish", checker.must_call(on_finish))

    def end_cb(*args: Any) -> None:
        assert writable.writableFinished is True
    writable.end("testing finished state", checker.must_call(end_cb))
    run()
