"""pynet.events.EventTarget details the ported Node tests do not pin."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from pynet import events, run
from pynet._core.loop import Loop
from pynet.abort import AbortController
from pynet.events import Event, EventTarget


def test_a_bound_method_is_removed_by_an_equal_one(loop: Loop) -> None:
    class Owner:
        def __init__(self) -> None:
            self.calls = 0

        def on_foo(self) -> None:
            self.calls += 1

    owner = Owner()
    target = EventTarget()
    target.addEventListener("foo", owner.on_foo)
    target.addEventListener("foo", owner.on_foo)  # the same listener: ignored
    target.dispatchEvent(Event("foo"))
    target.removeEventListener("foo", owner.on_foo)
    target.dispatchEvent(Event("foo"))
    assert owner.calls == 1


def test_the_signal_option_keeps_no_target_alive(loop: Loop) -> None:
    controller = AbortController()
    target = EventTarget()
    target.addEventListener("foo", lambda: None, {"signal": controller.signal})
    assert len(events.getEventListeners(controller.signal, "abort")) == 1
    ref = weakref.ref(target)
    del target
    gc.collect()
    assert ref() is None
    # The signal's weak listener went with it.
    assert events.getEventListeners(controller.signal, "abort") == []
    controller.abort()


def test_events_on_a_plain_target(loop: Loop) -> None:
    target = EventTarget()
    seen: list[Any] = []

    async def main() -> None:
        async for [event] in events.on(target, "tick"):
            seen.append(event.type)
            if len(seen) == 2:
                break
        assert events.getEventListeners(target, "tick") == []

    from pynet.timers import setImmediate

    setImmediate(lambda: (target.dispatchEvent(Event("tick")), target.dispatchEvent(Event("tick"))))
    run(main())
    assert seen == ["tick", "tick"]


def test_listener_added_during_dispatch_is_called_unless_added_by_the_last(loop: Loop) -> None:
    target = EventTarget()
    out: list[str] = []

    def first() -> None:
        out.append("first")
        target.addEventListener("x", lambda: out.append("added by first"))

    def last() -> None:
        out.append("last")

    target.addEventListener("x", first, {"once": True})
    target.addEventListener("x", last)
    target.dispatchEvent(Event("x"))
    assert out == ["first", "last", "added by first"]
    out.clear()
    target2 = EventTarget()
    target2.addEventListener("x", lambda: target2.addEventListener("x", lambda: out.append("no")))
    target2.dispatchEvent(Event("x"))
    assert out == []


def test_listener_count_of_a_plain_target_is_zero_as_in_node_20(loop: Loop) -> None:
    target = EventTarget()
    target.addEventListener("foo", lambda: None)
    assert events.listenerCount(target, "foo") == 0
    assert len(events.getEventListeners(target, "foo")) == 1
