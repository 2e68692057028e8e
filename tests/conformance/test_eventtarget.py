"""Port of test/parallel/test-eventtarget.js (Node v20).

Event's fields and options, EventTarget's listeners (functions and
``handleEvent`` objects, ``once``, ``capture`` as a bool or an option, ``null``
options), ``dispatchEvent``'s return value, errors thrown by listeners reaching
``'uncaughtException'`` (never ``'error'`` nor ``'unhandledRejection'``),
``stopImmediatePropagation``, ``target``/``currentTarget``/``composedPath()``,
``ERR_EVENT_RECURSION``, ``ERR_MISSING_ARGS``, ``ERR_INVALID_ARG_TYPE``, event
handler attributes (``defineEventHandler``: here an :class:`EventHandler`
class attribute), ``util.inspect``, the ``signal`` option and the
``AddEventListenerArgumentTypeWarning``.

Differences, each Node v20's behaviour or Python's: ``removeEventListener``
with a boolean third argument removes the non-capture listener in Node 20 (newer
Node reads it as ``capture``); ``events.listenerCount``
of a plain EventTarget is 0 in Node 20 (newer Node counts), so the counts are
read with ``events.getEventListeners``; there is no ``this`` (the listener's
target is ``event.currentTarget``; a ``handleEvent`` method is bound to its
object); the warning goes through Python's :mod:`warnings` (as pynet's
EventEmitter leak warning does).  Not ported: the ``ERR_INVALID_THIS`` brand
checks (``dispatchEvent.call(other)``: Python binds methods), the
``toString()``/``Symbol.toStringTag`` checks, ``Object.keys`` of the prototype,
``Event.length``, and the weak-listener garbage-collection cases that need
``--expose-gc`` (the weak path itself is covered by the ``signal`` option).
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from pynet import errors, events, process, run, util
from pynet._events.event_target import WEAK_HANDLER, EventHandler
from pynet.abort import AbortController
from pynet.events import CustomEvent, Event, EventTarget
from tests.helpers import CallChecker


def _count(target: EventTarget, name: str) -> int:
    return len(events.getEventListeners(target, name))


def test_event_fields() -> None:
    ev = Event("foo")
    assert ev.type == "foo"
    assert ev.cancelable is False and ev.defaultPrevented is False
    assert isinstance(ev.timeStamp, float)
    assert ev.composedPath() == []
    assert ev.returnValue is True and ev.bubbles is False and ev.composed is False
    assert ev.isTrusted is False and ev.eventPhase == 0 and ev.cancelBubble is False
    ev.preventDefault()  # not cancelable
    assert ev.defaultPrevented is False


@pytest.mark.parametrize("bad", ["foo", 1, False])
def test_event_options_must_be_an_object(bad: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        Event("foo", bad)
    assert str(info.value).startswith('The "options" argument must be of type object.')
    assert isinstance(info.value, TypeError)


def test_cancel_bubble() -> None:
    ev = Event("foo")
    ev.cancelBubble = True
    assert ev.cancelBubble is True
    ev = Event("foo")
    ev.stopPropagation()
    assert ev.cancelBubble is True
    ev = Event("foo")
    ev.cancelBubble = "some-truthy-value"
    assert ev.cancelBubble is True
    ev = Event("foo")
    ev.cancelBubble = 0
    assert ev.cancelBubble is False


def test_missing_type_and_extra_arguments() -> None:
    with pytest.raises(errors.ERR_MISSING_ARGS):
        Event()
    assert Event("foo", {}).type == "foo"
    Event("", None)  # A null eventInitDict is fine.


def test_cancelable() -> None:
    ev = Event("foo", {"cancelable": True})
    assert ev.cancelable is True and ev.defaultPrevented is False
    ev.preventDefault()
    assert ev.defaultPrevented is True and ev.returnValue is False
    assert Event("foo", cancelable=True).cancelable is True
    with pytest.raises(TypeError):
        Event(events.Symbol("x"))  # type: ignore[arg-type]


def test_listeners_and_handle_event_objects(checker: CallChecker) -> None:
    target = EventTarget()

    def first(event: Event) -> None:
        assert event.type == "foo"
        assert event.currentTarget is target
        assert event.eventPhase == 2

    class Handler:
        def handleEvent(self, event: Event) -> None:
            assert event.type == "foo"
            assert self is ev2

    ev1 = checker.must_call(first, 2)
    ev2 = Handler()
    handled = checker.must_call(ev2.handleEvent)
    ev2.handleEvent = handled  # type: ignore[method-assign]
    target.addEventListener("foo", ev1)
    target.addEventListener("foo", ev2, {"once": True})
    assert _count(target, "foo") == 2
    assert target.dispatchEvent(Event("foo")) is True
    assert _count(target, "foo") == 1
    target.dispatchEvent(Event("foo"))
    target.removeEventListener("foo", ev1)
    assert _count(target, "foo") == 0
    target.dispatchEvent(Event("foo"))
    run()  # handleEvent runs in an async wrapper: let it settle.


def test_event_subclass(checker: CallChecker) -> None:
    class SubEvent(Event):
        __slots__ = ()

    ev = SubEvent("foo")
    target = EventTarget()
    target.addEventListener("foo", checker.must_call(lambda event: (
        None if event is ev else pytest.fail("another event"))), {"once": True})
    target.dispatchEvent(ev)


def test_same_event_dispatched_twice(checker: CallChecker) -> None:
    event = Event("foo")
    t1, t2 = EventTarget(), EventTarget()

    def on(target: EventTarget) -> Any:
        def listener(e: Event) -> None:
            assert e.eventPhase == Event.AT_TARGET
            assert e.target is target
            assert e.composedPath() == [target]
        return checker.must_call(listener)

    t1.addEventListener("foo", on(t1))
    t2.addEventListener("foo", on(t2))
    for target in (t1, t2):
        target.dispatchEvent(event)
        assert event.eventPhase == Event.NONE
        assert event.target is target
        assert event.composedPath() == []
    # Without listeners too.
    event = Event("foo")
    for target in (EventTarget(), EventTarget()):
        target.dispatchEvent(event)
        assert event.eventPhase == Event.NONE and event.target is target


def test_prevent_default_makes_dispatch_return_false() -> None:
    target = EventTarget()
    target.addEventListener("foo", lambda event: event.preventDefault())
    assert target.dispatchEvent(Event("foo", {"cancelable": True})) is False
    assert target.dispatchEvent(Event("foo")) is True  # not cancelable


def test_boolean_capture_and_null_options(checker: CallChecker) -> None:
    target = EventTarget()
    target.addEventListener("foo", checker.must_call(lambda e: None), False)
    target.addEventListener("bar", checker.must_call(lambda e: None), None)
    target.dispatchEvent(Event("foo"))
    target.dispatchEvent(Event("bar"))


def test_handle_event_is_read_when_called(checker: CallChecker) -> None:
    target = EventTarget()
    listener: dict[str, Any] = {}
    target.addEventListener("foo", listener)
    listener["handleEvent"] = checker.must_call(lambda event: None)
    target.dispatchEvent(Event("foo"))
    target = EventTarget()
    other: dict[str, Any] = {}
    target.removeEventListener("foo", other)  # does not throw
    target.addEventListener("foo", other)
    target.removeEventListener("foo", other)
    other["handleEvent"] = checker.must_not_call()
    target.dispatchEvent(Event("foo"))
    run()


def test_listener_errors_are_uncaught_exceptions(checker: CallChecker) -> None:
    def uncaught(err: BaseException, origin: str) -> None:
        assert str(err) == "boom"
        assert origin == "uncaughtException"

    on_uncaught = checker.must_call(uncaught, 4)
    process.on("uncaughtException", on_uncaught)
    process.on("unhandledRejection", checker.must_not_call())
    try:
        target = EventTarget()

        async def ev1() -> None:
            raise Exception("boom")

        def ev2() -> None:
            raise Exception("boom")

        class Ev3:
            def handleEvent(self) -> None:
                raise Exception("boom")

        class Ev4:
            async def handleEvent(self) -> None:
                raise Exception("boom")

        for listener in (ev1, ev2, Ev3(), Ev4()):
            target.addEventListener("foo", listener, {"once": True})
        target.dispatchEvent(Event("foo"))
        run()
    finally:
        process.removeAllListeners("uncaughtException")
        process.removeAllListeners("unhandledRejection")


def test_recursive_dispatch_of_a_new_event(checker: CallChecker) -> None:
    target = EventTarget()
    target.addEventListener(
        "foo", checker.must_call(lambda e: target.dispatchEvent(Event("foo"))), {"once": True})
    target.dispatchEvent(Event("foo"))


def test_type_coercion_and_argument_errors() -> None:
    assert Event(1).type == "1"  # type: ignore[arg-type]
    assert Event(False).type == "false"  # type: ignore[arg-type]
    assert Event({}).type == "[object Object]"  # type: ignore[arg-type]
    target = EventTarget()
    for bad in ("foo", {}, None, 1, False):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            target.dispatchEvent(bad)  # type: ignore[arg-type]
        assert str(info.value).startswith('The "event" argument must be an instance of Event.')
    for bad in ("foo", 1, False):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
            target.addEventListener("foo", bad)  # type: ignore[arg-type]
        assert str(info.value).startswith(
            'The "listener" argument must be an instance of EventListener.')


def test_events_once_on_a_target(checker: CallChecker) -> None:
    target = EventTarget()
    events.once(target, "foo").then(checker.must_call())
    target.dispatchEvent(Event("foo"))
    run()


def test_stop_immediate_propagation(checker: CallChecker) -> None:
    target = EventTarget()
    event = Event("foo")
    event.stopImmediatePropagation()
    assert event.cancelBubble is True
    target.addEventListener("foo", checker.must_not_call())
    target.dispatchEvent(event)

    target = EventTarget()
    target.addEventListener("foo", checker.must_call(lambda e: e.stopImmediatePropagation()))
    target.addEventListener("foo", checker.must_not_call())
    target.dispatchEvent(Event("foo"))


def test_targets(checker: CallChecker) -> None:
    target = EventTarget()
    event = Event("foo")
    assert event.target is None

    def listener(e: Event) -> None:
        assert e.target is target and e.currentTarget is target and e.srcElement is target

    target.addEventListener("foo", checker.must_call(listener))
    target.dispatchEvent(event)


def test_event_recursion(checker: CallChecker) -> None:
    t1, t2 = EventTarget(), EventTarget()
    event = Event("foo")

    def listener(e: Event) -> None:
        with pytest.raises(errors.ERR_EVENT_RECURSION) as info:
            t2.dispatchEvent(e)
        assert str(info.value) == 'The event "foo" is already being dispatched'

    t1.addEventListener("foo", checker.must_call(listener))
    t1.dispatchEvent(event)


def test_removed_during_dispatch(checker: CallChecker) -> None:
    target = EventTarget()

    def remove_self() -> None:
        target.removeEventListener("foo", a)

    a = checker.must_call(remove_self)
    b = checker.must_call(times=2)
    target.addEventListener("foo", a)
    target.addEventListener("foo", b)
    target.dispatchEvent(Event("foo"))
    target.dispatchEvent(Event("foo"))

    et = EventTarget()
    never = checker.must_not_call()
    et.addEventListener("foo", checker.must_call(lambda e: et.removeEventListener("foo", never)))
    et.addEventListener("foo", never)
    et.dispatchEvent(Event("foo"))


@pytest.mark.parametrize("as_option", [True, False])
def test_capture_is_part_of_the_key(checker: CallChecker, as_option: bool) -> None:
    # Node 20 reads ``options?.capture`` in removeEventListener, so a boolean
    # there means "not capture": removeEventListener(type, a, true) removes the
    # non-capture listener, and a is called 4 times (newer Node: 3).
    target = EventTarget()
    a = checker.must_call(times=3 if as_option else 4)

    def opts(capture: bool) -> Any:
        return {"capture": capture} if as_option else capture

    target.addEventListener("foo", a, opts(True))
    target.addEventListener("foo", a, opts(False))
    target.dispatchEvent(Event("foo"))
    target.removeEventListener("foo", a, opts(True))
    target.dispatchEvent(Event("foo"))
    target.removeEventListener("foo", a, opts(False))
    target.dispatchEvent(Event("foo"))


class _Foo(EventTarget):
    __slots__ = ()
    onfoo = EventHandler("foo")


class _FooBar(EventTarget):
    __slots__ = ()
    onfoo = EventHandler("bar")


def test_event_handler_attributes(checker: CallChecker) -> None:
    target = _Foo()
    assert target.onfoo is None
    target.onfoo = checker.must_call()
    target.dispatchEvent(Event("foo"))

    target = _Foo()
    count = [0]

    def bump(*_: Any) -> None:
        count[0] += 1

    target.onfoo = bump
    target.onfoo = checker.must_call(bump)
    target.dispatchEvent(Event("foo"))
    assert count == [1]

    target = _Foo()
    count = [0]
    target.addEventListener("foo", bump)
    target.onfoo = checker.must_call(bump)
    target.dispatchEvent(Event("foo"))
    assert count == [2]

    target = _Foo()
    fn = checker.must_not_call()
    target.onfoo = fn
    assert target.onfoo is fn
    target.onfoo = None
    target.dispatchEvent(Event("foo"))


def test_event_handler_order() -> None:
    target = _Foo()
    output: list[int] = []
    target.addEventListener("foo", lambda: output.append(1))
    target.onfoo = lambda: pytest.fail("replaced")
    target.addEventListener("foo", lambda: output.append(3))
    target.onfoo = lambda: output.append(2)
    target.addEventListener("foo", lambda: output.append(4))
    target.dispatchEvent(Event("foo"))
    assert output == [1, 2, 3, 4]

    other = _FooBar()
    output = []
    other.addEventListener("bar", lambda: output.append(1))
    other.onfoo = lambda: output.append(2)
    other.dispatchEvent(Event("bar"))
    assert output == [1, 2]


def test_event_statics(checker: CallChecker) -> None:
    assert (Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE) == \
        (0, 1, 2, 3)
    assert Event("foo").eventPhase == Event.NONE
    target = EventTarget()
    target.addEventListener(
        "foo", checker.must_call(lambda e: None if e.eventPhase == Event.AT_TARGET
                                 else pytest.fail("phase")), {"once": True})
    target.dispatchEvent(Event("foo"))


@pytest.mark.parametrize("name", ["toString", "__proto__", "__class__"])
def test_odd_type_names(checker: CallChecker, name: str) -> None:
    target = EventTarget()
    target.addEventListener(name, checker.must_call(lambda e: None if e.type == name
                                                    else pytest.fail(e.type)))
    target.dispatchEvent(Event(name))


def test_null_listeners_warn(checker: CallChecker) -> None:
    target = EventTarget()
    with pytest.raises(errors.ERR_MISSING_ARGS):
        target.addEventListener("foo")
    with pytest.warns(events.AddEventListenerArgumentTypeWarning) as record:
        target.addEventListener("foo", None)
    warning = record[0].message
    assert str(warning) == "addEventListener called with null which has no effect."
    assert warning.name == "AddEventListenerArgumentTypeWarning"  # type: ignore[union-attr]
    assert warning.target is target  # type: ignore[union-attr]
    target.removeEventListener("foo", None)
    for bad in ("hello", False):
        with pytest.raises(TypeError):
            target.addEventListener("foo", bad)  # type: ignore[arg-type]
    assert _count(target, "foo") == 0


def test_subclassing_and_order(checker: CallChecker) -> None:
    class SubTarget(EventTarget):
        pass

    target = SubTarget()
    target.addEventListener("foo", checker.must_call())
    target.dispatchEvent(Event("foo"))
    state = [0]

    def first() -> None:
        assert state[0] == 0
        state[0] += 1

    def second() -> None:
        assert state[0] == 1

    target = SubTarget()
    target.addEventListener("foo", checker.must_call(first))
    target.addEventListener("foo", checker.must_call(second))
    target.dispatchEvent(Event("foo"))


def test_inspect() -> None:
    ev = Event("test")
    assert util.inspect(ev, {"depth": -1}) == "Event"
    assert "Event" in util.inspect(ev, {"depth": 1})
    assert "type: 'test'" in util.inspect(ev)
    assert util.inspect(EventTarget(), {"depth": 1}) == "EventTarget {}"
    assert type(ev).__name__ == "Event" and type(EventTarget()).__name__ == "EventTarget"


def test_weak_listeners(checker: CallChecker) -> None:
    et = EventTarget()
    listener = checker.must_call()
    et.addEventListener("foo", listener, {WEAK_HANDLER: et})
    et.dispatchEvent(Event("foo"))
    et = EventTarget()
    never = checker.must_not_call()
    et.addEventListener("foo", never, {WEAK_HANDLER: et})
    et.removeEventListener("foo", never)
    et.dispatchEvent(Event("foo"))


def test_missing_arguments() -> None:
    et = EventTarget()
    for call in (lambda: et.addEventListener(), lambda: et.addEventListener("foo"),
                 lambda: et.removeEventListener(), lambda: et.removeEventListener("foo"),
                 lambda: et.dispatchEvent()):
        with pytest.raises(errors.ERR_MISSING_ARGS) as info:
            call()
        assert isinstance(info.value, TypeError)
    with pytest.raises(TypeError):
        et.addEventListener(events.Symbol("symbol"), lambda: None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        et.removeEventListener(events.Symbol("symbol"), lambda: None)  # type: ignore[arg-type]


def test_signal_removes_even_when_propagation_stopped(checker: CallChecker) -> None:
    controller = AbortController()
    signal = controller.signal
    signal.addEventListener("abort", lambda e: e.stopImmediatePropagation(), {"once": True})
    et = EventTarget()
    et.addEventListener("foo", checker.must_not_call(), {"signal": signal})
    controller.abort()
    et.dispatchEvent(Event("foo"))


def test_signal_option(checker: CallChecker) -> None:
    controller = AbortController()
    et = EventTarget()
    et.addEventListener("foo", checker.must_call(), signal=controller.signal)
    et.dispatchEvent(Event("foo"))
    controller.abort()
    et.dispatchEvent(Event("foo"))
    # An aborted signal adds nothing.
    et.addEventListener("foo", checker.must_not_call(), {"signal": controller.signal})
    et.dispatchEvent(Event("foo"))
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        et.addEventListener("foo", lambda: None, {"signal": 1})
    assert str(info.value).startswith(
        'The "options.signal" property must be an instance of AbortSignal.')


def test_custom_event_detail_is_not_on_event() -> None:
    assert not hasattr(Event("$", {"detail": 96}), "detail")
    assert CustomEvent("$", {"detail": 96}).detail == 96


def test_warnings_filter_is_pythons() -> None:
    target = EventTarget()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(events.AddEventListenerArgumentTypeWarning):
            target.addEventListener("foo", None)
