"""Port of test/parallel/test-stream-writable-null.js (Node v20).

write(None) in object mode raises ERR_STREAM_NULL_VALUES and write(False)
in byte mode ERR_INVALID_ARG_TYPE, synchronously and without 'error'; in
object mode False is an ordinary chunk.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import run
from pynet.stream import Writable


class MyWritable(Writable):
    def _write(self, chunk: Any, encoding: Any, callback: Any) -> None:
        assert chunk is not None
        callback()


def test_null_in_object_mode_throws(checker: Any) -> None:
    m = MyWritable({"objectMode": True})
    m.on("error", checker.must_not_call())
    with pytest.raises(TypeError) as info:
        m.write(None)
    assert getattr(info.value, "code", None) == "ERR_STREAM_NULL_VALUES"
    run()


def test_false_in_byte_mode_throws(checker: Any) -> None:
    m = MyWritable()
    m.on("error", checker.must_not_call())
    with pytest.raises(TypeError) as info:
        m.write(False)
    assert getattr(info.value, "code", None) == "ERR_INVALID_ARG_TYPE"
    run()


def test_false_in_object_mode_is_a_chunk(checker: Any) -> None:
    def if_error(err: Any = None) -> None:
        assert err is None
    m = MyWritable({"objectMode": True})
    m.write(False, checker.must_call(if_error))
    m2 = MyWritable({"objectMode": True})
    m2.on("error", checker.must_not_call())
    m2.write(False, checker.must_call(if_error))
    run()
