"""pynet.events.EventEmitter: Node's EventEmitter rules, one test per rule.

Expected values were checked against node v20 (see also
tests/interop/test_events_node.py, which compares a whole trace with node).
"""

from __future__ import annotations

import functools
import inspect
import math
import pickle
import re
import threading
import warnings
from collections.abc import Callable
from typing import Any

import pyee
import pytest

from pynet import errors
from pynet._js.inspect import inspect as _inspect
from pynet.events import EventEmitter, MaxListenersExceededWarning, _arity

ALL = _arity(lambda *a: None)


def recorder() -> tuple[list[Any], Callable[..., Callable[..., None]]]:
    """A log and a factory of named listeners that append (name, *args) to it."""
    log: list[Any] = []

    def make(name: str) -> Callable[..., None]:
        def listener(*args: Any) -> None:
            log.append((name, *args))
        listener.__name__ = name
        return listener

    return log, make


# --- registration, chaining, decorators ------------------------------------------


def test_is_a_pyee_emitter() -> None:
    assert isinstance(EventEmitter(), pyee.EventEmitter)


@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener",
                                    "prependOnceListener"])
def test_registration_methods_return_the_emitter(method: str) -> None:
    e = EventEmitter()
    assert getattr(e, method)("x", lambda: None) is e


def test_chaining_like_node() -> None:
    log, make = recorder()
    e = EventEmitter()
    e.on("a", make("a")).on("b", make("b")).once("c", make("c"))
    e.emit("a")
    e.emit("b")
    e.emit("c")
    assert log == [("a",), ("b",), ("c",)]


def test_removal_and_limit_methods_return_the_emitter() -> None:
    e = EventEmitter()
    f = lambda: None  # noqa: E731
    assert e.off("x", f) is e
    assert e.removeListener("x", f) is e
    assert e.removeAllListeners("x") is e
    assert e.removeAllListeners() is e
    assert e.setMaxListeners(5) is e


@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener",
                                    "prependOnceListener", "listens_to"])
def test_decorator_forms_register_and_return_the_function(method: str) -> None:
    e = EventEmitter()
    log: list[Any] = []

    decorator: Callable[[Callable[..., None]], Callable[..., None]] = getattr(e, method)("x")

    @decorator
    def handler(value: Any) -> None:
        log.append(value)

    assert callable(handler) and handler.__name__ == "handler"
    assert e.listeners("x") == [handler]
    e.emit("x", 1)
    assert log == [1]


def test_on_appends_and_prepend_puts_first() -> None:
    log, make = recorder()
    e = EventEmitter()
    e.on("x", make("on1"))
    e.prependListener("x", make("pre"))
    e.on("x", make("on2"))
    e.prependOnceListener("x", make("preonce"))
    e.emit("x")
    assert [entry[0] for entry in log] == ["preonce", "pre", "on1", "on2"]


def test_same_function_twice_is_called_twice() -> None:
    log, make = recorder()
    f = make("f")
    e = EventEmitter()
    e.on("x", f).on("x", f)
    assert e.listenerCount("x") == 2
    e.emit("x", 1)
    assert log == [("f", 1), ("f", 1)]


def test_bound_methods_match_by_equality() -> None:
    class Obj:
        def __init__(self) -> None:
            self.seen: list[Any] = []

        def handler(self, value: Any) -> None:
            self.seen.append(value)

    obj = Obj()
    e = EventEmitter()
    e.on("x", obj.handler)  # a new bound-method object each access
    assert e.listenerCount("x", obj.handler) == 1
    e.off("x", obj.handler)
    assert e.listenerCount("x") == 0


# --- emit ------------------------------------------------------------------------


def test_emit_returns_whether_there_were_listeners() -> None:
    e = EventEmitter()
    assert e.emit("x") is False
    e.on("x", lambda: None)
    assert e.emit("x") is True


def test_emit_calls_in_registration_order_with_args() -> None:
    log, make = recorder()
    e = EventEmitter()
    e.on("x", make("a"))
    e.on("x", make("b"))
    e.emit("x", 1, "two")
    assert log == [("a", 1, "two"), ("b", 1, "two")]


def test_a_listener_exception_propagates_and_skips_the_rest() -> None:
    log, make = recorder()
    e = EventEmitter()

    def boom() -> None:
        raise RuntimeError("boom")

    e.on("x", boom)
    e.on("x", make("later"))
    with pytest.raises(RuntimeError, match="boom"):
        e.emit("x")
    assert log == []


def test_listener_removed_during_emit_is_still_called() -> None:
    log, make = recorder()
    e = EventEmitter()
    b = make("b")
    e.on("x", lambda: e.off("x", b))
    e.on("x", b)
    e.emit("x")
    assert log == [("b",)]
    e.emit("x")
    assert log == [("b",)]


def test_listener_added_during_emit_is_not_called_by_that_emit() -> None:
    log, make = recorder()
    e = EventEmitter()
    late = make("late")
    e.on("x", lambda: e.on("x", late))
    e.emit("x")
    assert log == []
    e.emit("x")
    assert log == [("late",)]


