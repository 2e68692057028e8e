"""Node's ``net`` module: ``createServer``, ``connect``, ``Server``, ``Socket``…

This is ``lib/net.js`` (Node v20) on pynet's loop: :mod:`pynet._net.socket`
(``Socket``), :mod:`pynet._net.server` (``Server``),
:mod:`pynet._net.normalize` (argument normalisation),
:mod:`pynet._net.happy_eyeballs` (autoSelectFamily and its defaults) and this
one, which has the module-level functions and Node's export list.  Event order, argument values
and errors follow Node; ``docs/porting-guide.md`` lists the few deliberate
differences.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast, overload

from pynet._js import debuglog
from pynet._net.address import BlockList, SocketAddress, isIP, isIPv4, isIPv6
from pynet._net.happy_eyeballs import (
    getDefaultAutoSelectFamily,
    getDefaultAutoSelectFamilyAttemptTimeout,
    setDefaultAutoSelectFamily,
    setDefaultAutoSelectFamilyAttemptTimeout,
)
from pynet._net.normalize import normalize_args
from pynet._net.server import Server
from pynet._net.socket import Socket
from pynet._net.types import (
    AddressInfo,
    ConnectOpts,
    IpcNetConnectOpts,
    IpcSocketConnectOpts,
    ListenOptions,
    LookupFunction,
    NetConnectOpts,
    OnReadOpts,
    ServerOpts,
    SocketConnectOpts,
    SocketConstructorOpts,
    TcpNetConnectOpts,
    TcpSocketConnectOpts,
)

if TYPE_CHECKING:
    from typing import Unpack

    from pynet._net.types import ConnectionListener, NoArgListener

__all__ = [
    "AddressInfo",
    "BlockList",
    "ConnectOpts",
    "IpcNetConnectOpts",
    "IpcSocketConnectOpts",
    "ListenOptions",
    "LookupFunction",
    "NetConnectOpts",
    "OnReadOpts",
    "Server",
    "ServerOpts",
    "Socket",
    "SocketAddress",
    "SocketConnectOpts",
    "SocketConstructorOpts",
    "Stream",
    "TcpNetConnectOpts",
    "TcpSocketConnectOpts",
    "connect",
    "createConnection",
    "createServer",
    "getDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout",
    "isIP",
    "isIPv4",
    "isIPv6",
    "setDefaultAutoSelectFamily",
    "setDefaultAutoSelectFamilyAttemptTimeout",
]

# NODE_DEBUG=net (lib/net.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("net")
_debug = debuglog.debuglog("net")


@overload
def createServer(connectionListener: ConnectionListener | None = None, /,
                 **options: Unpack[ServerOpts]) -> Server: ...
@overload
def createServer(options: ServerOpts | None, connectionListener: ConnectionListener | None = None,
                 /) -> Server: ...


def createServer(options: Any = None, connectionListener: Callable[..., Any] | None = None,
                 **kwargs: Any) -> Server:
    """A new :class:`Server`; ``connectionListener`` listens to ``'connection'``."""
    return Server(options, connectionListener, **kwargs)


@overload
def connect(options: NetConnectOpts, connectionListener: NoArgListener | None = None, /
            ) -> Socket: ...
@overload
def connect(port: int, host: str | None = None, connectionListener: NoArgListener | None = None,
            /) -> Socket: ...
@overload
def connect(port: int, connectionListener: NoArgListener, /) -> Socket: ...
@overload
def connect(path: str, connectionListener: NoArgListener | None = None, /) -> Socket: ...
@overload
def connect(connectionListener: NoArgListener | None = None, /,
            **options: Unpack[TcpNetConnectOpts]) -> Socket: ...
@overload
def connect(connectionListener: NoArgListener | None = None, /,
            **options: Unpack[IpcNetConnectOpts]) -> Socket: ...


def connect(*args: Any, **kwargs: Any) -> Socket:
    """``net.connect(options[, cb])``, ``(port[, host][, cb])`` or ``(path[, cb])``."""
    options, cb = normalize_args(args, kwargs)
    if _DEBUG:
        _debug("createConnection", debuglog.JsArray([dict(options), cb or debuglog.NULL],
                                                   {"normalizedArgs": True}))
    sock = Socket(cast("SocketConstructorOpts", options))
    if options.get("timeout"):
        sock.setTimeout(options["timeout"])
    # Through the (patchable) method, as Node's net.connect calls socket.connect.
    opts = cast("SocketConnectOpts", options)
    return sock.connect(opts, cb) if cb is not None else sock.connect(opts)


createConnection = connect


Stream = Socket
