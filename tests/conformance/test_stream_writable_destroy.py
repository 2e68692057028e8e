"""Port of test/parallel/test-stream-writable-destroy.js (Node v20).

Writable.destroy(): 'close' without 'finish', the error (or _destroy's own)
emitted once, destroy callbacks, writes after destroy failing with
ERR_STREAM_DESTROYED, end(cb) after error/finish, buffered callbacks failing in
order, _undestroy, AbortSignals.
"""

from __future__ import annotations

from typing import Any

from pynet import errors, nextTick, run, setImmediate
from pynet.abort import AbortController, AbortSignal
from pynet.stream import Writable, addAbortSignal


def ok_write(chunk: Any, enc: Any, cb: Any) -> None:
    cb()


def test_destroy_closes_without_finish(checker: Any) -> None:
    write = Writable(write=ok_write)
    write.on("finish", checker.must_not_call())
    write.on("close", checker.must_call())
    write.destroy()
    assert write.destroyed is True
    run()


def test_destroy_inside_write(checker: Any) -> None:
    def w(chunk: Any, enc: Any, cb: Any) -> None:
        write.destroy(Exception("asd"))
        cb()
    write = Writable(write=w)
    write.on("error", checker.must_call())
    write.on("finish", checker.must_not_call())
    write.end("asd")
    assert write.destroyed is True
    run()


def test_destroy_with_error(checker: Any) -> None:
    write = Writable(write=ok_write)
    expected = Exception("kaboom")
    write.on("finish", checker.must_not_call())
    write.on("close", checker.must_call())
    write.on("error", checker.must_call(lambda err: _same(err, expected)))
    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_destroy_hook_passes_error_on(checker: Any) -> None:
    write = Writable(write=ok_write)
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb(err)
    write._destroy = _destroy  # type: ignore[method-assign]
    write.on("finish", checker.must_not_call())
    write.on("close", checker.must_call())
    write.on("error", checker.must_call(lambda err: _same(err, expected)))
    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_destroy_option_swallows_error(checker: Any) -> None:
    expected = Exception("kaboom")

    def destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb()
    write = Writable(write=ok_write, destroy=checker.must_call(destroy))
    write.on("finish", checker.must_not_call())
    write.on("close", checker.must_call())
    write.on("error", checker.must_not_call())
    write.destroy(expected)
    assert write.destroyed is True
    run()


def test_destroy_hook_gets_null(checker: Any) -> None:
    write = Writable(write=ok_write)

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb()
    write._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    write.destroy()
    assert write.destroyed is True
    run()


def test_end_inside_destroy_hook_does_not_finish(checker: Any) -> None:
    write = Writable(write=ok_write)

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            write.end()
            cb()
        nextTick(later)
    write._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    write.on("finish", checker.must_not_call())
    write.on("close", checker.must_call())
    write.destroy()
    assert write.destroyed is True
    run()


def test_destroy_hook_error(checker: Any) -> None:
    write = Writable(write=ok_write)
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb(expected)
    write._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    write.on("close", checker.must_call())
    write.on("finish", checker.must_not_call())
    write.on("error", checker.must_call(lambda err: _same(err, expected)))
    write.destroy()
    assert write.destroyed is True
    run()


def test_double_error(checker: Any) -> None:
    write = Writable(write=ok_write)
    ticked = [False]
    write.on("close", checker.must_call(lambda: ticked[0] or _fail("close before tick")))

    def on_error(err: Exception) -> None:
        assert ticked[0]
        assert str(err) == "kaboom 1"
        assert write._error_emitted is True
    write.on("error", checker.must_call(on_error))
    expected = Exception("kaboom 1")
    write.destroy(expected)
    write.destroy(Exception("kaboom 2"))
    assert write.errored is expected
    assert write._error_emitted is False
    assert write.destroyed is True
    ticked[0] = True
    run()


def test_second_destroy_before_callback(checker: Any) -> None:
    writable = Writable(destroy=checker.must_call(
        lambda err, cb: nextTick(cb, Exception("kaboom 1"))), write=ok_write)
    ticked = [False]

    def on_close() -> None:
        writable.on("error", checker.must_not_call())
        writable.destroy(Exception("hello"))
        assert ticked[0]
        assert writable._error_emitted is True
    writable.on("close", checker.must_call(on_close))

    def on_error(err: Exception) -> None:
        assert ticked[0]
        assert str(err) == "kaboom 1"
        assert writable._error_emitted is True
    writable.on("error", checker.must_call(on_error))
    writable.destroy()
    assert writable.destroyed is True
    assert writable.errored is None
    assert writable._error_emitted is False
    writable.destroy(Exception("kaboom 2"))
    assert writable._error_emitted is False
    assert writable.errored is None
    ticked[0] = True
    run()


def test_destroyed_set_by_hand(checker: Any) -> None:
    write = Writable(write=ok_write)
    write.destroyed = True
    assert write.destroyed is True
    write.on("close", checker.must_not_call())
    write.destroy()
    run()


def test_destroy_callback_after_destroy(checker: Any) -> None:
    write = Writable(write=ok_write)
    write.destroy()
    write.destroy(Exception("kaboom"), checker.must_call(lambda err=None: _same(err, None)))
    run()


