"""pipe()'s set-up and clean-up, and the once wrapper's call: the shortcuts step
aside whenever the difference could be seen.

pipe() adds its six listeners and removes them in one step each
(``EventEmitter._pynet_store``/``_pynet_drop``) only when the listener methods
are EventEmitter's own, on the class and on the instance, and no
``'newListener'``/``'removeListener'`` listener watches; otherwise it calls
the public methods one by one, as Node's ``Readable.prototype.pipe`` does.
tests/interop/test_pipe_trace_node.py compares both paths' traces with node.
"""

from __future__ import annotations

import functools
import warnings
from typing import Any

import pytest

from pynet import net
from pynet._core.loop import Loop
from pynet.events import EventEmitter, MaxListenersExceededWarning
from pynet.stream import PassThrough, Readable

PIPE_ADDS = [("once", "end"), ("on", "unpipe"), ("on", "data"), ("prependListener", "error"),
             ("once", "close"), ("once", "finish")]


def _source() -> Readable:
    return Readable(read=lambda n: None)


def _names(e: Any, event: str) -> list[str]:
    return [getattr(f, "listener", f).__name__ for f in e.rawListeners(event)]


def test_a_class_with_its_own_listener_methods_gets_every_call(loop: Loop) -> None:
    calls: list[tuple[str, str]] = []

    class Logged(PassThrough):
        def on(self, event: Any, f: Any = None) -> Any:
            calls.append(("on", event))
            return super().on(event, f)

        def once(self, event: Any, f: Any = None) -> Any:
            calls.append(("once", event))
            return super().once(event, f)

        def prependListener(self, event: Any, f: Any = None) -> Any:
            calls.append(("prependListener", event))
            return super().prependListener(event, f)

        def removeListener(self, event: Any, f: Any) -> Any:
            calls.append(("removeListener", event))
            return super().removeListener(event, f)

    src = Logged()
    calls.clear()  # Transform's own 'prefinish' listener
    src.pipe(src)
    assert calls == PIPE_ADDS
    assert _names(src, "error") == ["onerror"] and _names(src, "close") == ["onclose"]
    calls.clear()
    src.unpipe(src)  # Node's cleanup: dest's four (no 'drain' yet), then the source's three
    assert calls == [("removeListener", ev) for ev in
                     ("close", "finish", "error", "unpipe", "end", "end", "data")]
    assert src.listenerCount("data") == 0 and src.listenerCount("unpipe") == 0
    src.destroy()
    loop.run()


def test_a_listener_method_replaced_on_the_instance_is_called(loop: Loop) -> None:
    calls: list[str] = []
    src, dest = _source(), PassThrough()
    plain_once = dest.once

    def once(event: Any, f: Any) -> Any:
        calls.append(event)
        return plain_once(event, f)

    dest.once = once  # type: ignore[method-assign]
    src.pipe(dest)
    assert calls == ["close", "finish"]
    assert _names(dest, "close") == ["onclose"]
    # The source's side took the general path too (both sides step aside together).
    assert _names(src, "data") == ["ondata"]
    calls.clear()
    plain_remove = src.removeListener

    def remove(event: Any, f: Any) -> Any:
        calls.append(event)
        return plain_remove(event, f)

    src.removeListener = remove  # type: ignore[method-assign]
    src.unpipe(dest)
    assert calls == ["end", "end", "data"]
    src.destroy()
    dest.destroy()
    loop.run()


def test_listener_events_see_pipe_add_and_remove_one_by_one(loop: Loop) -> None:
    seen: list[tuple[str, str, str, str]] = []
    src, dest = _source(), PassThrough()
    dest.on("close", lambda: None)
    dest.on("newListener", lambda ev, f: seen.append(("dest", "new", ev, f.__name__)))
    dest.on("removeListener", lambda ev, f: seen.append(("dest", "remove", ev, f.__name__)))
    seen.clear()
    src.pipe(dest)
    assert seen == [("dest", "new", "unpipe", "onunpipe"), ("dest", "new", "error", "onerror"),
                    ("dest", "new", "close", "onclose"), ("dest", "new", "finish", "onfinish")]
    seen.clear()
    src.unpipe(dest)
    # A stream is in shape mode: only a removal from an event with other
    # listeners is reported (Node reports the function it was given).
    assert seen == [("dest", "remove", "close", "onclose")]
    src.destroy()
    dest.destroy()
    loop.run()


