"""``__slots__`` are complete where pynet declares them (issue 9, part 5).

A class declares ``__slots__`` to keep its instances small and their attribute
access fast.  Two mistakes undo that silently: an attribute missing from the
tuple (it raises ``AttributeError``... unless a base class has no
``__slots__``, in which case it quietly lands in an instance ``__dict__``), and
a base class without ``__slots__``, which gives every instance a ``__dict__``.

So each test here builds a live instance of a slotted class, drives it through
its life (the hot paths and the rare ones: errors, timeouts, encodings,
``pipe``, abort), and then checks:

* no ``__dict__`` at all when every class of its MRO declares ``__slots__``;
* otherwise, only what the base without slots is allowed to keep there.  The
  one such base is :class:`pyee.EventEmitter` (pynet's ``EventEmitter``
  must stay a subclass of it: mapping §1), so ``Duplex`` and ``Socket``
  instances have a ``__dict__``; pynet's ``EventEmitter`` puts exactly one
  attribute in it, ``_pynet_events`` (pinned by
  ``test_events.py::test_init_is_light``), and nothing else may go there.

``test_every_slotted_class_is_checked`` makes a new slotted class fail here
until it gets a scenario below.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import socket
import typing
import weakref
from collections.abc import Callable
from typing import Any

import pyee
import pytest

import pynet
from pynet import Promise, dns, errors, events, net, readline, stream, timers
from pynet._cluster.channel import Channel
from pynet._cluster.child import RoundRobinListener, SharedListener
from pynet._core.clock import FakeClock, MonotonicClock
from pynet._core.loop import Immediate as LoopImmediate
from pynet._core.loop import Loop, Timer, Watcher, _Watch
from pynet._core.promise import Suspension
from pynet._core.threadpool import queue_work
from pynet._handles.base import HandleCore
from pynet._handles.pipe import FdPipe
from pynet._handles.poll import PollHandle
from pynet._handles.stdio import StdioFd, StdioSocket
from pynet._handles.stream import StreamHandle
from pynet._js.encoding import StringDecoder
from pynet._js.inspect import ObjectView, Raw, inspect
from pynet._js.nodeobject import NodeObject, NullPrototypeObject
from pynet._net.address import SocketAddress
from pynet._net.socket import _SmallString
from pynet._net.types import AddressInfo
from pynet._streams.duplex import Duplex
from pynet._streams.legacy import Stream
from pynet._streams.pipe import _Pipe
from pynet.abort import AbortController, AbortSignal
from pynet.events import EventEmitter, _Fit, _OnceWrapper

# Discussion: pynet's EventEmitter itself is not slotted.  Tried: with
# ``__slots__`` on it, CPython 3.11 still allocates the instance dict's inline
# values for the unslotted pyee base, so an emitter measured 16 bytes *larger*
# (588 vs 571 bytes with one listener, tracemalloc), and ``vars(emitter)``
# would lose the attribute test_events.py::test_init_is_light pins.

#: What an instance ``__dict__`` may hold when a base class outside pynet has no
#: ``__slots__``: that base, and the attributes pynet keeps there on purpose.
#: Besides the emitter's own field, a stream's option functions live there, per
#: instance, as Node's constructors assign ``this._read = options.read``.
UNSLOTTED_BASES: dict[type, set[str]] = {
    pyee.EventEmitter: {"_pynet_events", "_read", "_write", "_writev", "_final", "_destroy",
                        "_construct", "_transform", "_flush"},
    # A C type that adds no dict (a socket's 'end' listener holds its socket weakly).
    weakref.ref: set(),
}


def _slotted_classes() -> set[type]:
    found: set[type] = set()
    for info in pkgutil.walk_packages(pynet.__path__, "pynet."):
        if info.name == "pynet.__main__":
            continue  # the script runner: importing it runs it
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if isinstance(obj, type) and obj.__module__ == module.__name__ \
                    and "__slots__" in vars(obj):
                found.add(obj)
    return found


def assert_no_instance_dict(obj: object) -> None:
    cls = type(obj)
    # Discussion: a base adds an instance dict only if it has no __slots__ and is not
    # a C type without one: typing.Generic is C code from Python 3.12 on and has no
    # __slots__ in its __dict__ there, yet adds no dict.
    unslotted = [base for base in cls.__mro__[1:]
                 if base is not object and "__slots__" not in vars(base)
                 and base.__module__ != "builtins" and base is not typing.Generic]
    if not unslotted:
        assert not hasattr(obj, "__dict__"), \
            f"{cls.__qualname__} instances have a __dict__: {vars(obj)}"
        return
    allowed: set[str] = set()
    for base in unslotted:
        if base.__module__.startswith("pynet"):
            continue  # pynet's own bases are judged by what they let through
        assert base in UNSLOTTED_BASES, \
            f"{cls.__qualname__}: base {base.__qualname__} has no __slots__"
        allowed |= UNSLOTTED_BASES[base]
    # getattr: the compiled build's native classes (setup.py) give no __dict__ at all.
    extra = set(getattr(obj, "__dict__", {})) - allowed
    assert not extra, (f"{cls.__qualname__}: attributes missing from __slots__ "
                       f"(they went into the instance __dict__): {sorted(extra)}")


# --- scenarios: each returns the live objects to check ---------------------------------


def clocks(loop: Loop) -> list[object]:
    fake = FakeClock()
    fake.now()
    fake.advance(5)
    real = MonotonicClock()
    real.now()
    return [fake, real]


def loop_entries(loop: Loop) -> list[object]:
    fired: list[int] = []
    timer = Timer(loop, lambda: fired.append(1), delay=1)
    timer.start()
    timer.unref()
    timer.ref()

    def tick() -> None:
        fired.append(2)
        repeat.stop()

    repeat = Timer(loop, tick, delay=1, repeat=1)
    repeat.start()
    immediate = loop.set_immediate(lambda: fired.append(3))
    immediate.unref()
    immediate.ref()
    cancelled = loop.set_immediate(lambda: fired.append(4))
    cancelled.cancel()
    a, b = socket.socketpair()
    try:
        loop.watch_read(a.fileno(), lambda: None)
        watches = list(loop._watches.values())
        loop.unwatch(a.fileno())
    finally:
        a.close()
        b.close()
    loop.run()
    assert sorted(set(fired)) == [1, 2, 3]
    assert isinstance(immediate, LoopImmediate) and watches
    assert all(isinstance(w, _Watch) for w in watches)
    return [timer, repeat, immediate, cancelled, *watches]


def timer_objects(loop: Loop) -> list[object]:
    fired: list[str] = []
    once = timers.setTimeout(lambda: fired.append("timeout"), 1)
    once.unref().ref().refresh()

    def every() -> None:
        fired.append("interval")
        timers.clearInterval(interval)

    interval = timers.setInterval(every, 1)
    by_id = timers.setTimeout(lambda: fired.append("never"), 1)
    timers.clearTimeout(int(by_id))
    immediate = timers.setImmediate(lambda: fired.append("immediate"))
    immediate.unref().ref()
    cleared = timers.setImmediate(lambda: fired.append("never"))
    timers.clearImmediate(cleared)
    loop.run()
    assert sorted(fired) == ["immediate", "interval", "timeout"]
    return [once, interval, by_id, immediate, cleared]


def emitter_parts(loop: Loop) -> list[object]:
    emitter = EventEmitter()
    emitter.once("x", lambda: None)
    wrapper = emitter.rawListeners("x")[0]
    assert isinstance(wrapper, _OnceWrapper)
    emitter.emit("x")
    # A builtin listener, and a function called with more arguments than it
    # takes, are stored with their argument counts (events._Fit).
    got: list[object] = []
    emitter.on("y", got.append)
    emitter.on("z", lambda: got.append("z"))
    emitter.emit("y", 1, 2)
    emitter.emit("z", 1)
    emitter.emit("z", 1)
    assert got == [1, "z", "z"]
    fits = [emitter._pynet_events["y"], emitter._pynet_events["z"]]
    assert all(isinstance(fit, _Fit) for fit in fits)
    return [wrapper, *fits]


def abort_objects(loop: Loop) -> list[object]:
    controller = AbortController()
    seen: list[Any] = []
    controller.signal.onabort = seen.append
    controller.signal.addEventListener("abort", lambda: seen.append("listener"))
    controller.abort(ValueError("why"))
    with pytest.raises(ValueError, match="why"):
        controller.signal.throwIfAborted()
    already = AbortSignal.abort()
    timed = AbortSignal.timeout(1)  # unref'd: a ref'd timer keeps the loop up for it
    timers.setTimeout(lambda: None, 20)
    loop.run()
    assert timed.aborted and len(seen) == 2
    composite = AbortSignal.any([AbortController().signal])
    disposable = events.addAbortListener(composite, lambda: None)
    return [controller, controller.signal, already, timed, composite, disposable]


def values(loop: Loop) -> list[object]:
    decoder = StringDecoder("utf8")
    assert decoder.write(b"\xe2\x82") == "" and decoder.write(b"\xac") == "\u20ac"
    decoder.end()
    address = SocketAddress({"address": "::1", "family": "ipv6", "port": 80, "flowlabel": 1})
    assert address.toJSON()["port"] == 80
    info = AddressInfo(address="::1", family="IPv6", port=1)
    assert info.port == 1
    raw = Raw("<rejected>", 1)
    view = ObjectView("Promise", {"a": 1}, [raw])
    assert inspect(view) == "Promise { <rejected> 1, a: 1 }"
    assert str(events.errorMonitor) == "Symbol(events.errorMonitor)"
    subject = NullPrototypeObject(CN="localhost")
    assert inspect(subject) == "[Object: null prototype] { CN: 'localhost' }"
    return [decoder, NodeObject({"address": "::1", "port": 1}), info, address,
            SocketAddress.parse("1.2.3.4:5"), raw, view, events.errorMonitor, subject]


def fd_pipe(loop: Loop) -> list[object]:
    import os

    r, w = os.pipe()
    try:
        pipe = FdPipe(w)
        pipe.setblocking(False)
        assert pipe.fileno() == w
    finally:
        os.close(r)
        os.close(w)
    return [pipe]


def stdio_descriptors(loop: Loop) -> list[object]:
    """process.stdin/stdout's descriptors: a pipe end (shared and owned), a socket."""
    import os

    r, w = os.pipe()
    a, b = socket.socketpair()
    try:
        shared = StdioFd(w, False, blocking=True)
        shared.setblocking(False)
        assert shared.send(b"x") == 1
        shared.shutdown(socket.SHUT_WR)
        with pytest.raises(BrokenPipeError):
            shared.send(b"y")
        shared.close()
        owned = StdioFd(os.dup(r), True)
        owned.setblocking(False)
        assert owned.recv(10) == b"x"
        owned.close()
        sock = StdioSocket(a.fileno())
        assert sock.send(b"z") == 1 and b.recv(1) == b"z"
        sock.close()
    finally:
        for fd in (r, w):
            os.close(fd)
        a.close()
        b.close()
    return [shared, owned, sock]


