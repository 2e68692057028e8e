"""Port of test/parallel/test-nodeeventtarget.js (Node v20).

NodeEventTarget (internal in Node, ``pynet.events.NodeEventTarget`` here): the
EventTarget listeners, the EventEmitter-style ``on``/``once``/``addListener``/
``off``/``removeListener`` (chainable), ``listenerCount``, ``eventNames``,
``removeAllListeners``, the leak warning (through Python's :mod:`warnings`, as
pynet's EventEmitter's), and ``events.on`` over a NodeEventTarget.  Differences:
no ``this`` (a ``handleEvent`` method is bound to its object).
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import events, run, timers
from pynet.events import Event, NodeEventTarget
from tests.helpers import CallChecker


class _Handler:
    def __init__(self, checker: CallChecker) -> None:
        def handle(event: Event) -> None:
            assert event.type == "foo"
        self.handleEvent = checker.must_call(handle)


def test_event_target_methods(checker: CallChecker) -> None:
    target = NodeEventTarget()
    assert target.listenerCount("foo") == 0 and target.eventNames() == []
    ev1 = checker.must_call(lambda event: None if event.type == "foo" else pytest.fail(), 2)
    ev2 = _Handler(checker)
    target.addEventListener("foo", ev1)
    target.addEventListener("foo", ev2, {"once": True})
    assert target.listenerCount("foo") == 2
    assert target.dispatchEvent(Event("foo"))
    assert target.listenerCount("foo") == 1
    target.dispatchEvent(Event("foo"))
    target.removeEventListener("foo", ev1)
    assert target.listenerCount("foo") == 0
    target.dispatchEvent(Event("foo"))
    run()


@pytest.mark.parametrize("add, remove", [("on", "off"), ("addListener", "removeListener")])
def test_emitter_methods(checker: CallChecker, add: str, remove: str) -> None:
    target = NodeEventTarget()
    ev1 = checker.must_call(lambda event: None if event.type == "foo" else pytest.fail(), 2)
    ev2 = _Handler(checker)
    assert getattr(target, add)("foo", ev1) is target
    assert target.once("foo", ev2) is target
    assert target.listenerCount("foo") == 2
    target.dispatchEvent(Event("foo"))
    assert target.listenerCount("foo") == 1
    target.dispatchEvent(Event("foo"))
    assert getattr(target, remove)("foo", ev1) is target
    assert target.listenerCount("foo") == 0
    target.dispatchEvent(Event("foo"))
    run()


def test_remove_all_listeners() -> None:
    target = NodeEventTarget()

    def ev1() -> None: ...

    class Ev2:
        def handleEvent(self) -> None: ...

    ev2 = Ev2()
    target.addListener("foo", ev1)
    target.addEventListener("foo", ev1)  # the same (listener, capture): ignored
    target.once("foo", ev2)
    target.once("foo", ev2)
    target.on("bar", ev1)
    assert target.listenerCount("foo") == 2 and target.listenerCount("bar") == 1
    assert target.eventNames() == ["foo", "bar"]
    target.removeAllListeners("foo")
    assert target.listenerCount("foo") == 0 and target.listenerCount("bar") == 1
    assert target.eventNames() == ["bar"]
    target.removeAllListeners()
    assert target.listenerCount("bar") == 0 and target.eventNames() == []


def test_leak_warning() -> None:
    target = NodeEventTarget()
    assert target.getMaxListeners() == NodeEventTarget.defaultMaxListeners
    target.setMaxListeners(1)
    target.on("foo", lambda: None)
    with pytest.warns(events.MaxListenersExceededWarning) as record:
        target.on("foo", lambda: None)
    warning: Any = record[0].message
    assert warning.name == "MaxListenersExceededWarning"
    assert warning.target is target and warning.count == 2 and warning.type == "foo"
    assert "2 foo listeners added to NodeEventTarget" in str(warning)


def test_emit_passes_the_value_to_node_style_listeners(checker: CallChecker) -> None:
    target = NodeEventTarget()
    target.on("foo", checker.must_call(lambda value: None if value == 42 else pytest.fail()))
    target.addEventListener("foo", checker.must_call(
        lambda event: None if event.detail == 42 and event.type == "foo" else pytest.fail()))
    assert target.emit("foo", 42) is True
    assert target.emit("bar", 1) is False


def test_async_iteration(checker: CallChecker) -> None:
    emitter = NodeEventTarget()
    interval = timers.setInterval(lambda: emitter.dispatchEvent(Event("foo")), 0)

    async def main() -> None:
        count = 0
        async for [item] in events.on(emitter, "foo"):
            count += 1
            assert item.type == "foo"
            if count > 5:
                break
        timers.clearInterval(interval)
        assert emitter.listenerCount("foo") == 0 and emitter.listenerCount("error") == 0

    run(main())
