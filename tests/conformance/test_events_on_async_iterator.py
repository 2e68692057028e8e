"""Port of test/parallel/test-events-on-async-iterator.js (Node v20).

events.on yields argument lists in order, ignores other events, ends with
'error' (thrown once, after the queued events), removes its listeners on
break, on a throw in the loop body, on return() and on throw(); next() gives
{value, done}; AbortSignal before (sync throw) and after (AbortError); an
EventTarget and a NodeEventTarget iterated (their listeners gone after
``break``).  Not ported: a ``null`` signal (``None`` means "no signal" in
Python).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, errors, events, process, run
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError, AbortSignal
from pynet.events import Event, EventEmitter, EventTarget, NodeEventTarget, on
from pynet.timers import clearInterval, setInterval
from tests.helpers import CallChecker


async def basic() -> None:
    ee = EventEmitter()

    def emit() -> None:
        ee.emit("foo", "bar")
        ee.emit("bar", 24)  # A spurious event: not in the iterable.
        ee.emit("foo", 42)

    process.nextTick(emit)
    expected = [["bar"], [42]]
    async for event in on(ee, "foo"):
        assert event == expected.pop(0)
        if not expected:
            break
    assert ee.listenerCount("foo") == 0 and ee.listenerCount("error") == 0


async def invalid_arg_type() -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info:
        on({}, "foo")
    assert isinstance(info.value, TypeError)


async def error() -> None:
    ee = EventEmitter()
    err = Exception("kaboom")
    process.nextTick(lambda: ee.emit("error", err))
    looped = False
    with pytest.raises(Exception) as info:
        async for _event in on(ee, "foo"):
            looped = True
    assert info.value is err and not looped


async def error_delayed() -> None:
    ee = EventEmitter()
    err = Exception("kaboom")

    def emit() -> None:
        ee.emit("foo", 42)
        ee.emit("error", err)

    process.nextTick(emit)
    expected = [[42]]
    with pytest.raises(Exception) as info:
        async for event in on(ee, "foo"):
            assert event == expected.pop(0)
    assert info.value is err
    assert ee.listenerCount("foo") == 0 and ee.listenerCount("error") == 0


async def throw_in_loop() -> None:
    ee = EventEmitter()
    err = Exception("kaboom")
    process.nextTick(lambda: ee.emit("foo", 42))
    with pytest.raises(Exception) as info:
        async for event in on(ee, "foo"):
            assert event == [42]
            raise err
    assert info.value is err
    assert ee.listenerCount("foo") == 0 and ee.listenerCount("error") == 0


async def next_() -> None:
    ee = EventEmitter()
    iterable = on(ee, "foo")

    def emit() -> None:
        ee.emit("foo", "bar")
        ee.emit("foo", 42)
        iterable.return_()

    process.nextTick(emit)
    results = await Promise.all([iterable.next(), iterable.next(), iterable.next()])
    assert results == [{"value": ["bar"], "done": False}, {"value": [42], "done": False},
                       {"value": None, "done": True}]
    assert await iterable.next() == {"value": None, "done": True}


async def next_error() -> None:
    ee = EventEmitter()
    iterable = on(ee, "foo")
    err = Exception("kaboom")
    process.nextTick(lambda: ee.emit("error", err))
    results = await Promise.allSettled([iterable.next(), iterable.next(), iterable.next()])
    assert results == [{"status": "rejected", "reason": err},
                       {"status": "fulfilled", "value": {"value": None, "done": True}},
                       {"status": "fulfilled", "value": {"value": None, "done": True}}]
    assert ee.listeners("error") == []


async def iterable_throw() -> None:
    ee = EventEmitter()
    iterable = on(ee, "foo")
    err = Exception("kaboom")

    def emit() -> None:
        ee.emit("foo", "bar")
        ee.emit("foo", 42)  # Queued: still delivered before the error.
        iterable.throw(err)

    process.nextTick(emit)
    with pytest.raises(TypeError):
        iterable.throw(None)  # No argument.
    expected = [["bar"], [42]]
    with pytest.raises(Exception) as info:
        async for event in iterable:
            assert event == expected.pop(0)
    assert info.value is err and expected == []
    assert ee.listenerCount("foo") == 0 and ee.listenerCount("error") == 0


async def error_listener_count() -> None:
    et = EventEmitter()
    iterator = on(et, "foo")
    assert et.listenerCount("error") == 1
    iterator.return_()


async def abortable_on_before() -> None:
    ee = EventEmitter()
    for signal in (1, {}, False, "hi"):
        with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
            on(ee, "foo", {"signal": signal})
    with pytest.raises(AbortError):
        on(ee, "foo", {"signal": AbortSignal.abort()})


async def abortable_on_after(checker: CallChecker) -> None:
    ee = EventEmitter()
    ac = AbortController()
    i = setInterval(lambda: ee.emit("foo", "foo"), 10)

    async def foo() -> None:
        async for f in on(ee, "foo", {"signal": ac.signal}):
            assert f == ["foo"]

    def caught(err: Any) -> None:
        assert type(err).__name__ == "AbortError"

    Promise.resolve(foo()).catch(checker.must_call(caught)).finally_(lambda: clearInterval(i))
    process.nextTick(ac.abort)


async def abortable_on_after_done() -> None:
    ee = EventEmitter()
    ac = AbortController()
    i = setInterval(lambda: ee.emit("foo", "foo"), 1)
    count = 0

    async def foo() -> None:
        nonlocal count
        async for f in on(ee, "foo", {"signal": ac.signal}):
            assert f[0] == "foo"
            count += 1
            if count == 5:
                break
        ac.abort()  # No error will occur.

    Promise.resolve(foo()).finally_(lambda: clearInterval(i))


async def _iterate_target(et: EventTarget) -> None:
    interval = setInterval(lambda: et.dispatchEvent(Event("tick")), 0)
    count = 0
    async for [event] in on(et, "tick"):
        count += 1
        assert event.type == "tick"
        if count >= 5:
            break
    assert count == 5
    clearInterval(interval)
    assert events.getEventListeners(et, "tick") == []


async def event_target() -> None:
    await _iterate_target(EventTarget())


async def node_event_target() -> None:
    await _iterate_target(NodeEventTarget())


def test_events_on_async_iterator(loop: Loop, checker: CallChecker) -> None:
    async def main() -> None:
        for fn in (basic, invalid_arg_type, error, error_delayed, throw_in_loop, next_,
                   next_error, iterable_throw, error_listener_count, abortable_on_before,
                   event_target, node_event_target):
            await fn()
        await abortable_on_after(checker)
        await abortable_on_after_done()

    Promise.resolve(main()).then(checker.must_call(lambda: None))
    run()
