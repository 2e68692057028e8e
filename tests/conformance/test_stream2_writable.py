"""Port of test/parallel/test-stream2-writable.js (Node v20).

Writable: fast and slow writing keep order, write backpressure ('drain'
17 times), strings written in every encoding (decoded or not), write and
end() callbacks, a bytes chunk ignores the encoding, a Writable cannot be
piped (a Duplex can), end(chunk) twice is 'write after end', 'finish' waits
for writes, their callbacks and _final, errors are emitted once, and no
'finish' after an error.
"""

from __future__ import annotations

import base64
import random
from typing import Any

import pytest

from pynet import errors, nextTick, run, setTimeout
from pynet.stream import Duplex as D  # noqa: N817 - Node's names
from pynet.stream import Writable as W  # noqa: N817 - Node's names


class SlowWriter(W):
    """Node's TestWriter (renamed: pytest collects Test* classes)."""

    def __init__(self, **opts: Any) -> None:
        super().__init__(**opts)
        self.buffer: list[str] = []
        self.written = 0

    def _write(self, chunk: Any, encoding: Any, cb: Any) -> None:
        # A small unpredictable latency.
        def later() -> None:
            self.buffer.append(chunk.decode() if isinstance(chunk, bytes) else chunk)
            self.written += len(chunk)
            cb()
        setTimeout(later, random.randrange(10))


CHUNKS = ["x" * i for i in range(50)]
ENCODINGS = ["hex", "utf8", "utf-8", "ascii", "latin1", "binary", "base64", "ucs2",
             "ucs-2", "utf16le", "utf-16le", None]


