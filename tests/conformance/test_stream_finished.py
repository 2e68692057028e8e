"""Port of test/parallel/test-stream-finished.js (Node v20).

stream.finished(stream[, options], callback) on Readables, Writables,
Transforms and Duplexes: success, premature close, the stream's error,
AbortSignals, argument errors, the cleanup function, streams that are already
destroyed or closed.  Left out: the fs, http, promisify and async-iterator
blocks (other modules), a duck-typed ``_writableState`` object (internals), a
hand-made EventTarget as signal (pynet's AbortSignal.abort() covers the
pre-aborted case), and the legacy ``Stream`` (it has no legacy ``pipe``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pynet import errors, nextTick, run, setImmediate, setTimeout
from pynet.abort import AbortController, AbortSignal
from pynet.events import EventEmitter
from pynet.stream import Duplex, PassThrough, Readable, Transform, Writable, finished


def must_succeed(checker: Any, fn: Callable[[], None] | None = None) -> Any:
    def cb(err: Any = None) -> None:
        assert err is None, err
        if fn is not None:
            fn()
    return checker.must_call(cb)


def premature(checker: Any) -> Any:
    return checker.must_call(lambda err: _code(err, "ERR_STREAM_PREMATURE_CLOSE"))


def test_readable(checker: Any) -> None:
    rs = Readable(read=lambda: None)
    finished(rs, must_succeed(checker))
    rs.push(None)
    rs.resume()
    run()


def test_writable(checker: Any) -> None:
    ws = Writable(write=lambda data, enc, cb: cb())
    finished(ws, must_succeed(checker))
    ws.end()
    run()


def test_transform(checker: Any) -> None:
    tr = Transform(transform=lambda data, enc, cb: cb())
    seen: list[str] = []
    tr.on("end", lambda: seen.append("end"))
    tr.on("finish", lambda: seen.append("finish"))
    finished(tr, must_succeed(checker, lambda: _equal(sorted(seen), ["end", "finish"])))
    tr.end()
    tr.resume()
    run()


def abort_error(checker: Any) -> Any:
    return checker.must_call(lambda err: _equal(err.name, "AbortError"))


def test_pre_aborted_signal(checker: Any) -> None:
    rs = Readable.from_(x for x in ())
    finished(rs, {"signal": AbortSignal.abort()}, abort_error(checker))
    run()


def test_aborted_before_end_sync(checker: Any) -> None:
    ac = AbortController()
    rs = Readable.from_(x for x in ())
    finished(rs, {"signal": ac.signal}, abort_error(checker))
    ac.abort()
    run()


def test_aborted_before_end_async(checker: Any) -> None:
    ac = AbortController()
    rs = Readable.from_(x for x in ())
    setTimeout(lambda: ac.abort(), 1)
    finished(rs, {"signal": ac.signal}, abort_error(checker))
    run()


def test_abort_after_end_is_harmless(checker: Any) -> None:
    ac = AbortController()

    def gen() -> Any:
        yield 5
        setImmediate(lambda: ac.abort())
    rs = Readable.from_(gen())
    rs.resume()
    finished(rs, {"signal": ac.signal}, must_succeed(checker))
    run()


def test_close_after_eof_is_no_error(checker: Any) -> None:
    rs = Readable()
    finished(rs, must_succeed(checker))
    rs.push(None)
    rs.emit("close")
    rs.resume()
    run()


def test_close_before_eof_is_premature(checker: Any) -> None:
    rs = Readable()
    finished(rs, checker.must_call(lambda err: err is not None or _fail("no error")))
    rs.emit("close")
    rs.push(None)
    rs.resume()
    run()


def test_bad_arguments(checker: Any) -> None:
    rs = Readable(read=lambda: None)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="callback"):
        finished(rs, "foo")
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="options"):
        finished(rs, "foo", lambda: None)
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match="callback"):
        finished(rs, {}, "foo")
    finished(rs, None, checker.must_call())
    rs.push(None)
    rs.resume()
    run()


def test_cleanup_removes_listeners_writable(checker: Any) -> None:
    ws = Writable(write=lambda data, env, cb: cb())
    remove = finished(ws, checker.must_not_call())
    remove()
    ws.end()
    run()


def test_cleanup_removes_listeners_readable(checker: Any) -> None:
    rs = Readable()
    remove = finished(rs, checker.must_not_call())
    remove()
    rs.emit("close")
    rs.push(None)
    rs.resume()
    run()


def test_stream_like_emitter_is_refused() -> None:
    stream_like = EventEmitter()
    stream_like.readableEnded = True  # type: ignore[attr-defined]
    stream_like.readable = True  # type: ignore[attr-defined]
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        finished(stream_like, lambda: None)
    stream_like.emit("close")


def test_destroyed_non_writable(checker: Any) -> None:
    writable = Writable(write=lambda: None)
    writable.writable = False
    writable.destroy()
    finished(writable, premature(checker))
    run()


def test_destroyed_non_readable(checker: Any) -> None:
    readable = Readable()
    readable.readable = False
    readable.destroy()
    finished(readable, premature(checker))
    run()


def test_destroy_during_write(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, callback: setImmediate(callback))
    finished(w, premature(checker))
    w.end("asd")
    w.destroy()
    run()


@pytest.mark.parametrize("kind", ["readable", "writable"])
def test_closed(checker: Any, kind: str) -> None:
    def factory(**opts: Any) -> Any:
        return Readable(**opts) if kind == "readable" else Writable(write=lambda: None, **opts)

    s = factory()
    s.destroy()
    dispose = finished(s, checker.must_not_call())
    dispose()

    s = factory()
    s.destroy()
    finished(s, checker.must_call())

    destroyed = [False]

    def slow_destroy(err: Any, cb: Any) -> None:
        def later() -> None:
            destroyed[0] = True
            cb()
        setImmediate(later)
    s = factory(destroy=slow_destroy)
    s.destroy()
    finished(s, checker.must_call(lambda: destroyed[0] or _fail("called before destroy")))

    def inhibited_destroy(err: Any, cb: Any) -> None:
        cb()
        finished(s2, checker.must_call())
    s2 = factory(emitClose=False, destroy=inhibited_destroy)
    s2.destroy()

    def deep_destroy(err: Any, cb: Any) -> None:
        def later() -> None:
            cb()
            setImmediate(lambda: finished(s3, checker.must_call()))
        setImmediate(later)
    s3 = factory(destroy=deep_destroy)
    s3.destroy()
    run()


def test_finished_writable_without_autodestroy(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb(), autoDestroy=False)
    w.end("asd")
    nextTick(lambda: finished(w, checker.must_call()))
    run()


def test_errored_writable_without_autodestroy(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, cb: cb(Exception()), autoDestroy=False)
    w.write("asd")
    w.on("error", checker.must_call(lambda: finished(w, checker.must_call())))
    run()


def test_ended_readable_without_autodestroy(checker: Any) -> None:
    r = Readable(autoDestroy=False)
    r.push(None)
    r.resume()
    r.on("end", checker.must_call(lambda: finished(r, checker.must_call())))
    run()


def test_destroy_before_end_is_premature(checker: Any) -> None:
    r = Readable()
    finished(r, premature(checker))
    r.push("asd")
    r.push(None)
    r.destroy()
    run()


def test_duplex_readable_side_only(checker: Any) -> None:
    d = Duplex(final=lambda cb: None, read=lambda n: d.push(None))
    d.on("end", checker.must_call())
    finished(d, {"readable": True, "writable": False}, checker.must_call())
    d.end()
    d.resume()
    run()


def test_duplex_readable_side_only_after_end(checker: Any) -> None:
    d = Duplex(final=lambda cb: None, read=lambda n: d.push(None))
    d.on("end", checker.must_call())
    d.end()
    finished(d, {"readable": True, "writable": False}, checker.must_call())
    d.resume()
    run()


def test_destroyed_by_hand_without_close(checker: Any) -> None:
    r = Readable()
    finished(r, checker.must_call())
    r.resume()
    r.push("asd")
    r.destroyed = True
    r.push(None)
    run()


def test_ended_passthrough_never_read(checker: Any) -> None:
    p = PassThrough()
    p.end()
    finished(p, checker.must_not_call())
    run()


def test_ended_passthrough_never_read_after_finish(checker: Any) -> None:
    p = PassThrough()
    p.end()
    p.on("finish", checker.must_call(lambda: finished(p, checker.must_not_call())))
    run()


def test_aborted_flag_waits_for_close(checker: Any) -> None:
    w = Writable(write=lambda chunk, encoding, callback: nextTick(callback))
    w.aborted = False  # type: ignore[attr-defined]
    w.end()
    closed = [False]

    def on_finish() -> None:
        assert closed[0] is False
        w.emit("aborted")
    w.on("finish", on_finish)
    w.on("close", checker.must_call(lambda: closed.__setitem__(0, True)))
    finished(w, checker.must_call(lambda: closed[0] or _fail("before close")))
    run()


def test_destroyed_with_error_twice(checker: Any) -> None:
    w = Writable()
    _err = Exception()
    w.destroy(_err)
    assert w.errored is _err

    def first(err: Any) -> None:
        assert err is _err
        assert w.closed is True
        finished(w, checker.must_call(lambda err: _same(err, _err)))
    finished(w, checker.must_call(first))
    run()


def test_destroyed_without_error_twice(checker: Any) -> None:
    w = Writable()
    w.destroy()
    assert w.errored is None

    def first(err: Any) -> None:
        assert w.closed is True
        _code(err, "ERR_STREAM_PREMATURE_CLOSE")
        finished(w, premature(checker))
    finished(w, checker.must_call(first))
    run()


def test_duplex_writable_side_only(checker: Any) -> None:
    stream = Duplex(write=lambda chunk, enc, cb: setImmediate(cb))
    stream.end("foo")
    finished(stream, {"readable": False}, checker.must_call(lambda err=None: _same(err, None)))
    run()


def _code(err: Any, code: str) -> None:
    assert getattr(err, "code", None) == code, err


def _same(a: Any, b: Any) -> None:
    assert a is b, (a, b)


def _equal(a: Any, b: Any) -> None:
    assert a == b, (a, b)


def _fail(msg: str) -> bool:
    raise AssertionError(msg)