def test_once_listener_removed_during_emit_is_still_called_like_node() -> None:
    # Node's onceWrapper only checks its `fired` flag (pyee would skip it).
    log, make = recorder()
    e = EventEmitter()
    o = make("o")
    e.on("x", lambda: e.off("x", o))
    e.once("x", o)
    e.emit("x")
    assert log == [("o",)]
    assert e.listenerCount("x") == 1


def test_emit_reads_no_lock() -> None:
    e = EventEmitter()
    log: list[Any] = []
    e.on("x", log.append)
    with e._lock:  # a registration in progress on another thread can't block emit
        assert e.emit("x", 1) is True
    assert log == [1]


def test_emit_takes_no_keyword_arguments() -> None:
    e = EventEmitter()
    e.on("x", lambda **kw: None)
    with pytest.raises(TypeError):
        e.emit("x", value=1)  # type: ignore[call-arg]


# --- once --------------------------------------------------------------------------


def test_once_fires_once_and_is_removed_before_the_call() -> None:
    e = EventEmitter()
    counts: list[int] = []
    e.once("x", lambda v: counts.append(e.listenerCount("x")))
    assert e.emit("x", 1) is True
    assert e.emit("x", 2) is False
    assert counts == [0]


def test_once_does_not_fire_again_when_reemitted_from_inside() -> None:
    e = EventEmitter()
    calls: list[int] = []

    def again() -> None:
        calls.append(1)
        e.emit("x")

    e.once("x", again)
    e.emit("x")
    assert calls == [1]


def test_once_listeners_and_raw_listeners() -> None:
    e = EventEmitter()

    def f(a: Any) -> None:
        pass

    def g() -> None:
        pass

    e.once("x", f).on("x", g)
    assert e.listeners("x") == [f, g]
    raw = e.rawListeners("x")
    assert raw[0] is not f and raw[0].listener is f  # type: ignore[attr-defined]
    assert raw[1] is g
    assert "once wrapper" in repr(raw[0])
    assert raw[0].__name__ == "bound onceWrapper"  # Node's name for it


def test_calling_the_raw_once_wrapper_removes_it() -> None:
    e = EventEmitter()
    log: list[Any] = []
    e.once("x", lambda a: log.append(a))
    wrapper = e.rawListeners("x")[0]
    wrapper(1, 2)  # arity-tolerant when called directly too
    wrapper(3)
    assert log == [1]
    assert e.listenerCount("x") == 0


@pytest.mark.parametrize("by", ["original", "wrapper"])
def test_off_removes_a_once_listener(by: str) -> None:
    e = EventEmitter()
    log: list[Any] = []

    def f() -> None:
        log.append("f")

    e.once("x", f)
    e.off("x", f if by == "original" else e.rawListeners("x")[0])
    assert e.emit("x") is False
    assert log == []


def test_off_removes_the_most_recently_added_match() -> None:
    e = EventEmitter()

    def f() -> None:
        pass

    e.once("x", f).on("x", f)
    e.off("x", f)
    raw = e.rawListeners("x")
    assert len(raw) == 1 and getattr(raw[0], "listener", None) is f


def test_off_unknown_listener_or_event_is_a_no_op() -> None:
    e = EventEmitter()
    f = lambda: None  # noqa: E731
    e.on("x", f)
    e.off("x", lambda: None).off("y", f)
    assert e.listeners("x") == [f]


# --- 'newListener' and 'removeListener' ------------------------------------------


def test_new_listener_is_emitted_before_adding() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("newListener", lambda event, fn: seen.append((event, fn, e.listenerCount(event))))

    def f() -> None:
        pass

    def g() -> None:
        pass

    e.on("x", f)
    e.once("x", g)  # reported as the original, not the wrapper
    e.prependListener("x", f)
    assert seen == [("x", f, 0), ("x", g, 1), ("x", f, 2)]


def test_a_new_listener_listener_is_not_told_about_itself() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    first = lambda event, fn: seen.append(("first", event))  # noqa: E731
    e.on("newListener", first)
    assert seen == []
    e.on("newListener", lambda event, fn: None)
    assert seen == [("first", "newListener")]


def test_pyee_new_listener_event_is_not_emitted() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("new_listener", lambda *a: seen.append(a))
    e.on("x", lambda: None)
    assert seen == []


def test_remove_listener_is_emitted_after_removal() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("removeListener", lambda event, fn: seen.append((event, fn, e.listenerCount(event))))

    def f() -> None:
        pass

    e.on("x", f).on("x", f)
    e.off("x", f)
    e.off("x", f)
    e.off("x", f)  # nothing left: no event
    assert seen == [("x", f, 1), ("x", f, 0)]


def test_remove_listener_reports_like_node_for_once_listeners() -> None:
    # Single listener: the original.  Among others: what removeListener was
    # given, which is the wrapper when a once listener fires.
    e = EventEmitter()
    seen: list[Any] = []
    e.on("removeListener", lambda event, fn: seen.append(fn))

    def f() -> None:
        pass

    def g() -> None:
        pass

    e.once("single", f)
    e.emit("single")
    assert seen == [f]
    e.once("multi", f).on("multi", g)
    wrapper = e.rawListeners("multi")[0]
    e.emit("multi")
    assert seen == [f, wrapper]


