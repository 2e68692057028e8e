"""Port of test/parallel/test-net-write-arguments.js (Node v20).

write(None) throws ERR_STREAM_NULL_VALUES; booleans, numbers, lists, dicts ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import math

import pytest

from pynet import errors, net

# Node also lists undefined, which is None in Python, the same as null (checked first).
VALUES = [
    (True, "type boolean (true)"),
    (False, "type boolean (false)"),
    (1, "type number (1)"),
    (1.0, "type number (1)"),
    (math.inf, "type number (Infinity)"),
    (-math.inf, "type number (-Infinity)"),
    ([], "an instance of Array"),
    ({}, "an instance of Object"),
]


def test_write_rejects_non_chunks(checker) -> None:
    socket = net.Stream({"highWaterMark": 0})
    socket.on("error", checker.must_not_call("'error' after a bad write()"))

    with pytest.raises(TypeError) as info:
        socket.write(None)
    assert isinstance(info.value, errors.ERR_STREAM_NULL_VALUES)
    assert info.value.code == "ERR_STREAM_NULL_VALUES"
    assert str(info.value) == "May not write null values to stream"

    for value, received in VALUES:
        with pytest.raises(TypeError) as info2:
            socket.write(value)
        assert info2.value.code == "ERR_INVALID_ARG_TYPE", value
        # Node v20's wording (later versions say "Buffer or Uint8Array").
        assert str(info2.value) == (
            'The "chunk" argument must be of type string or an instance of Buffer, '
            f"TypedArray, or DataView. Received {received}")
