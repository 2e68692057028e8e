"""Port of test/parallel/test-stream-transform-split-objectmode.js (Node v20).

readableObjectMode and writableObjectMode set one side each, with that side's
default high water mark (16 objects, 16 KiB).
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Transform


def test_readable_object_mode(checker: Any) -> None:
    parser = Transform(readableObjectMode=True)
    assert parser.readableObjectMode is True
    assert parser.writableObjectMode is False
    assert parser.readableHighWaterMark == 16
    assert parser.writableHighWaterMark == 16 * 1024

    def _transform(chunk: Any, enc: Any, callback: Any) -> None:
        callback(None, {"val": chunk[0]})
    parser._transform = _transform  # type: ignore[method-assign]
    parsed: list[Any] = []
    parser.on("data", checker.must_call(parsed.append))
    parser.end(bytes([42]))
    run()
    assert parsed[0]["val"] == 42


def test_writable_object_mode(checker: Any) -> None:
    serializer = Transform(writableObjectMode=True)
    assert serializer.readableObjectMode is False
    assert serializer.writableObjectMode is True
    assert serializer.readableHighWaterMark == 16 * 1024
    assert serializer.writableHighWaterMark == 16

    def _transform(obj: Any, _: Any, callback: Any) -> None:
        callback(None, bytes([obj["val"]]))
    serializer._transform = _transform  # type: ignore[method-assign]
    serialized: list[Any] = []
    serializer.on("data", checker.must_call(serialized.append))
    serializer.write({"val": 42})
    run()
    assert serialized[0][0] == 42