def test_removing_the_last_remove_listener_listener_is_silent() -> None:
    e = EventEmitter()
    seen: list[Any] = []

    def r(event: Any, fn: Any) -> None:
        seen.append(event)

    e.on("removeListener", r)
    e.off("removeListener", r)
    assert seen == []


# --- removeAllListeners ----------------------------------------------------------


def test_remove_all_listeners_of_one_event() -> None:
    e = EventEmitter()
    e.on("x", lambda: None).once("x", lambda: None).on("y", lambda: None)
    e.removeAllListeners("x")
    assert e.eventNames() == ["y"]
    assert e.emit("x") is False


def test_remove_all_listeners_of_every_event() -> None:
    e = EventEmitter()
    e.on("x", lambda: None).on("y", lambda: None)
    e.removeAllListeners()
    assert e.eventNames() == []
    e.on("x", lambda: None).removeAllListeners(None)
    assert e.eventNames() == []


def test_remove_all_reports_last_added_first() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("removeListener", lambda event, fn: seen.append((event, fn)))

    def f() -> None:
        pass

    def g() -> None:
        pass

    def h() -> None:
        pass

    e.on("x", f).once("x", g).on("x", h)
    wrapper = e.rawListeners("x")[1]
    e.removeAllListeners("x")
    # Node passes each raw listener to removeListener; only the last one (a
    # single listener by then) is reported unwrapped.
    assert seen == [("x", h), ("x", wrapper), ("x", f)]


def test_remove_all_reports_the_remove_listener_listeners_last() -> None:
    e = EventEmitter()
    seen: list[Any] = []

    def first(event: Any, fn: Any) -> None:
        seen.append(("first", event, fn.__name__))

    def second(event: Any, fn: Any) -> None:
        seen.append(("second", event, fn.__name__))

    def a() -> None:
        pass

    def b() -> None:
        pass

    e.on("removeListener", first)
    e.on("a", a)
    e.on("b", b)
    e.on("removeListener", second)
    e.removeAllListeners()
    assert seen == [("first", "a", "a"), ("second", "a", "a"),
                    ("first", "b", "b"), ("second", "b", "b"),
                    ("first", "removeListener", "second")]
    assert e.eventNames() == []


# --- introspection ---------------------------------------------------------------


def test_listener_count_with_and_without_a_listener() -> None:
    e = EventEmitter()

    def f() -> None:
        pass

    e.on("x", f).once("x", f).on("x", lambda: None)
    assert e.listenerCount("x") == 3
    assert e.listenerCount("x", f) == 2
    assert e.listenerCount("x", e.rawListeners("x")[1]) == 1
    assert e.listenerCount("nothing") == 0


def test_event_names_in_insertion_order_as_a_list() -> None:
    e = EventEmitter()
    f = lambda: None  # noqa: E731
    e.on("b", f).on("a", f).on("c", f).on("a", f)
    assert e.eventNames() == ["b", "a", "c"]
    e.removeAllListeners("b")
    e.on("b", f)
    assert e.eventNames() == ["a", "c", "b"]
    sentinel = object()
    e.on(sentinel, f)  # any hashable is an event name
    assert e.eventNames()[-1] is sentinel


def test_listeners_returns_a_copy() -> None:
    e = EventEmitter()
    f = lambda: None  # noqa: E731
    e.on("x", f)
    e.listeners("x").clear()
    e.rawListeners("x").clear()
    assert e.listeners("x") == [f]


# --- pyee's snake_case API on the same storage -----------------------------------


def test_pyee_methods_share_the_storage() -> None:
    e = EventEmitter()
    log: list[Any] = []

    def f(v: Any) -> None:
        log.append(("f", v))

    assert e.add_listener("x", f) is f  # pyee returns the function

    @e.listens_to("y")
    def g() -> None:
        log.append("g")

    assert e.listeners("x") == [f]
    assert e.event_names() == {"x", "y"}
    e.emit("x", 1)
    e.emit("y", 2)
    assert log == [("f", 1), "g"]
    assert e.remove_listener("x", f) is None  # type: ignore[func-returns-value]
    assert e.eventNames() == ["y"]
    assert e.remove_all_listeners() is None  # type: ignore[func-returns-value]
    assert e.event_names() == set()
    assert e._events == {}  # pyee's own storage stays unused


def test_pyee_remove_all_listeners_of_one_event() -> None:
    e = EventEmitter()
    e.on("x", lambda: None).on("y", lambda: None)
    e.remove_all_listeners("x")
    assert e.eventNames() == ["y"]


def test_pyee_internal_hooks_use_the_same_storage() -> None:
    # pyee.uplift drives emitters through these.
    e = EventEmitter()
    log: list[Any] = []

    def key() -> None:
        pass

    e._add_event_handler("x", key, lambda a: log.append(a))
    assert e.listeners("x") == [key]
    assert e._call_handlers("x", (1, 2), {}) is True
    assert e._call_handlers("nothing", (), {}) is False
    assert log == [1]
    with e._lock:
        e._remove_listener("x", key)
    assert e.listenerCount("x") == 0
    with pytest.raises(errors.ERR_UNHANDLED_ERROR):
        e._emit_handle_potential_error("error", "bad")
    e._emit_handle_potential_error("other", "ignored")


