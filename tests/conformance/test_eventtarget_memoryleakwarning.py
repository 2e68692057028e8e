"""Port of test/parallel/test-eventtarget-memoryleakwarning.js (Node v20).

``events.setMaxListeners(n, target)`` sets one target's limit; without targets
it sets the default of targets made later (``EventEmitter.defaultMaxListeners``);
passing the limit warns once per target with Node's message (an AbortSignal
prints as ``[AbortSignal]``); it works for EventEmitters too.  The warnings go
through Python's :mod:`warnings` (as pynet's EventEmitter's do), not
``process.emitWarning``.  Not ported: the MessagePort cases (no
``MessageChannel``) and the weak-listener case that needs ``--expose-gc``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from pynet import events
from pynet.abort import AbortController
from pynet.events import EventEmitter, EventTarget, setMaxListeners


@pytest.fixture(autouse=True)
def _default_limit() -> Iterator[None]:
    saved = EventEmitter.defaultMaxListeners
    yield
    EventEmitter.defaultMaxListeners = saved


def _message(name: str) -> str:
    return (f"Possible EventTarget memory leak detected. 3 foo listeners added to {name}. "
            "MaxListeners is 2. Use events.setMaxListeners() to increase limit")


def test_leak_warnings() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        et = EventTarget()
        setMaxListeners(2, et)
        for _ in range(3):
            et.addEventListener("foo", lambda: None)
        # No warning: the limit was for that one target only.
        et2 = EventTarget()
        for _ in range(3):
            et2.addEventListener("foo", lambda: None)
        # The default of targets made from now on.
        setMaxListeners(2)
        ac = AbortController()
        for _ in range(3):
            ac.signal.addEventListener("foo", lambda: None)
        for _ in range(3):  # once per target
            ac.signal.addEventListener("foo", lambda: None)
    got = [(type(w.message), str(w.message)) for w in caught]
    assert got == [(events.MaxListenersExceededWarning, _message("EventTarget")),
                   (events.MaxListenersExceededWarning, _message("[AbortSignal]"))]
    assert getattr(caught[0].message, "target", None) is et
    assert caught[0].filename == __file__  # points at the addEventListener call


def test_emitters_too() -> None:
    ee = EventEmitter()
    setMaxListeners(2, ee)
    assert ee.getMaxListeners() == 2
    assert events.getMaxListeners(ee) == 2
    et = EventTarget()
    setMaxListeners(5, et)
    assert events.getMaxListeners(et) == 5
    with pytest.raises(ValueError):
        setMaxListeners(-1, et)
    with pytest.raises(TypeError):
        setMaxListeners(1, object())
