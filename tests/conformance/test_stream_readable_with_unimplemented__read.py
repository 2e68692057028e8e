"""Port of test/parallel/test-stream-readable-with-unimplemented-_read.js (Node v20).

read() on a Readable without _read: 'error' ERR_METHOD_NOT_IMPLEMENTED, then
'close'.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable


def test_unimplemented_read(checker: Any) -> None:
    readable = Readable()
    readable.read()

    def on_error(err: Any) -> None:
        assert err.code == "ERR_METHOD_NOT_IMPLEMENTED"
        assert str(err) == "The _read() method is not implemented"
    readable.on("error", checker.must_call(on_error))
    readable.on("close", checker.must_call())
    run()
