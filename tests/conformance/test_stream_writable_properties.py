"""Port of test/parallel/test-stream-writable-properties.js (Node v20).

writableCorked counts cork() calls; uncork() never takes it below 0.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_writable_corked(checker: Any) -> None:
    w = Writable()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0
    w.cork()
    assert w.writableCorked == 1
    w.cork()
    assert w.writableCorked == 2
    w.uncork()
    assert w.writableCorked == 1
    w.uncork()
    assert w.writableCorked == 0
    w.uncork()
    assert w.writableCorked == 0
    run()
