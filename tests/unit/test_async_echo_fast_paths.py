"""The per-chunk shortcuts of ``async for chunk in sock`` (issue #12) are Node's steps.

* ``net.Socket``'s ``maybeReadMore_`` tick on a socket whose handle is reading
  sets the read state directly instead of calling ``read(0)`` and ``_read``:
  every combination of the state it looks at is run through the shortcut and
  through Readable's general tick (forced by turning on the ``stream``
  debuglog flag), and must leave the same fields; a subclass's ``_read`` or
  ``read`` is still called from the tick, as Node calls it.
* ``read()`` on a paused stream skips a ``'data'`` emit with no listener, but an
  overridden ``emit`` (class or instance) still sees it.
* ``'readable'`` is emitted by calling the listeners directly: arity, an async
  listener, ``captureRejections`` and an overridden ``emit`` behave as emit's.
* The two ticks ``push()`` queues for a chunk a paused stream buffers
  (``emitReadable_``, ``maybeReadMore_``) run as one, in the same order, also
  when a ``'readable'`` listener throws.
"""

from __future__ import annotations

import itertools
import socket
from collections import deque
from typing import Any

import pytest

from pynet import net, nextTick, process
from pynet._core.loop import Loop
from pynet._handles.stream import StreamHandle
from pynet._streams import readable as readable_module
from pynet.stream import Readable
from pynet.timers import setImmediate

FIELDS = ("_r_length", "_r_reading", "_r_sync", "_r_need_readable", "_r_reading_more",
          "_r_emitted_readable", "_r_ended", "_r_hwm")


def _pair(loop: Loop, cls: type[net.Socket] = net.Socket) -> tuple[net.Socket, net.Socket]:
    raw_a, raw_b = socket.socketpair()
    return (cls(handle=StreamHandle(loop, raw_a, True)),
            net.Socket(handle=StreamHandle(loop, raw_b, True)))


def _close(loop: Loop, *socks: net.Socket) -> None:
    for s in socks:
        s.destroy()
    loop.run()


