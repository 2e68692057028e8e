"""Port of test/parallel/test-stream-readable-setEncoding-null.js (Node v20).

setEncoding(None) means utf8.
"""

from __future__ import annotations

from pynet.stream import Readable


def test_set_encoding_null() -> None:
    readable = Readable(encoding="hex")
    assert readable.readableEncoding == "hex"
    readable.setEncoding(None)
    assert readable.readableEncoding == "utf8"