def test_pickle_round_trip() -> None:
    e = EventEmitter()
    e.on("x", print).setMaxListeners(3)
    clone = pickle.loads(pickle.dumps(e))
    assert clone.listeners("x") == [print]
    assert clone.getMaxListeners() == 3
    clone.on("y", print)  # the lock was recreated


# --- arity -----------------------------------------------------------------------


def test_listener_with_fewer_parameters_gets_the_leading_args() -> None:
    e = EventEmitter()
    log: list[Any] = []
    e.on("x", lambda: log.append("none"))
    e.on("x", lambda a: log.append(("one", a)))
    e.on("x", lambda a, b=0, c=0, d="default": log.append(("defaults", a, b, c, d)))
    e.on("x", lambda *a: log.append(("all", a)))
    e.on("x", lambda a, *rest: log.append(("rest", a, rest)))
    e.emit("x", 1, 2, 3)
    assert log == ["none", ("one", 1), ("defaults", 1, 2, 3, "default"), ("all", (1, 2, 3)),
                   ("rest", 1, (2, 3))]


def test_keyword_only_parameters_are_not_filled() -> None:
    e = EventEmitter()
    log: list[Any] = []

    def f(a: Any, *, b: Any = "kw") -> None:
        log.append((a, b))

    e.on("x", f)
    e.emit("x", 1, 2)
    assert log == [(1, "kw")]


def test_missing_arguments_are_none_like_undefined() -> None:
    """JavaScript passes undefined for missing arguments; pynet passes None,
    but leaves parameters with defaults to their defaults."""
    e = EventEmitter()
    got: list[Any] = []
    e.on("x", lambda a, b: got.append((a, b)))
    e.on("x", lambda a, b=7: got.append((a, b)))
    e.once("x", lambda a, b, c=3: got.append((a, b, c)))

    class Obj:
        def method(self, a: Any, b: Any) -> None:
            got.append(("method", a, b))

    e.on("x", Obj().method)
    e.emit("x", 1)
    e.emit("x")
    assert got == [(1, None), (1, 7), (1, None, 3), ("method", 1, None),
                   (None, None), (None, 7), ("method", None, None)]


def test_arity_of_methods_partials_callables_and_builtins() -> None:
    log: list[Any] = []

    class Thing:
        def method(self, a: Any) -> None:
            log.append(("method", a))

        @classmethod
        def klass(cls, a: Any, b: Any) -> None:
            log.append(("klass", a, b))

        @staticmethod
        def static(a: Any) -> None:
            log.append(("static", a))

        def __call__(self, a: Any) -> None:
            log.append(("call", a))

    def three(a: Any, b: Any, c: Any) -> None:
        log.append(("partial", a, b, c))

    thing = Thing()
    e = EventEmitter()
    e.on("x", thing.method).on("x", Thing.klass).on("x", thing.static).on("x", thing)
    e.on("x", functools.partial(three, "p"))
    e.on("x", log.append)  # builtin method with a signature: (object, /)
    e.emit("x", 1, 2, 3)
    assert log == [("method", 1), ("klass", 1, 2), ("static", 1), ("call", 1),
                   ("partial", "p", 1, 2), 1]


def test_functools_wraps_follows_the_wrapped_signature() -> None:
    log: list[Any] = []

    def inner(a: Any) -> None:
        log.append(a)

    @functools.wraps(inner)
    def outer(*args: Any) -> None:
        inner(*args)

    e = EventEmitter()
    e.on("x", outer)
    e.emit("x", 1, 2)
    assert log == [1]


def test_callable_without_a_signature_gets_every_argument() -> None:
    assert _arity(max) == ALL

    class NoSignature:
        __signature__ = "not a signature"  # makes inspect.signature fail

        def __init__(self) -> None:
            self.seen: list[Any] = []

        def __call__(self, *args: Any) -> None:
            self.seen.append(args)

    listener = NoSignature()
    e = EventEmitter()
    e.on("x", listener)
    e.emit("x", 1, 2, 3)
    assert listener.seen == [(1, 2, 3)]


def test_arity_is_worked_out_once_at_registration() -> None:
    lookups: list[int] = []

    class Counted:
        @property
        def __signature__(self) -> inspect.Signature:
            lookups.append(1)
            return inspect.Signature(
                [inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)])

        def __init__(self) -> None:
            self.seen: list[Any] = []

        def __call__(self, *args: Any) -> None:
            self.seen.append(args)

    listener = Counted()
    e = EventEmitter()
    e.on("x", listener)
    registered = len(lookups)
    for _ in range(5):
        e.emit("x", 1, 2)
    assert listener.seen == [(1,)] * 5
    assert len(lookups) == registered


