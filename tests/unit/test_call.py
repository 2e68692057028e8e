"""Unit tests for pynet._js.call: JavaScript's call rule (mapping §5), and the public
functions that hand a user's callback its arguments (timers, nextTick, AbortSignal)."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from pynet._core.loop import Loop
from pynet._js.call import ALL, arity, fit_args, js_caller, required
from pynet.abort import AbortController
from pynet.process import nextTick
from pynet.timers import setImmediate, setInterval, setTimeout


def none() -> str:
    return "none"


def one(a: Any) -> Any:
    return a


def two_one_default(a: Any, b: Any = "b") -> tuple[Any, Any]:
    return a, b


def star(a: Any, *rest: Any) -> tuple[Any, ...]:
    return (a, *rest)


def keyword_only(a: Any, *, k: Any = 1) -> Any:
    return a


class Holder:
    def method(self, a: Any) -> Any:
        return a

    def __call__(self, a: Any, b: Any) -> tuple[Any, Any]:
        return a, b


@functools.wraps(one)
def wrapped(*args: Any) -> Any:
    return one(*args)


@pytest.mark.parametrize(("f", "accepted", "needed"), [
    (none, 0, 0), (one, 1, 1), (two_one_default, 2, 1), (star, ALL, 1), (keyword_only, 1, 1),
    (Holder().method, 1, 1), (Holder(), 2, 2), (functools.partial(two_one_default, 1), 1, 0),
    (wrapped, 1, 1), (lambda: None, 0, 0), (lambda *a: a, ALL, 0), (print, ALL, 0),
])
def test_arity_and_required(f: Any, accepted: int, needed: int) -> None:
    assert arity(f) == accepted
    assert required(f) == needed


def test_fit_args_cuts_and_pads() -> None:
    assert fit_args(none, (1, 2)) == ()
    assert fit_args(one, ()) == (None,)
    assert fit_args(two_one_default, (1, 2, 3)) == (1, 2)
    assert fit_args(two_one_default, ()) == (None,)
    assert fit_args(star, (1, 2, 3)) == (1, 2, 3)


def test_js_caller() -> None:
    assert js_caller(none)(1, 2, 3) == "none"
    assert js_caller(one)() is None
    assert js_caller(two_one_default)(1) == (1, "b")
    assert js_caller(star)() == (None,)
    everything = lambda *a: a  # noqa: E731
    assert js_caller(everything) is everything  # nothing to fit: no wrapper


def test_timers_and_ticks_fit_the_callback(fake_loop: Loop) -> None:
    # setTimeout(() => ..., 10, 'x') and process.nextTick(() => ..., 'x') work in Node;
    # a callback that wants more than it is given gets undefined (None).
    got: list[Any] = []
    setTimeout(lambda: got.append("timeout"), 10, "extra")
    setTimeout(lambda a, b: got.append(("timeout2", a, b)), 20, "x")
    setImmediate(lambda: got.append("immediate"), "extra", "more")
    nextTick(lambda: got.append("tick"), "extra")
    nextTick(lambda a, b: got.append(("tick2", a, b)), "x", "y", "z")

    def stop_after_one(a: Any) -> None:
        got.append(("interval", a))
        interval.close()

    interval = setInterval(stop_after_one, 30)
    fake_loop.run()
    assert got == ["tick", ("tick2", "x", "y"), "immediate", "timeout", ("timeout2", "x", None),
                   ("interval", None)]


def test_abort_listener_without_parameter(fake_loop: Loop) -> None:
    controller = AbortController()
    got: list[Any] = []
    controller.signal.addEventListener("abort", lambda: got.append("no arg"))
    controller.signal.addEventListener("abort", lambda event: got.append(event.type))
    controller.abort()
    assert got == ["no arg", "abort"]


def test_callable_objects_counts_per_class_only_without_instance_dict() -> None:
    """Slotted callable objects share their class's reading; an instance with a
    ``__dict__`` may carry its own ``__signature__`` and is read each time."""
    import inspect as _inspect

    class Slotted:
        __slots__ = ()

        def __call__(self, a: Any, b: Any = 1) -> None:
            pass

    class Open:
        def __call__(self, a: Any) -> None:
            pass

    assert (arity(Slotted()), required(Slotted())) == (2, 1)
    assert (arity(Slotted()), required(Slotted())) == (2, 1)
    assert arity(Open()) == 1
    special = Open()
    special.__signature__ = _inspect.Signature()  # type: ignore[attr-defined]
    assert arity(special) == 0
    assert arity(Open()) == 1
