# mypy: disable-error-code="overload-overlap"
# pyright: reportOverlappingOverload=false
# (The overlaps are the point: see "reporting a wrong listener" below.)
"""The typed surface of ``net``: option dicts, ``AddressInfo`` and the event methods.

This is what ``@types/node``'s ``net.d.ts`` is to TypeScript: it changes no
behaviour, it lets ``mypy``/``pyright`` catch a porter's mistakes.

* **Option dicts** are ``TypedDict(total=False)`` classes with Node's names and
  keys (``ServerOpts``, ``ListenOptions``, ``SocketConstructorOpts``,
  ``TcpSocketConnectOpts``…), used both for the dict argument and, through
  ``Unpack``, for keyword arguments: a misspelled key or a value of the wrong
  type is an error.  Every optional value also takes ``None`` (JavaScript's
  ``undefined``, mapping §3), as ``@types/node`` adds ``| undefined``.
* **AddressInfo** is the one runtime class here: the ``NodeObject`` that
  ``server.address()`` and ``socket.address()`` return for a TCP socket, with
  typed attributes, so ``isinstance(addr, AddressInfo)`` narrows
  ``server.address()`` (which may also be a pipe path or ``None``).
* **Event methods**: ``Socket`` and ``Server`` declare ``on``, ``once``,
  ``off``, ``emit``… (typing only, under ``TYPE_CHECKING``) as instances of
  the protocols below, whose overloads give each of Node's event names its
  listener type, then fall back to any name with any callable.

Invariants
----------
* Nothing here runs on the hot path: the protocols are never instantiated,
  the runtime methods are :class:`pynet.events.EventEmitter`'s.
* A listener type is a union of callables, one per arity it may take, from
  all of the event's arguments down to none: JavaScript drops extra
  arguments, and so does pynet's emitter (mapping §5).

# Discussion: reporting a wrong listener.  The overloads for Node's names come
first, then a fallback (``event: Hashable``, any callable) for custom events.
Python's overload matching tries them in order, so a listener that does not
fit its event (``sock.on('close', f)`` with ``f(x: str)``) would silently
match the fallback, as it does in ``@types/node``.  Python types cannot say
"any name but these", so between the two sits a *mismatch* overload: Node's
names with any callable, returning :data:`ListenerMismatch`, a
``Coroutine`` type.  Both checkers report an unused coroutine as an error
(mypy ``unused-coroutine``, on by default; pyright ``reportUnusedCoroutine``)
and a chained call on it as a missing attribute, which turns the silent match
into an error on the offending line.  The price: a listener whose type
contains ``Any`` matches both the right overload and the mismatch one, and
mypy then types the call as ``Any`` (no error, no chained type); to mypy that
is every lambda here, as it gives a lambda in a union context ``Any``
parameters.  pyright infers a lambda's parameters from the first callable of
the union that fits, and is exact.

# Discussion: ``'data'``.  Its listener gets ``bytes``, or ``str`` after
``setEncoding``; which one, the types cannot follow.  A listener taking
``bytes`` (``@types/node`` types it ``Buffer``), ``str``, or both, is
accepted; one taking anything else (``int``) is not.
"""

# Discussion: no ``from __future__ import annotations`` here: TypedDict reads
# ``Required[...]`` from evaluated annotations (``__required_keys__``).
from collections.abc import Callable, Coroutine, Hashable
from typing import TYPE_CHECKING, Any, Literal, Protocol, Required, TypedDict, TypeVar, overload

from pynet._js.nodeobject import NodeObject
from pynet._net.address import BlockList
from pynet.abort import AbortSignal

if TYPE_CHECKING:
    from pynet._net.socket import Socket

__all__ = [
    "AddressInfo",
    "CloseListener",
    "ConnectOpts",
    "ConnectionListener",
    "DataListener",
    "DropListener",
    "ErrorListener",
    "IpcNetConnectOpts",
    "IpcSocketConnectOpts",
    "ListenOptions",
    "ListenerMismatch",
    "LookupFunction",
    "LookupListener",
    "NetConnectOpts",
    "NoArgListener",
    "OnReadOpts",
    "ServerEvent",
    "ServerOpts",
    "SocketConnectOpts",
    "SocketConstructorOpts",
    "SocketEvent",
    "TcpNetConnectOpts",
    "TcpSocketConnectOpts",
]


