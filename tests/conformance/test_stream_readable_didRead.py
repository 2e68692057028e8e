"""Port of test/parallel/test-stream-readable-didRead.js (Node v20).

readableDidRead, isDisturbed and isErrored after read(), resume(), destroy(),
destroy(err) and a 'data' listener (kept or removed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pynet import run, setImmediate
from pynet.stream import Readable, isDisturbed, isErrored


def noop(*args: Any) -> None:
    pass


def check(checker: Any, readable: Readable, data: int, fn: Callable[[], Any]) -> None:
    assert readable.readableDidRead is False
    assert isDisturbed(readable) is False
    assert isErrored(readable) is False
    if data == -1:
        def on_error(*a: Any) -> None:
            assert isErrored(readable) is True
        readable.on("error", checker.must_call(on_error))
        readable.on("data", checker.must_not_call())
        readable.on("end", checker.must_not_call())
    else:
        readable.on("error", checker.must_not_call())
        if data == -2:
            readable.on("end", checker.must_not_call())
        else:
            readable.on("end", checker.must_call())
        if data > 0:
            readable.on("data", checker.must_call_at_least(noop, data))
        else:
            readable.on("data", checker.must_not_call())
    readable.on("close", checker.must_call())
    fn()

    def later() -> None:
        assert readable.readableDidRead is (data > 0)
        if data > 0:
            assert isDisturbed(readable) is True
    setImmediate(checker.must_call(later))


def ending() -> Readable:
    r: Readable = Readable(read=lambda n: r.push(None))
    return r


def data_then_end() -> Readable:
    def read(n: int) -> None:
        r.push("data")
        r.push(None)
    r: Readable = Readable(read=read)
    return r


def test_read(checker: Any) -> None:
    r = ending()
    check(checker, r, 0, lambda: r.read())
    run()


def test_resume(checker: Any) -> None:
    r = ending()
    check(checker, r, 0, lambda: r.resume())
    run()


def test_destroy(checker: Any) -> None:
    r = ending()
    check(checker, r, -2, lambda: r.destroy())
    run()


def test_destroy_error(checker: Any) -> None:
    r = ending()
    check(checker, r, -1, lambda: r.destroy(Exception()))
    run()


def test_data_listener(checker: Any) -> None:
    r = data_then_end()
    check(checker, r, 1, lambda: r.on("data", noop))
    run()


def test_data_listener_removed(checker: Any) -> None:
    r = data_then_end()

    def fn() -> None:
        r.on("data", noop)
        r.off("data", noop)
    check(checker, r, 1, fn)
    run()
