"""Port of test/parallel/test-stream-writable-change-default-encoding.js (Node v20).

With decodeStrings False, string chunks reach _write with the default
encoding: utf8, or what setDefaultEncoding set (case-insensitive); an invalid
one raises ERR_UNKNOWN_ENCODING.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import run
from pynet.stream import Writable


class MyWritable(Writable):
    def __init__(self, fn: Callable[..., Any], options: Any) -> None:
        super().__init__(options)
        self.fn = fn

    def _write(self, chunk: Any, encoding: Any, callback: Any) -> None:
        self.fn(isinstance(chunk, (bytes, bytearray, memoryview)), type(chunk), encoding)
        callback()


def test_default_encoding_is_utf8(checker: Any) -> None:
    def fn(is_buffer: bool, kind: Any, enc: str) -> None:
        assert enc == "utf8"
    m = MyWritable(checker.must_call(fn), {"decodeStrings": False})
    m.write("foo")
    m.end()
    run()


@pytest.mark.parametrize("name", ["ascii", "AsCii"])
def test_change_default_encoding_to_ascii(checker: Any, name: str) -> None:
    def fn(is_buffer: bool, kind: Any, enc: str) -> None:
        assert enc == "ascii"
    m = MyWritable(checker.must_call(fn), {"decodeStrings": False})
    m.setDefaultEncoding(name)
    m.write("bar")
    m.end()
    run()


def test_invalid_default_encoding() -> None:
    m = MyWritable(lambda *a: None, {"decodeStrings": False})
    with pytest.raises(TypeError) as info:
        m.setDefaultEncoding({})
    assert getattr(info.value, "code", None) == "ERR_UNKNOWN_ENCODING"
    assert str(info.value) == "Unknown encoding: {}"
    run()
