"""Port of test/parallel/test-stream-readable-unshift.js (Node v20).

unshift(): strings are stored as bytes, go to the front, are decoded with
their encoding, are re-encoded to the stream's encoding, behave as push() with
an encoding set, work in object mode, and do not throw above the high water
mark (nodejs/node#27192).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from pynet import run
from pynet.stream import Readable


def idle(**opts: Any) -> Readable:
    return Readable(read=lambda: None, **opts)


def test_strings_saved_as_bytes(checker: Any) -> None:
    readable = idle()

    def on_data(chunk: Any) -> None:
        assert isinstance(chunk, bytes)
        assert chunk.decode() == "abc"
    readable.on("data", checker.must_call(on_data, 1))
    readable.unshift("abc")
    run()


def test_data_goes_to_the_front(checker: Any) -> None:
    readable = idle()
    expected = ["front", "back"]
    readable.on("data", checker.must_call(lambda c: _eq(c.decode(), expected.pop(0)), 2))
    readable.push("back")
    readable.unshift("front")
    run()


def test_chunk_encoding(checker: Any) -> None:
    readable = idle()
    string = base64.b64encode(b"abc").decode()
    readable.on("data", checker.must_call(
        lambda c: _eq(base64.b64encode(c).decode(), string), 1))
    readable.unshift(string, "base64")
    run()


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "hex":
        return binascii.unhexlify(text) if len(text) % 2 == 0 else binascii.unhexlify(
            text[: len(text) // 2 * 2])
    if encoding == "base64":
        return base64.b64decode(text + "=" * (-len(text) % 4))
    return text.encode("latin1" if encoding == "binary" else encoding)


def check_encodings(readable: Readable, checker: Any) -> None:
    stream_encoding = "base64"
    encodings = ["utf8", "binary", "hex", "base64"]
    expected: list[str] = []
    # Every chunk comes out as the stream's encoding; unshift puts each in front.
    readable.on("data", checker.must_call(lambda c: _eq(c, expected.pop()), len(encodings)))
    for encoding in encodings:
        string = "abc"
        # A string in the stream's own encoding is kept as it is.
        expect = (base64.b64encode(_encode(string, encoding)).decode()
                  if encoding != stream_encoding else string)
        expected.append(expect)
        readable.unshift(string, encoding)


def test_unshift_encodings(checker: Any) -> None:
    r1 = idle()
    r1.setEncoding("base64")
    check_encodings(r1, checker)
    r2 = idle(encoding="base64")
    check_encodings(r2, checker)
    run()


def test_push_and_unshift_same_with_encoding(checker: Any) -> None:
    def check(readable: Readable) -> None:
        want = base64.b64encode(b"abc").decode()
        readable.on("data", checker.must_call(lambda c: _eq(c, want), 2))
        readable.push("abc")
        readable.unshift("abc")
    r1 = idle()
    r1.setEncoding("base64")
    check(r1)
    check(idle(encoding="base64"))
    run()


def test_object_mode(checker: Any) -> None:
    readable = idle(objectMode=True)
    chunks: list[Any] = ["a", 1, {}, []]
    pending = list(chunks)
    readable.on("data", checker.must_call(lambda c: _is(c, pending.pop()), len(chunks)))
    for chunk in chunks:
        readable.unshift(chunk)
    run()


def test_unshift_above_hwm_does_not_throw(checker: Any) -> None:
    hwm = 50

    class ArrayReader(Readable):
        def __init__(self) -> None:
            super().__init__(highWaterMark=hwm)
            # The error happened only when pushing above the hwm.
            self.items = [str(0) for _ in range(hwm * 2)]

        def _read(self, size: int) -> None:
            while self.items:
                chunk = self.items.pop(0)
                if not self.items:
                    self.push(chunk)
                    self.push(None)
                    return
                if not self.push(chunk):
                    return

    stream = ArrayReader()

    def on_read() -> None:
        while stream.read() is not None:
            # Remove the 'readable' listener before unshifting.
            stream.removeListener("readable", wrapped)
            stream.unshift("a")
            stream.on("data", lambda chunk: None)  # Node logs chunk.length
            break
    wrapped = checker.must_call(on_read)
    stream.once("readable", wrapped)
    stream.on("end", checker.must_call())
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)


def _is(a: Any, b: Any) -> None:
    assert a is b, (a, b)