def work_request(loop: Loop) -> list[object]:
    """uv_queue_work: a request that runs, and one cancelled or finished."""
    results: list[tuple[int, Any]] = []
    done = queue_work(loop, lambda: 6 * 7, lambda status, result: results.append((status, result)))
    other = queue_work(loop, lambda: None, lambda status, result: results.append((status, result)))
    other.cancel()
    loop.run()
    assert (0, 42) in results
    return [done, other]


def lookup_request(loop: Loop) -> list[object]:
    def fake(host: str, port: Any, family: int, type: int,  # noqa: A002
             proto: int, flags: int) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", 0))]

    results: list[Any] = []
    previous = dns.set_resolver(fake)
    try:
        request = dns.lookup("slots.test", lambda err, address, family:
                             results.append((err, address, family)))
        failed = dns.lookup("bad\0", {"all": True}, lambda err, addresses:
                            results.append(err))
        loop.run()
    finally:
        dns.set_resolver(previous)
    assert results[-1] == (None, "10.0.0.1", 4) or (None, "10.0.0.1", 4) in results
    return [request, failed]


def bare_duplex(loop: Loop) -> list[object]:
    stream = Duplex()
    stream.setEncoding("utf8")
    stream.on("data", lambda chunk: None)
    stream.push(b"abc")
    stream.push(None)
    with pytest.raises(errors.ERR_METHOD_NOT_IMPLEMENTED):
        stream.write(b"x")  # as in Node: Duplex's own _write throws
    stream.destroy()
    loop.run()
    return [stream]


