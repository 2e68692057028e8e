"""Port of test/parallel/test-stream-uint8array.js (Node v20).

Node's Uint8Array chunks are Python's other bytes-like types, ``bytearray``
and ``memoryview``. Written to a Writable one reaches _write with encoding
'buffer', is passed through untouched in object mode, goes through _writev,
and push()/unshift() of one gives ``bytes`` back (or ``str`` after
setEncoding).

Node's ``chunk instanceof Buffer`` checks become "bytes-like with the same
content": Python has no Buffer/Uint8Array split, and Node's conversion is a
view on the same memory, not a copy, so pynet hands the object through as
given rather than copying it into ``bytes``.
"""

from __future__ import annotations

from typing import Any

from pynet import run
from pynet.stream import Readable, Writable

ABC = bytearray([0x41, 0x42, 0x43])
DEF = memoryview(bytes([0x44, 0x45, 0x46]))
GHI = bytearray([0x47, 0x48, 0x49])


def test_simple_writable(checker: Any) -> None:
    n = [0]

    def write(chunk: Any, encoding: str, cb: Any) -> None:
        assert isinstance(chunk, (bytes, bytearray, memoryview))
        assert bytes(chunk) == (b"ABC" if n[0] == 0 else b"DEF")
        n[0] += 1
        cb()
    writable = Writable(write=checker.must_call(write, 2))
    writable.write(ABC)
    writable.end(DEF)
    run()


def test_object_mode_keeps_the_view(checker: Any) -> None:
    def write(chunk: Any, encoding: str, cb: Any) -> None:
        assert chunk is ABC  # Not converted to bytes.
        # Node passes 'utf8' here; pynet's object mode passes None (mapping §13).
        assert encoding is None
        cb()
    writable = Writable(objectMode=True, write=checker.must_call(write))
    writable.end(ABC)
    run()


def test_writev(checker: Any) -> None:
    callback: list[Any] = []

    def write(chunk: Any, encoding: str, cb: Any) -> None:
        assert isinstance(chunk, (bytes, bytearray, memoryview))
        assert encoding == "buffer"
        assert bytes(chunk) == b"ABC"
        callback.append(cb)

    def writev(chunks: Any, cb: Any) -> None:
        assert len(chunks) == 2
        assert chunks[0]["encoding"] == "buffer"
        assert chunks[1]["encoding"] == "buffer"
        assert bytes(chunks[0]["chunk"]) + bytes(chunks[1]["chunk"]) == b"DEFGHI"
    writable = Writable(write=checker.must_call(write), writev=checker.must_call(writev))
    writable.write(ABC)
    writable.write(DEF)
    writable.end(GHI)
    callback[0]()
    writable.destroy()
    run()


def test_simple_readable() -> None:
    readable = Readable(read=lambda: None)
    readable.push(DEF)
    readable.unshift(ABC)
    buf = readable.read()
    assert type(buf) is bytes
    assert list(buf) == [*ABC, *DEF]
    readable.destroy()
    run()


def test_readable_set_encoding() -> None:
    readable = Readable(read=lambda: None)
    readable.setEncoding("utf8")
    readable.push(DEF)
    readable.unshift(ABC)
    assert readable.read() == "ABCDEF"
    readable.destroy()
    run()
