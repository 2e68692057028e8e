"""Port of test/parallel/test-stream2-readable-wrap-empty.js (Node v20).

A Readable wrapping an old stream that ends at once emits ``'end'``.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.events import EventEmitter
from pynet.stream import Readable


def test_wrap_empty(checker: Any) -> None:
    old_stream = EventEmitter()
    old_stream.pause = lambda: None  # type: ignore[attr-defined]
    old_stream.resume = lambda: None  # type: ignore[attr-defined]
    new_stream = Readable().wrap(old_stream)
    new_stream.on("readable", lambda: None).on("end", checker.must_call())
    old_stream.emit("end")
    run()
