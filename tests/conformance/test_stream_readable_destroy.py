"""Port of test/parallel/test-stream-readable-destroy.js (Node v20).

Readable.destroy(): 'close' without 'end', errored/errorEmitted as Node sets
them, _destroy's error wins, destroy callbacks, no 'data' and no _read after
destroy, push-after-EOF without autoDestroy, AbortSignals.  (The block using
``for await`` over the stream belongs to the promise machinery and is left out.)
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.abort import AbortController
from pynet.stream import Readable, addAbortSignal


def idle() -> Readable:
    return Readable(read=lambda: None)


def test_destroy(checker: Any) -> None:
    read = idle()
    read.resume()
    read.on("close", checker.must_call())
    read.destroy()
    assert read.errored is None
    assert read.destroyed is True
    run()


def test_destroy_with_error(checker: Any) -> None:
    read = idle()
    read.resume()
    expected = Exception("kaboom")
    read.on("end", checker.must_not_call())
    read.on("close", checker.must_call())
    read.on("error", checker.must_call(lambda err: _same(err, expected)))
    read.destroy(expected)
    assert read.errored is expected
    assert read.destroyed is True
    run()


def test_destroy_hook_passes_error_on(checker: Any) -> None:
    read = idle()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb(err)
    read._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    read.on("end", checker.must_not_call())
    read.on("close", checker.must_call())
    read.on("error", checker.must_call(lambda err: _same(err, expected)))
    read.destroy(expected)
    assert read.destroyed is True
    run()


def test_destroy_option_swallows_error(checker: Any) -> None:
    expected = Exception("kaboom")

    def destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb()
    read = Readable(read=lambda: None, destroy=checker.must_call(destroy))
    read.on("end", checker.must_not_call())
    read.on("error", checker.must_not_call())
    read.on("close", checker.must_call())
    read.destroy(expected)
    assert read.destroyed is True
    run()


def test_destroy_hook_gets_null(checker: Any) -> None:
    read = idle()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb()
    read._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    read.destroy()
    assert read.destroyed is True
    run()


def test_push_eof_inside_destroy_hook_does_not_end(checker: Any) -> None:
    read = idle()
    read.resume()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            read.push(None)
            cb()
        nextTick(later)
    read._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    fail = checker.must_not_call()
    read.on("end", fail)
    read.on("close", checker.must_call())
    read.destroy()
    read.removeListener("end", fail)
    read.on("end", checker.must_not_call())
    assert read.destroyed is True
    run()


def test_destroy_hook_error(checker: Any) -> None:
    read = idle()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb(expected)
    read._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    ticked = [False]
    read.on("end", checker.must_not_call())

    def on_error(err: Any) -> None:
        assert ticked[0]
        assert read._error_emitted is True
        assert read.errored is expected
        assert err is expected
    read.on("error", checker.must_call(on_error))
    read.destroy()
    assert read._error_emitted is False
    assert read.errored is expected
    assert read.destroyed is True
    ticked[0] = True
    run()


def test_destroyed_set_by_hand(checker: Any) -> None:
    read = idle()
    read.resume()
    read.destroyed = True
    assert read.destroyed is True
    read.on("end", checker.must_not_call())
    read.destroy()
    run()


def test_destroy_callback(checker: Any) -> None:
    read = idle()
    read.resume()
    expected = Exception("kaboom")
    ticked = [False]

    def on_close() -> None:
        assert read._error_emitted is True
        assert ticked[0]
    read.on("close", checker.must_call(on_close))
    read.on("error", checker.must_call(lambda err: _same(err, expected)))
    assert read.errored is None
    assert read._error_emitted is False

    def cb(err: Any) -> None:
        assert read.errored is expected
        assert err is expected
    read.destroy(expected, checker.must_call(cb))
    assert read._error_emitted is False
    assert read.errored is expected
    ticked[0] = True
    run()


def test_second_destroy_before_callback(checker: Any) -> None:
    readable = Readable(destroy=checker.must_call(
        lambda err, cb: nextTick(cb, Exception("kaboom 1"))), read=lambda: None)
    ticked = [False]

    def on_close() -> None:
        assert ticked[0]
        assert readable._error_emitted is True
    readable.on("close", checker.must_call(on_close))

    def on_error(err: Any) -> None:
        assert ticked[0]
        assert str(err) == "kaboom 1"
        assert readable._error_emitted is True
    readable.on("error", checker.must_call(on_error))
    readable.destroy()
    assert readable.destroyed is True
    assert readable.errored is None
    assert readable._error_emitted is False
    readable.destroy(Exception("kaboom 2"))
    assert readable._error_emitted is False
    assert readable.errored is None
    ticked[0] = True
    run()


def test_push_after_destroy_gives_no_data(checker: Any) -> None:
    read = idle()
    read.destroy()
    read.push("hi")
    read.on("data", checker.must_not_call())
    run()


def test_no_read_after_destroy(checker: Any) -> None:
    read = Readable(read=checker.must_not_call())
    read.destroy()
    assert read.destroyed is True
    read.read()
    run()


def test_push_after_eof_without_autodestroy(checker: Any) -> None:
    def _read(n: int) -> None:
        read.push(None)
        read.push("asd")
    read = Readable(autoDestroy=False, read=_read)
    read.on("error", checker.must_call(lambda: read.errored or _fail("not errored")))
    read.resume()
    run()


def test_add_abort_signal(checker: Any) -> None:
    controller = AbortController()
    read = addAbortSignal(controller.signal, Readable(read=lambda n: read.push("asd")))
    read.on("error", checker.must_call(lambda e: e.name == "AbortError" or _fail(e)))
    controller.abort()
    read.on("data", checker.must_not_call())
    run()


def test_signal_option(checker: Any) -> None:
    controller = AbortController()
    read = Readable(signal=controller.signal, read=lambda n: read.push("asd"))
    read.on("error", checker.must_call(lambda e: e.name == "AbortError" or _fail(e)))
    controller.abort()
    read.on("data", checker.must_not_call())
    run()


def test_push_and_read_in_error_and_close(checker: Any) -> None:
    read = idle()
    read.on("data", checker.must_not_call())

    def again() -> None:
        read.push("asd")
        read.read()
    read.on("error", checker.must_call(again))
    read.on("close", checker.must_call(again))
    read.destroy(Exception("asd"))
    run()


def test_push_and_read_in_close(checker: Any) -> None:
    read = idle()
    read.on("data", checker.must_not_call())

    def again() -> None:
        read.push("asd")
        read.read()
    read.on("close", checker.must_call(again))
    read.destroy()
    run()


def test_push_and_unshift_in_close(checker: Any) -> None:
    read = idle()
    read.on("data", checker.must_not_call())

    def again() -> None:
        read.push("asd")
        read.unshift("asd")
    read.on("close", checker.must_call(again))
    read.destroy()
    run()


def test_unshift_after_destroy(checker: Any) -> None:
    read = idle()
    read.on("data", checker.must_not_call())
    read.destroy()
    read.unshift("asd")
    run()


def test_push_in_close_while_flowing(checker: Any) -> None:
    read = idle()
    read.resume()
    read.on("data", checker.must_not_call())
    read.on("close", checker.must_call(lambda: read.push("asd")))
    read.destroy()
    run()


def test_push_after_destroy(checker: Any) -> None:
    read = idle()
    read.on("data", checker.must_not_call())
    read.destroy()
    read.push("asd")
    run()


def _same(a: Any, b: Any) -> None:
    assert a is b, (a, b)


def _fail(what: Any) -> bool:
    raise AssertionError(what)