def test_once_listener_is_arity_tolerant() -> None:
    e = EventEmitter()
    log: list[Any] = []
    e.once("x", lambda: log.append("called"))
    e.emit("x", 1, 2)
    assert log == ["called"]


# --- storage: bare listeners, tuples, and the misfit retry ------------------------


def test_one_listener_is_stored_bare_and_several_in_a_tuple() -> None:
    # The storage layout net.Socket's inline 'data' emit and readline's 'line'
    # loop rely on: no tuple for an event with one listener, never a 1-tuple.
    e = EventEmitter()

    def f() -> None: ...
    def g() -> None: ...

    e.on("x", f)
    assert e._pynet_events["x"] is f
    e.prependListener("x", g)
    assert e._pynet_events["x"] == (g, f)
    e.removeListener("x", g)
    assert e._pynet_events["x"] is f
    e.on("x", g).on("x", f)
    e.removeListener("x", f)  # the last f goes; two are left, still a tuple
    assert e._pynet_events["x"] == (f, g)
    e.removeListener("x", f)
    assert e._pynet_events["x"] is g
    e.removeListener("x", g)
    assert "x" not in e._pynet_events


def test_a_listener_that_takes_fewer_arguments_is_fitted_once_and_stays_the_same() -> None:
    e = EventEmitter()
    calls: list[Any] = []

    def none() -> None:
        calls.append("none")

    e.on("x", none)
    e.emit("x", 1, 2)
    stored = e._pynet_events["x"]
    assert stored is not none  # stored with its counts now (events._Fit)
    e.emit("x", 1, 2)
    assert e._pynet_events["x"] is stored  # no second retry
    assert calls == ["none", "none"]
    # Observably nothing changed: the same listener, found and removed by it.
    assert e.listeners("x") == [none] and e.rawListeners("x") == [none]
    assert e.listenerCount("x", none) == 1
    e.off("x", none)
    assert e.listenerCount("x") == 0


def test_a_type_error_from_inside_a_listener_is_raised_and_not_retried() -> None:
    e = EventEmitter()
    calls: list[Any] = []

    def listener(a: Any) -> None:
        calls.append(a)
        raise TypeError("from the listener")

    def takes_nothing() -> None:
        calls.append("none")
        raise TypeError("from takes_nothing")

    e.on("x", listener)
    with pytest.raises(TypeError, match="from the listener"):
        e.emit("x", 1)
    assert calls == [1]
    assert e._pynet_events["x"] is listener  # a fitting call is not a misfit
    e.removeListener("x", listener)
    e.on("y", takes_nothing)
    with pytest.raises(TypeError, match="from takes_nothing"):
        e.emit("y", 1, 2)  # the retry ran it once; its own error goes out
    assert calls == [1, "none"]


def test_a_wrapper_with_code_before_the_wrapped_call_runs_once() -> None:
    # functools.wraps wrappers run code before the call that would fail: they
    # are fitted at registration, never retried.
    calls: list[Any] = []

    def inner(a: Any) -> None:
        calls.append(("inner", a))

    @functools.wraps(inner)
    def outer(*args: Any) -> None:
        calls.append("outer")
        inner(*args)

    e = EventEmitter()
    e.on("x", outer)
    e.emit("x", 1, 2)
    assert calls == ["outer", ("inner", 1)]


def test_misfit_during_an_emit_keeps_the_snapshot_and_every_copy() -> None:
    e = EventEmitter()
    log: list[Any] = []

    def none() -> None:
        log.append("none")

    def remover(*_: Any) -> None:
        log.append("remover")
        e.removeListener("x", none)  # the later copy goes; this emit still calls it

    e.on("x", none).on("x", remover).on("x", none)
    e.emit("x", 1)
    assert log == ["none", "remover", "none"]
    assert e.listeners("x") == [none, remover]
    log.clear()
    e.emit("x", 1)
    assert log == ["none", "remover"]
    assert e.listeners("x") == [remover]


def test_missing_arguments_are_padded_on_the_retry() -> None:
    e = EventEmitter()
    got: list[Any] = []

    class Slotted:
        __slots__ = ()

        def __call__(self, a: Any, b: Any) -> None:
            got.append((a, b))

    listener = Slotted()
    e.on("x", listener)
    assert e._pynet_events["x"] is listener  # a slotted callable object is stored bare
    e.emit("x", 1)
    e.emit("x")
    assert got == [(1, None), (None, None)]
    assert e.listeners("x") == [listener]


def test_a_builtin_method_of_a_non_native_class_is_stored_fitted() -> None:
    # Only methods of classes compiled by mypyc are stored bare among the
    # builtin methods (events._native_method); a C type's method keeps its _Fit.
    from pynet import events

    e = EventEmitter()
    got: list[Any] = []
    e.on("x", got.append)
    assert type(e._pynet_events["x"]) is events._Fit
    e.emit("x", 1, 2)
    e.emit("x")
    assert got == [1, None]
    assert e.listeners("x") == [got.append]


def test_required_keyword_only_parameter_still_fails() -> None:
    e = EventEmitter()

    def f(a: Any, *, b: Any) -> None: ...

    e.on("x", f)
    with pytest.raises(TypeError, match="keyword-only"):
        e.emit("x", 1)
    with pytest.raises(TypeError, match="keyword-only"):
        e.emit("x", 1, 2)


