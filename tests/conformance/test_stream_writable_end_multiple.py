"""Port of test/parallel/test-stream-writable-end-multiple.js (Node v20).

end() twice before 'finish' calls both callbacks; end() after 'finish' calls
its callback with ERR_STREAM_ALREADY_FINISHED.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Writable


def test_end_multiple(checker: Any) -> None:
    writable = Writable()

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        setTimeout(lambda: cb(), 10)
    writable._write = _write  # type: ignore[method-assign]

    writable.end("testing ended state", checker.must_call())
    writable.end(checker.must_call())

    def after_end(err: Any) -> None:
        assert err.code == "ERR_STREAM_ALREADY_FINISHED"

    def on_finish() -> None:
        writable.end(checker.must_call(after_end))
    writable.on("finish", checker.must_call(on_finish))
    run()
