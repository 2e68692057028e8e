"""Port of test/parallel/test-stream-pipe-without-listenerCount.js (Node v20).

The legacy pipe() counts 'error' listeners as EventEmitter does, not through
the stream's own listenerCount (set to None here): both errors reach their
listeners.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Stream


def test_pipe_without_listener_count(checker: Any) -> None:
    r = Stream()
    r.listenerCount = None  # type: ignore[assignment,method-assign]
    w = Stream()
    w.listenerCount = None  # type: ignore[assignment,method-assign]

    def on_pipe(*args: Any) -> None:
        r.emit("error", Exception("Readable Error"))
        w.emit("error", Exception("Writable Error"))
    w.on("pipe", on_pipe)
    r.on("error", checker.must_call())
    w.on("error", checker.must_call())
    r.pipe(w)
    run()