class AddressInfo(NodeObject):
    """Node's ``AddressInfo``: ``{address, family, port}`` of a TCP endpoint.

    A :class:`NodeObject` (``a.port == a['port']``, equal to the matching
    ``dict``) whose attributes are typed.  ``server.address()`` is an
    ``AddressInfo``, the pipe path (``str``), or ``None`` before listening::

        addr = server.address()
        assert isinstance(addr, AddressInfo)
        print(addr.port + 1)
    """

    __slots__ = ()

    address: str
    family: str  # 'IPv4' or 'IPv6'
    port: int


# ----------------------------------------------------------------- options


#: ``lookup``: ``dns.lookup``'s signature; pynet passes the options as a ``dict``.
#: The ``lookup`` option: ``lookup(hostname, options, callback)``, like :func:`pynet.dns.lookup`.
LookupFunction = Callable[[str, dict[str, Any], Callable[..., None]], object]


class OnReadOpts(TypedDict, total=False):
    """``onread``: read into ``buffer`` (or what it returns), then ``callback(n, buf)``."""

    buffer: Required[bytearray | memoryview | Callable[[], bytearray | memoryview]]
    callback: Required[Callable[[int, bytearray | memoryview], object]]


class ConnectOpts(TypedDict, total=False):
    """Keys every ``connect`` form takes."""

    onread: OnReadOpts | None


class SocketConstructorOpts(TypedDict, total=False):
    """``new net.Socket(options)``."""

    fd: int | None
    allowHalfOpen: bool | None
    readable: bool | None
    writable: bool | None
    signal: AbortSignal | None
    noDelay: bool | None
    keepAlive: bool | None
    keepAliveInitialDelay: float | None
    blockList: BlockList | None
    highWaterMark: int | None
    readableHighWaterMark: int | None
    writableHighWaterMark: int | None
    onread: OnReadOpts | None  # Node's constructor reads it too (net.connect passes it on)


class TcpSocketConnectOpts(ConnectOpts, total=False):
    """``socket.connect(options)`` for TCP: ``port`` is required."""

    port: Required[int]
    host: str | None
    localAddress: str | None
    localPort: int | None
    hints: int | None
    family: int | None
    lookup: LookupFunction | None
    noDelay: bool | None
    keepAlive: bool | None
    keepAliveInitialDelay: float | None
    autoSelectFamily: bool | None
    autoSelectFamilyAttemptTimeout: int | None
    blockList: BlockList | None


class IpcSocketConnectOpts(ConnectOpts, total=False):
    """``socket.connect(options)`` for a Unix socket: ``path`` is required."""

    path: Required[str]


#: The options of ``socket.connect(options)``: TCP (``port``) or IPC (``path``).
SocketConnectOpts = TcpSocketConnectOpts | IpcSocketConnectOpts


class TcpNetConnectOpts(TcpSocketConnectOpts, SocketConstructorOpts, total=False):
    """``net.connect(options)`` for TCP: the socket's and the connection's keys."""

    timeout: float | None


class IpcNetConnectOpts(IpcSocketConnectOpts, SocketConstructorOpts, total=False):
    """``net.connect(options)`` for a Unix socket."""

    timeout: float | None


#: The options of ``net.connect(options)``: the socket's constructor and connect options.
NetConnectOpts = TcpNetConnectOpts | IpcNetConnectOpts


class ServerOpts(TypedDict, total=False):
    """``net.createServer(options)``."""

    allowHalfOpen: bool | None
    pauseOnConnect: bool | None
    noDelay: bool | None
    keepAlive: bool | None
    keepAliveInitialDelay: float | None
    highWaterMark: int | None
    blockList: BlockList | None
    proxyProtocol: bool | None  # pynet's own: a PROXY protocol header starts each connection
    proxyProtocolTimeout: float | None  # pynet's own: ms to wait for that header