def test_once_with_a_bound_method_keeps_one_object_and_equal_listener() -> None:
    # The wrapper keeps the method's function and object, not the bound method:
    # .listener, listeners() and 'removeListener' give an equal bound method.
    log: list[Any] = []

    class Obj:
        def method(self, a: Any = None) -> None:
            log.append(a)

    obj = Obj()
    e = EventEmitter()
    removed: list[Any] = []
    e.once("x", obj.method)
    e.on("x", lambda: None)
    e.on("removeListener", lambda name, f: removed.append((name, f)))
    wrapper = e.rawListeners("x")[0]
    assert wrapper.listener == obj.method and wrapper.fired is False
    assert e.listeners("x")[0] == obj.method
    assert e.listenerCount("x", obj.method) == 1
    e.removeListener("x", obj.method)
    assert removed == [("x", obj.method)] and e.listenerCount("x") == 1
    e.once("x", obj.method)
    e.emit("x", 1, 2)
    assert log == [1] and e.listenerCount("x") == 1
    e.prependOnceListener("y", obj.method)
    wrapper = e.rawListeners("y")[0]
    wrapper()
    assert wrapper.fired is True and log == [1, None]
    wrapper(3)  # fired: nothing
    assert log == [1, None]


def test_once_with_a_builtin_method_keeps_its_descriptor_and_equal_listener() -> None:
    # A method of a C (or mypyc-compiled) class is kept as the class's method
    # descriptor and the object: .listener gives an equal method, the arity
    # rule still applies, removal by the method finds it.
    got: list[Any] = []
    e = EventEmitter()
    e.once("x", got.append)
    wrapper = e.rawListeners("x")[0]
    assert wrapper._fn is list.append and wrapper._self is got  # no method object kept
    assert wrapper.listener == got.append and wrapper.listener.__self__ is got
    assert e.listeners("x") == [got.append] and e.listenerCount("x", got.append) == 1
    assert repr(wrapper) == f"<once wrapper of {got.append!r}>"
    e.emit("x", 1, 2)  # list.append takes one: fitted
    e.emit("x", 3)
    assert got == [1] and e.listenerCount("x") == 0
    e.once("y", got.append)
    e.removeListener("y", got.append)
    assert e.listenerCount("y") == 0
    # A builtin that is not its class's method (a module function) is kept as is.
    e.once("z", len)
    assert e.rawListeners("z")[0].listener is len


def test_pyee_add_event_handler_pair_is_found_by_either_function() -> None:
    e = EventEmitter()
    log: list[Any] = []

    def user(a: Any) -> None: ...

    def called(a: Any, b: Any = None) -> None:
        log.append((a, b))

    e._add_event_handler("x", user, called)
    e.emit("x", 1, 2, 3)
    assert log == [(1, 2)]
    assert e.listeners("x") == [user] and e.rawListeners("x") == [called]
    e.removeListener("x", called)
    assert e.listenerCount("x") == 0


# --- argument validation ---------------------------------------------------------


@pytest.mark.parametrize("method", ["on", "addListener", "once", "prependListener",
                                    "prependOnceListener", "off", "removeListener",
                                    "add_listener"])
@pytest.mark.parametrize(("value", "received"), [
    (42, "Received type number (42)"),
    ("x", "Received type string ('x')"),
    ({}, "Received an instance of Object"),
    ([], "Received an instance of Array"),
    (True, "Received type boolean (true)"),
])
def test_non_callable_listener_is_rejected(method: str, value: Any, received: str) -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("newListener", lambda *a: seen.append(a))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        getattr(e, method)("x", value)
    assert str(info.value) == f'The "listener" argument must be of type function. {received}'
    assert info.value.code == "ERR_INVALID_ARG_TYPE"
    assert isinstance(info.value, TypeError)
    assert e.listenerCount("x") == 0 and seen == []


def test_off_with_none_is_rejected_like_null() -> None:
    e = EventEmitter()
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE,
                       match=re.escape('must be of type function. Received null')):
        e.off("x", None)  # type: ignore[arg-type]


def test_decorator_rejects_a_non_callable() -> None:
    e = EventEmitter()
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        e.on("x")(42)  # type: ignore[type-var]


# --- 'error' ---------------------------------------------------------------------


def test_unhandled_error_exception_is_raised_as_is() -> None:
    e = EventEmitter()
    err = ConnectionResetError("read ECONNRESET")
    with pytest.raises(ConnectionResetError) as info:
        e.emit("error", err)
    assert info.value is err


def test_unhandled_error_base_exception_is_raised_as_is() -> None:
    e = EventEmitter()
    with pytest.raises(KeyboardInterrupt):
        e.emit("error", KeyboardInterrupt())


