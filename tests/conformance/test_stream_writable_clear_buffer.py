"""Port of test/parallel/test-stream-writable-clear-buffer.js (Node v20).

While corked writes drain, the buffered request count equals the length of
the buffer (Node's ``bufferedRequestCount`` and ``getBuffer()``; pynet's
``writableBuffer``), nodejs/node#6758.
"""

from __future__ import annotations

from typing import Any

from pynet import run, setImmediate
from pynet.stream import Writable


class StreamWritable(Writable):
    def __init__(self) -> None:
        super().__init__(objectMode=True)

    # A timer as in the original issue, else the case is never reached.
    def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
        setImmediate(cb)


def test_clear_buffer(checker: Any) -> None:
    test_stream = StreamWritable()
    test_stream.cork()

    seen: list[int] = []

    def check() -> None:
        buffered = test_stream.writableBuffer
        seen.append(len(buffered))
        # bufferedRequestCount: what is buffered and not yet handed to _write.
        assert len(buffered) == test_stream.writableLength - (
            1 if test_stream._w_writing else 0)
    for i in range(1, 6):
        test_stream.write(i, checker.must_call(check))
    test_stream.end()
    run()
    assert seen == [3, 2, 1, 0, 0]  # What node v20 shows for bufferedRequestCount.