def _tick_outcome(loop: Loop, state: dict[str, Any], general: bool,
                  monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    a, b = _pair(loop)
    a.pause()
    handle = a._handle
    assert handle is not None
    if state["handle_reading"]:
        handle.read_start()
    else:
        handle.read_stop()
    a._r_hwm = state["hwm"]
    chunks = state["chunks"]
    a._r_buffer = deque(chunks)
    a._r_length = sum(len(c) for c in chunks)
    a._r_reading = state["reading"]
    a._r_ended = state["ended"]
    a._r_need_readable = state["need_readable"]
    a._r_reading_more = True
    if state["destroyed"]:
        a._destroyed = True
    with monkeypatch.context() as m:
        if general:
            m.setattr(net.Socket, "_pynet_plain_reads", False)
        a._maybe_read_more_()
    out = [getattr(a, f) for f in FIELDS] + [handle.reading]
    a._destroyed = False
    _close(loop, a, b)
    return out


def test_socket_read_more_tick_matches_the_general_steps(
        loop: Loop, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = 0
    for values in itertools.product((False, True), (0, 2, 16), ((), (b"ab",), (b"ab", b"cde")),
                                    (False, True), (False, True), (False, True),
                                    (False, True)):
        state = dict(zip(("handle_reading", "hwm", "chunks", "reading", "ended",
                          "need_readable", "destroyed"), values, strict=True))
        fast = _tick_outcome(loop, state, False, monkeypatch)
        general = _tick_outcome(loop, state, True, monkeypatch)
        assert fast == general, state
        checked += 1
    assert checked == 2 * 3 * 3 * 2 ** 4


@pytest.mark.parametrize("override", ["_read", "read", "instance _read", "instance read"])
def test_socket_read_more_tick_calls_an_overridden_read(loop: Loop, override: str) -> None:
    calls: list[Any] = []

    class Logged(net.Socket):
        if override == "_read":
            def _read(self, n: int) -> None:
                calls.append(("_read", n))
                super()._read(n)
        else:
            def read(self, n: Any = None) -> Any:
                calls.append(("read", n))
                return super().read(n)

    a, b = _pair(loop, Logged if override in ("_read", "read") else net.Socket)
    if override == "instance _read":
        plain_read = a._read
        a._read = lambda n: (calls.append(("_read", n)), plain_read(n))  # type: ignore[method-assign]
    elif override == "instance read":
        plain = a.read
        a.read = lambda n=None: (calls.append(("read", n)), plain(n))[1]  # type: ignore[method-assign]
    a.pause()
    handle = a._handle
    assert handle is not None
    handle.read_start()
    a._r_buffer = deque([b"ab"])
    a._r_length = 2
    a._r_reading = False
    calls.clear()
    a._maybe_read_more_()  # The tick push() queues after a buffered chunk.
    assert calls == ([("_read", 16384)] if override.endswith("_read") else [("read", 0)])
    assert a._r_reading
    _close(loop, a, b)


class _EmitLogged(Readable):
    def emit(self, event: Any, *args: Any) -> bool:
        self.emitted.append((event, *args))
        return super().emit(event, *args)


def _paused_with_read_in_flight(r: Readable) -> None:
    r._r_buffer = deque([b"abc"])
    r._r_length = 3
    r._r_reading = True


def test_read_emits_listenerless_data_to_an_overridden_emit(loop: Loop) -> None:
    r = _EmitLogged(read=lambda n: None)
    r.emitted = []  # type: ignore[attr-defined]
    _paused_with_read_in_flight(r)
    assert r.read() == b"abc"
    assert ("data", b"abc") in r.emitted  # type: ignore[attr-defined]
    r.destroy()
    loop.run()


def test_read_emits_listenerless_data_to_an_instance_emit(loop: Loop) -> None:
    r = Readable(read=lambda n: None)
    seen: list[Any] = []
    plain = r.emit

    def emit(event: Any, *args: Any) -> bool:
        seen.append(event)
        return plain(event, *args)

    r.emit = emit  # type: ignore[method-assign]
    _paused_with_read_in_flight(r)
    assert r.read() == b"abc"
    assert "data" in seen
    r.destroy()
    loop.run()


@pytest.mark.parametrize("capture", [False, True])
def test_readable_listeners_as_emit_calls_them(loop: Loop, capture: bool) -> None:
    r = Readable(read=lambda n: None, captureRejections=capture)
    log: list[Any] = []

    async def failing() -> None:
        log.append("async")
        if capture:
            raise ValueError("boom")

    r.on("readable", lambda: log.append("none"))
    r.on("readable", lambda a, b=1: log.append(("args", a, b)))
    r.on("readable", failing)
    r.on("error", lambda err: log.append(("error", str(err))))
    r.push(b"x")
    loop.run()
    assert log[:3] == ["none", ("args", None, 1), "async"]
    if capture:
        assert ("error", "boom") in log  # captureRejections routed the rejection
        r.destroy()
        loop.run()
    else:
        r.destroy()
        loop.run()


def test_readable_single_listener_fitted_and_its_own_type_error_raised(loop: Loop) -> None:
    # One listener is stored as itself: the direct call fits a listener that
    # wants an argument (None, JavaScript's undefined) and re-raises, without
    # a second call, a TypeError the listener's own code raises.
    r = Readable(read=lambda n: None)
    calls: list[Any] = []
    uncaught: list[str] = []
    r.once("readable", lambda needed: calls.append(("fitted", needed)))
    r.push(b"x")
    loop.run()

    def broken() -> None:
        calls.append("broken")
        raise TypeError("from the listener")

    def on_uncaught(err: Any) -> None:
        uncaught.append(str(err))

    r.on("readable", broken)
    process.on("uncaughtException", on_uncaught)
    try:
        r.push(b"y")
        loop.run()
    finally:
        process.removeListener("uncaughtException", on_uncaught)
    assert calls == [("fitted", None), "broken"]
    assert uncaught == ["from the listener"]
    r.destroy()
    loop.run()


def test_readable_reaches_an_overridden_emit(loop: Loop) -> None:
    r = _EmitLogged(read=lambda n: None)
    r.emitted = []  # type: ignore[attr-defined]
    r.on("readable", lambda: None)
    r.push(b"x")
    loop.run()
    assert ("readable",) in r.emitted  # type: ignore[attr-defined]
    r.destroy()
    loop.run()


def _readable_ticks_log(loop: Loop, separate: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    log: list[Any] = []
    r = Readable(read=lambda: log.append("_read"))
    n = 0

    def on_readable() -> None:
        nonlocal n
        n += 1
        log.append(("readable", r.readableLength))
        k = n
        nextTick(lambda: log.append(("tick", k)))
        if n == 1:
            raise ValueError("boom")

    def caught(err: Any) -> None:
        log.append(("caught", str(err)))

    r.on("readable", on_readable)
    process.on("uncaughtException", caught)
    try:
        with monkeypatch.context() as m:
            if separate:  # Readable's general steps: the two ticks queued one by one.
                m.setattr(readable_module, "_DEBUG", True)
                m.setattr(readable_module, "_debug", lambda *a: None)
            # Three loop turns, one after the other whatever the machine's load
            # (timers 1, 5 and 10 ms apart raced each other on a busy machine).
            def third() -> None:
                log.append(("read", r.read()))
                r.push(None)

            def second() -> None:
                log.append("push b")
                r.push(b"b")
                setImmediate(third)

            def first() -> None:
                log.append("push a")
                r.push(b"a")
                setImmediate(second)

            setImmediate(first)
            loop.run()
    finally:
        process.removeListener("uncaughtException", caught)
    return log


def test_readable_and_read_more_ticks_as_one_keep_their_order(
        loop: Loop, monkeypatch: pytest.MonkeyPatch) -> None:
    # push() of a paused stream queues emitReadable_ then maybeReadMore_ as one tick;
    # a 'readable' listener that throws must leave maybeReadMore_ first in the queue.
    merged = _readable_ticks_log(loop, False, monkeypatch)
    separate = _readable_ticks_log(loop, True, monkeypatch)
    assert merged == separate
    assert merged[:5] == ["_read", "push a", ("readable", 1), ("caught", "boom"), "_read"]
    assert merged[5] == ("tick", 1)
