"""Port of test/parallel/test-stream-readable-emittedReadable.js (Node v20).

The emittedReadable flag: True while 'readable' is being emitted, reset by
read() but not by read(0), always False while flowing; pushes in the same
tick are batched into one 'readable'.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Readable


def idle() -> Readable:
    return Readable(read=lambda: None)


def test_batched_readable(checker: Any) -> None:
    readable = idle()
    assert readable._r_emitted_readable is False
    expected: list[Any] = [b"foobar", b"quo", None]

    def on_readable() -> None:
        assert readable._r_emitted_readable is True
        assert readable.read() == expected.pop(0)
        assert readable._r_emitted_readable is False
    readable.on("readable", checker.must_call(on_readable, 3))
    assert readable._r_emitted_readable is False
    nextTick(checker.must_call(lambda: readable.push("foo")))
    nextTick(checker.must_call(lambda: readable.push("bar")))

    def later() -> None:
        readable.push("quo")
        nextTick(checker.must_call(lambda: readable.push(None)))
    setImmediate(checker.must_call(later))
    run()


def test_read_0_keeps_the_flag(checker: Any) -> None:
    no_read = idle()

    def on_readable() -> None:
        assert no_read._r_emitted_readable is True
        no_read.read(0)
        assert no_read._r_emitted_readable is True
    no_read.on("readable", checker.must_call(on_readable))
    no_read.push("foo")
    no_read.push(None)
    run()
    no_read.destroy()
    run()


def test_flowing_never_sets_it(checker: Any) -> None:
    flowing = idle()

    def on_data() -> None:
        assert flowing._r_emitted_readable is False
        flowing.read()
        assert flowing._r_emitted_readable is False
    flowing.on("data", checker.must_call(on_data, 3))
    flowing.push("foooo")
    flowing.push("bar")
    flowing.push("quo")
    nextTick(checker.must_call(lambda: flowing.push(None)))
    run()
