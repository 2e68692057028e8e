"""Port of test/parallel/test-stream-writable-write-writev-finish.js (Node v20).

A failed _write or _writev (sync or async, corked or not) emits 'error' and
never 'prefinish'/'finish'; so does a failed write into a piped Writable
(nodejs/node#13812); a write() in a 'prefinish' or 'finish' listener is an
error.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run, setImmediate
from pynet.stream import Readable, Writable


def no_finish(checker: Any, w: Writable, message: str) -> None:
    w.on("finish", checker.must_not_call())
    w.on("prefinish", checker.must_not_call())
    w.on("error", checker.must_call(lambda er: _eq(str(er), message)))


def test_sync_write_error(checker: Any) -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: cb(Exception("write test error"))  # type: ignore[method-assign]
    no_finish(checker, writable, "write test error")
    writable.end("test")
    run()


def test_async_write_error(checker: Any) -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: setImmediate(  # type: ignore[method-assign]
        cb, Exception("write test error"))
    no_finish(checker, writable, "write test error")
    writable.end("test")
    run()


def test_sync_writev_error(checker: Any) -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: cb(Exception("write test error"))  # type: ignore[method-assign]
    writable._writev = lambda chunks, cb: cb(Exception("writev test error"))  # type: ignore[method-assign]
    no_finish(checker, writable, "writev test error")
    writable.cork()
    writable.write("test")
    setImmediate(lambda: writable.end("test"))
    run()


def test_async_writev_error(checker: Any) -> None:
    writable = Writable()
    writable._write = lambda chunks, encoding, cb: setImmediate(  # type: ignore[method-assign]
        cb, Exception("write test error"))
    writable._writev = lambda chunks, cb: setImmediate(  # type: ignore[method-assign]
        cb, Exception("writev test error"))
    no_finish(checker, writable, "writev test error")
    writable.cork()
    writable.write("test")
    setImmediate(lambda: writable.end("test"))
    run()


def piped(checker: Any, write: Any) -> None:
    rs = Readable()
    rs.push("ok")
    rs.push(None)
    rs._read = lambda *a: None  # type: ignore[method-assign]
    ws = Writable()
    ws.on("finish", checker.must_not_call())
    ws.on("error", checker.must_call())
    ws._write = write  # type: ignore[method-assign]
    rs.pipe(ws)
    run()


def test_pipe_async_error(checker: Any) -> None:
    piped(checker, lambda chunk, encoding, done: setImmediate(done, Exception()))


def test_pipe_sync_error(checker: Any) -> None:
    piped(checker, lambda chunk, encoding, done: done(Exception()))


def test_write_in_prefinish(checker: Any) -> None:
    w = Writable()
    w._write = lambda chunk, encoding, cb: nextTick(cb)  # type: ignore[method-assign]
    w.on("error", checker.must_call())
    w.on("prefinish", lambda: w.write("shouldn't write in prefinish listener"))
    w.end()
    run()


def test_write_in_finish(checker: Any) -> None:
    w = Writable()
    w._write = lambda chunk, encoding, cb: nextTick(cb)  # type: ignore[method-assign]
    w.on("error", checker.must_call())
    w.on("finish", lambda: w.write("shouldn't write in finish listener"))
    w.end()
    run()


def _eq(a: Any, b: Any) -> None:
    assert a == b, (a, b)
