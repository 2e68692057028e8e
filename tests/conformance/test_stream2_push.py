"""Port of test/parallel/test-stream2-push.js (Node v20).

A mock of the net.Socket / tcp_wrap handle interaction: a source pushes into a
utf8 Readable (hwm 16) until push() returns false, which stops the source;
_read() starts it again; what is read goes to a Writable with decodeStrings
false, in 20-character chunks.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setTimeout
from pynet.events import EventEmitter
from pynet.stream import Readable, Writable


def test_push(checker: Any) -> None:
    stream = Readable(highWaterMark=16, encoding="utf8")
    source = EventEmitter()
    reading = [False]
    ended = [False]

    def read_start() -> None:
        reading[0] = True

    def read_stop() -> None:
        reading[0] = False

        def later() -> None:
            r = stream.read()
            if r is not None:
                writer.write(r)
        nextTick(later)

    stream._read = lambda *a: read_start()  # type: ignore[method-assign]
    stream.on("end", checker.must_call(lambda: ended.__setitem__(0, True)))

    def on_data(chunk: str) -> None:
        if not stream.push(chunk):
            read_stop()
    source.on("data", on_data)
    source.on("end", lambda: stream.push(None))

    writer = Writable(decodeStrings=False)
    written: list[str] = []
    expect_written = ["asdfgasdfgasdfgasdfg"] * 6

    def _write(chunk: str, encoding: str, cb: Any) -> None:
        written.append(chunk)
        nextTick(cb)
    writer._write = _write  # type: ignore[method-assign]
    writer.on("finish", checker.must_call(lambda: _eq(written, expect_written)))

    chunk = "asdfg"
    sets = [0]

    def end() -> None:
        source.emit("end")
        assert not reading[0]
        writer.end(stream.read())
        setTimeout(checker.must_call(lambda: _eq(ended[0], True)))

    def data() -> None:
        for still_reading in (True, True, True, True):
            assert reading[0] is still_reading
            source.emit("data", chunk)
        assert not reading[0]
        sets[0] += 1
        if sets[0] - 1 < 5:
            setTimeout(data, 1)
        else:
            end()
    read_start()
    data()
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
