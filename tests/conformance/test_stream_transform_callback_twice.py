"""Port of test/parallel/test-stream-transform-callback-twice.js (Node v20).

A transform callback called twice is ERR_MULTIPLE_CALLBACK, emitted as 'error'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Transform


def test_callback_twice(checker: Any) -> None:
    def transform(chunk: Any, enc: Any, cb: Any) -> None:
        cb()
        cb()
    stream = Transform(transform=transform)

    def on_error(err: Any) -> None:
        assert err.code == "ERR_MULTIPLE_CALLBACK"
        assert str(err) == "Callback called multiple times"
    stream.on("error", checker.must_call(on_error))
    stream.write("foo")
    run()