@pytest.mark.parametrize(("args", "shown"), [
    (("boom",), "'boom'"),
    ((), "undefined"),
    ((None,), "null"),
    ((42,), "42"),
    ((1.5,), "1.5"),
    ((True,), "true"),
    (("it's",), '"it\'s"'),
    (({"a": 1, "b-c": [1, "x"]},), "{ a: 1, 'b-c': [ 1, 'x' ] }"),
    (([1, 2],), "[ 1, 2 ]"),
])
def test_unhandled_error_value_raises_err_unhandled_error(args: tuple[Any, ...],
                                                          shown: str) -> None:
    e = EventEmitter()
    with pytest.raises(errors.ERR_UNHANDLED_ERROR) as info:
        e.emit("error", *args)
    assert str(info.value) == f"Unhandled error. ({shown})"
    assert info.value.code == "ERR_UNHANDLED_ERROR"
    assert info.value.context is (args[0] if args else None)  # type: ignore[attr-defined]
    assert not isinstance(info.value, TypeError | ValueError)  # plain Error


def test_error_with_a_listener_does_not_raise() -> None:
    e = EventEmitter()
    seen: list[Any] = []
    e.on("error", seen.append)
    err = ValueError("x")
    assert e.emit("error", err) is True
    assert seen == [err]


def test_only_the_error_event_raises_when_unheard() -> None:
    assert EventEmitter().emit("errors", "x") is False


@pytest.mark.parametrize(("value", "shown"), [
    ("a\nb\\c", "'a\\nb\\\\c'"),
    ("\x1b", "'\\x1B'"),
    ("'\"", "`'\"`"),
    ("'\"`", "'\\'\"`'"),
    (-0.0, "-0"),
    (1e21, "1e+21"),
    (1e-5, "0.00001"),
    (1e-7, "1e-7"),
    (math.inf, "Infinity"),
    (math.nan, "NaN"),
    (b"ab", "<Buffer 61 62>"),
    (b"", "<Buffer >"),  # node: util.inspect(Buffer.alloc(0))
    (bytes(51), "<Buffer " + " ".join(["00"] * 50) + " ... 1 more byte>"),  # node: util.inspect(Buffer.alloc(51))
    ({"a": {"b": {"c": {"d": 1}}}}, "{ a: { b: { c: [Object] } } }"),
    ([[[[1]]]], "[ [ [ [Array] ] ] ]"),
    ((), "[]"),
    (print, "[Function: print]"),
    (lambda: None, "[Function (anonymous)]"),
    (ValueError, "[class ValueError]"),
])
def test_inspect_like_node(value: Any, shown: str) -> None:
    assert _inspect(value) == shown


# --- max listeners ---------------------------------------------------------------


def test_default_max_listeners() -> None:
    e = EventEmitter()
    assert EventEmitter.defaultMaxListeners == 10
    assert e.getMaxListeners() == 10


def test_eleventh_listener_warns_once_with_node_s_message() -> None:
    e = EventEmitter()
    for _ in range(10):
        e.on("foo", lambda: None)
    with pytest.warns(MaxListenersExceededWarning) as record:
        e.on("foo", lambda: None)
        e.on("foo", lambda: None)  # not again
    assert len(record) == 1
    warning = record[0].message
    assert isinstance(warning, MaxListenersExceededWarning)
    assert isinstance(warning, RuntimeWarning)
    assert str(warning) == (
        "Possible EventEmitter memory leak detected. 11 foo listeners added to "
        "[EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit")
    assert warning.emitter is e and warning.type == "foo" and warning.count == 11
    assert warning.name == "MaxListenersExceededWarning"
    assert record[0].filename == __file__  # stacklevel: the caller's line


@pytest.mark.parametrize("method", ["on", "once", "prependListener", "prependOnceListener",
                                    "add_listener"])
def test_every_registration_method_warns_at_the_caller(method: str) -> None:
    e = EventEmitter().setMaxListeners(1)
    e.on("x", lambda: None)
    with pytest.warns(MaxListenersExceededWarning) as record:
        getattr(e, method)("x", lambda: None)
    assert record[0].filename == __file__


def test_decorator_form_warns_at_the_caller() -> None:
    e = EventEmitter().setMaxListeners(1)
    e.on("x", lambda: None)
    with pytest.warns(MaxListenersExceededWarning) as record:
        @e.on("x")
        def handler() -> None:
            pass
    assert record[0].filename == __file__


def test_warning_is_per_event_and_per_emitter() -> None:
    first = EventEmitter().setMaxListeners(1)
    second = EventEmitter().setMaxListeners(1)
    with pytest.warns(MaxListenersExceededWarning) as record:
        for emitter in (first, second):
            for event in ("a", "b"):
                emitter.on(event, lambda: None).on(event, lambda: None)
    assert [(w.message.emitter, w.message.type) for w in record] == [  # type: ignore[union-attr]
        (first, "a"), (first, "b"), (second, "a"), (second, "b")]


def test_warning_comes_back_after_dropping_to_one_listener() -> None:
    e = EventEmitter().setMaxListeners(1)
    fs = [lambda: None for _ in range(3)]
    with pytest.warns(MaxListenersExceededWarning) as record:
        e.on("x", fs[0]).on("x", fs[1]).on("x", fs[2])
        e.off("x", fs[2])  # two left: still warned
        e.on("x", fs[2])
        e.off("x", fs[2]).off("x", fs[1])  # one left: Node forgets the warning
        e.on("x", fs[1])
    assert [w.message.count for w in record] == [2, 2]  # type: ignore[union-attr]


