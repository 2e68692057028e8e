"""Port of test/parallel/test-stream-write-final.js (Node v20).

'finish' waits for the final option's callback (the JS ``this`` check has no
Python form: options are plain functions).
"""

from __future__ import annotations

from typing import Any

from pynet import process, run, setTimeout
from pynet.stream import Writable


def test_write_final(checker: Any) -> None:
    state = {"shutdown": False}

    def final(cb: Any) -> None:
        def later() -> None:
            state["shutdown"] = True
            cb()
        setTimeout(later, 100)

    def write(chunk: Any, e: Any, cb: Any) -> None:
        process.nextTick(cb)

    w = Writable(final=checker.must_call(final), write=write)

    def on_finish() -> None:
        assert state["shutdown"]
    w.on("finish", checker.must_call(on_finish))
    w.write(bytes(1))
    w.end(b"")
    run()
