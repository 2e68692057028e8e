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
* A socket hands a chunk straight to the ``async for`` waiting for it
  (``Socket._hand_to_iterator``): the loop body runs from the read callback,
  and sees and leaves the state Node's steps (push, the two ticks, the
  iterator's read) do; any difference (an overridden method, a decoder, another
  listener, a chunk at the high water mark, something already queued) takes
  those steps instead.
"""

from __future__ import annotations

import itertools
import socket
import sys
from collections import deque
from typing import Any

import pytest

from pynet import net, nextTick, process, run
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


@pytest.mark.parametrize("override", ["_read", "read", "instance _read", "instance read",
                                      "patched _read", "patched read"])
def test_socket_read_more_tick_calls_an_overridden_read(
        loop: Loop, monkeypatch: pytest.MonkeyPatch, override: str) -> None:
    calls: list[Any] = []
    if override.startswith("patched "):  # net.Socket's own, replaced after its definition.
        name = override.split()[1]
        library_own = getattr(net.Socket, name)

        def patched(self: Any, n: Any = None) -> Any:
            calls.append((name, n))
            return library_own(self, n)

        monkeypatch.setattr(net.Socket, name, patched)

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


def _on_stack(name: str) -> bool:
    """Whether a function called ``name`` is among the caller's callers."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == name:
            return True
        frame = frame.f_back
    return False


ITER_FIELDS = (*FIELDS, "_r_flowing", "_r_data_emitted", "readableLength")


def _iteration_log(loop: Loop, monkeypatch: pytest.MonkeyPatch, *, general: bool = False,
                   cls: type[net.Socket] = net.Socket, setup: Any = None) -> list[Any]:
    """Two chunks through ``async for``: what the body sees of the socket, and
    whether it runs from the hand-over (the read callback's stack)."""
    a, b = _pair(loop, cls)
    if setup is not None:
        setup(a)
    log: list[Any] = []

    async def main() -> None:
        async for chunk in a:
            log.append((chunk, [getattr(a, f) for f in ITER_FIELDS],
                        list(a._r_buffer or ()), _on_stack("_hand_to_iterator")))
            nextTick(lambda: log.append("tick"))
            if len(log) < 3:
                b.write(b"second")
            else:
                break
        log.append(("after", a.destroyed))
        b.destroy()

    with monkeypatch.context() as m:
        if general:
            m.setattr(net.Socket, "_pynet_plain_reads", False)
        b.write(b"first")
        run(main())
    return log


def test_iterator_takes_the_chunk_from_the_read_callback(
        loop: Loop, monkeypatch: pytest.MonkeyPatch) -> None:
    direct = _iteration_log(loop, monkeypatch)
    general = _iteration_log(loop, monkeypatch, general=True)
    assert [entry[3] for entry in direct if type(entry) is tuple and len(entry) == 4] == [True] * 2
    assert [entry[3] for entry in general if type(entry) is tuple and len(entry) == 4] == [False] * 2
    strip = [e[:3] if type(e) is tuple and len(e) == 4 else e for e in direct]
    assert strip == [e[:3] if type(e) is tuple and len(e) == 4 else e for e in general]
    assert strip[0] == (b"first", [0, True, False, True, False, False, False, 16384, False, True,
                                   0], [])
    assert strip[-2:] == [("after", True), "tick"]


class _OwnPush(net.Socket):
    def push(self, chunk: Any, encoding: str | None = None) -> bool:
        return super().push(chunk, encoding)


class _OwnEmit(net.Socket):
    def emit(self, event: Any, *args: Any) -> bool:  # type: ignore[override]
        return super().emit(event, *args)


def _instance(name: str) -> Any:
    def setup(a: net.Socket) -> None:
        plain = getattr(a, name)
        setattr(a, name, lambda *args: plain(*args))
    return setup


@pytest.mark.parametrize("variant", [
    "class push", "class emit", "instance push", "instance emit", "instance read",
    "instance _read", "encoding", "readable listener", "data listener", "hwm",
    "patched push", "patched emit", "patched read", "patched _read"])
