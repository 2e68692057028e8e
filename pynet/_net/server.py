"""``net.Server``: Node's TCP/Unix listening server (``lib/net.js`` v20).

Theory of operation
-------------------
``listen()`` normalises its overloads (``normalizeArgs``), binds and listens
on a listening handle (:class:`pynet._handles.base.Listener`: ``setupListenHandle``: no host
binds ``::`` and falls back to ``0.0.0.0`` only without IPv6; an IP literal
binds at once, mapping §7), and emits ``'listening'`` on a later tick.  Each
accepted handle becomes a :class:`~pynet._net.socket.Socket` (``onconnection``),
or is dropped past ``maxConnections`` (``'drop'``) or refused by a
``blockList`` (Node 22).  ``close()`` stops listening at once and emits
``'close'`` when the last connection is gone (``_emitCloseIfDrained``).

Invariants
----------
* ``_connections`` counts accepted sockets not yet destroyed; each socket
  reports its destruction through the callback it was created with.
* ``_listening_id`` changes with every ``listen()`` and ``close()``, so a
  host lookup that answers late cannot revive a closed server.
"""

from __future__ import annotations

import errno as _errno
import math
import os
import socket as _socket
import stat
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast, overload

from pynet import dns as _dns
from pynet import errors
from pynet._core.calls import call, fit_args
from pynet._core.loop import get_loop
from pynet._handles.base import Listener, Stream
from pynet._handles.fd import guess_handle_type, open_socket_fd
from pynet._handles.pipe import pipe_listen
from pynet._handles.tcp import tcp_listen
from pynet._js import debuglog
from pynet._js.nodeobject import NodeObject
from pynet._js.number import to_number
from pynet._js.validators import (
    invalid_arg_type,
    invalid_arg_value,
    is_pipe_name,
    validate_number,
    validate_port,
)
from pynet._js.value import truthy
from pynet._net.address import BlockList, isIP
from pynet._net.endpoint import address_info
from pynet._net.normalize import (
    keep_alive_seconds,
    normalize_args,
    undefined_arg,
    validate_block_list,
)
from pynet._net.proxy import DEFAULT_TIMEOUT_MS as PROXY_TIMEOUT_MS
from pynet._net.proxy import ProxiedStream, read_proxy_header
from pynet._net.socket import Socket
from pynet._streams.utils import DEFAULT_HIGH_WATER_MARK
from pynet.abort import AbortSignal
from pynet.events import EventEmitter

if TYPE_CHECKING:
    from typing import Unpack

    from pynet._net.types import (
        AddressInfo,
        ConnectionListener,
        ListenOptions,
        NoArgListener,
        ServerEmit,
        ServerListen,
        ServerOpts,
        ServerRemove,
    )
__all__ = ["Server", "set_cluster_hook"]

#: ``hook(server, query, done)``: in a cluster worker, how a server asks the
#: primary for its listening handle (Node's ``cluster._getServer``); ``done``
#: gets ``(errno, handle)``.  ``None`` in any other process.
ClusterHook = Callable[[Any, dict[str, Any], Callable[[int, Any], None]], None]
_cluster_hook: ClusterHook | None = None


def set_cluster_hook(hook: ClusterHook | None) -> None:
    """Installed by :mod:`pynet.cluster` in a worker process (Node's ``listenInCluster``)."""
    global _cluster_hook
    _cluster_hook = hook


# NODE_DEBUG=net (lib/net.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("net")
_debug = debuglog.debuglog("net")


def _js_backlog(args: tuple[Any, ...], options: dict[str, Any]) -> Any:
    """The backlog Node's ``listen()`` passes on, as its debug line shows it:
    ``options.backlog || toNumber(args[1]) || toNumber(args[2])``, where
    ``toNumber(x)`` is ``Number(x)`` when that is ``>= 0``, else ``false``."""
    def to_num(present: bool, value: Any) -> Any:
        if not present or value is False:
            return 0  # Number(false)
        number = to_number(value) if not callable(value) else math.nan
        if not number >= 0:
            return False
        return int(number) if number == int(number) else number
    return options.get("backlog") or to_num(len(args) > 1, args[1] if len(args) > 1 else None) \
        or to_num(len(args) > 2, args[2] if len(args) > 2 else None)