def public_streams(loop: Loop) -> list[object]:
    """pynet.stream's classes through a pipeline, and a duplexPair."""
    got: list[Any] = []
    source = stream.Readable.from_([b"a", b"b"])
    upper = stream.Transform(transform=lambda chunk, enc, cb: cb(None, chunk.upper()))
    through = stream.PassThrough()
    sink = stream.Writable(write=lambda chunk, enc, cb: (got.append(chunk), cb()))
    done: list[Any] = []
    stream.pipeline(source, upper, through, sink, done.append)
    legacy = stream.Stream()
    left, right = stream.duplexPair()
    right.on("data", got.append)
    left.end(b"c")
    loop.run()
    assert got == [b"A", b"B", b"c"] and done == [None]
    right.destroy()
    left.destroy()
    loop.run()
    return [source, upper, through, sink, legacy, left, right]


def promises_and_tasks(loop: Loop) -> list[object]:
    """A task awaiting a Promise chain, an events.on iterator and an async for."""
    from pynet import events
    from pynet._core.calls import fit
    from pynet._core.promise import _Task

    got: list[Any] = []
    emitter = EventEmitter()
    source = stream.Readable.from_([b"x"])
    iterators: list[object] = []

    async def main() -> None:
        got.append(await Promise.resolve(1).then(lambda v: v + 1))
        it = events.on(emitter, "tick")
        iterators.append(it)
        emitter.emit("tick", 3)
        async for args in it:
            got.append(args[0])
            break
        chunks = source.__aiter__()
        iterators.append(chunks)
        async for chunk in chunks:
            got.append(chunk)
        lines = rl.__aiter__()
        iterators.append(lines)
        rl.write("l\n")
        got.append(await lines.__anext__())
        rl.close()

    rl = readline.createInterface({"input": stream.PassThrough()})
    task = _Task(main())
    fitted = fit(lambda a: got.append(a))
    fitted(4, "extra")
    loop.run()
    assert got == [4, 2, 3, b"x", "l"] and task.promise is not None
    generator = iterators[1]._gen  # type: ignore[attr-defined]  # The async for's state.
    return [task, task.promise, fitted, generator, *iterators]


