"""Port of test/parallel/test-stream-writable-aborted.js (Node v20).

writableAborted is True once destroyed before finishing, ended or not.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Writable


def test_destroy(checker: Any) -> None:
    writable = Writable(write=lambda *a: None)
    assert writable.writableAborted is False
    writable.destroy()
    assert writable.writableAborted is True
    run()


def test_end_then_destroy(checker: Any) -> None:
    writable = Writable(write=lambda *a: None)
    assert writable.writableAborted is False
    writable.end()
    writable.destroy()
    assert writable.writableAborted is True
    run()