class Server(EventEmitter):
    """Node's ``net.Server``: listens for TCP or Unix connections."""

    # util.inspect (pynet/_js/inspect.py): Node's own properties of a
    # net.Server in Node's order (maxConnections once set), and pynet's public
    # attributes that are not (blockList is internal in Node; the PROXY
    # protocol options are pynet's own).
    __node_properties__: ClassVar[tuple[str, ...]] = (
        "allowHalfOpen", "pauseOnConnect", "noDelay", "keepAlive", "keepAliveInitialDelay",
        "highWaterMark", "maxConnections?")
    __node_hidden__: ClassVar[tuple[str, ...]] = (
        "blockList", "proxyProtocol", "proxyProtocolTimeout")

    if TYPE_CHECKING:  # The event methods typed per event (pynet/_net/types.py).
        on: ServerListen[Server]  # type: ignore[assignment]
        addListener: ServerListen[Server]  # type: ignore[assignment]
        once: ServerListen[Server]  # type: ignore[assignment]
        prependListener: ServerListen[Server]  # type: ignore[assignment]
        prependOnceListener: ServerListen[Server]  # type: ignore[assignment]
        off: ServerRemove[Server]  # type: ignore[assignment]
        removeListener: ServerRemove[Server]  # type: ignore[assignment]
        emit: ServerEmit  # type: ignore[assignment]

    @overload
    def __init__(self, connectionListener: ConnectionListener | None = None, /,
                 **options: Unpack[ServerOpts]) -> None: ...
    @overload
    def __init__(self, options: ServerOpts | None,
                 connectionListener: ConnectionListener | None = None, /) -> None: ...

    def __init__(self, options: Any = None, connectionListener: Callable[..., Any] | None = None,
                 **kwargs: Any) -> None:
        super().__init__()
        if callable(options):
            connectionListener, options = options, {}  # noqa: N806 - Node's name
        elif options is None or isinstance(options, dict):
            options = dict(options or {})
        else:
            raise invalid_arg_type("options", "object", options)
        options.update(kwargs)
        if connectionListener is not None:
            self.on("connection", connectionListener)
        keep_delay = options.get("keepAliveInitialDelay")
        if keep_delay is not None:
            validate_number(keep_delay, "options.keepAliveInitialDelay")
            keep_delay = max(keep_delay, 0)
        hwm = options.get("highWaterMark")
        if hwm is not None:
            validate_number(hwm, "options.highWaterMark")
            if hwm < 0:
                hwm = DEFAULT_HIGH_WATER_MARK
        self._loop = get_loop()
        self._connections = 0
        # One bound method for every socket this server accepts (each socket
        # keeps it: one object per server instead of one per connection).
        self._connection_destroyed = self._on_connection_destroyed
        self._handle: Listener | None = None
        self._unref = False
        self._pipeName: str | None = None
        self._listening_id = 1
        self._debug_backlog: Any = False  # NODE_DEBUG=net: listen()'s backlog, as Node has it
        self._exclusive = False
        self.allowHalfOpen = truthy(options.get("allowHalfOpen"))
        self.pauseOnConnect = truthy(options.get("pauseOnConnect"))
        self.noDelay = truthy(options.get("noDelay"))
        self.keepAlive = truthy(options.get("keepAlive"))
        self.keepAliveInitialDelay = keep_alive_seconds(keep_delay or 0)
        self.highWaterMark = hwm if hwm is not None else DEFAULT_HIGH_WATER_MARK
        self.maxConnections: int | None = None
        self.blockList: BlockList | None = validate_block_list(options.get("blockList"))
        #: pynet's own option: every connection starts with a PROXY protocol header.
        self.proxyProtocol = truthy(options.get("proxyProtocol"))
        timeout = options.get("proxyProtocolTimeout")
        if timeout is not None:
            validate_number(timeout, "options.proxyProtocolTimeout", 1)
        #: pynet's own option: how long (ms) a connection may take to send its header.
        self.proxyProtocolTimeout: float = timeout or PROXY_TIMEOUT_MS

    # -------------------------------------------------------------- listen

    @overload
    def listen(self, port: int | None = None, host: str | None = None, backlog: int | None = None,
               listeningListener: NoArgListener | None = None, /) -> Server: ...
    @overload
    def listen(self, port: int | None, host: str | None, listeningListener: NoArgListener, /
               ) -> Server: ...
    @overload
    def listen(self, port: int | None, backlog: int, listeningListener: NoArgListener | None = None,
               /) -> Server: ...
    @overload
    def listen(self, port: int | None, listeningListener: NoArgListener, /) -> Server: ...
    @overload
    def listen(self, path: str, backlog: int | None = None,
               listeningListener: NoArgListener | None = None, /) -> Server: ...
    @overload
    def listen(self, path: str, listeningListener: NoArgListener, /) -> Server: ...
    @overload
    def listen(self, options: ListenOptions, listeningListener: NoArgListener | None = None, /
               ) -> Server: ...
    @overload
    def listen(self, listeningListener: NoArgListener | None = None, /,
               **options: Unpack[ListenOptions]) -> Server: ...

    def listen(self, *args: Any, **kwargs: Any) -> Server:
        """Listen: ``([port[, host[, backlog]]][, cb])``, ``(path[, backlog][, cb])``,
        or ``(options[, cb])``."""
        options, cb = normalize_args(args, kwargs)
        if self._handle is not None:
            raise errors.ERR_SERVER_ALREADY_LISTEN()
        if cb is not None:
            self.once("listening", cb)
        backlog_from_args = (to_number(args[1]) if len(args) > 1 and not callable(args[1])
                             and not isinstance(args[1], str) else 0) or (
            to_number(args[2]) if len(args) > 2 and not callable(args[2]) else 0)
        if isinstance(backlog_from_args, float) and math.isnan(backlog_from_args):
            backlog_from_args = 0
        self._listening_id += 1
        if _DEBUG:
            self._debug_backlog = _js_backlog(args, options)
        self._exclusive = truthy(options.get("exclusive"))
        if options.get("signal") is not None:
            self._add_abort_signal(options["signal"])
        fd = options.get("fd")
        if isinstance(fd, int) and not isinstance(fd, bool) and fd >= 0:
            self._listen_fd(fd, int(options.get("backlog") or backlog_from_args or 511))
            return self
        if (not args and not kwargs) or (args and callable(args[0])) or (
                "port" in options and options["port"] is None):
            options["port"] = 0
        port = options.get("port")
        if isinstance(port, (int, float, str)) and not isinstance(port, bool):
            port = validate_port(port, "options.port")
            backlog = int(options.get("backlog") or backlog_from_args or 0)
            host = options.get("host")
            ipv6_only = bool(options.get("ipv6Only"))
            reuse_port = bool(options.get("reusePort"))
            if host:
                self._lookup_and_listen(int(port), host, backlog, ipv6_only, reuse_port)
            else:
                self._setup_listen_handle(None, int(port), 4, backlog, ipv6_only, reuse_port)
            return self
        path = options.get("path")
        if path and is_pipe_name(path):
            self._pipeName = path
            backlog = int(options.get("backlog") or backlog_from_args or 0)
            if path.startswith("\0") and (options.get("readableAll") or
                                          options.get("writableAll")):
                raise invalid_arg_value("options", options,
                                        "can not set readableAll or writableAllt to true "
                                        "when path is abstract unix socket")
            self._setup_pipe_handle(path, backlog, bool(options.get("readableAll")),
                                    bool(options.get("writableAll")))
            return self
        if "port" not in options and "path" not in options:
            raise invalid_arg_value("options", options,
                                    'must have the property "port" or "path"')
        raise invalid_arg_value("options", options)

    def _add_abort_signal(self, signal: Any) -> None:
        """Node's ``addServerAbortSignalOption``: aborting closes the server."""
        if not isinstance(signal, AbortSignal):
            raise invalid_arg_type("options.signal", "AbortSignal", signal)
        if signal.aborted:
            self._loop.next_tick(self.close)
        else:
            def on_abort() -> None:
                self.close()

            signal.addEventListener("abort", on_abort)
            self.once("close", lambda: signal.removeEventListener("abort", on_abort))

    def _listen_fd(self, fd: int, backlog: int) -> None:
        kind = guess_handle_type(fd)
        if kind not in ("TCP", "PIPE"):
            code = _errno.EINVAL  # Node's createServerHandle: not a fd we can listen on.
        elif not stat.S_ISSOCK(os.fstat(fd).st_mode):
            code = _errno.ENOTSOCK  # A FIFO opens as a pipe, then listen() fails.
        else:
            code = 0
        if code:
            self._loop.next_tick(self._emit_error,
                                 errors.uv_exception_with_host_port(code, "listen", None, -1))
            return
        if _DEBUG:
            _debug("setupListenHandle", debuglog.NULL, -1, -1, self._debug_backlog, fd)
            _debug("setupListenHandle: create a handle")
        handle = open_socket_fd(self._loop, fd)
        code = handle.listen(backlog)
        if code:
            handle.close(None)
            self._loop.next_tick(self._emit_error,
                                 errors.uv_exception_with_host_port(code, "listen", None, -1))
            return
        self._install(handle)

    def _lookup_and_listen(self, port: int, host: str, backlog: int, ipv6_only: bool,
                           reuse_port: bool) -> None:
        family = isIP(host)
        if family:  # Mapping §7: an IP literal binds synchronously.
            self._setup_listen_handle(host, port, family, backlog, ipv6_only, reuse_port,
                                      ticks=2)
            return
        listening_id = self._listening_id

        def on_lookup(err: Any, ip: Any = None, ip_type: Any = None, *rest: Any) -> None:
            if listening_id != self._listening_id:
                return
            if err:
                self.emit("error", err)
            else:
                self._setup_listen_handle(ip, port, ip_type if ip else 4, backlog, ipv6_only,
                                          reuse_port)

        _dns.lookup(host, on_lookup)

    def _setup_listen_handle(self, address: str | None, port: int, address_type: int,
                             backlog: int, ipv6_only: bool, reuse_port: bool,
                             ticks: int = 1) -> None:
        """Node's ``setupListenHandle``: bind (``::`` falling back to ``0.0.0.0``) and listen."""
        if _cluster_hook is not None and not self._exclusive:
            self._listen_in_cluster(address, port, address_type, backlog,
                                    {"ipv6Only": ipv6_only, "reusePort": reuse_port})
            return
        if _DEBUG:
            _debug("setupListenHandle", address if address else debuglog.NULL, port,
                  address_type, self._debug_backlog, None)
            _debug("setupListenHandle: create a handle")
            _debug("bind to", address or "::")
        backlog = backlog or 511
        result: Listener | int
        if not address:
            result = tcp_listen(self._loop, "::", port, _socket.AF_INET6, backlog, ipv6_only,
                                reuse_port)
            # Only a missing IPv6 stack falls back to IPv4 (libuv reports a
            # busy port from listen(), so Node's error names '::').
            if isinstance(result, int) and result != _errno.EADDRINUSE:
                address, address_type = "0.0.0.0", 4
                if _DEBUG:
                    _debug("bind to", address)
                result = tcp_listen(self._loop, address, port, _socket.AF_INET, backlog,
                                    False, reuse_port)
            else:
                address = "::"
            if isinstance(result, int) and address is None:
                address = "::"
        else:
            family = _socket.AF_INET6 if address_type == 6 else _socket.AF_INET
            result = tcp_listen(self._loop, address, port, family, backlog, ipv6_only,
                                reuse_port)
        if isinstance(result, int):
            err = errors.uv_exception_with_host_port(result, "listen", address, port)
            if ticks == 2:
                self._loop.next_tick(self._loop.next_tick, self._emit_error, err)
            else:
                self._loop.next_tick(self._emit_error, err)
            return
        self._install(result, ticks)

    def _setup_pipe_handle(self, path: str, backlog: int, readable_all: bool,
                           writable_all: bool) -> None:
        if _cluster_hook is not None and not self._exclusive:
            self._listen_in_cluster(path, -1, -1, backlog, {"readableAll": readable_all,
                                                            "writableAll": writable_all})
            return
        if _DEBUG:
            _debug("setupListenHandle", path, -1, -1, self._debug_backlog, None)
            _debug("setupListenHandle: create a handle")
            _debug("bind to", path)
        result = pipe_listen(self._loop, path, backlog or 511, readable_all, writable_all)
        if isinstance(result, int):
            self._loop.next_tick(self._emit_error, errors.uv_exception_with_host_port(
                result, "listen", path, -1))
            return
        self._install(result)

    def _listen_in_cluster(self, address: str | None, port: int, address_type: int,
                           backlog: int, extra: dict[str, Any]) -> None:
        """Node's ``listenInCluster`` in a worker: the primary provides the handle."""
        assert _cluster_hook is not None
        listening_id = self._listening_id

        def on_handle(code: int, handle: Listener | None) -> None:
            if listening_id != self._listening_id:  # close() was called meanwhile.
                if handle is not None:
                    handle.close(None)
                return
            if code or handle is None:
                # Node's listenOnPrimaryHandle: ExceptionWithHostPort, no description.
                self.emit("error", errors.exception_with_host_port(code, "bind", address, port))
                return
            self._install(handle)

        query = {"address": address, "port": port, "addressType": address_type, "fd": None,
                 "backlog": backlog or 511, **extra}
        _cluster_hook(self, query, on_handle)

    def _install(self, handle: Listener, ticks: int = 1) -> None:
        self._handle = handle
        handle.onconnection = self._on_connection
        if self._unref:
            handle.unref()
        # Discussion: Node emits 'listening' one tick after binding, and binds
        # one tick after listen(port, host) (its dns.lookup of the host); we
        # bind at once (mapping §7) but keep the two-tick delay for the
        # events, so they interleave with other ticks as in Node.
        if ticks == 2:
            self._loop.next_tick(self._loop.next_tick, self._emit_listening)
        else:
            self._loop.next_tick(self._emit_listening)

    def _emit_listening(self) -> None:
        if self._handle is not None:
            self.emit("listening")

    def _emit_error(self, err: BaseException) -> None:
        self.emit("error", err)

    # -------------------------------------------------------------- connections

    def _on_connection(self, err: Exception | None, handle: Stream | None) -> None:
        """Node's ``onconnection``: a new client handle, or an accept error."""
        if _DEBUG:
            _debug("onconnection")
        if err is not None:
            self.emit("error", err)
            return
        assert handle is not None
        if self.proxyProtocol and not isinstance(handle, ProxiedStream):
            self._read_proxy_header(handle)
            return
        if self.blockList is not None and not handle.is_pipe:
            try:
                peer = handle.getpeername()[0]
            except OSError:
                peer = ""
            family = isIP(peer)
            if family and self.blockList.check(peer, f"ipv{family}"):
                handle.close(None)  # Node 22: closed silently, no event.
                return
        if self.maxConnections and self._connections >= self.maxConnections:
            if handle.is_pipe:
                self.emit("drop")
            else:
                data = NodeObject()
                try:
                    local = address_info(handle.getsockname(), handle)
                    data.update(localAddress=local["address"], localPort=local["port"],
                                localFamily=local["family"])
                    remote = address_info(handle.getpeername(), handle)
                    data.update(remoteAddress=remote["address"], remotePort=remote["port"],
                                remoteFamily=remote["family"])
                except OSError:
                    pass
                self.emit("drop", data)
            handle.close(None)
            return
        sock = Socket(handle=handle, allowHalfOpen=self.allowHalfOpen,
                      pauseOnCreate=self.pauseOnConnect,
                      readableHighWaterMark=self.highWaterMark,
                      writableHighWaterMark=self.highWaterMark,
                      _on_destroyed=self._connection_destroyed)
        # Node sets the socket's kSetNoDelay/kSetKeepAlive and the handle's
        # options; the socket's own setters do both.
        if self.noDelay:
            sock.setNoDelay(True)
        if self.keepAlive:
            sock.setKeepAlive(True, self.keepAliveInitialDelay * 1000)
        self._connections += 1
        sock.server = self
        if isinstance(handle, ProxiedStream):
            sock.proxy = handle.header
        self.emit("connection", sock)

    def _read_proxy_header(self, handle: Stream) -> None:
        """pynet's ``proxyProtocol``: read the PROXY header, then go on as a connection.

        A connection waiting for its header counts as one (``close()`` waits
        for it).  A bad or missing header never reaches ``'connection'``:
        the server emits ``'proxyError'`` ``(err, socket)`` (pynet's own event,
        as ``tls.Server`` emits ``'tlsClientError'``) and the socket is
        destroyed, with ``err`` if it has an ``'error'`` listener.
        """
        self._connections += 1

        def report(err: Exception | None, stream: ProxiedStream | None, header: Any) -> None:
            self._connections -= 1
            if err is None and stream is not None and self._handle is not None:
                self._on_connection(None, stream)
                return
            if err is None:  # The server closed meanwhile.
                handle.close(None)
            else:
                sock = Socket(handle=handle, pauseOnCreate=True, allowHalfOpen=True)
                self.emit("proxyError", err, sock)
                sock.destroy(err if sock.listenerCount("error") else None)
            self._emit_close_if_drained()

        read_proxy_header(self._loop, handle, report, self.proxyProtocolTimeout)

    def _on_connection_destroyed(self) -> None:
        """A socket this server accepted was destroyed (Node's ``_connections--``)."""
        self._connections -= 1
        self._emit_close_if_drained()

    def getConnections(self, cb: Callable[..., Any] | None = None) -> Server:
        """Call ``cb(None, count)`` (asynchronously) with the number of open connections."""
        if not callable(cb):
            if cb is None:
                raise undefined_arg("callback")
            raise invalid_arg_type("callback", "function", cb)
        self._loop.next_tick(cb, *fit_args(cb, (None, self._connections)))
        return self

    # -------------------------------------------------------------- close

    def nodejsRejection(self, err: Any, event: Any = None, sock: Any = None, *_: Any) -> None:
        """Node's ``Server.prototype[EventEmitter.captureRejectionSymbol]``: under
        ``captureRejections``, a rejected ``'connection'`` listener destroys that
        socket with the error; any other event's rejection is emitted as ``'error'``."""
        if event == "connection" and sock is not None:
            sock.destroy(err)
        else:
            self.emit("error", err)

    def close(self, cb: Callable[..., Any] | None = None) -> Server:
        """Stop listening; ``'close'`` once every connection has ended too."""
        if callable(cb):
            if self._handle is None:
                self.once("close", lambda *a: call(cb, errors.ERR_SERVER_NOT_RUNNING()))
            else:
                self.once("close", cb)
        if self._handle is not None:
            self._handle.close(None)
            self._handle = None
        self._listening_id += 1  # A listen() still looking up its host is cancelled.
        self._emit_close_if_drained()
        return self

    def _emit_close_if_drained(self) -> None:
        if _DEBUG:
            _debug("SERVER _emitCloseIfDrained")
        if self._handle is not None or self._connections:
            if _DEBUG:
                _debug("SERVER handle? %j   connections? %d", self._handle is not None,
                      self._connections)
            return
        self._loop.next_tick(self._emit_close)

    def _emit_close(self) -> None:
        if _DEBUG:
            _debug("SERVER: emit close")
        self.emit("close")

    def address(self) -> AddressInfo | str | None:
        """``{address, family, port}``, the pipe path, or ``None`` when not listening."""
        if self._handle is not None and not self._handle.is_pipe:
            try:
                name = self._handle.getsockname()
            except OSError as exc:
                raise errors.errno_exception(exc.errno or _errno.EBADF, "address") from exc
            return cast("AddressInfo", address_info(name, self._handle))  # TCP: an AddressInfo
        if self._pipeName:
            return self._pipeName
        return None

    @property
    def listening(self) -> bool:
        """Indicates whether or not the server is listening for connections."""
        return self._handle is not None

    def ref(self) -> Server:
        """Opposite of :meth:`unref`: the server keeps :func:`pynet.run` running again
        (the default).
        """
        self._unref = False
        if self._handle is not None:
            self._handle.ref()
        return self

    def unref(self) -> Server:
        """Lets :func:`pynet.run` return if this is the only active server left.

        Remembered when called before ``listen()``; accepted sockets stay ref'd.
        """
        self._unref = True
        if self._handle is not None:
            self._handle.unref()
        return self

    def __repr__(self) -> str:
        return f"<Server listening={self.listening} address={self.address()!r}>"