class ListenOptions(TypedDict, total=False):
    """``server.listen(options)``: ``port`` (and ``host``), ``path`` or ``fd``."""

    port: int | None
    host: str | None
    backlog: int | None
    path: str | None
    exclusive: bool | None
    readableAll: bool | None
    writableAll: bool | None
    ipv6Only: bool | None
    reusePort: bool | None
    signal: AbortSignal | None
    fd: int | None


# ----------------------------------------------------------------- listeners

_NoArg = Callable[[], object]

#: ``'connect'``, ``'ready'``, ``'end'``, ``'drain'``, ``'timeout'``, ``'finish'``;
#: the server's ``'listening'`` and ``'close'``.
NoArgListener = _NoArg
#: ``'close'`` of a socket: ``hadError``.
CloseListener = Callable[[bool], object] | _NoArg
#: ``'data'``: ``bytes``, or ``str`` after ``setEncoding`` (see the module notes).
DataListener = Callable[[bytes], object] | Callable[[str], object] | _NoArg
#: ``'error'``.
ErrorListener = Callable[[Exception], object] | _NoArg
#: ``'lookup'``: ``(err, address, family, host)``.
LookupListener = (
    Callable[[Exception | None, str | None, int | str | None, str], object]
    | Callable[[Exception | None, str | None, int | str | None], object]
    | Callable[[Exception | None, str | None], object]
    | Callable[[Exception | None], object]
    | _NoArg
)
#: ``'connection'``: the new socket.
ConnectionListener = Callable[["Socket"], object] | _NoArg
#: ``'drop'``: ``{localAddress, localPort, localFamily, remoteAddress, remotePort,
#: remoteFamily}``, or nothing for a pipe.
DropListener = Callable[[NodeObject | None], object] | _NoArg


class WrongListenerOrArgumentsForEvent:
    """The result type of a call whose listener or arguments do not fit the event."""


#: What a mismatched call evaluates to (see the module notes): an unused
#: coroutine, which both checkers report.
ListenerMismatch = Coroutine[Any, Any, WrongListenerOrArgumentsForEvent]

SocketEvent = Literal["close", "connect", "data", "drain", "end", "error", "finish", "lookup",
                      "ready", "timeout"]
_SocketNoArg = Literal["connect", "drain", "end", "finish", "ready", "timeout"]
ServerEvent = Literal["close", "connection", "drop", "error", "listening"]
_ServerNoArg = Literal["close", "listening"]

_E_co = TypeVar("_E_co", covariant=True)
_F = TypeVar("_F", bound=Callable[..., Any])
_NoArgT = TypeVar("_NoArgT", bound=_NoArg)
_CloseT = TypeVar("_CloseT", bound=CloseListener)
_DataT = TypeVar("_DataT", bound=DataListener)
_ErrorT = TypeVar("_ErrorT", bound=ErrorListener)
_LookupT = TypeVar("_LookupT", bound=LookupListener)
_ConnectionT = TypeVar("_ConnectionT", bound=ConnectionListener)
_DropT = TypeVar("_DropT", bound=DropListener)


class SocketListen(Protocol[_E_co]):
    """``on``, ``addListener``, ``once``, ``prependListener``, ``prependOnceListener``
    of a ``Socket``: ``(event, listener)`` returns the socket; ``(event)`` alone
    is a decorator that returns the function."""

    @overload
    def __call__(self, event: Literal["close"]) -> Callable[[_CloseT], _CloseT]: ...
    @overload
    def __call__(self, event: Literal["data"]) -> Callable[[_DataT], _DataT]: ...
    @overload
    def __call__(self, event: Literal["error"]) -> Callable[[_ErrorT], _ErrorT]: ...
    @overload
    def __call__(self, event: Literal["lookup"]) -> Callable[[_LookupT], _LookupT]: ...
    @overload
    def __call__(self, event: _SocketNoArg) -> Callable[[_NoArgT], _NoArgT]: ...
    @overload
    def __call__(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def __call__(self, event: Literal["close"], f: CloseListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["data"], f: DataListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["error"], f: ErrorListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["lookup"], f: LookupListener) -> _E_co: ...
    @overload
    def __call__(self, event: _SocketNoArg, f: NoArgListener) -> _E_co: ...
    @overload
    def __call__(self, event: SocketEvent, f: Callable[..., object]) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, f: Callable[..., Any]) -> _E_co: ...


