"""Port of test/parallel/test-stream-ispaused.js (Node v20).

isPaused() is False by default and while flowing, True after pause().
"""

from __future__ import annotations

from pynet import run
from pynet.stream import Readable


def test_is_paused() -> None:
    readable = Readable()
    readable._read = lambda n: None  # type: ignore[method-assign]
    assert not readable.isPaused()
    readable.on("data", lambda chunk: None)
    assert not readable.isPaused()
    readable.pause()
    assert readable.isPaused()
    readable.resume()
    assert not readable.isPaused()
    readable.destroy()
    run()
