"""EventTarget, Event, CustomEvent and AbortSignal as an EventTarget are typed."""

from __future__ import annotations

from typing import Any, assert_type

from pynet import events
from pynet.abort import AbortController, AbortSignal
from pynet.events import CustomEvent, Event, EventTarget, NodeEventTarget


class Listener:
    def handleEvent(self, event: Event) -> None:
        print(event.type)


def main() -> None:
    target = EventTarget()
    target.addEventListener("foo", lambda event: print(event))
    target.addEventListener("foo", lambda: None, {"once": True, "passive": True})
    target.addEventListener("foo", Listener(), once=True)
    target.addEventListener("foo", Listener(), True)
    assert_type(target.dispatchEvent(Event("foo", {"cancelable": True})), bool)
    event = CustomEvent("bar", {"detail": 1})
    assert_type(event.detail, Any)
    assert_type(event.type, str)
    assert_type(event.target, EventTarget | None)
    assert_type(event.timeStamp, float)
    controller = AbortController()
    signal: EventTarget = controller.signal
    assert isinstance(signal, AbortSignal)
    target.addEventListener("foo", print, signal=controller.signal)
    assert_type(events.getEventListeners(target, "foo"), list[Any])
    events.setMaxListeners(20, target, controller.signal)
    node_target = NodeEventTarget().on("x", print).once("y", print)
    assert_type(node_target, NodeEventTarget)
    assert_type(node_target.emit("x", 1), bool)
