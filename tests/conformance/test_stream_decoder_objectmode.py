"""Port of test/parallel/test-stream-decoder-objectmode.js (Node v20).

setEncoding in object mode decodes each pushed Buffer on its own: the chunks
are not concatenated.
"""

from __future__ import annotations

from pynet import run
from pynet.stream import Readable


def test_decoder_objectmode() -> None:
    readable = Readable(read=lambda: None, encoding="utf16le", objectMode=True)
    readable.push("abc".encode("utf-16-le"))
    readable.push("def".encode("utf-16-le"))
    readable.push(None)
    # Without object mode, these would be concatenated into a single chunk.
    assert readable.read() == "abc"
    assert readable.read() == "def"
    assert readable.read() is None
    run()
