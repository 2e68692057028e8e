"""Port of test/parallel/test-events-customevent.js (Node v20).

CustomEvent: ``detail`` (``None`` by default, any value, read-only), the Event
fields and options, option validation, ``ERR_MISSING_ARGS``, dispatch through
an EventTarget (function and ``handleEvent`` listeners, the same event on two
targets, ``target``/``currentTarget``/``srcElement``), subclasses and
``util.inspect``.  Not ported: ``Symbol.toStringTag``, ``Object.keys`` and
``CustomEvent.length`` (JavaScript reflection); no ``this``.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, events, run, util
from pynet.events import CustomEvent, EventTarget
from tests.helpers import CallChecker


def test_construction() -> None:
    with pytest.raises(errors.ERR_MISSING_ARGS):
        CustomEvent()
    with pytest.raises(TypeError):
        CustomEvent(events.Symbol("x"))  # type: ignore[arg-type]
    assert CustomEvent("foo", {}).type == "foo"
    ev = CustomEvent("$")
    assert (ev.type, ev.bubbles, ev.cancelable, ev.detail) == ("$", False, False, None)
    assert CustomEvent(1).type == "1"  # type: ignore[arg-type]
    assert CustomEvent(False).type == "false"  # type: ignore[arg-type]
    assert CustomEvent({}).type == "[object Object]"  # type: ignore[arg-type]


def test_detail() -> None:
    ev = CustomEvent("$", {"detail": 56, "sweet": "x", "cancelable": True})
    assert (ev.type, ev.bubbles, ev.cancelable, ev.detail) == ("$", False, True, 56)
    assert not hasattr(ev, "sweet")
    for value in ("foo", 1, False, [], {}):
        assert CustomEvent("$", {"detail": value}).detail is value
    assert CustomEvent("$", detail=7).detail == 7
    ev = CustomEvent("$", {"detail": 56})
    with pytest.raises(AttributeError):
        ev.detail = 96  # type: ignore[misc]
    assert ev.detail == 56


def test_event_fields() -> None:
    ev = CustomEvent("$")
    assert ev.defaultPrevented is False and isinstance(ev.timeStamp, float)
    assert ev.composedPath() == [] and ev.returnValue is True and ev.composed is False
    assert ev.isTrusted is False and ev.eventPhase == 0 and ev.cancelBubble is False
    ev.preventDefault()
    assert ev.defaultPrevented is False
    assert (CustomEvent.NONE, CustomEvent.CAPTURING_PHASE, CustomEvent.AT_TARGET,
            CustomEvent.BUBBLING_PHASE) == (0, 1, 2, 3)
    for setter in (lambda e: setattr(e, "cancelBubble", True), lambda e: e.stopPropagation(),
                   lambda e: setattr(e, "cancelBubble", "some-truthy-value")):
        ev = CustomEvent("foo")
        setter(ev)
        assert ev.cancelBubble is True
    ev = CustomEvent("foo", {"cancelable": True})
    ev.preventDefault()
    assert ev.defaultPrevented is True


@pytest.mark.parametrize("bad", ["foo", 1, False])
def test_invalid_options(bad: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        CustomEvent("foo", bad)
    assert str(info.value).startswith('The "options" argument must be of type object.')


def test_with_event_target(checker: CallChecker) -> None:
    obj = {"sweet": "x", "memory": {"x": 56, "y": 96}}
    et = EventTarget()
    ev = CustomEvent("$", {"detail": obj})
    et.addEventListener("$", checker.must_call(
        lambda event: None if event is ev and event.detail == obj else pytest.fail()))
    et.dispatchEvent(ev)
    assert ev.target is et

    detail = {"sweet": "x"}
    target = EventTarget()

    def ev1(event: CustomEvent) -> None:
        assert event.type == "foo" and event.detail is detail and event.eventPhase == 2

    class Ev2:
        def __init__(self) -> None:
            self.handleEvent = checker.must_call(
                lambda event: None if event.detail is detail else pytest.fail())

    listener = checker.must_call(ev1, 2)
    target.addEventListener("foo", listener)
    target.addEventListener("foo", Ev2(), {"once": True})
    assert target.dispatchEvent(CustomEvent("foo", {"detail": detail}))
    target.dispatchEvent(CustomEvent("foo", {"detail": detail}))
    target.removeEventListener("foo", listener)
    target.dispatchEvent(CustomEvent("foo"))
    run()


def test_same_event_on_two_targets(checker: CallChecker) -> None:
    obj = {"sweet": "x"}
    event = CustomEvent("foo", {"detail": obj})
    targets = [EventTarget(), EventTarget()]
    for target in targets:
        def check(e: CustomEvent, target: EventTarget = target) -> None:
            assert e.eventPhase == CustomEvent.AT_TARGET and e.target is target
            assert e.currentTarget is target and e.srcElement is target
            assert e.detail is obj and e.composedPath() == [target]
        target.addEventListener("foo", checker.must_call(check))
    for target in targets:
        target.dispatchEvent(event)
        assert event.eventPhase == CustomEvent.NONE and event.target is target
        assert event.composedPath() == []


def test_subclass_and_inspect(checker: CallChecker) -> None:
    class SubEvent(CustomEvent):
        pass

    ev = SubEvent("foo", {"detail": 56})
    target = EventTarget()
    target.addEventListener("foo", checker.must_call(
        lambda event: None if event is ev and event.detail == 56 else pytest.fail()),
        {"once": True})
    target.dispatchEvent(ev)
    plain = CustomEvent("test")
    assert util.inspect(plain, {"depth": -1}) == "CustomEvent"
    assert "CustomEvent" in util.inspect(plain, {"depth": 1})
    assert type(plain).__name__ == "CustomEvent"
