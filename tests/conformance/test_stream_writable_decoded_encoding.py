"""Port of test/parallel/test-stream-writable-decoded-encoding.js (Node v20).

decodeStrings: true hands _write bytes with encoding 'buffer'; false hands it
the str with the encoding given to write().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import run
from pynet.stream import Writable


class MyWritable(Writable):
    def __init__(self, fn: Callable[..., None], **options: Any) -> None:
        super().__init__(**options)
        self.fn = fn

    def _write(self, chunk: Any, encoding: str, callback: Any) -> None:
        self.fn(isinstance(chunk, bytes), type(chunk), encoding)
        callback()


def test_decode_strings_true(checker: Any) -> None:
    def fn(is_buffer: bool, kind: type, enc: str) -> None:
        assert is_buffer
        assert kind is bytes
        assert enc == "buffer"
    m = MyWritable(checker.must_call(fn), decodeStrings=True)
    m.write("some-text", "utf8")
    m.end()
    run()


def test_decode_strings_false(checker: Any) -> None:
    def fn(is_buffer: bool, kind: type, enc: str) -> None:
        assert not is_buffer
        assert kind is str
        assert enc == "utf8"
    m = MyWritable(checker.must_call(fn), decodeStrings=False)
    m.write("some-text", "utf8")
    m.end()
    run()
