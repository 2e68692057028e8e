"""Port of test/parallel/test-stream-readable-needReadable.js (Node v20).

The needReadable flag: set by a 'readable' listener, cleared when 'readable'
fires and at the end, set after a read that empties the buffer, clear while
flowing with data buffered, set when read(n) finds too little.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Readable


def idle() -> Readable:
    return Readable(read=lambda: None)


def test_readable_listener(checker: Any) -> None:
    readable = idle()
    assert readable._r_need_readable is False

    def on_readable() -> None:
        assert readable._r_need_readable is False
        readable.read()
    readable.on("readable", checker.must_call(on_readable))
    assert readable._r_need_readable is True
    readable.push("foo")
    readable.push(None)
    readable.on("end", checker.must_call(lambda: _false(readable._r_need_readable)))
    run()


def test_async_readable(checker: Any) -> None:
    async_readable = idle()

    def on_readable() -> None:
        if async_readable.read() is not None:
            assert async_readable._r_need_readable is True
    async_readable.on("readable", checker.must_call(on_readable, 2))
    nextTick(checker.must_call(lambda: async_readable.push("foooo")))
    nextTick(checker.must_call(lambda: async_readable.push("bar")))

    def finish() -> None:
        async_readable.push(None)
        assert async_readable._r_need_readable is False
    setImmediate(checker.must_call(finish))
    run()


def test_flowing(checker: Any) -> None:
    flowing = idle()
    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    nextTick(checker.must_call(lambda: flowing.push(None)))
    flowing.on("data", checker.must_call(lambda data: _false(flowing._r_need_readable), 3))
    run()


def test_slow_producer(checker: Any) -> None:
    slow = idle()

    def on_readable() -> None:
        chunk = slow.read(8)
        if chunk is None:
            assert slow._r_need_readable is True
        else:
            assert slow._r_need_readable is False
    slow.on("readable", checker.must_call(on_readable, 4))

    def step(n: int) -> None:
        if n < 3:
            slow.push("foo")
            nextTick(checker.must_call(lambda: step(n + 1)))
        else:
            slow.push(None)
    nextTick(checker.must_call(lambda: step(0)))
    run()


def _false(value: Any) -> None:
    assert value is False
