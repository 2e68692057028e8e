"""Port of test/parallel/test-events-once.js (Node v20).

events.once resolves with the event's arguments and removes its listeners;
rejects on 'error' (or resolves for once(ee, 'error')); AbortSignal before,
after and after the event; the same on an EventTarget (an Event resolves it, an
'error' Event is only an event).  Not ported: a ``null`` signal (``None`` is
JavaScript's ``undefined`` too, so it means "no signal").
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import Promise, errors, events, process, run
from pynet._core.loop import Loop
from pynet.abort import AbortController, AbortError, AbortSignal
from pynet.events import Event, EventEmitter, EventTarget, once
from tests.helpers import CallChecker


async def _rejects(promise: Any, kind: type[BaseException], code: str | None = None) -> None:
    try:
        await promise
    except kind as err:
        if code is not None:
            assert err.code == code  # type: ignore[attr-defined]
        return
    raise AssertionError("did not reject")


async def once_an_event() -> None:
    ee = EventEmitter()
    process.nextTick(lambda: ee.emit("myevent", 42))
    [value] = await once(ee, "myevent")
    assert value == 42
    assert ee.listenerCount("error") == 0 and ee.listenerCount("myevent") == 0


async def once_an_event_with_null_options() -> None:
    ee = EventEmitter()
    process.nextTick(lambda: ee.emit("myevent", 42))
    [value] = await once(ee, "myevent", None)
    assert value == 42


async def once_an_event_with_two_args() -> None:
    ee = EventEmitter()
    process.nextTick(lambda: ee.emit("myevent", 42, 24))
    assert await once(ee, "myevent") == [42, 24]


async def catches_errors() -> None:
    ee = EventEmitter()
    expected = Exception("kaboom")
    process.nextTick(lambda: ee.emit("error", expected))
    with pytest.raises(Exception) as info:
        await once(ee, "myevent")
    assert info.value is expected
    assert ee.listenerCount("error") == 0 and ee.listenerCount("myevent") == 0


async def catches_errors_with_abort_signal() -> None:
    ee = EventEmitter()
    ac = AbortController()
    expected = Exception("boom")
    process.nextTick(lambda: ee.emit("error", expected))
    promise = once(ee, "myevent", {"signal": ac.signal})
    # once is an async function: its listeners are added once it runs (now).
    assert ee.listenerCount("error") == 1
    assert ac.signal.listenerCount("abort") == 1
    with pytest.raises(Exception) as info:
        await promise
    assert info.value is expected
    assert ee.listenerCount("error") == 0 and ee.listenerCount("myevent") == 0
    assert ac.signal.listenerCount("abort") == 0


async def stop_listening_after_catching_error() -> None:
    ee = EventEmitter()
    expected = Exception("kaboom")

    def emit_both() -> None:
        ee.emit("error", expected)
        ee.emit("myevent", 42, 24)

    process.nextTick(emit_both)
    with pytest.raises(Exception) as info:
        await once(ee, "myevent")
    assert info.value is expected
    assert ee.listenerCount("error") == 0 and ee.listenerCount("myevent") == 0


async def once_error() -> None:
    ee = EventEmitter()
    expected = Exception("kaboom")
    process.nextTick(lambda: ee.emit("error", expected))
    promise = once(ee, "error")
    assert ee.listenerCount("error") == 1
    [err] = await promise
    assert err is expected
    assert ee.listenerCount("error") == 0 and ee.listenerCount("myevent") == 0


async def prioritizes_event_emitter() -> None:
    ee = EventEmitter()

    def fail(*a: Any) -> None:
        raise AssertionError("must not be called")

    ee.addEventListener = fail  # type: ignore[attr-defined]
    ee.removeAllListeners = fail  # type: ignore[method-assign]
    process.nextTick(lambda: ee.emit("foo"))
    await once(ee, "foo")


async def abort_signal_before(checker: CallChecker) -> None:
    ee = EventEmitter()
    ee.on("error", checker.must_not_call())
    for signal in (1, {}, "hi", False):
        await _rejects(once(ee, "foo", {"signal": signal}), errors.ERR_INVALID_ARG_TYPE,
                       "ERR_INVALID_ARG_TYPE")
    await _rejects(once(ee, "foo", {"signal": AbortSignal.abort()}), AbortError)


async def abort_signal_after(checker: CallChecker) -> None:
    ee = EventEmitter()
    ac = AbortController()
    ee.on("error", checker.must_not_call())
    r = Promise.resolve(_rejects(once(ee, "foo", {"signal": ac.signal}), AbortError))
    process.nextTick(ac.abort)
    await r


async def abort_signal_after_event() -> None:
    ee = EventEmitter()
    ac = AbortController()

    def emit_then_abort() -> None:
        ee.emit("foo")
        ac.abort()

    process.nextTick(emit_then_abort)
    promise = once(ee, "foo", {"signal": ac.signal})
    assert ac.signal.listenerCount("abort") == 1
    await promise
    assert ac.signal.listenerCount("abort") == 0


async def abort_signal_remove_listener() -> None:
    ee = EventEmitter()
    ac = AbortController()
    process.nextTick(ac.abort)
    try:
        await once(ee, "test", {"signal": ac.signal})
    except AbortError:
        assert ee.listeners("test") == [] and ee.listeners("error") == []
    else:
        raise AssertionError("did not reject")


async def once_with_event_target() -> None:
    et = EventTarget()
    event = Event("myevent")
    process.nextTick(lambda: et.dispatchEvent(event))
    [value] = await once(et, "myevent")
    assert value is event


async def once_with_event_target_error() -> None:
    et = EventTarget()
    error = Event("error")
    process.nextTick(lambda: et.dispatchEvent(error))
    [value] = await once(et, "error")
    assert value is error


async def event_target_abort_signal_before() -> None:
    et = EventTarget()
    signal = AbortSignal.abort()
    await _rejects(once(et, "foo", {"signal": signal}), AbortError, "ABORT_ERR")
    assert events.getEventListeners(et, "foo") == []


async def event_target_abort_signal_after() -> None:
    et = EventTarget()
    ac = AbortController()
    promise = once(et, "foo", {"signal": ac.signal})
    process.nextTick(ac.abort)
    await _rejects(promise, AbortError, "ABORT_ERR")
    assert events.getEventListeners(et, "foo") == []


async def event_target_abort_signal_after_event() -> None:
    et = EventTarget()
    ac = AbortController()

    def dispatch_then_abort() -> None:
        et.dispatchEvent(Event("foo"))
        ac.abort()

    process.nextTick(dispatch_then_abort)
    await once(et, "foo", {"signal": ac.signal})
    assert events.getEventListeners(ac.signal, "abort") == []


def test_events_once(loop: Loop, checker: CallChecker) -> None:
    done = checker.must_call(lambda v: None)
    Promise.all([
        once_an_event(),
        once_an_event_with_null_options(),
        once_an_event_with_two_args(),
        catches_errors(),
        catches_errors_with_abort_signal(),
        stop_listening_after_catching_error(),
        once_error(),
        prioritizes_event_emitter(),
        abort_signal_before(checker),
        abort_signal_after(checker),
        abort_signal_after_event(),
        abort_signal_remove_listener(),
        once_with_event_target(),
        once_with_event_target_error(),
        event_target_abort_signal_before(),
        event_target_abort_signal_after(),
        event_target_abort_signal_after_event(),
    ]).then(done)
    run()
