"""Port of test/parallel/test-stream2-decode-partial.js (Node v20).

A utf8 Readable decodes characters split across pushed chunks.
"""

from __future__ import annotations

from pynet import run
from pynet.stream import Readable


def test_decode_partial() -> None:
    buf: list[str] = []
    source = bytes([0xE2, 0x82, 0xAC]) + bytes([0xC2, 0xA2])
    readable = Readable(encoding="utf8")
    readable.push(source[0:2])
    readable.push(source[2:4])
    readable.push(source[4:6])
    readable.push(None)
    readable.on("data", buf.append)
    run()
    assert "".join(buf) == "€¢"
