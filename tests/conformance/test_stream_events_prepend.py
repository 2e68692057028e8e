"""Port of test/parallel/test-stream-events-prepend.js (Node v20).

pipe() works into a destination whose prependListener is gone (None), as
Node's prependListener helper falls back to the emitter's internals.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable


class W(Writable):
    def __init__(self) -> None:
        super().__init__()
        self.prependListener = None  # type: ignore[assignment,method-assign]

    def _write(self, chunk: Any, end: Any, cb: Any) -> None:
        cb()


class R(Readable):
    def _read(self, size: int) -> None:
        self.push(None)


def test_events_prepend(checker: Any) -> None:
    w = W()
    w.on("pipe", checker.must_call())
    r = R()
    r.pipe(w)
    run()
