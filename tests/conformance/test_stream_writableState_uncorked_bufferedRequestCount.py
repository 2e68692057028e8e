"""Port of test/parallel/test-stream-writableState-uncorked-bufferedRequestCount.js
(Node v20).

Nested cork(): only the last uncork() flushes the buffered writes (as one
_writev); end() uncorks too. (``bufferedRequestCount`` is the length of
writableBuffer.)
"""

from __future__ import annotations

from typing import Any

from pynet import process, run
from pynet.stream import Writable


def test_uncorked_buffered_request_count(checker: Any) -> None:
    writable = Writable()

    def _writev(chunks: Any, cb: Any) -> None:
        assert len(chunks) == 2
        cb()
    writable._writev = checker.must_call(_writev, 1)  # type: ignore[method-assign]
    writable._write = checker.must_call(lambda chunk, encoding, cb: cb(), 1)  # type: ignore[method-assign]

    def buffered() -> int:
        return len(writable.writableBuffer)

    writable.cork()
    assert writable.writableCorked == 1
    assert buffered() == 0
    writable.cork()
    assert writable.writableCorked == 2
    writable.write("first chunk")
    assert buffered() == 1
    writable.uncork()
    assert writable.writableCorked == 1
    assert buffered() == 1

    def uncork() -> None:
        writable.uncork()
        assert writable.writableCorked == 0
        assert buffered() == 0
        writable.cork()
        writable.write("third chunk")
        writable.end()
        assert writable.writableCorked == 0
        assert buffered() == 0
    process.nextTick(uncork)

    writable.write("second chunk")
    assert writable.writableCorked == 1
    assert buffered() == 2
    run()
