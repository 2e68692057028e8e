"""Port of test/parallel/test-stream-construct.js (Node v20).

_construct: a second callback is ERR_MULTIPLE_CALLBACK, errors (sync or
async) are emitted, destroy waits for construction, reads/writes/final wait
for it, and constructing alone never reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import nextTick, run, setImmediate
from pynet.stream import Duplex, Readable, Writable


def twice(callback: Any) -> None:
    callback()
    callback()


@pytest.mark.parametrize("cls", [Readable, Writable])
def test_multiple_callback(checker: Any, cls: Any) -> None:
    cls(construct=checker.must_call(twice)).on(
        "error", checker.must_call(lambda err: _equal(err.code, "ERR_MULTIPLE_CALLBACK")))
    run()


@pytest.mark.parametrize("cls", [Readable, Writable])
def test_synchronous_error(checker: Any, cls: Any) -> None:
    cls(construct=checker.must_call(lambda callback: callback(Exception("test")))).on(
        "error", checker.must_call(lambda err: _equal(str(err), "test")))
    run()


@pytest.mark.parametrize("cls", [Readable, Writable])
def test_asynchronous_error(checker: Any, cls: Any) -> None:
    cls(construct=checker.must_call(lambda callback: nextTick(callback, Exception("test")))).on(
        "error", checker.must_call(lambda err: _equal(str(err), "test")))
    run()


def readable_factory(checker: Any) -> Callable[..., Any]:
    return lambda **opts: Readable(read=checker.must_not_call(), **opts)


def writable_factory(checker: Any) -> Callable[..., Any]:
    return lambda **opts: Writable(write=checker.must_not_call(), final=checker.must_not_call(),
                                   **opts)


@pytest.mark.parametrize("make", [readable_factory, writable_factory])
def test_destroy_waits_for_construct(checker: Any, make: Any) -> None:
    factory = make(checker)

    def constructing() -> tuple[Any, list[bool]]:
        constructed = [False]

        def construct(cb: Any) -> None:
            constructed[0] = True
            nextTick(cb)
        s = factory(construct=checker.must_call(construct))
        s.on("close", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
        return s, constructed

    s, _ = constructing()
    s.destroy()

    s, constructed = constructing()
    s.destroy(None, lambda *a: constructed[0] or _fail("not constructed"))

    s, _ = constructing()
    s.destroy()

    s, constructed = constructing()
    s.on("error", checker.must_call(lambda err: _equal(str(err), "kaboom")))

    def destroy_cb(err: Any) -> None:
        assert str(err) == "kaboom"
        assert constructed[0]
    s.destroy(Exception("kaboom"), destroy_cb)

    s, constructed = constructing()
    s.on("error", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
    s.destroy(Exception())
    run()


def test_read_waits_for_construct(checker: Any) -> None:
    constructed = [False]

    def construct(cb: Any) -> None:
        constructed[0] = True
        nextTick(cb)

    def read(n: int) -> None:
        assert constructed[0]
        r.push(None)
    r = Readable(autoDestroy=True, construct=checker.must_call(construct),
                 read=checker.must_call(read))
    r.on("close", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
    r.on("data", checker.must_not_call())
    run()


def test_write_and_final_wait_for_construct(checker: Any) -> None:
    constructed = [False]

    def construct(cb: Any) -> None:
        constructed[0] = True
        nextTick(cb)

    def write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert constructed[0]
        nextTick(cb)

    def final(cb: Any) -> None:
        assert constructed[0]
        nextTick(cb)
    w = Writable(autoDestroy=True, construct=checker.must_call(construct),
                 write=checker.must_call(write), final=checker.must_call(final))
    w.on("close", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
    w.end("data")
    run()


def test_final_waits_for_construct(checker: Any) -> None:
    constructed = [False]

    def construct(cb: Any) -> None:
        constructed[0] = True
        nextTick(cb)

    def final(cb: Any) -> None:
        assert constructed[0]
        nextTick(cb)
    w = Writable(autoDestroy=True, construct=checker.must_call(construct),
                 write=checker.must_not_call(), final=checker.must_call(final))
    w.on("close", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
    w.end()
    run()


def test_duplex_construct_is_called(checker: Any) -> None:
    Duplex(construct=checker.must_call())
    run()


def test_duplex_not_readable_closes_after_construct(checker: Any) -> None:
    # https://github.com/nodejs/node/issues/34448
    constructed = [False]

    def construct(callback: Any) -> None:
        def later() -> None:
            constructed[0] = True
            callback()
        setImmediate(checker.must_call(later))
    d = Duplex(readable=False, construct=checker.must_call(construct),
               write=lambda chunk, encoding, callback: callback(),
               read=lambda n: d.push(None))
    d.resume()
    d.end("foo")
    d.on("close", checker.must_call(lambda: constructed[0] or _fail("not constructed")))
    run()


def test_construct_does_not_read(checker: Any) -> None:
    Readable(construct=checker.must_call(lambda callback: callback()),
             read=checker.must_not_call())
    run()


def _equal(a: Any, b: Any) -> None:
    assert a == b, (a, b)


def _fail(msg: str) -> bool:
    raise AssertionError(msg)