def readline_terminal(loop: Loop) -> list[object]:
    """A terminal-mode interface's keypress decoder state, and a Readline."""
    from pynet._readline.keys import _STATES

    inp = stream.PassThrough()
    out = stream.PassThrough()
    rl = readline.createInterface({"input": inp, "output": out, "terminal": True})
    inp.write("a\x1b[D\r")
    cursor = readline.promises.Readline(out)
    cursor.cursorTo(0).commit()
    loop.run()
    rl.close()
    return [_STATES[inp], cursor]


def parsed_certificate(loop: Loop) -> list[object]:
    """A certificate parsed from DER (tls's x509 reader), if the system has one."""
    import ssl

    from pynet._tls.x509 import Certificate, parse_certificate

    ders = ssl.create_default_context().get_ca_certs(binary_form=True)
    if not ders:  # pragma: no cover - a machine without a CA store
        return [Certificate()]
    cert = parse_certificate(ders[0])
    assert isinstance(cert, Certificate) and cert.der == ders[0]
    return [cert]


def socket_lives(loop: Loop) -> list[object]:
    """Two sockets on a socketpair: data both ways, encodings, cork, pipe, idle
    timeout, pause/resume, half-close, then a destroy with an error."""
    raw_a, raw_b = socket.socketpair()
    a = net.Socket(handle=StreamHandle(loop, raw_a, True), allowHalfOpen=True)
    b = net.Socket(handle=StreamHandle(loop, raw_b, True))
    handles = [a._handle, b._handle]
    got: list[Any] = []
    a.setEncoding("utf8")
    a.setNoDelay(True)
    a.setKeepAlive(True, 1000)
    a.setTimeout(5, lambda: a.setTimeout(0))
    a.on("data", got.append)
    b.pipe(b)  # b echoes what it gets, and ends when a ends
    pipes = [owner for owner in (getattr(f, "__self__", None) for f in b.rawListeners("data"))
             if isinstance(owner, _Pipe)]
    b.once("data", lambda chunk: (b.pause(), b.resume()))
    b.on("error", got.append)
    a.on("close", lambda had_error: b.destroy(Exception("done")))
    a.cork()
    a.write("hel")
    a.write(b"lo", lambda err: a.end())
    a.uncork()
    assert a.readyState == "open" and a.bytesWritten == 5
    loop.run()
    assert "".join(c for c in got if isinstance(c, str)) == "hello"
    assert pipes and b.destroyed
    return [a, b, *handles, *pipes, *a.rawListeners("end")]