def test_subclass_name_in_the_warning() -> None:
    class MySocket(EventEmitter):
        pass

    e = MySocket().setMaxListeners(1)
    with pytest.warns(MaxListenersExceededWarning, match=re.escape("added to [MySocket]")):
        e.on("x", lambda: None).on("x", lambda: None)


def test_zero_and_infinity_mean_no_limit() -> None:
    for limit in (0, math.inf):
        e = EventEmitter().setMaxListeners(limit)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            for _ in range(50):
                e.on("x", lambda: None)
        assert e.getMaxListeners() == limit


def test_default_max_listeners_is_read_when_adding(monkeypatch: pytest.MonkeyPatch) -> None:
    e = EventEmitter()
    monkeypatch.setattr(EventEmitter, "defaultMaxListeners", 1)
    assert e.getMaxListeners() == 1
    with pytest.warns(MaxListenersExceededWarning, match="MaxListeners is 1"):
        e.on("x", lambda: None).on("x", lambda: None)


def test_set_max_listeners_accepts_floats() -> None:
    e = EventEmitter().setMaxListeners(1.5)
    assert e.getMaxListeners() == 1.5
    with pytest.warns(MaxListenersExceededWarning, match="MaxListeners is 1.5"):
        e.on("x", lambda: None).on("x", lambda: None)


@pytest.mark.parametrize(("value", "error", "message"), [
    (-1, errors.ERR_OUT_OF_RANGE,
     'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1'),
    (-1.5, errors.ERR_OUT_OF_RANGE,
     'The value of "setMaxListeners" is out of range. It must be >= 0. Received -1.5'),
    (math.nan, errors.ERR_OUT_OF_RANGE,
     'The value of "setMaxListeners" is out of range. It must be >= 0. Received NaN'),
    (-5000000000, errors.ERR_OUT_OF_RANGE,
     'The value of "setMaxListeners" is out of range. It must be >= 0. '
     "Received -5_000_000_000"),
    ("a", errors.ERR_INVALID_ARG_TYPE,
     'The "setMaxListeners" argument must be of type number. Received type string (\'a\')'),
    (True, errors.ERR_INVALID_ARG_TYPE,
     'The "setMaxListeners" argument must be of type number. Received type boolean (true)'),
    (None, errors.ERR_INVALID_ARG_TYPE,
     'The "setMaxListeners" argument must be of type number. Received null'),
])
def test_set_max_listeners_validates(value: Any, error: type[Exception], message: str) -> None:
    e = EventEmitter()
    with pytest.raises(error) as info:
        e.setMaxListeners(value)
    assert str(info.value) == message
    assert e.getMaxListeners() == 10


def test_out_of_range_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        EventEmitter().setMaxListeners(-1)


# --- threads ---------------------------------------------------------------------


def test_concurrent_registration_loses_nothing() -> None:
    e = EventEmitter().setMaxListeners(0)

    def add() -> None:
        for _ in range(2000):
            e.on("x", lambda: None)

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert e.listenerCount("x") == 8000


def test_init_is_light() -> None:
    e = EventEmitter()
    assert set(vars(e)) == {"_pynet_events"}  # pyee's lock and _events are shared


@pytest.mark.parametrize("with_new_listener", [False, True])
@pytest.mark.parametrize("method", ["on", "once", "prependListener", "prependOnceListener"])
def test_unhashable_event_name_is_rejected_before_anything_changes(
        method: str, with_new_listener: bool) -> None:
    # A dict can't key a list: refused as a bad eventName, before 'newListener'
    # is emitted and with nothing registered (with or without a 'newListener'
    # listener, which takes a different path).
    e = EventEmitter()
    seen: list[Any] = []
    if with_new_listener:
        e.on("newListener", lambda *a: seen.append(a))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE, match='"eventName"'):
        getattr(e, method)([], lambda: None)
    assert seen == []
    assert e.eventNames() == (["newListener"] if with_new_listener else [])
    e.removeListener([], lambda: None)  # type: ignore[arg-type]  # Nothing to remove: no error.


def test_abort_signal_any_is_not_kept_alive_by_its_sources() -> None:
    import gc
    import weakref

    from pynet.abort import AbortController, AbortSignal

    source = AbortController()
    composite = AbortSignal.any([source.signal])
    ref = weakref.ref(composite)
    del composite
    gc.collect()
    assert ref() is None
    source.abort("late")  # the dead dependant is skipped
    assert source.signal.reason == "late"


def test_add_abort_listener_disposes_at_the_end_of_a_with_block() -> None:
    from pynet.abort import AbortController
    from pynet.events import addAbortListener

    seen: list[str] = []
    ac = AbortController()
    with addAbortListener(ac.signal, lambda: seen.append("inside")):
        assert ac.signal.listenerCount("abort") == 1
    assert ac.signal.listenerCount("abort") == 0
    ac.abort()
    assert seen == []