def test_iterator_hand_over_steps_aside(
        loop: Loop, monkeypatch: pytest.MonkeyPatch, variant: str) -> None:
    if variant.startswith("patched "):  # net.Socket's own method replaced by the program.
        name = variant.split()[1]
        plain = getattr(net.Socket, name)
        monkeypatch.setattr(net.Socket, name, lambda self, *args: plain(self, *args))
    cls: type[net.Socket] = {"class push": _OwnPush, "class emit": _OwnEmit}.get(
        variant, net.Socket)
    seen: list[Any] = []
    setup = {
        "instance push": _instance("push"), "instance emit": _instance("emit"),
        "instance read": _instance("read"), "instance _read": _instance("_read"),
        "encoding": lambda a: a.setEncoding("latin1"),
        "readable listener": lambda a: a.on("readable", lambda: seen.append("readable")),
        "data listener": lambda a: a.on("data", lambda d: seen.append(("data", d))),
        "hwm": lambda a: setattr(a, "_r_hwm", 5),
    }.get(variant)
    log = _iteration_log(loop, monkeypatch, cls=cls, setup=setup)
    assert [e[3] for e in log if type(e) is tuple and len(e) == 4] == [False] * len(
        [e for e in log if type(e) is tuple and len(e) == 4])
    assert ("after", True) in log


def test_iterator_hand_over_waits_for_queued_work(loop: Loop) -> None:
    # The read callback runs with a tick already queued: that tick runs first,
    # then Node's steps (the body is not run from the callback).
    a, b = _pair(loop)
    log: list[Any] = []

    async def main() -> None:
        async for chunk in a:
            log.append((chunk, _on_stack("_hand_to_iterator")))
            if chunk == b"first":
                def later() -> None:
                    nextTick(lambda: log.append("tick"))
                    b.write(b"second")
                    assert a._handle is not None
                    a._handle.on_readable()  # As the poll calls it, a tick queued.
                setImmediate(later)
            else:
                break
        b.destroy()

    b.write(b"first")
    run(main())
    assert log == [(b"first", True), "tick", (b"second", False)]


def test_loop_nothing_queued(loop: Loop) -> None:
    seen: list[Any] = []
    assert loop.nothing_queued()
    loop.next_tick(lambda: seen.append(loop.nothing_queued()))
    assert not loop.nothing_queued()
    loop.drain_ticks()
    loop.queue_microtask(lambda: seen.append(loop.nothing_queued()))
    assert not loop.nothing_queued()
    loop.drain_ticks()
    assert loop.nothing_queued()
    assert seen == [True, False]  # In a tick with nothing else queued; in the drain.


def test_loop_run_microtask_now_drains_as_the_drain_does(loop: Loop) -> None:
    log: list[Any] = []

    def first(arg: str) -> None:
        log.append(arg)
        loop.next_tick(lambda: log.append("tick"))
        loop.queue_microtask(lambda: log.append("micro"))
        loop.queue_microtask(lambda: loop.queue_microtask(lambda: log.append("micro 2")))

    assert loop.nothing_queued()
    loop.run_microtask_now(first, "first")
    # Microtasks it queued ran, ticks wait for the drain after the running callback.
    assert log == ["first", "micro", "micro 2"]
    assert not loop.nothing_queued()
    loop.drain_ticks()
    assert log == ["first", "micro", "micro 2", "tick"]
    assert loop.nothing_queued()


@pytest.mark.parametrize("now", [False, True])
def test_loop_run_microtask_now_reports_an_exception_as_the_drain_does(
        loop: Loop, now: bool) -> None:
    log: list[Any] = []

    def failing(arg: str) -> None:
        loop.next_tick(lambda: log.append("tick"))
        loop.queue_microtask(lambda: log.append("micro"))
        raise ValueError(arg)

    def caught(err: Any) -> None:
        log.append(("caught", str(err)))

    def start(arg: str) -> None:
        if now:
            loop.run_microtask_now(failing, arg)
        else:  # The drain's own way: queued, then drained.
            loop.queue_microtask(failing, arg)
            loop.drain_ticks()

    process.on("uncaughtException", caught)
    try:
        start("handled")
    finally:
        process.removeListener("uncaughtException", caught)
    loop.drain_ticks()
    assert log == [("caught", "handled"), "micro", "tick"]
    assert loop.nothing_queued()
    log.clear()
    with pytest.raises(ValueError, match="unhandled"):
        start("unhandled")  # Out of the call; what was queued stays queued.
    assert log == []
    assert not loop.nothing_queued()
    loop.drain_ticks()
    assert log == ["tick", "micro"]  # The marker goes back behind the tick.
    assert loop.nothing_queued()
