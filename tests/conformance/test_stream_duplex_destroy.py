"""Port of test/parallel/test-stream-duplex-destroy.js (Node v20).

Duplex.destroy(): no 'end' nor 'finish'; errors as for each side; autoDestroy
once both sides are done (one side disabled counts as done); allowHalfOpen
false ends the writable side on the next tick; AbortSignal; a corked write
fails with ERR_STREAM_DESTROYED.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.abort import AbortController
from pynet.stream import Duplex


def make(**opts: Any) -> Duplex:
    return Duplex(write=lambda chunk, enc, cb: cb(), read=lambda: None, **opts)


def test_destroy(checker: Any) -> None:
    duplex = make()
    duplex.resume()
    duplex.on("end", checker.must_not_call())
    duplex.on("finish", checker.must_not_call())
    duplex.on("close", checker.must_call())
    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_destroy_with_error(checker: Any) -> None:
    duplex = make()
    duplex.resume()
    expected = Exception("kaboom")
    duplex.on("end", checker.must_not_call())
    duplex.on("finish", checker.must_not_call())
    duplex.on("error", checker.must_call(lambda err: _same(err, expected)))
    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_destroy_hook_passes_error_on(checker: Any) -> None:
    duplex = make()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb(err)
    duplex._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    duplex.on("finish", checker.must_not_call())
    duplex.on("error", checker.must_call(lambda err: _same(err, expected)))
    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_destroy_option_swallows_error(checker: Any) -> None:
    expected = Exception("kaboom")

    def destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb()
    duplex = make(destroy=checker.must_call(destroy))
    duplex.resume()
    duplex.on("end", checker.must_not_call())
    duplex.on("finish", checker.must_not_call())
    duplex.on("error", checker.must_not_call())
    duplex.on("close", checker.must_call())
    duplex.destroy(expected)
    assert duplex.destroyed is True
    run()


def test_destroy_hook_gets_null(checker: Any) -> None:
    duplex = make()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb()
    duplex._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_end_inside_destroy_hook(checker: Any) -> None:
    duplex = make()
    duplex.resume()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            duplex.push(None)
            duplex.end()
            cb()
        nextTick(later)
    duplex._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    fail = checker.must_not_call()
    duplex.on("finish", fail)
    duplex.on("end", fail)
    duplex.destroy()
    duplex.removeListener("end", fail)
    duplex.removeListener("finish", fail)
    duplex.on("end", checker.must_not_call())
    duplex.on("finish", checker.must_not_call())
    assert duplex.destroyed is True
    run()


def test_destroy_hook_error(checker: Any) -> None:
    duplex = make()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb(expected)
    duplex._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    duplex.on("finish", checker.must_not_call())
    duplex.on("end", checker.must_not_call())
    duplex.on("error", checker.must_call(lambda err: _same(err, expected)))
    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_half_open_destroy(checker: Any) -> None:
    duplex = make(allowHalfOpen=True)
    duplex.resume()
    duplex.on("finish", checker.must_not_call())
    duplex.on("end", checker.must_not_call())
    duplex.destroy()
    assert duplex.destroyed is True
    run()


def test_destroyed_set_by_hand(checker: Any) -> None:
    duplex = make()
    duplex.destroyed = True
    assert duplex.destroyed is True
    duplex.on("finish", checker.must_not_call())
    duplex.on("end", checker.must_not_call())
    duplex.destroy()
    run()


def test_not_writable_autodestroys_at_end(checker: Any) -> None:
    duplex = make(writable=False, autoDestroy=True)
    duplex.push(None)
    duplex.resume()
    duplex.on("close", checker.must_call())
    run()


def test_not_readable_autodestroys_at_finish(checker: Any) -> None:
    duplex = make(readable=False, autoDestroy=True)
    duplex.end()
    duplex.on("close", checker.must_call())
    run()


def test_allow_half_open_false_ends_on_next_tick(checker: Any) -> None:
    duplex = make(allowHalfOpen=False, autoDestroy=True)
    duplex.push(None)
    duplex.resume()
    org_end = duplex.end
    duplex.end = checker.must_not_call()  # type: ignore[method-assign]

    def on_end() -> None:
        def later() -> None:
            duplex.end = checker.must_call(org_end)  # type: ignore[method-assign]
        nextTick(later)
    duplex.on("end", on_end)
    duplex.on("close", checker.must_call())
    run()


def test_abort_signal(checker: Any) -> None:
    controller = AbortController()
    duplex = make(signal=controller.signal)
    count = [0]

    def on_error(e: Any) -> None:
        assert count[0] == 0
        count[0] += 1
        assert e.name == "AbortError"
    duplex.on("error", checker.must_call(on_error))
    duplex.on("close", checker.must_call())
    controller.abort()
    run()


def test_corked_write_fails_on_destroy(checker: Any) -> None:
    duplex = make()
    duplex.cork()
    duplex.write("foo", checker.must_call(lambda err: _same(err.code, "ERR_STREAM_DESTROYED")))
    duplex.destroy()
    run()


def _same(a: Any, b: Any) -> None:
    assert a is b or a == b, (a, b)
