"""Port of test/parallel/test-stream2-readable-wrap-destroy.js (Node v20).

A wrapping Readable (``autoDestroy: False``) is destroyed when the old
stream emits ``'destroy'`` or ``'close'``: its ``destroy`` option runs.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.events import EventEmitter
from pynet.stream import Readable


@pytest.mark.parametrize("event", ["destroy", "close"])
def test_wrap_destroy(checker: Any, event: str) -> None:
    old_stream = EventEmitter()
    old_stream.pause = lambda: None  # type: ignore[attr-defined]
    old_stream.resume = lambda: None  # type: ignore[attr-defined]
    Readable(autoDestroy=False, destroy=checker.must_call()).wrap(old_stream)
    old_stream.emit(event)
    run()
