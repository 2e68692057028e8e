"""Every public call either works or raises Node's error: a fuzz over the public API.

The rule (issue 10, mapping §6): a call with arguments of any type either
works or raises a pynet error with Node's code (an ``ERR_*`` class, or a
system error with ``.code``); never a bare ``AttributeError``, ``KeyError``,
``IndexError``, ``OverflowError``, ``UnicodeError``…, and never an error
that escapes later from the loop.

Each example makes a call with values drawn from JavaScript-like values
(``None``, booleans, huge and fractional numbers, NaN, ±Infinity, ``-0.0``,
short strings including a lone surrogate, bytes, lists, dicts with Node's
option keys, callables of several arities), then runs the loop until the
objects it made are closed.  Listening and connecting stay on loopback: hosts
are drawn from loopback names and non-resolving names, and a fake resolver
answers every lookup.
"""

from __future__ import annotations

import inspect
import math
import os
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pynet import dns, errors, events, net, nextTick, setImmediate, setInterval, setTimeout, stream
from pynet._core import loop as _loop
from pynet._core.loop import Loop

OPTION_KEYS = [
    "port", "host", "path", "family", "hints", "lookup", "localAddress", "localPort",
    "timeout", "allowHalfOpen", "pauseOnConnect", "noDelay", "keepAlive",
    "keepAliveInitialDelay", "highWaterMark", "readable", "writable", "signal", "backlog",
    "exclusive", "ipv6Only", "reusePort", "autoSelectFamily", "autoSelectFamilyAttemptTimeout",
    "blockList", "encoding", "readableAll", "writableAll", "x",
    # stream.* and EventEmitter options
    "objectMode", "readableObjectMode", "writableObjectMode", "readableHighWaterMark",
    "writableHighWaterMark", "decodeStrings", "defaultEncoding", "emitClose", "autoDestroy",
    "captureRejections", "read", "write", "writev", "final", "destroy", "transform", "flush",
]
HOSTS = ["127.0.0.1", "::1", "localhost", "nonexistent.invalid", "", "1.2.3", "::ffff:127.0.0.1"]

NUMBERS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.sampled_from([0, 1, -1, 65535, 65536, 2**31, 2**53, 1.5, -0.0, math.nan, math.inf,
                     -math.inf, 1e21, 5e-324]),
)
TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="/\x00"), max_size=6),
    st.sampled_from(["\ud800", "utf8", "hex", "base64", "latin1", "0", "-1", "80", "x" * 120]),
    st.sampled_from(HOSTS),
)
CALLABLES = st.sampled_from([lambda: None, lambda a: None, lambda a, b: None,
                             lambda *a: None, print])
ATOMS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT, st.binary(max_size=6),
                  CALLABLES, st.just(object()))
VALUES = st.recursive(
    ATOMS,
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(OPTION_KEYS), inner, max_size=4)),
    max_leaves=6,
)
ARGS = st.lists(VALUES, max_size=4)


def _fake_resolver(host: str, port: Any, family: int, type: int,  # noqa: A002
                   proto: int, flags: int) -> list[tuple[Any, ...]]:
    if host == "localhost":
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


def _allowed(exc: BaseException) -> bool:
    """A pynet error with Node's code, or a system error with ``.code``."""
    if isinstance(exc, errors.NodeError):
        return bool(exc.code)
    return isinstance(exc, OSError) and isinstance(getattr(exc, "code", None), str)


def _loopback_only(args: list[Any]) -> bool:
    """Calls that would listen on every interface are not made (loopback only)."""
    if not args:
        return False
    first = args[0]
    if isinstance(first, dict):
        return first.get("host") in HOSTS and first.get("path") is None
    host = next((a for a in args[1:] if isinstance(a, str)), None)
    return host in HOSTS and host != ""


class Made:
    """The objects one example made, closed at its end."""

    def __init__(self) -> None:
        self.sockets: list[net.Socket] = []
        self.servers: list[net.Server] = []
        self.streams: list[Any] = []
        self.escaped: list[BaseException] = []
        #: Values of the user's that Node passes through as they are (``destroy(x)``
        #: emits ``x`` as the error): not pynet's errors, so not judged.
        self.passed_through: list[Any] = []

    def track(self, obj: Any) -> Any:
        if isinstance(obj, net.Socket):
            obj.on("error", lambda err: self.check_emitted(err))
            self.sockets.append(obj)
        elif isinstance(obj, (stream.Readable, stream.Writable)):
            obj.on("error", lambda err: self.check_emitted(err))
            self.streams.append(obj)
        elif isinstance(obj, net.Server):
            obj.on("error", lambda err: self.check_emitted(err))
            self.servers.append(obj)
        return obj

    def check_emitted(self, err: Any) -> None:
        if any(err is value for value in self.passed_through):
            return
        if not _allowed(err):
            self.escaped.append(err)

    def close_all(self) -> None:
        for s in self.sockets:
            s.destroy()
        for srv in self.servers:
            srv.close()
        for st_ in self.streams:
            st_.destroy()