def rare_fields(loop: Loop) -> list[object]:
    """The stream and socket fields that are not slots (legacy.RareField): an
    idle piped socket has set none (no side dict); encoding, timeout, keep-alive
    and no-delay land in the side dict and read back; the descriptors are slotted."""
    raw_a, raw_b = socket.socketpair()
    a = net.Socket(handle=StreamHandle(loop, raw_a, True))
    b = net.Socket(handle=StreamHandle(loop, raw_b, True))
    b.pipe(b)
    echoed_idle: list[Any] = []

    def on_data(chunk: Any) -> None:
        echoed_idle.append(b._pynet_rare)
        a.end()

    a.on("data", on_data)
    a.write(b"x")
    loop.run()
    assert echoed_idle == [None]
    assert b._r_encoding is None and b._timeout_ms == 0.0 and not b._set_no_delay
    c = net.Socket()
    c.setEncoding("latin1")
    c.setTimeout(5)
    c.setNoDelay(True)
    c.setKeepAlive(True, 2000)
    assert c._pynet_rare is not None
    assert c._r_encoding == "latin1" and c._timeout_ms == 5 and c._set_no_delay
    assert c._set_keep_alive and c._keep_alive_delay == 2
    c.setTimeout(0)
    c.destroy()
    loop.run()
    return [a, b, c, vars(Stream)["_r_encoding"], vars(net.Socket)["_timeout_ms"]]


def never_connected(loop: Loop) -> list[object]:
    """A socket with no handle: writes fail, it is destroyed by an abort signal."""
    controller = AbortController()
    sock = net.Socket(signal=controller.signal)
    sock.on("error", lambda err: None)
    sock.setTimeout(1)
    sock.ref()
    sock.unref()
    controller.abort()
    loop.run()
    assert sock.destroyed
    return [sock]


def poll_handle(loop: Loop) -> list[object]:
    """A uv_poll_t on a socketpair: started, fired, stopped, closed."""
    a, b = socket.socketpair()
    try:
        handle = PollHandle(loop, a.fileno())
        seen: list[tuple[bool, bool]] = []

        def ready(readable: bool, writable: bool) -> None:
            seen.append((readable, writable))
            handle.close(lambda: None)
        handle.start(True, False, ready)
        handle.unref()
        handle.ref()
        b.send(b"x")
        loop.run()
        assert seen == [(True, False)]
    finally:
        a.close()
        b.close()
    return [handle]


def dgram_socket(loop: Loop) -> list[object]:
    """A UDP socket: bound, a datagram to itself and back, closed; Node's undefined."""
    from pynet import dgram

    sock = dgram.createSocket("udp4")
    handle = sock._handle
    got: list[bytes] = []

    def on_message(msg: bytes) -> None:
        got.append(msg)
        sock.close()

    sock.on("message", on_message)
    sock.bind(0, "127.0.0.1", lambda: sock.send(b"x", sock.address().port, "127.0.0.1"))
    loop.run()
    assert got == [b"x"]
    return [handle, dgram._UNDEFINED]


def ipc_channel(loop: Loop) -> list[object]:
    """Two Channels on a socketpair: a message with a descriptor, then disconnect."""
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    got: list[tuple[str, object]] = []
    left = Channel(loop, a, lambda *args: got.append(("a", args[0])))

    def on_b(event: str, *args: object) -> None:
        got.append(("b", event))
        if event == "message":
            assert isinstance(args[1], int)
            os.close(args[1])
            right.disconnect()

    right = Channel(loop, b, on_b)
    r, w = os.pipe()
    left.send({"x": 1}, r, lambda err: (os.close(r), os.close(w)))
    loop.run()
    assert ("b", "message") in got and ("a", "disconnect") in got
    return [left, right, left._pipe, right._pipe]


def proxied_stream(loop: Loop) -> list[object]:
    """A proxyProtocol server's connection: the PROXY header, data after it, the end."""
    found: list[object] = []
    server = net.createServer({"proxyProtocol": True})

    def on_connection(sock: Any) -> None:
        found.append(sock._handle)
        sock.on("data", lambda d: found.append(d))
        sock.on("end", lambda: (sock.end(), server.close()))

    server.on("connection", on_connection)

    def on_listening() -> None:
        client = net.connect(server.address()["port"], "127.0.0.1")
        client.end(b"PROXY TCP4 10.0.0.1 10.0.0.2 1 2\r\nhello")
        client.resume()

    server.listen(0, "127.0.0.1", on_listening)
    loop.run()
    assert found[1:] == [b"hello"]
    return found[:1]


