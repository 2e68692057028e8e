"""Port of test/parallel/test-stream2-basic.js (Node v20).

Node's TestReader/TestWriter are SlowReader/FakeWriter (pytest collects Test* classes).

Readable basics: read(n) of growing sizes, pipe into a plain EventEmitter
with write()/end(), unpipe and re-pipe at every split, piping to several
destinations, backpressure across two slow destinations, read(0) of an ended
stream, a synchronous _read ending, 'readable' starting the flow, chaining,
and the readableEncoding/readableObjectMode/writableObjectMode properties.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import nextTick, run, setTimeout
from pynet.events import EventEmitter
from pynet.stream import Readable as R  # noqa: N817 - Node's names
from pynet.stream import Writable as W  # noqa: N817


class SlowReader(R):
    def __init__(self, n: int | None = None) -> None:
        super().__init__()
        self._buf = b"x" * (n or 100)
        self._pos = 0
        self._bufs = 10

    def _read(self, n: int) -> None:
        max_ = len(self._buf) - self._pos
        n = max(n, 0)
        to_read = min(n, max_)
        if to_read == 0:
            # More bytes arrive some time in the future.
            def later() -> None:
                self._pos = 0
                self._bufs -= 1
                if self._bufs <= 0:
                    if not self.readableEnded:  # Node: this.ended (undefined)
                        self.push(None)
                else:
                    self._read(n)
            setTimeout(later, 10)
            return
        ret = self._buf[self._pos:self._pos + to_read]
        self._pos += to_read
        self.push(ret)


class FakeWriter(EventEmitter):
    def __init__(self) -> None:
        super().__init__()
        self.received: list[str] = []
        self.flush = False

    def write(self, c: bytes) -> bool:
        self.received.append(c.decode())
        self.emit("write", c)
        return True

    def end(self, c: bytes | None = None) -> None:
        if c:
            self.write(c)
        self.emit("end", self.received)


X5 = ["xxxxx"] * 10


def test_basic(checker: Any) -> None:
    r = SlowReader(20)
    reads: list[str] = []
    expect = ["x" * n for n in (1, 2, 3, 4, 5, 9, 10, 12, 13, 15, 17, 19, 21, 23, 25, 21)]
    r.on("end", checker.must_call(lambda: _eq(reads, expect)))
    read_size = [1]

    def flow() -> None:
        while True:  # JS: while (null !== (res = r.read(readSize++)))
            res = r.read(read_size[0])
            read_size[0] += 1
            if res is None:
                break
            reads.append(res.decode())
        r.once("readable", flow)
    flow()
    run()


def test_pipe(checker: Any) -> None:
    r = SlowReader(5)
    w = FakeWriter()
    w.on("end", checker.must_call(lambda received: _eq(received, X5)))
    r.pipe(w)
    run()


@pytest.mark.parametrize("split", range(1, 10))
def test_unpipe(checker: Any, split: int) -> None:
    r = SlowReader(5)
    expect = [X5[:split], X5[split:]]
    w = [FakeWriter(), FakeWriter()]
    writes = [split]

    def on_write() -> None:
        writes[0] -= 1
        if writes[0] == 0:
            r.unpipe()
            assert r._r_pipes == []
            w[0].end()
            r.pipe(w[1])
            assert r._r_pipes == [w[1]]
    w[0].on("write", on_write)
    ended = [0]

    def on_end(i: int) -> Any:
        def check(results: list[str]) -> None:
            ended[0] += 1
            assert ended[0] == i + 1
            assert results == expect[i]
        return check
    w[0].on("end", checker.must_call(on_end(0)))
    w[1].on("end", checker.must_call(on_end(1)))
    r.pipe(w[0])
    run()


def test_both_writers_get_the_data(checker: Any) -> None:
    r = SlowReader(5)
    w = [FakeWriter(), FakeWriter()]
    w[0].on("end", checker.must_call(lambda received: _eq(received, X5)))
    w[1].on("end", checker.must_call(lambda received: _eq(received, X5)))
    r.pipe(w[0])
    r.pipe(w[1])
    run()


@pytest.mark.parametrize("split", range(1, 10))
def test_multi_unpipe(checker: Any, split: int) -> None:
    r = SlowReader(5)
    expect = [X5[:split], X5[split:]]
    w = [FakeWriter(), FakeWriter(), FakeWriter()]
    writes = [split]

    def on_write() -> None:
        writes[0] -= 1
        if writes[0] == 0:
            r.unpipe()
            w[0].end()
            r.pipe(w[1])
    w[0].on("write", on_write)
    ended = [0]

    def on_end(i: int) -> Any:
        def check(results: list[str]) -> None:
            ended[0] += 1
            assert ended[0] == i + 1
            assert results == expect[i]
        return check
    w[0].on("end", checker.must_call(on_end(0)))
    w[1].on("end", checker.must_call(on_end(1)))
    r.pipe(w[0])
    r.pipe(w[2])
    run()


def test_backpressure(checker: Any) -> None:
    r = R(objectMode=True)
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    counter = [0]
    for item in (["one"], ["two"], ["three"], ["four"]):
        r.push(item)
    r.push(None)

    w1 = R()

    def w1_write(chunk: Any) -> None:
        assert chunk[0] == "one"
        w1.emit("close")

        def later() -> None:
            r.pipe(w2)
            r.pipe(w3)
        nextTick(later)
    w1.write = w1_write  # type: ignore[attr-defined]
    w1.end = checker.must_not_call()  # type: ignore[attr-defined]
    r.pipe(w1)  # type: ignore[arg-type]
    expected = ["two", "two", "three", "three", "four", "four"]

    def slow_writer(expected_counter: int, delay: int) -> R:
        w = R()

        def write(chunk: Any) -> bool:
            assert chunk[0] == expected.pop(0)
            assert counter[0] == expected_counter
            counter[0] += 1
            if chunk[0] == "four":
                return True

            def drain() -> None:
                counter[0] -= 1
                w.emit("drain")
            setTimeout(drain, delay)
            return False
        w.write = write  # type: ignore[attr-defined]
        return w
    w2 = slow_writer(0, 10)
    w2.end = checker.must_call()  # type: ignore[attr-defined]
    w3 = slow_writer(1, 50)

    def w3_end() -> None:
        assert counter[0] == 2
        assert expected == []
    w3.end = checker.must_call(w3_end)  # type: ignore[attr-defined]
    run()


def test_read0_of_ended_stream(checker: Any) -> None:
    r = R()
    state = {"written": False, "ended": False}
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    r.push(b"foo")
    r.push(None)
    assert r.read(0) is None
    w = R()

    def write(buffer: bytes) -> None:
        state["written"] = True
        assert state["ended"] is False
        assert buffer == b"foo"

    def end() -> None:
        state["ended"] = True
        assert state["written"] is True
    w.write = write  # type: ignore[attr-defined]
    w.end = checker.must_call(end)  # type: ignore[attr-defined]
    r.pipe(w)  # type: ignore[arg-type]
    run()


def test_synchronous_read_ending(checker: Any) -> None:
    r = R()
    called = [False]
    r._read = lambda n: r.push(None)  # type: ignore[method-assign]
    r.once("end", lambda: called.__setitem__(0, True))
    r.read()

    def check() -> None:
        # 'end' came before this tick.
        assert called[0] is True
    nextTick(checker.must_call(check))
    run()


def test_readable_listener_starts_the_flow(checker: Any) -> None:
    r = R(highWaterMark=5)
    on_readable = [False]
    read_called = [0]

    def _read(n: int) -> None:
        read_called[0] += 1
        r.push(None if read_called[0] - 1 == 2 else b"asdf")
    r._read = _read  # type: ignore[method-assign]

    def readable() -> None:
        on_readable[0] = True
        r.read()
    r.on("readable", readable)

    def end() -> None:
        assert read_called[0] == 3
        assert on_readable[0]
    r.on("end", checker.must_call(end))
    run()


def test_chainable(checker: Any) -> None:
    r = R()
    r._read = checker.must_call()  # type: ignore[method-assign]
    r2 = r.setEncoding("utf8").pause().resume().pause()
    assert r is r2
    run()
    r.destroy()
    run()


def test_properties() -> None:
    # Node: Object.hasOwn(R.prototype, ...): a property of the class.
    assert isinstance(R.__dict__.get("readableEncoding"), property)
    assert R(encoding="utf8").readableEncoding == "utf8"
    assert isinstance(R.__dict__.get("readableObjectMode"), property)
    assert R(objectMode=True).readableObjectMode is True
    assert isinstance(W.__dict__.get("writableObjectMode"), property)
    assert W(objectMode=True).writableObjectMode is True


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
