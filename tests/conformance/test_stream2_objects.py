"""Port of test/parallel/test-stream2-objects.js (Node v20).

Object mode: read() gives one object (read(n) ignores n), pipe into a
collecting Writable, objects from a sync and an async _read, strings as
objects, read(0), falsy values, the high water mark counted in objects for
_read and push(), and objects written to a Writable (sync and async).
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Readable, Writable


def to_array(checker: Any, callback: Any) -> Writable:
    stream = Writable(objectMode=True)
    items: list[Any] = []
    stream.write = items.append  # type: ignore[assignment,method-assign]
    stream.end = checker.must_call(lambda: callback(items))  # type: ignore[method-assign]
    return stream


def from_array(checker: Any, items: list[Any]) -> Readable:
    r = Readable(objectMode=True)
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    for chunk in items:
        r.push(chunk)
    r.push(None)
    return r


ONE_TWO = [{"one": "1"}, {"two": "2"}]


def test_read_objects(checker: Any) -> None:
    r = from_array(checker, [{"one": "1"}, {"two": "2"}])
    assert r.read() == {"one": "1"}
    assert r.read() == {"two": "2"}
    assert r.read() is None
    run()


def test_pipe_objects(checker: Any) -> None:
    r = from_array(checker, [{"one": "1"}, {"two": "2"}])
    r.pipe(to_array(checker, checker.must_call(lambda items: _eq(items, ONE_TWO))))
    run()


def test_read_n_ignored(checker: Any) -> None:
    r = from_array(checker, [{"one": "1"}, {"two": "2"}])
    assert r.read(2) == {"one": "1"}
    r.destroy()
    run()


def test_sync_read(checker: Any) -> None:
    r = Readable(objectMode=True)
    items = [{"one": "1"}, {"two": "2"}]
    r._read = lambda n: r.push(items.pop(0) if items else None)  # type: ignore[method-assign]
    r.pipe(to_array(checker, checker.must_call(lambda got: _eq(got, ONE_TWO))))
    run()


def test_async_read(checker: Any) -> None:
    r = Readable(objectMode=True)
    items = [{"one": "1"}, {"two": "2"}]

    def _read(n: int) -> None:
        item = items.pop(0) if items else None
        nextTick(lambda: r.push(item))
    r._read = _read  # type: ignore[method-assign]
    r.pipe(to_array(checker, checker.must_call(lambda got: _eq(got, ONE_TWO))))
    run()


def test_strings_as_objects(checker: Any) -> None:
    items = ["one", "two", "three"]
    r = from_array(checker, items)
    r.pipe(to_array(checker, checker.must_call(lambda got: _eq(got, items))))
    run()


def test_read0(checker: Any) -> None:
    r = from_array(checker, ["foobar"])
    r.pipe(to_array(checker, checker.must_call(lambda got: _eq(got, ["foobar"]))))
    run()


def test_falsy_values(checker: Any) -> None:
    r = from_array(checker, [False, 0, ""])

    def check(got: list[Any]) -> None:
        assert got == [False, 0, ""]
        assert [type(v) for v in got] == [bool, int, str]
    r.pipe(to_array(checker, checker.must_call(check)))
    run()


def test_hwm_read(checker: Any) -> None:
    r = Readable(highWaterMark=6, objectMode=True)
    calls = [0]
    r._read = lambda n: calls.__setitem__(0, calls[0] + 1)  # type: ignore[method-assign]
    for c in ["1", "2", "3", "4", "5", "6", "7", "8"]:
        r.push(c)
    assert r.read() == "1"
    assert calls[0] == 0
    assert r.read() == "2"
    assert r.read() == "3"
    assert calls[0] == 1
    r.destroy()
    run()


def test_hwm_push(checker: Any) -> None:
    r = Readable(highWaterMark=6, objectMode=True)
    r._read = checker.must_not_call()  # type: ignore[method-assign]
    for i in range(6):
        assert r.push(i) is (i != 5)
    r.destroy()
    run()


def test_write_objects(checker: Any) -> None:
    w = Writable(objectMode=True)

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert chunk == {"foo": "bar"}
        cb()
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", checker.must_call())
    w.write({"foo": "bar"})
    w.end()
    run()


def test_write_many_objects(checker: Any) -> None:
    w = Writable(objectMode=True)
    got: list[Any] = []

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        got.append(chunk)
        cb()
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(got, [0, 1, 2, 3, 4])))
    for i in range(5):
        w.write(i)
    w.end()
    run()


def test_write_strings_as_objects(checker: Any) -> None:
    w = Writable(objectMode=True)
    got: list[Any] = []

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        got.append(chunk)
        nextTick(cb)
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(got, ["0", "1", "2", "3", "4"])))
    for i in range(5):
        w.write(str(i))
    w.end()
    run()


def test_finish_waits_for_callback(checker: Any) -> None:
    w = Writable(objectMode=True)
    called = [False]

    def _write(chunk: Any, encoding: Any, cb: Any) -> None:
        assert chunk == "foo"

        def later() -> None:
            called[0] = True
            cb()
        nextTick(later)
    w._write = _write  # type: ignore[method-assign]
    w.on("finish", checker.must_call(lambda: _eq(called[0], True)))
    w.write("foo")
    w.end()
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