def event_targets(loop: Loop) -> list[object]:
    """EventTarget, NodeEventTarget and their events, listeners and handlers."""
    from pynet._events.event_target import TRUST_EVENT, EventHandler

    class Target(events.NodeEventTarget):
        __slots__ = ()
        onfoo = EventHandler("foo")

    seen: list[Any] = []
    target = Target()
    target.onfoo = seen.append
    target.addEventListener("foo", {"handleEvent": seen.append}, {"once": True})
    target.addEventListener("foo", seen.append, capture=True)
    controller = AbortController()
    target.addEventListener("bar", seen.append, signal=controller.signal)
    target.on("baz", seen.append)
    plain = events.Event("foo", {TRUST_EVENT: True})
    custom = events.CustomEvent("foo", detail=1)
    assert target.dispatchEvent(plain) and target.dispatchEvent(custom)
    target.emit("baz", 42)
    controller.abort()
    loop.run()
    assert len(seen) == 6, seen
    plain_target = events.EventTarget()
    plain_target.addEventListener("x", lambda: None)
    root = vars(events.EventTarget)["_et_events"].__get__(plain_target)["x"]
    return [target, events.NodeEventTarget(), plain, custom, plain_target, root, root.next,
            vars(Target)["onfoo"], target._et_handlers["foo"],  # type: ignore[attr-defined]
            TRUST_EVENT]


SCENARIOS: dict[str, Callable[[Loop], list[object]]] = {
    "event targets": event_targets,
    "proxied stream": proxied_stream,
    "ipc channel": ipc_channel,
    "clocks": clocks,
    "loop entries": loop_entries,
    "timers": timer_objects,
    "emitter parts": emitter_parts,
    "abort": abort_objects,
    "values": values,
    "fd pipe": fd_pipe,
    "stdio descriptors": stdio_descriptors,
    "lookup request": lookup_request,
    "bare duplex": bare_duplex,
    "public streams": public_streams,
    "promises and tasks": promises_and_tasks,
    "parsed certificate": parsed_certificate,
    "readline terminal": readline_terminal,
    "socket lives": socket_lives,
    "never connected": never_connected,
    "rare fields": rare_fields,
    "poll handle": poll_handle,
    "work request": work_request,
    "dgram socket": dgram_socket,
}

#: Slotted classes whose instances pynet does not build on the hot path from a
#: scenario above, with the reason.
NOT_EXERCISED: dict[type, str] = {
    RoundRobinListener: "built only in a cluster worker process, from the primary's reply "
                        "(tests/integration/test_cluster.py runs them)",
    SharedListener: "built only in a cluster worker process, from the primary's reply "
                    "(tests/integration/test_cluster.py runs them)",
    Watcher: "an abstract base, never built: its slot is checked through _Watch and "
             "StreamHandle",
    HandleCore: "an abstract base, never built: its slots are checked through StreamHandle, "
                "UDPHandle and IpcPipe",
    Suspension: "an abstract base, never built: its slots are checked through the Readable "
                "async iterator's _Generator (the promises and tasks scenario)",
    _SmallString: "a bytes subclass (empty __slots__, so no __dict__ by construction) that "
                  "marks an encoded small string; tests/interop/test_difffuzz.py writes them",
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_slotted_instances_have_no_dict(scenario: str, loop: Loop) -> None:
    objects = SCENARIOS[scenario](loop)
    assert objects
    for obj in objects:
        assert_no_instance_dict(obj)


def test_every_slotted_class_is_checked(loop: Loop) -> None:
    checked: set[type] = set(NOT_EXERCISED)
    for scenario in SCENARIOS.values():
        checked.update(type(obj) for obj in scenario(loop))
    missing = {cls.__qualname__ for cls in _slotted_classes() - checked}
    assert not missing, f"slotted classes no scenario builds: {sorted(missing)}"


def test_the_check_catches_both_mistakes() -> None:
    """A missing slot under an unslotted pynet base, and an unslotted foreign base."""

    class Base:  # like a pynet class that forgot __slots__
        pass

    class Leaky(Base):
        __slots__ = ("a",)

    Leaky.__module__ = Base.__module__ = "pynet._probe"
    leaky = Leaky()
    leaky.b = 1  # type: ignore[attr-defined]
    with pytest.raises(AssertionError, match="missing from __slots__"):
        assert_no_instance_dict(leaky)

    class Foreign:
        pass

    class OnForeign(Foreign):
        __slots__ = ("a",)

    with pytest.raises(AssertionError, match="has no __slots__"):
        assert_no_instance_dict(OnForeign())

    class Tight:
        __slots__ = ("a",)

    assert_no_instance_dict(Tight())