@pytest.fixture
def fuzz_env(tmp_path: Any) -> Iterator[None]:
    previous_resolver = dns.set_resolver(_fake_resolver)
    cwd = os.getcwd()
    os.chdir(tmp_path)  # Unix socket paths land in a temp dir
    try:
        yield
    finally:
        os.chdir(cwd)
        dns.set_resolver(previous_resolver)


def _bindable(fn: Callable[..., Any], args: list[Any]) -> bool:
    """Whether Python accepts this many arguments (a wrong count is Python's own TypeError,
    which type checkers report; the rule is about the values)."""
    try:
        inspect.signature(fn).bind(*args)
    except TypeError:
        return False
    except ValueError:  # no signature (a builtin)
        return True
    return True


def _exercise(call: Callable[[Made], Any]) -> None:
    """Make one call on a fresh loop, run it out, and check the rule."""
    loop = Loop()
    previous = _loop.set_loop(loop)
    made = Made()
    raised: list[BaseException] = []
    uncaught: list[BaseException] = []
    try:
        try:
            made.track(call(made))
        except Exception as exc:
            raised.append(exc)
        setImmediate(made.close_all)
        for _ in range(50):
            try:
                loop.run()
            except Exception as exc:
                uncaught.append(exc)
                continue
            break
    finally:
        made.close_all()
        for _ in range(50):
            try:
                loop.run()
            except Exception as exc:
                uncaught.append(exc)
                continue
            break
        _loop.set_loop(previous)
        loop.close()
    for exc in raised:
        assert _allowed(exc), f"raised {type(exc).__name__}: {exc!r}"
    bad = [e for e in uncaught + made.escaped if not _allowed(e)]
    assert not bad, f"escaped from the loop: {[(type(e).__name__, e) for e in bad]}"


