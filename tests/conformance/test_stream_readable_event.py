"""Port of test/parallel/test-stream-readable-event.js (Node v20).

A 'readable' listener added late still gets the event (buffered data while
not reading, while reading, or at EOF); empty string pushes trigger the next
read; removeAllListeners() leaves no event names.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setTimeout
from pynet.stream import Readable


def test_late_listener_not_reading(checker: Any) -> None:
    r = Readable(highWaterMark=3)
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    r.push(b"blerg")

    def later() -> None:
        assert not r._r_reading
        r.on("readable", checker.must_call())
    setTimeout(later, 1)
    run()


def test_late_listener_while_reading(checker: Any) -> None:
    r = Readable(highWaterMark=3)
    r._read = checker.must_call()  # type: ignore[method-assign]
    r.push(b"bl")

    def later() -> None:
        assert r._r_reading
        r.on("readable", checker.must_call())
    setTimeout(later, 1)
    run()


def test_late_listener_at_eof(checker: Any) -> None:
    r = Readable(highWaterMark=30)
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    r.push(b"blerg")
    r.push(None)

    def later() -> None:
        assert not r._r_reading
        r.on("readable", checker.must_call())
    setTimeout(later, 1)
    run()


def test_empty_strings_trigger_next_read(checker: Any) -> None:
    underlying = ["", "x", "y", "", "z"]
    expected = [d for d in underlying if d]
    result: list[str] = []
    r = Readable(encoding="utf8")

    def _read(n: int) -> None:
        nextTick(lambda: r.push(underlying.pop(0) if underlying else None))
    r._read = _read  # type: ignore[method-assign]

    def on_readable() -> None:
        data = r.read()
        if data is not None:
            result.append(data)
    r.on("readable", on_readable)
    r.on("end", checker.must_call(lambda: _equal(result, expected)))
    run()


def test_remove_all_listeners() -> None:
    r = Readable()
    r._read = lambda n: None  # type: ignore[method-assign]
    r.on("data", lambda chunk: None)
    r.removeAllListeners()
    assert len(r.eventNames()) == 0
    r.destroy()
    run()


def _equal(a: Any, b: Any) -> None:
    assert a == b, (a, b)