def test_an_event_past_the_leak_limit_still_warns(loop: Loop) -> None:
    src, dest = _source(), PassThrough()
    dest.setMaxListeners(1)
    dest.on("close", lambda: None)
    with pytest.warns(MaxListenersExceededWarning) as caught:
        src.pipe(dest)
    assert [(w.message.type, w.message.count) for w in caught  # type: ignore[union-attr]
            ] == [("close", 2)]
    assert _names(dest, "close") == ["<lambda>", "onclose"]
    assert _names(dest, "error") == ["onerror"]
    src.unpipe(dest)
    src.destroy()
    dest.destroy()
    loop.run()


def test_a_socket_subclass_s_on_sees_the_constructor_s_end_listener(loop: Loop) -> None:
    added: list[str] = []

    class Sock(net.Socket):
        def on(self, event: Any, f: Any = None) -> Any:
            added.append(event)
            return super().on(event, f)

    s = Sock()
    assert added == ["end"]  # Node's constructor: this.on('end', onReadableStreamEnd)
    assert s.listenerCount("end") == 1
    assert net.Socket().listenerCount("end") == 1


# --- the once wrapper: the call first, the counts only on a refusal ----------------


def test_a_once_listener_taking_fewer_arguments_is_fitted() -> None:
    e = EventEmitter()
    log: list[Any] = []

    class Target:
        __slots__ = ()

        def method(self, a: Any) -> None:
            log.append(("method", a))

    e.once("x", lambda: log.append("none"))
    e.once("x", Target().method)
    e.once("x", lambda a, b, c: log.append((a, b, c)))
    e.emit("x", 1, 2)
    assert log == ["none", ("method", 1), (1, 2, None)]
    assert e.listenerCount("x") == 0


def test_a_once_listener_s_own_type_error_is_raised_after_one_call() -> None:
    e = EventEmitter()
    calls: list[Any] = []

    def fits(a: Any) -> None:
        calls.append(("fits", a))
        raise TypeError("from fits")

    def fewer() -> None:
        calls.append("fewer")
        raise TypeError("from fewer")

    e.once("x", fits)
    with pytest.raises(TypeError, match="from fits"):
        e.emit("x", 1)
    e.once("y", fewer)
    with pytest.raises(TypeError, match="from fewer"):
        e.emit("y", 1, 2)
    assert calls == [("fits", 1), "fewer"]  # each body ran once
    assert e.listenerCount("x") == 0 and e.listenerCount("y") == 0


def test_a_once_wrapper_around_a_wraps_decorator_is_fitted_before_the_call() -> None:
    calls: list[Any] = []

    def inner(a: Any) -> None:
        calls.append(("inner", a))

    @functools.wraps(inner)
    def outer(*args: Any) -> None:
        calls.append("outer")
        inner(*args)

    e = EventEmitter()
    e.once("x", outer)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e.emit("x", 1, 2)
    assert calls == ["outer", ("inner", 1)]


def test_a_listener_method_replaced_on_a_class_later_is_called(
        loop: Loop, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    plain_on = EventEmitter.on

    def on(self: Any, event: Any, f: Any = None) -> Any:
        calls.append(event)
        return plain_on(self, event, f)

    src, dest = _source(), PassThrough()
    monkeypatch.setattr(PassThrough, "on", on)  # after the class (and dest) was made
    src.pipe(dest)
    assert calls == ["unpipe"]
    src.unpipe(dest)
    src.destroy()
    dest.destroy()
    loop.run()