FUZZ = settings(max_examples=int(os.environ.get("PYNET_FUZZ_EXAMPLES", "120")), deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@FUZZ
@given(args=ARGS)
def test_socket_constructor(fuzz_env: None, args: list[Any]) -> None:
    if _bindable(net.Socket, args):
        _exercise(lambda made: net.Socket(*args))


@FUZZ
@given(args=ARGS)
def test_create_server(fuzz_env: None, args: list[Any]) -> None:
    if _bindable(net.createServer, args):
        _exercise(lambda made: net.createServer(*args))


@FUZZ
@given(args=ARGS)
def test_connect(fuzz_env: None, args: list[Any]) -> None:
    _exercise(lambda made: net.connect(*args))


@FUZZ
@given(args=ARGS)
def test_listen(fuzz_env: None, args: list[Any]) -> None:
    if not _loopback_only(args) or not _bindable(net.Server.listen, [None, *args]):
        return

    def call(made: Made) -> Any:
        server = made.track(net.createServer())
        return server.listen(*args)
    _exercise(call)


SOCKET_METHODS = ["write", "end", "setEncoding", "setTimeout", "setNoDelay", "setKeepAlive",
                  "pause", "resume", "read", "unshift", "push", "pipe", "unpipe", "address",
                  "destroy", "cork", "uncork", "ref", "unref", "resetAndDestroy",
                  "setDefaultEncoding", "on", "once", "off", "emit", "removeAllListeners",
                  "listenerCount", "setMaxListeners", "connect"]


@FUZZ
@given(method=st.sampled_from(SOCKET_METHODS), args=ARGS, connected=st.booleans())
def test_socket_methods(fuzz_env: None, method: str, args: list[Any], connected: bool) -> None:
    if method == "connect" and not _loopback_only(args):
        return
    if not _bindable(getattr(net.Socket, method), [None, *args]):
        return
    if method == "emit" and args and args[0] == "error":
        return  # emitting 'error' raises the argument itself, by design

    def call(made: Made) -> Any:
        made.passed_through.extend(args)
        if connected:
            server = made.track(net.createServer(lambda s: made.track(s)))
            server.listen(0, "127.0.0.1")
            sock = made.track(net.connect(server.address().port, "127.0.0.1"))
        else:
            sock = made.track(net.Socket())
        return getattr(sock, method)(*args)
    _exercise(call)


SERVER_METHODS = ["close", "address", "getConnections", "ref", "unref", "setMaxListeners",
                  "listen"]


@FUZZ
@given(method=st.sampled_from(SERVER_METHODS), args=ARGS)
def test_server_methods(fuzz_env: None, method: str, args: list[Any]) -> None:
    if method == "listen" and not _loopback_only(args):
        return
    if not _bindable(getattr(net.Server, method), [None, *args]):
        return

    def call(made: Made) -> Any:
        server = made.track(net.createServer())
        server.listen(0, "127.0.0.1")
        return getattr(server, method)(*args)
    _exercise(call)


@FUZZ
@given(fn=st.sampled_from([setTimeout, setInterval, setImmediate, nextTick]), args=ARGS)
def test_timers(fuzz_env: None, fn: Callable[..., Any], args: list[Any]) -> None:
    if not _bindable(fn, args):
        return
    def call(made: Made) -> Any:
        handle = fn(*args)
        if fn is setInterval and handle is not None:
            setTimeout(handle.close, 5)
        return None
    _exercise(call)


@FUZZ
@given(fn=st.sampled_from([net.isIP, net.isIPv4, net.isIPv6, net.BlockList,
                           net.SocketAddress, net.SocketAddress.parse,
                           net.setDefaultAutoSelectFamilyAttemptTimeout]), args=ARGS)
def test_module_functions(fuzz_env: None, fn: Callable[..., Any], args: list[Any]) -> None:
    if not _bindable(fn, args):
        return
    previous = net.getDefaultAutoSelectFamilyAttemptTimeout()
    try:
        _exercise(lambda made: fn(*args))
    finally:
        net.setDefaultAutoSelectFamilyAttemptTimeout(previous)


STREAM_CLASSES = [stream.Readable, stream.Writable, stream.Duplex, stream.Transform,
                  stream.PassThrough]
STREAM_METHODS = ["push", "unshift", "read", "write", "end", "setEncoding", "pipe", "unpipe",
                  "destroy", "cork", "uncork", "pause", "resume", "setDefaultEncoding", "on",
                  "once", "off", "emit", "removeAllListeners", "listenerCount",
                  "prependListener", "setMaxListeners", "isPaused"]


@FUZZ
@given(cls=st.sampled_from(STREAM_CLASSES), args=ARGS)
def test_stream_constructors(fuzz_env: None, cls: Any, args: list[Any]) -> None:
    if _bindable(cls, args):
        _exercise(lambda made: cls(*args))


@FUZZ
@given(cls=st.sampled_from(STREAM_CLASSES), method=st.sampled_from(STREAM_METHODS), args=ARGS,
       encoded=st.booleans())
def test_stream_methods(fuzz_env: None, cls: Any, method: str, args: list[Any],
                        encoded: bool) -> None:
    if not hasattr(cls, method) or not _bindable(getattr(cls, method), [None, *args]):
        return
    if method == "emit" and args and args[0] == "error":
        return  # emitting 'error' raises the argument itself, by design

    def call(made: Made) -> Any:
        made.passed_through.extend(args)
        obj = made.track(cls({"read": lambda n: None, "write": lambda c, e, cb: cb()}))
        if encoded and hasattr(obj, "setEncoding"):
            obj.setEncoding("utf8")
        return getattr(obj, method)(*args)
    _exercise(call)


EMITTER_METHODS = ["on", "once", "off", "emit", "prependListener", "prependOnceListener",
                   "removeAllListeners", "listenerCount", "listeners", "rawListeners",
                   "setMaxListeners", "eventNames"]


@FUZZ
@given(ctor=ARGS, method=st.sampled_from(EMITTER_METHODS), args=ARGS)
def test_event_emitter(fuzz_env: None, ctor: list[Any], method: str, args: list[Any]) -> None:
    if not _bindable(events.EventEmitter, ctor[:1]):
        return
    if not _bindable(getattr(events.EventEmitter, method), [None, *args]):
        return
    if method == "emit" and args and args[0] == "error":
        return

    def call(made: Made) -> Any:
        emitter = events.EventEmitter(*ctor[:1])
        emitter.on("error", made.check_emitted)
        return getattr(emitter, method)(*args)
    _exercise(call)