class SocketRemove(Protocol[_E_co]):
    """``off`` and ``removeListener`` of a ``Socket``."""

    @overload
    def __call__(self, event: Literal["close"], f: CloseListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["data"], f: DataListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["error"], f: ErrorListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["lookup"], f: LookupListener) -> _E_co: ...
    @overload
    def __call__(self, event: _SocketNoArg, f: NoArgListener) -> _E_co: ...
    @overload
    def __call__(self, event: SocketEvent, f: Callable[..., object]) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, f: Callable[..., Any]) -> _E_co: ...


class SocketEmit(Protocol):
    """``emit`` of a ``Socket``: Node's events with their arguments."""

    @overload
    def __call__(self, event: Literal["close"], hadError: bool = ..., /) -> bool: ...
    @overload
    def __call__(self, event: Literal["data"], chunk: bytes | str, /) -> bool: ...
    @overload
    def __call__(self, event: Literal["error"], error: BaseException, /) -> bool: ...
    @overload
    def __call__(self, event: Literal["lookup"], err: Exception | None, address: str | None,
                 family: int | str | None, host: str, /) -> bool: ...
    @overload
    def __call__(self, event: _SocketNoArg, /) -> bool: ...
    @overload
    def __call__(self, event: SocketEvent, /, *args: Any) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, /, *args: Any) -> bool: ...


class ServerListen(Protocol[_E_co]):
    """``on``, ``addListener``, ``once``, ``prependListener``, ``prependOnceListener``
    of a ``Server``."""

    @overload
    def __call__(self, event: Literal["connection"]
                 ) -> Callable[[_ConnectionT], _ConnectionT]: ...
    @overload
    def __call__(self, event: Literal["drop"]) -> Callable[[_DropT], _DropT]: ...
    @overload
    def __call__(self, event: Literal["error"]) -> Callable[[_ErrorT], _ErrorT]: ...
    @overload
    def __call__(self, event: _ServerNoArg) -> Callable[[_NoArgT], _NoArgT]: ...
    @overload
    def __call__(self, event: Hashable) -> Callable[[_F], _F]: ...
    @overload
    def __call__(self, event: Literal["connection"], f: ConnectionListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["drop"], f: DropListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["error"], f: ErrorListener) -> _E_co: ...
    @overload
    def __call__(self, event: _ServerNoArg, f: NoArgListener) -> _E_co: ...
    @overload
    def __call__(self, event: ServerEvent, f: Callable[..., object]) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, f: Callable[..., Any]) -> _E_co: ...


class ServerRemove(Protocol[_E_co]):
    """``off`` and ``removeListener`` of a ``Server``."""

    @overload
    def __call__(self, event: Literal["connection"], f: ConnectionListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["drop"], f: DropListener) -> _E_co: ...
    @overload
    def __call__(self, event: Literal["error"], f: ErrorListener) -> _E_co: ...
    @overload
    def __call__(self, event: _ServerNoArg, f: NoArgListener) -> _E_co: ...
    @overload
    def __call__(self, event: ServerEvent, f: Callable[..., object]) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, f: Callable[..., Any]) -> _E_co: ...


class ServerEmit(Protocol):
    """``emit`` of a ``Server``."""

    @overload
    def __call__(self, event: Literal["connection"], socket: "Socket", /) -> bool: ...
    @overload
    def __call__(self, event: Literal["drop"], data: NodeObject | None = ..., /) -> bool: ...
    @overload
    def __call__(self, event: Literal["error"], error: BaseException, /) -> bool: ...
    @overload
    def __call__(self, event: _ServerNoArg, /) -> bool: ...
    @overload
    def __call__(self, event: ServerEvent, /, *args: Any) -> ListenerMismatch: ...
    @overload
    def __call__(self, event: Hashable, /, *args: Any) -> bool: ...


# Private: what ``Server`` passes when it wraps an accepted handle.
if TYPE_CHECKING:
    from pynet._handles.base import Stream

    class AcceptedSocketOpts(SocketConstructorOpts, total=False):
        handle: Required[Stream]
        pauseOnCreate: bool
        manualStart: bool