def to_string(data: bytes, enc: str | None) -> str:
    """Node's ``buffer.toString(enc)`` for the encodings above."""
    if enc == "hex":
        return data.hex()
    if enc == "base64":
        return base64.b64encode(data).decode()
    if enc in ("latin1", "binary"):
        return data.decode("latin1")
    if enc in ("ucs2", "ucs-2", "utf16le", "utf-16le"):
        return data[: len(data) // 2 * 2].decode("utf-16-le")
    return data.decode("ascii" if enc == "ascii" else "utf-8")


def from_string(text: str, enc: str | None) -> bytes:
    """Node's ``Buffer.from(text, enc)`` for the encodings above."""
    if enc == "hex":
        return bytes.fromhex(text)
    if enc == "base64":
        return base64.b64decode(text)
    if enc in ("latin1", "binary"):
        return text.encode("latin1")
    if enc in ("ucs2", "ucs-2", "utf16le", "utf-16le"):
        return text.encode("utf-16-le")
    return text.encode()


def test_fast_writing(checker: Any) -> None:
    tw = SlowWriter(highWaterMark=100)
    tw.on("finish", checker.must_call(lambda: _eq(tw.buffer, CHUNKS)))
    for chunk in CHUNKS:
        tw.write(chunk)  # Ignore backpressure: buffer it all.
    tw.end()
    run()


def test_slow_writing(checker: Any) -> None:
    tw = SlowWriter(highWaterMark=100)
    tw.on("finish", checker.must_call(lambda: _eq(tw.buffer, CHUNKS)))
    i = [0]

    def w() -> None:
        tw.write(CHUNKS[i[0]])
        i[0] += 1
        if i[0] < len(CHUNKS):
            setTimeout(w, 10)
        else:
            tw.end()
    w()
    run()


def test_write_backpressure(checker: Any) -> None:
    tw = SlowWriter(highWaterMark=50)
    drains = [0]

    def finish() -> None:
        assert tw.buffer == CHUNKS
        assert drains[0] == 17
    tw.on("finish", checker.must_call(finish))
    tw.on("drain", lambda: drains.__setitem__(0, drains[0] + 1))
    i = [0]

    def w() -> None:
        while True:
            ret = tw.write(CHUNKS[i[0]])
            i[0] += 1
            if ret is False or i[0] >= len(CHUNKS):
                break
        if i[0] < len(CHUNKS):
            assert tw.writableLength >= 50
            tw.once("drain", w)
        else:
            tw.end()
    w()
    run()


def test_write_buffersize(checker: Any) -> None:
    tw = SlowWriter(highWaterMark=100)
    # Never ended in Node either: the 'finish' check does not run (it could
    # not pass: an odd-length chunk through 'ucs2' loses its last byte).
    tw.on("finish", lambda: _eq(tw.buffer, CHUNKS))
    for i, chunk in enumerate(CHUNKS):
        enc = ENCODINGS[i % len(ENCODINGS)]
        tw.write(to_string(chunk.encode(), enc), enc)
    run()


def test_write_no_decode(checker: Any) -> None:
    tw = SlowWriter(highWaterMark=100, decodeStrings=False)

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert isinstance(chunk, str)
        SlowWriter._write(tw, from_string(chunk, encoding), encoding, cb)
    tw._write = _write  # type: ignore[method-assign]
    tw.on("finish", lambda: _eq(tw.buffer, CHUNKS))
    for i, chunk in enumerate(CHUNKS):
        enc = ENCODINGS[i % len(ENCODINGS)]
        tw.write(to_string(chunk.encode(), enc), enc)
    run()


def test_write_callbacks(checker: Any) -> None:
    called: dict[int, str] = {}
    tw = SlowWriter(highWaterMark=100)

    def on_finish() -> None:
        def check() -> None:
            assert tw.buffer == CHUNKS
            assert [called[i] for i in range(len(CHUNKS))] == CHUNKS
        nextTick(checker.must_call(check))
    tw.on("finish", checker.must_call(on_finish))
    def callback(i: int, chunk: str) -> Any:
        return lambda: called.__setitem__(i, chunk)
    for i, chunk in enumerate(CHUNKS):
        tw.write(chunk, callback(i, chunk))
    tw.end()
    run()


HELLO = b"hello world"


def test_end_callback(checker: Any) -> None:
    SlowWriter().end(checker.must_call())
    run()


def test_end_callback_with_chunk(checker: Any) -> None:
    SlowWriter().end(HELLO, checker.must_call())
    run()


def test_end_callback_with_chunk_and_encoding(checker: Any) -> None:
    SlowWriter().end("hello world", "ascii", checker.must_call())
    run()


def test_end_callback_after_write(checker: Any) -> None:
    tw = SlowWriter()
    tw.write(HELLO)
    tw.end(checker.must_call())
    run()


def test_end_callback_after_write_callback(checker: Any) -> None:
    tw = SlowWriter()
    write_called_back = [False]
    tw.write(HELLO, lambda: write_called_back.__setitem__(0, True))
    tw.end(checker.must_call(lambda: _eq(write_called_back[0], True)))
    run()


def test_encoding_ignored_for_bytes(checker: Any) -> None:
    tw = W()
    hexa = "018b5e9a8f6236ffe30e31baf80d2cf6eb"
    tw._write = checker.must_call(lambda chunk: _eq(chunk.hex(), hexa))  # type: ignore[method-assign]
    tw.write(bytes.fromhex(hexa), "latin1")
    run()


def test_writable_cannot_be_piped(checker: Any) -> None:
    w = W(autoDestroy=False)
    w._write = checker.must_not_call()  # type: ignore[method-assign]
    got: list[BaseException] = []
    w.on("error", got.append)
    # Node pipes into process.stdout; any Writable shows the same.
    w.pipe(W())
    assert len(got) == 1
    assert getattr(got[0], "code", None) == "ERR_STREAM_CANNOT_PIPE"
    run()


def test_duplex_can_be_piped(checker: Any) -> None:
    d = D()
    d._read = checker.must_call()  # type: ignore[method-assign]
    d._write = checker.must_not_call()  # type: ignore[method-assign]
    got: list[BaseException] = []
    d.on("error", got.append)
    dest = W(write=lambda chunk, enc, cb: cb())  # Node: process.stdout
    d.pipe(dest)
    assert got == []
    run()
    d.destroy()
    dest.destroy()
    run()


def test_end_chunk_twice(checker: Any) -> None:
    w = W()
    w._write = checker.must_call(lambda msg: _eq(msg, b"this is the end"))  # type: ignore[method-assign]
    got_error = [False]

    def on_error(er: BaseException) -> None:
        got_error[0] = True
        assert str(er) == "write after end"
    w.on("error", on_error)
    w.end("this is the end")
    w.end("and so is this")
    nextTick(checker.must_call(lambda: _eq(got_error[0], True)))
    run()


def test_no_end_while_writing(checker: Any) -> None:
    w = W()
    state: dict[str, Any] = {"wrote": False, "writing": None}

    def _write(chunk: Any, e: Any, cb: Any) -> None:
        # Node keeps the flag on the stream (this.writing); no `this` here.
        assert state["writing"] is None
        state["wrote"] = True
        state["writing"] = True

        def later() -> None:
            state["writing"] = False
            cb()
        setTimeout(later, 1)
    w._write = _write  # type: ignore[method-assign]

    def finish() -> None:
        assert state["wrote"] is True
        assert state["writing"] is False
    w.on("finish", checker.must_call(finish))
    w.write(b"")
    w.end()
    run()


def test_finish_after_write_callback(checker: Any) -> None:
    w = W()
    write_cb = [False]

    def _write(chunk: Any, e: Any, cb: Any) -> None:
        def later() -> None:
            write_cb[0] = True
            cb()
        setTimeout(later, 10)
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(write_cb[0], True)))
    w.write(b"")
    w.end()
    run()


