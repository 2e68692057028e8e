"""Port of test/parallel/test-stream-end-paused.js (Node v20).

A paused zero-length stream still emits 'end' once resumed; _read runs once.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setTimeout
from pynet.stream import Readable


def test_end_paused(checker: Any) -> None:
    stream = Readable()
    called_read = []

    def _read(n: int) -> None:
        assert not called_read
        called_read.append(True)
        stream.push(None)
    stream._read = _read  # type: ignore[method-assign]

    def on_data(chunk: Any) -> None:
        raise AssertionError("should not ever get data")
    stream.on("data", on_data)
    stream.pause()

    def later() -> None:
        stream.on("end", checker.must_call())
        stream.resume()
    setTimeout(checker.must_call(later), 1)
    run()
    assert called_read