def test_undestroy_calls_final_again(checker: Any) -> None:
    write = Writable(write=checker.must_not_call(), final=checker.must_call(lambda cb: cb(), 2),
                     autoDestroy=True)
    write.end()

    def on_close() -> None:
        write._undestroy()
        write.end()
    write.once("close", checker.must_call(on_close))
    run()


def _destroyed_error(err: Exception) -> None:
    assert isinstance(err, errors.ERR_STREAM_DESTROYED)
    assert str(err) == "Cannot call write after a stream was destroyed"


def test_write_after_destroy(checker: Any) -> None:
    write = Writable()
    write.destroy()
    write.on("error", checker.must_not_call())
    write.write("asd", checker.must_call(_destroyed_error))
    run()


def test_corked_writes_fail_after_destroy(checker: Any) -> None:
    write = Writable(write=ok_write)
    write.on("error", checker.must_not_call())
    write.cork()
    write.write("asd", checker.must_call())
    write.uncork()
    write.cork()
    write.write("asd", checker.must_call(_destroyed_error))
    write.destroy()
    write.write("asd", checker.must_call(_destroyed_error))
    write.uncork()
    run()


def test_end_cb_after_error_and_destroy(checker: Any) -> None:
    write = Writable(write=lambda chunk, enc, cb: cb(Exception("asd")))

    def on_error() -> None:
        write.destroy()
        ticked = [False]

        def end_cb(err: Any) -> None:
            assert ticked[0]
            assert err.code == "ERR_STREAM_DESTROYED"
        write.end(checker.must_call(end_cb))
        ticked[0] = True
    write.on("error", checker.must_call(on_error))
    write.write("asd")
    run()


def test_end_cb_after_finish_and_destroy(checker: Any) -> None:
    write = Writable(write=ok_write)

    def on_finish() -> None:
        write.destroy()
        ticked = [False]

        def end_cb(err: Any) -> None:
            assert ticked[0]
            assert err.code == "ERR_STREAM_ALREADY_FINISHED"
        write.end(checker.must_call(end_cb))
        ticked[0] = True
    write.on("finish", checker.must_call(on_finish))
    write.end()
    run()


def test_end_cb_gets_destroy_error(checker: Any) -> None:
    write = Writable(write=lambda chunk, enc, cb: nextTick(cb))
    _err = Exception("asd")
    write.once("error", checker.must_call(lambda err: _same(err, _err)))
    write.end("asd", checker.must_call(lambda err: _same(err, _err)))
    write.destroy(_err)
    run()


def test_buffered_write_callbacks_get_the_error(checker: Any) -> None:
    _err = Exception("asd")
    write = Writable(write=lambda chunk, enc, cb: nextTick(cb, _err), autoDestroy=False)
    write.cork()
    write.write("asd", checker.must_call(lambda err: _same(err, _err)))
    write.write("asd", checker.must_call(lambda err: _same(err, _err)))
    write.on("error", checker.must_call(lambda err: _same(err, _err)))
    write.uncork()
    run()


def test_callback_order(checker: Any) -> None:
    state = [0]
    write = Writable(write=lambda chunk, enc, cb: setImmediate(cb))

    def first() -> None:
        assert state[0] == 0
        state[0] += 1

    def second(err: Any) -> None:
        assert err.code == "ERR_STREAM_DESTROYED"
        assert state[0] == 1
        state[0] += 1
    write.write("asd", checker.must_call(first))
    write.write("asd", checker.must_call(second))
    write.destroy()
    run()


def test_callback_called_twice(checker: Any) -> None:
    def w(chunk: Any, enc: Any, cb: Any) -> None:
        cb()
        cb()
    write = Writable(autoDestroy=False, write=w)
    write.on("error", checker.must_call(lambda: write.errored or _fail("not errored")))
    write.write("asd")
    run()


def _abort_error(write: Writable) -> Any:
    def check(e: Any) -> None:
        assert e.name == "AbortError"
        assert write.destroyed is True
    return check


def test_add_abort_signal(checker: Any) -> None:
    ac = AbortController()
    write = addAbortSignal(ac.signal, Writable(write=ok_write))
    write.on("error", checker.must_call(_abort_error(write)))
    write.write("asd")
    ac.abort()
    run()


def test_signal_option(checker: Any) -> None:
    ac = AbortController()
    write = Writable(signal=ac.signal, write=ok_write)
    write.on("error", checker.must_call(_abort_error(write)))
    write.write("asd")
    ac.abort()
    run()


def test_signal_already_aborted(checker: Any) -> None:
    write = Writable(signal=AbortSignal.abort(), write=ok_write)
    write.on("error", checker.must_call(_abort_error(write)))
    run()


def test_destroy_twice(checker: Any) -> None:
    write = Writable(write=ok_write)
    write.end(checker.must_call())
    write.destroy()
    write.destroy()
    run()


def test_end_cb_with_pending_final(checker: Any) -> None:
    # https://github.com/nodejs/node/issues/39356
    s = Writable(final=lambda cb: None)
    _err = Exception("oh no")
    s.end(checker.must_call(lambda err: _same(err, _err)))
    s.on("error", checker.must_call(lambda err: _same(err, _err)))
    s.destroy(_err)
    run()


def _same(a: Any, b: Any) -> None:
    assert a is b, (a, b)


def _fail(msg: str) -> bool:
    raise AssertionError(msg)