def test_finish_after_sync_write_callback(checker: Any) -> None:
    w = W()
    write_cb = [False]
    w._write = lambda chunk, e, cb: cb()  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(write_cb[0], True)))
    w.write(b"", lambda: write_cb.__setitem__(0, True))
    w.end()
    run()


def test_finish_when_last_chunk_empty(checker: Any) -> None:
    w = W()
    w._write = lambda chunk, e, cb: nextTick(cb)  # type: ignore[method-assign]
    w.on("finish", checker.must_call())
    w.write(bytes(1))
    w.end(b"")
    run()


def test_finish_after_shutdown(checker: Any) -> None:
    w = W()
    shutdown = [False]

    def _final(cb: Any) -> None:
        # Node also checks `this === w`; pynet calls it with no `this` (mapping §5).
        def later() -> None:
            shutdown[0] = True
            cb()
        setTimeout(later, 100)
    w._final = checker.must_call(_final)  # type: ignore[method-assign]
    w._write = lambda chunk, e, cb: nextTick(cb)  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(shutdown[0], True)))
    w.write(bytes(1))
    w.end(b"")
    run()


def test_error_once_when_final_fails(checker: Any) -> None:
    w = W()
    w._final = checker.must_call(lambda cb: cb(Exception("test")))  # type: ignore[method-assign]

    def on_error(err: BaseException) -> None:
        assert w._error_emitted is True
        assert str(err) == "test"
        w.on("error", checker.must_not_call())
        w.destroy(Exception())
    w.on("error", checker.must_call(on_error))
    w.end()
    run()


def test_error_once_when_write_fails(checker: Any) -> None:
    w = W()
    w.on("error", checker.must_not_call())
    with pytest.raises(errors.NodeError) as info:
        w.write(None)
    assert info.value.code == "ERR_STREAM_NULL_VALUES"
    run()


def test_error_once_write_after_end(checker: Any) -> None:
    w = W()

    def on_error(err: Any) -> None:
        assert w._error_emitted is True
        assert err.code == "ERR_STREAM_WRITE_AFTER_END"
    w.on("error", checker.must_call(on_error))
    w.end()
    w.write("hello")
    w.destroy(Exception())
    run()


def test_no_finish_after_error(checker: Any) -> None:
    w = W()
    w._final = checker.must_call(lambda cb: cb(Exception()))  # type: ignore[method-assign]
    w._write = lambda chunk, e, cb: nextTick(cb)  # type: ignore[method-assign]
    w.on("error", checker.must_call())
    w.on("prefinish", checker.must_not_call())
    w.on("finish", checker.must_not_call())
    w.write(bytes(1))
    w.end(b"")
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
