"""Port of test/parallel/test-stream-duplex.js, from the stored copy of the
Node test (an older revision than v20's, which adds Duplex.from and web
stream cases that are not ported here).

An object-mode Transform has both sides in object mode: a pushed object
comes out as 'data' and an ended object reaches _write.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Transform


def test_duplex_object_mode() -> None:
    stream = Transform(objectMode=True)
    assert stream.readableObjectMode
    assert stream.writableObjectMode
    got: dict[str, Any] = {}

    def _write(obj: Any, _: Any, cb: Any) -> None:
        got["written"] = obj
        cb()
    stream._write = _write  # type: ignore[method-assign]
    stream._read = lambda n: None  # type: ignore[method-assign]
    stream.on("data", lambda obj: got.__setitem__("read", obj))
    stream.push({"val": 1})
    stream.end({"val": 2})
    run()
    assert got["read"]["val"] == 1
    assert got["written"]["val"] == 2
