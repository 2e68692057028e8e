"""Port of test/parallel/test-stream-transform-destroy.js (Node v20).

Transform.destroy(): 'close' without 'end' or 'finish'; the error, or
_destroy's own, reaches 'error'; a custom _destroy may swallow it.
"""

from __future__ import annotations

from typing import Any

from pynet import nextTick, run
from pynet.stream import Transform


def idle() -> Transform:
    return Transform(transform=lambda chunk, enc, cb: None)


def test_destroy(checker: Any) -> None:
    transform = idle()
    transform.resume()
    transform.on("end", checker.must_not_call())
    transform.on("close", checker.must_call())
    transform.on("finish", checker.must_not_call())
    transform.destroy()
    run()


def test_destroy_with_error(checker: Any) -> None:
    transform = idle()
    transform.resume()
    expected = Exception("kaboom")
    transform.on("end", checker.must_not_call())
    transform.on("finish", checker.must_not_call())
    transform.on("close", checker.must_call())
    transform.on("error", checker.must_call(lambda err: _same(err, expected)))
    transform.destroy(expected)
    run()


def test_destroy_hook_passes_error_on(checker: Any) -> None:
    transform = idle()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb(err)
    transform._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    transform.on("finish", checker.must_not_call())
    transform.on("close", checker.must_call())
    transform.on("error", checker.must_call(lambda err: _same(err, expected)))
    transform.destroy(expected)
    run()


def test_destroy_option_swallows_error(checker: Any) -> None:
    expected = Exception("kaboom")

    def destroy(err: Any, cb: Any) -> None:
        assert err is expected
        cb()
    transform = Transform(transform=lambda chunk, enc, cb: None,
                          destroy=checker.must_call(destroy))
    transform.resume()
    transform.on("end", checker.must_not_call())
    transform.on("close", checker.must_call())
    transform.on("finish", checker.must_not_call())
    transform.on("error", checker.must_not_call())
    transform.destroy(expected)
    run()


def test_destroy_hook_gets_null(checker: Any) -> None:
    transform = idle()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb()
    transform._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    transform.destroy()
    run()


def test_end_inside_destroy_hook(checker: Any) -> None:
    transform = idle()
    transform.resume()

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None

        def later() -> None:
            transform.push(None)
            transform.end()
            cb()
        nextTick(later)
    transform._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    fail = checker.must_not_call()
    transform.on("finish", fail)
    transform.on("end", fail)
    transform.on("close", checker.must_call())
    transform.destroy()
    transform.removeListener("end", fail)
    transform.removeListener("finish", fail)
    transform.on("end", checker.must_call())
    transform.on("finish", checker.must_not_call())
    run()


def test_destroy_hook_error(checker: Any) -> None:
    transform = idle()
    expected = Exception("kaboom")

    def _destroy(err: Any, cb: Any) -> None:
        assert err is None
        cb(expected)
    transform._destroy = checker.must_call(_destroy)  # type: ignore[method-assign]
    transform.on("close", checker.must_call())
    transform.on("finish", checker.must_not_call())
    transform.on("end", checker.must_not_call())
    transform.on("error", checker.must_call(lambda err: _same(err, expected)))
    transform.destroy()
    run()


def _same(a: Any, b: Any) -> None:
    assert a is b, (a, b)
