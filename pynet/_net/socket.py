"""``net.Socket``: Node's TCP/Unix stream socket (``lib/net.js`` v20).

A :class:`Socket` is a :class:`~pynet._streams.duplex.Duplex` around a
:class:`~pynet._handles.stream.StreamHandle`.  This module also holds what
``net.Server`` shares with it: argument normalisation (``normalizeArgs``), the
autoSelectFamily defaults and a few value helpers.

Theory of operation
-------------------
* **Connect** (``Socket.connect`` → ``lookupAndConnect`` → ``internalConnect``
  → ``afterConnect``): an IP literal connects on the next tick; a host name is
  looked up first (:mod:`pynet.dns`, off the loop thread), emitting
  ``'lookup'``; with several addresses and ``autoSelectFamily`` the attempts
  are interleaved by family, each but the last with a timer
  (``internalConnectMultiple``, RFC 8305: :class:`_MultiConnect`).  A Unix
  path connects inside ``connect()``.  ``'connect'`` and ``'ready'`` come from
  the completion.
* **Read**: the handle's ``onread`` pushes each chunk into the readable side
  (the flowing, empty-buffer case inline); when ``push`` says the buffer is
  full, the handle stops reading (TCP backpressure); EOF pushes ``None``.
* **Write**: ``_write``/``_writev`` go to the handle; while connecting, the
  data waits for ``'connect'``.  ``end()`` shuts the write side down after
  the queue drains (``_final``).
* **Destroy**: the handle closes; ``'close'(hadError)`` is emitted from the
  loop's close phase, after ``'error'`` (next tick) if there was one.
* **Idle timeout**: one unref'd timer per socket, refreshed lazily: activity
  only records the loop time; when the timer fires early it re-arms itself
  for the remainder (no heap work per read or write).

Invariants
----------
* ``connecting`` is True exactly between ``connect()`` and the connect
  completion (or destroy).
* Every handle a socket opens is closed by ``destroy``.
"""

from __future__ import annotations

import errno as _errno
import socket as _socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pynet import dns as _dns
from pynet import errors
from pynet._core.loop import Timer
from pynet._handles.stream import StreamHandle, new_pipe, new_tcp, open_fd
from pynet._js.nodeobject import NodeObject
from pynet._js.validators import (
    get_timer_duration,
    invalid_arg_type,
    invalid_arg_value,
    is_pipe_name,
    validate_boolean,
    validate_function,
    validate_int32,
    validate_number,
    validate_port,
    validate_string,
)
from pynet._net.address import BlockList, isIP
from pynet._streams.duplex import Duplex, _nop
from pynet.abort import AbortError, AbortSignal

if TYPE_CHECKING:
    from pynet._net.server import Server

__all__ = ["Socket", "getDefaultAutoSelectFamily", "getDefaultAutoSelectFamilyAttemptTimeout",
           "setDefaultAutoSelectFamily", "setDefaultAutoSelectFamilyAttemptTimeout"]

_auto_select_family_default = True
_auto_select_family_attempt_timeout_default = 250

# Marks a Socket._write call that carries a list of buffers (from _writev).
_WRITEV = "writev"

_FAMILY_NAME = {_socket.AF_INET: "IPv4", _socket.AF_INET6: "IPv6"}


def getDefaultAutoSelectFamily() -> bool:
    """Whether ``connect`` tries IPv6 and IPv4 addresses in turn (default True)."""
    return _auto_select_family_default


def setDefaultAutoSelectFamily(value: bool) -> None:
    global _auto_select_family_default
    _auto_select_family_default = validate_boolean(value, "value")


def getDefaultAutoSelectFamilyAttemptTimeout() -> int:
    """The per-attempt timeout of ``autoSelectFamily``, in ms (default 250)."""
    return _auto_select_family_attempt_timeout_default


def setDefaultAutoSelectFamilyAttemptTimeout(value: int) -> None:
    global _auto_select_family_attempt_timeout_default
    value = validate_int32(value, "value", 1)
    _auto_select_family_attempt_timeout_default = max(value, 10)


def _normalize_args(args: tuple[Any, ...], kwargs: dict[str, Any]
                    ) -> tuple[dict[str, Any], Callable[..., Any] | None]:
    """Node's ``normalizeArgs``: ``(options, cb)`` from any connect/listen overload."""
    options: dict[str, Any] = {}
    if args:
        first = args[0]
        if isinstance(first, dict):
            options = dict(first)
        elif is_pipe_name(first):
            options["path"] = first
        elif not callable(first):
            options["port"] = first
            if len(args) > 1 and isinstance(args[1], str):
                options["host"] = args[1]
    options.update(kwargs)
    cb = args[-1] if args and callable(args[-1]) else None
    return options, cb


def _undefined_arg(name: str) -> errors.NodeError:
    return errors.ERR_INVALID_ARG_TYPE(
        f'The "{name}" argument must be of type function. Received undefined')


class Socket(Duplex):
    """Node's ``net.Socket``: a TCP or Unix stream socket."""

    _decode_strings = False  # Node: decodeStrings: false

    __slots__ = (
        "_active_at",
        "_after_write_async",
        "_bytes_read",
        "_bytes_written",
        "_hadError",
        "_handle",
        "_handle_pending",
        "_host",
        "_keep_alive_delay",
        "_last_write_queue_size",
        "_onread",
        "_peername",
        "_pending_data",
        "_reset_and_closing",
        "_server",
        "_set_keep_alive",
        "_set_no_delay",
        "_sockname",
        "_timeout_ms",
        "_timeout_value",
        "_timer",
        "_unref_pending",
        "_write_req_cb",
        "autoSelectFamilyAttemptedAddresses",
        "connecting",
        "server",
    )

    def __init__(self, options: Any = None, **kwargs: Any) -> None:
        if isinstance(options, int) and not isinstance(options, bool):
            options = {"fd": options}
        opts: dict[str, Any] = dict(options or {}, **kwargs)
        for key in ("objectMode", "readableObjectMode", "writableObjectMode"):
            if opts.get(key):
                raise invalid_arg_value(f"options.{key}", opts[key], "is not supported")
        hwm = opts.get("highWaterMark")
        if hwm is not None:
            validate_number(hwm, "options.highWaterMark")
        keep_delay = opts.get("keepAliveInitialDelay")
        if keep_delay is not None:
            validate_number(keep_delay, "options.keepAliveInitialDelay")
            keep_delay = max(keep_delay, 0)
        super().__init__(
            allowHalfOpen=_truthy(opts.get("allowHalfOpen")),
            readableHighWaterMark=opts.get("readableHighWaterMark", hwm),
            writableHighWaterMark=opts.get("writableHighWaterMark", hwm),
            readable=opts.get("readable", True) is not False,
            writable=opts.get("writable", True) is not False,
        )
        self.connecting = False
        self._hadError = False
        self._handle: StreamHandle | None = None
        self._host: str | None = None
        self._peername: NodeObject | None = None
        self._sockname: NodeObject | None = None
        self._pending_data: Any = None
        self._handle_pending = False
        self._reset_and_closing = False
        self.server: Server | None = None
        self._server: Server | None = None
        self._bytes_read = 0
        self._bytes_written = 0
        self._timeout_value: Any = None
        self._timeout_ms = 0.0
        self._timer: Timer | None = None
        self._active_at = 0.0
        self._last_write_queue_size = 0
        self._set_no_delay = False
        self._set_keep_alive = False
        self._keep_alive_delay = 0
        self.autoSelectFamilyAttemptedAddresses: list[str] | None = None
        self._onread = opts.get("onread")
        self._unref_pending = False
        self._fin_received = False
        self._write_req_cb: Callable[..., Any] | None = None
        self._after_write_async: Callable[..., None] | None = None  # Bound on first use.
        self.on("end", self._on_readable_stream_end)

        handle = opts.get("handle")
        if opts.get("fd") is not None:
            handle = self._handle_from_fd(opts["fd"])
        if handle is not None:
            self._attach(handle)
            if self._r_readable_flag:
                if opts.get("pauseOnCreate"):
                    handle.read_stop()
                    self._r_flowing = False
                elif not opts.get("manualStart"):
                    self.read(0)
        self.blockList: BlockList | None = _validate_block_list(opts.get("blockList"))
        signal = opts.get("signal")
        if signal is not None:
            self._add_abort_signal(signal)
        if _truthy(opts.get("keepAlive")):
            self.setKeepAlive(True, keep_delay or 0)
        if _truthy(opts.get("noDelay")):
            self.setNoDelay(True)

    def _add_abort_signal(self, signal: Any) -> None:
        """Node's ``addAbortSignal`` + ``addClientAbortSignalOption``."""
        if not isinstance(signal, AbortSignal):
            raise invalid_arg_type("signal", "AbortSignal", signal)

        def on_abort() -> None:
            self.destroy(AbortError(cause=signal.reason))

        if signal.aborted:
            on_abort()
        else:
            signal.addEventListener("abort", on_abort)
            self.once("close", lambda: signal.removeEventListener("abort", on_abort))

    def _handle_from_fd(self, fd: Any) -> StreamHandle:
        fd = validate_int32(fd, "fd", 0)
        return open_fd(self._loop, fd)

    def _wrap_handle(self, handle: StreamHandle) -> StreamHandle:
        """Hook: each handle a connect makes passes here (a TLSSocket wraps it)."""
        return handle

    def _attach(self, handle: StreamHandle) -> None:
        self._handle = handle
        self._handle_pending = False
        handle.onread = self._on_stream_read
        if self._onread is not None:
            buf = _field(self._onread, "buffer")
            handle.read_into = buf if callable(buf) else (lambda: buf)
            handle.onread_into = self._on_static_read

    # -------------------------------------------------------------- reading

    def _on_stream_read(self, data: bytes | None, err: Exception | None) -> None:
        """Node's ``onStreamRead``: a chunk, EOF (``None, None``) or an error."""
        if self._timer is not None:
            self._active_at = self._loop._now
        if data is not None:
            if (self._r_flowing and not self._r_length and not self._r_sync
                    and self._r_decoder is None and not self._r_ended and not self._destroyed
                    and self._errored is None and "data" in self._pynet_events):
                # Discussion: the hot path of push() -> addChunk() when the
                # stream flows with an empty buffer: 'data' at once, nothing
                # buffered, and a reading socket needs no maybeReadMore tick.
                # Anything else takes the full path below.
                self._r_reading = False
                if self._r_await_drain:
                    self._r_await_drain.clear()
                self._r_data_emitted = True
                self.emit("data", data)
            elif not self._destroyed and not self.push(data) and self._handle is not None:
                self._handle.read_stop()
            return
        if err is not None:
            self.destroy(err)
            return
        if not self._r_end_emitted:
            self.push(None)
            self.read(0)

    def _on_static_read(self, n: int, buf: Any) -> None:
        """A read into the ``onread`` buffer: ``callback(n, buf)``; False pauses."""
        if self._timer is not None:
            self._active_at = self._loop._now
        if self._destroyed:
            return
        callback: Callable[..., Any] = _field(self._onread, "callback")
        if callback(n, buf) is False and self._handle is not None:
            self._handle.read_stop()

    def _read(self, n: int) -> None:
        if self.connecting or self._handle is None:
            self.once("connect", lambda: self._read(n))
        elif not self._handle.reading:
            self._handle.read_start()

    def _maybe_read_more(self) -> None:
        # Discussion: Node schedules a tick after every chunk that asks _read
        # for more, which a socket that is already reading ignores.  Skipping
        # it in that case (the hot path) has the same effect.
        handle = self._handle
        if handle is None or not handle.reading:
            Duplex._maybe_read_more(self)

    def _on_readable_stream_end(self) -> None:
        """Node's ``onReadableStreamEnd``: without allowHalfOpen, writes after
        the peer's FIN fail once this side has ended too (``writeAfterFIN``)."""
        if not self.allowHalfOpen:
            self._fin_received = True

    def write(self, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
        """Write ``chunk``; False once ``writableLength`` reaches the high water mark."""
        if self._fin_received and self._w_ending:
            return self._write_after_fin(encoding, cb)
        if type(chunk) is bytes and encoding is None:  # The common case, one call less.
            return self._write_checked(chunk, cb if cb is not None else _nop) is True
        return Duplex.write(self, chunk, encoding, cb)

    def _write_after_fin(self, encoding: Any, cb: Any) -> bool:
        if callable(encoding):
            cb = encoding
        err = errors.epipe_ended()
        if cb is not None:
            self._loop.next_tick(cb, err)
        self.destroy(err)
        return False

    def pause(self) -> Socket:
        if (self._onread is not None and not self.connecting and self._handle is not None
                and self._handle.reading):
            self._handle.read_stop()
        super().pause()
        return self

    def resume(self) -> Socket:
        if (self._onread is not None and not self.connecting and self._handle is not None
                and not self._handle.reading):
            self._handle.read_start()
        super().resume()
        return self

    def read(self, n: int | None = None) -> Any:
        """Node's ``Socket.prototype.read``: an ``onread`` socket restarts its
        reads, then the stream machinery runs as usual (it still ends it)."""
        handle = self._handle
        if (self._onread is not None and not self.connecting and handle is not None
                and not handle.reading and not self._r_ended and not self._r_paused):
            handle.read_start()
        return super().read(n)

    # -------------------------------------------------------------- writing

    def _write(self, chunk: Any, encoding: str, cb: Callable[..., Any]) -> None:
        """Node's ``_writeGeneric``: hand one buffer (or, with ``encoding`` set to
        ``_WRITEV``, a list of them) to the handle."""
        handle = self._handle
        if self.connecting or handle is None:
            self._write_unconnected(encoding is _WRITEV, chunk, cb)
            return
        self._pending_data = None
        if self._timer is not None:
            self._unref_timer()
        after = self._after_write_async or self._bind_after_write()
        if encoding is _WRITEV:
            err, done = handle.writev(chunk, after)
        else:
            err, done = handle.write(chunk, after)
        if err is not None:
            cb(err)
        elif done:
            cb(None)
        else:
            self._write_req_cb = cb  # One write is in flight at a time (Writable).
            self._last_write_queue_size = handle.write_queue_size

    def _writev(self, chunks: list[Any], cb: Callable[..., Any]) -> None:
        """Node's ``writevGeneric``: several buffers in one ``sendmsg``."""
        self._write(chunks, _WRITEV, cb)

    def _bind_after_write(self) -> Callable[..., None]:
        self._after_write_async = self._on_write_complete  # Bound once, on first use.
        return self._on_write_complete

    def _write_unconnected(self, writev: bool, data: Any, cb: Callable[..., Any]) -> None:
        """A write before the connection exists: wait for 'connect', or fail."""
        if not self.connecting:
            cb(errors.ERR_SOCKET_CLOSED())
            return
        self._pending_data = data

        def on_close() -> None:
            cb(errors.ERR_SOCKET_CLOSED_BEFORE_CONNECTION())

        def on_connect() -> None:
            self.off("close", on_close)
            self._write(data, _WRITEV if writev else "buffer", cb)

        self.once("connect", on_connect)
        self.once("close", on_close)

    def _on_write_complete(self, err: Exception | None) -> None:
        """Node's ``onWriteComplete``: an asynchronous write finished."""
        cb, self._write_req_cb = self._write_req_cb, None
        if cb is None:
            return
        if self._destroyed:
            cb(None)
        elif err is not None:
            cb(err)
        else:
            self._unref_timer()
            self._last_write_queue_size = 0
            cb(None)

    def _final(self, cb: Callable[..., Any]) -> None:
        if self.pending:
            self.once("connect", lambda: self._final(cb))
            return
        handle = self._handle
        if handle is None:
            cb()
            return
        handle.shutdown(lambda err: cb(err))

    def end(self, data: Any = None, encoding: Any = None, cb: Any = None) -> Socket:
        super().end(data, encoding, cb)
        return self

    def destroySoon(self) -> None:
        if self.writable:
            self.end()
        if self._w_finished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    # -------------------------------------------------------------- destroy

    def _destroy(self, exception: BaseException | None,
                 cb: Callable[[BaseException | None], None]) -> None:
        self.connecting = False
        self._clear_timer()
        handle = self._handle
        if handle is not None or self._handle_pending:
            had_error = exception is not None
            if handle is not None:
                self._bytes_read = handle.bytes_read
                self._bytes_written = handle.bytes_written

                def on_close() -> None:
                    self.emit("close", had_error)

                if self._reset_and_closing:
                    self._reset_and_closing = False
                    handle.reset(on_close)
                else:
                    handle.close(on_close)
                handle.onread = None
            else:  # Destroyed during the lookup: Node's handle existed already.
                self._loop.call_close(self.emit, "close", had_error)
            self._handle = None
            self._handle_pending = False
            self._sockname = None
            cb(exception)
        else:
            cb(exception)
            self._loop.next_tick(self.emit, "close")
        server = self._server
        if server is not None:
            server._connections -= 1
            server._emit_close_if_drained()

    def resetAndDestroy(self) -> Socket:
        """Close with a TCP RST; the peer sees ``ECONNRESET``."""
        if self._handle is not None or self._handle_pending:
            if self._handle is not None and self._handle.is_pipe:
                raise errors.ERR_INVALID_HANDLE_TYPE()
            if self.connecting:
                self.once("connect", self._reset)
            else:
                self._reset()
        else:
            self.destroy(errors.ERR_SOCKET_CLOSED())
        return self

    def _reset(self) -> None:
        self._reset_and_closing = True
        self.destroy()

    # -------------------------------------------------------------- connect

    def connect(self, *args: Any, **kwargs: Any) -> Socket:
        """Connect: ``(options[, cb])``, ``(port[, host][, cb])`` or ``(path[, cb])``."""
        options, cb = _normalize_args(args, kwargs)
        return self._connect(options, cb)

    def _connect(self, options: dict[str, Any], cb: Callable[..., Any] | None) -> Socket:
        if options.get("port") is None and options.get("path") is None:
            raise errors.ERR_MISSING_ARGS(
                'The "options" or "port" or "path" argument must be specified')
        self._fin_received = False  # Node restores socket.write on connect().
        self._bytes_read = self._bytes_written = 0  # Node's new handle counts from zero.
        if self._destroyed:
            self._handle = None
            self._peername = None
            self._sockname = None
            self._undestroy()
        path = options.get("path")
        if path is not None:
            validate_string(path, "options.path")
        if cb is not None:
            self.once("connect", cb)
        if self._timer is not None:
            self._unref_timer()
        self.connecting = True
        self._handle_pending = True
        if path:
            self._internal_connect(path, None, None)
        else:
            self._lookup_and_connect(options)
        return self

    def _lookup_and_connect(self, options: dict[str, Any]) -> None:
        local_address = options.get("localAddress")
        local_port = options.get("localPort")
        port = options.get("port")
        host = options.get("host") or "localhost"
        if not isinstance(host, str):  # Node 22's check; Node 20 aborts on such hosts.
            raise invalid_arg_type("options.host", "string", host)
        if local_address and not isIP(local_address):
            raise errors.ERR_INVALID_IP_ADDRESS(local_address)
        if local_port:
            validate_number(local_port, "options.localPort")
        if port is not None:
            if isinstance(port, bool) or not isinstance(port, (int, float, str)):
                raise invalid_arg_type("options.port", ["number", "string"], port)
            port = validate_port(port)
        port = int(port or 0)
        auto_select = options.get("autoSelectFamily")
        if auto_select is not None:
            validate_boolean(auto_select, "options.autoSelectFamily")
        else:
            auto_select = _auto_select_family_default
        attempt_timeout = options.get("autoSelectFamilyAttemptTimeout")
        if attempt_timeout is not None:
            attempt_timeout = max(validate_int32(attempt_timeout,
                                                 "options.autoSelectFamilyAttemptTimeout", 1), 10)
        else:
            attempt_timeout = _auto_select_family_attempt_timeout_default

        address_type = isIP(host)
        if address_type:
            def connect_literal() -> None:
                if self.connecting:
                    self._internal_connect(host, port, address_type, local_address, local_port)
            self._loop.next_tick(connect_literal)
            return

        lookup = options.get("lookup")
        if lookup is not None:
            validate_function(lookup, "options.lookup")
        else:
            lookup = _dns.lookup
        family = options.get("family")
        family = {"IPv4": 4, "IPv6": 6}.get(family, family) if isinstance(family, str) else family
        dnsopts: dict[str, Any] = {"family": family or 0, "hints": options.get("hints") or 0}
        if dnsopts["family"] not in (4, 6) and dnsopts["hints"] == 0:
            dnsopts["hints"] = _dns.ADDRCONFIG
        self._host = host

        if dnsopts["family"] not in (4, 6) and not local_address and auto_select:
            dnsopts["all"] = True
            lookup(host, dnsopts, lambda err, addresses=None, *rest: self._after_lookup_all(
                err, addresses, host, options, port, local_port, attempt_timeout))
            return

        def emit_lookup(err: Any, ip: Any = None, ip_type: Any = None, *rest: Any) -> None:
            self.emit("lookup", err, ip, ip_type, host)
            if not self.connecting:
                return
            if err:
                self._loop.next_tick(self.destroy, err)
            elif not isinstance(ip, str) or not isIP(ip):
                self._loop.next_tick(self.destroy, errors.ERR_INVALID_IP_ADDRESS(ip))
            elif ip_type not in (4, 6):
                self._loop.next_tick(self.destroy, _invalid_family(ip_type, options))
            else:
                self._unref_timer()
                self._internal_connect(ip, port, ip_type, local_address, local_port)

        lookup(host, dnsopts, emit_lookup)

    def _after_lookup_all(self, err: Any, addresses: Any, host: str, options: dict[str, Any],
                          port: int, local_port: Any, attempt_timeout: int) -> None:
        if not self.connecting:
            return
        if err:
            self.emit("lookup", err, None, None, host)
            self._loop.next_tick(self.destroy, err)
            return
        groups: tuple[list[Any], list[Any]] = ([], [])
        seen: tuple[list[str], list[str]] = ([], [])
        order: dict[int, int] | None = None
        for entry in addresses:
            ip, ip_type = _field(entry, "address"), _field(entry, "family")
            self.emit("lookup", err, ip, ip_type, host)
            if not self.connecting:
                return
            if isinstance(ip, str) and isIP(ip) and ip_type in (4, 6):
                order = order or ({6: 0, 4: 1} if ip_type == 6 else {4: 0, 6: 1})
                if ip not in seen[order[ip_type]]:
                    groups[order[ip_type]].append((ip, ip_type))
                    seen[order[ip_type]].append(ip)
        if not groups[0] and not groups[1]:
            if addresses:
                first_ip = _field(addresses[0], "address")
                first_type = _field(addresses[0], "family")
                if not isinstance(first_ip, str) or not isIP(first_ip):
                    self._loop.next_tick(self.destroy, errors.ERR_INVALID_IP_ADDRESS(first_ip))
                else:
                    self._loop.next_tick(self.destroy, _invalid_family(first_type, options))
            return
        attempts: list[tuple[str, int]] = []
        for i in range(max(len(groups[0]), len(groups[1]))):
            if i < len(groups[0]):
                attempts.append(groups[0][i])
            if i < len(groups[1]):
                attempts.append(groups[1][i])
        self._unref_timer()
        if len(attempts) == 1:
            self._internal_connect(attempts[0][0], port, attempts[0][1], None, local_port)
            return
        self.autoSelectFamilyAttemptedAddresses = []
        _MultiConnect(self, attempts, port, local_port, attempt_timeout).next()

    def _internal_connect(self, address: str, port: int | None, address_type: int | None,
                          local_address: str | None = None, local_port: int | None = None
                          ) -> None:
        """Node's ``internalConnect``: one attempt on a fresh handle."""
        loop = self._loop
        family = {4: _socket.AF_INET, 6: _socket.AF_INET6}.get(address_type or 0, _socket.AF_UNIX)
        current = self._handle
        if current is not None and not current.closed and current.family == family:
            handle = current  # Node reuses the handle it has (e.g. new Socket({fd})).
        elif family == _socket.AF_UNIX:
            handle = self._wrap_handle(new_pipe(loop))
        else:
            handle = self._wrap_handle(new_tcp(loop, family))
        self._attach(handle)
        if self._unref_pending:
            handle.unref()
        if local_address or local_port:
            bind_address = local_address or ("0.0.0.0" if address_type == 4 else "::")
            try:
                handle._sock.bind((bind_address, int(local_port or 0)))
            except OSError as exc:
                self.destroy(errors.exception_with_host_port(
                    exc.errno or _errno.EINVAL, "bind", bind_address, int(local_port or 0)))
                return
        self.emit("connectionAttempt", address, port, address_type)
        if self._handle is not handle:
            return  # Destroyed (or reconnected) by a listener.
        if self.blockList is not None and address_type in (4, 6) and self.blockList.check(
                address, f"ipv{address_type}"):
            self.destroy(errors.ERR_IP_BLOCKED(address))
            return
        target: Any = address if address_type not in (4, 6) else (address, port)
        code = handle.connect(target, lambda err: self._after_connect(
            handle, err, address, port, address_type, local_address, local_port))
        if code:
            ex = self._connect_error(code, address, port)
            self.emit("connectionAttemptFailed", address, port, address_type, ex)
            self.destroy(ex)

    def _connect_error(self, code: int, address: str, port: int | None) -> errors.SystemError:
        details = None
        sockname = self._getsockname()
        if sockname:
            details = f"{sockname['address']}:{sockname['port']}"
        ex = errors.exception_with_host_port(code, "connect", address, port, details)
        if details:
            ex.localAddress = sockname["address"]  # type: ignore[attr-defined]
            ex.localPort = sockname["port"]  # type: ignore[attr-defined]
        return ex

    def _after_connect(self, handle: StreamHandle, err: Exception | None, address: str,
                       port: int | None, address_type: int | None, local_address: Any,
                       local_port: Any) -> None:
        """Node's ``afterConnect``."""
        if self._destroyed or self._handle is not handle:
            return
        self.connecting = False
        self._sockname = None
        if err is None:
            self._unref_timer()
            if self._set_no_delay:
                handle.set_no_delay(True)
            if self._set_keep_alive:
                handle.set_keep_alive(True, self._keep_alive_delay)
            self.emit("connect")
            self.emit("ready")
            if not self.isPaused():
                self.read(0)
        else:
            code = getattr(err, "errno", None) or _errno.EIO
            ex = _connection_error(code, address, port, local_address, local_port)
            self.emit("connectionAttemptFailed", address, port, address_type, ex)
            self.destroy(ex)

    # -------------------------------------------------------------- options

    def setNoDelay(self, noDelay: bool | None = None) -> Socket:
        value = True if noDelay is None else _truthy(noDelay)
        if self._handle is None:
            self._set_no_delay = value
            return self
        if value != self._set_no_delay:
            self._set_no_delay = value
            self._handle.set_no_delay(value)
        return self

    def setKeepAlive(self, enable: bool = False, initialDelay: float | None = 0) -> Socket:
        enable = _truthy(enable)
        try:
            delay = int((initialDelay or 0) / 1000)
        except TypeError:
            delay = 0
        if self._handle is None:
            self._set_keep_alive = enable
            self._keep_alive_delay = delay
            return self
        if enable != self._set_keep_alive or (enable and self._keep_alive_delay != delay):
            self._set_keep_alive = enable
            self._keep_alive_delay = delay
            self._handle.set_keep_alive(enable, delay)
        return self

    def ref(self) -> Socket:
        if self._handle is None:
            self._unref_pending = False
            self.once("connect", self.ref)
            return self
        self._handle.ref()
        return self

    def unref(self) -> Socket:
        if self._handle is None:
            self._unref_pending = True
            self.once("connect", self.unref)
            return self
        self._handle.unref()
        return self

    # -------------------------------------------------------------- timeout

    def setTimeout(self, msecs: Any, callback: Callable[..., Any] | None = None) -> Socket:
        """Emit ``'timeout'`` after ``msecs`` of inactivity (0 disables); does not close."""
        if self._destroyed:
            return self
        self._timeout_value = msecs
        ms = get_timer_duration(msecs, "msecs")
        self._clear_timer()
        if ms == 0:
            if callback is not None:
                validate_function(callback, "callback")
                self.removeListener("timeout", callback)
        else:
            self._timeout_ms = ms
            self._active_at = self._loop._now
            timer = self._timer = Timer(self._loop, self._on_timer, (), ms)
            timer.unref()
            timer.start()
            if callback is not None:
                validate_function(callback, "callback")
                self.once("timeout", callback)
        return self

    @property
    def timeout(self) -> Any:
        """The last value given to :meth:`setTimeout` (a plain property in Node)."""
        return self._timeout_value

    @timeout.setter
    def timeout(self, value: Any) -> None:
        self._timeout_value = value

    def _clear_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _unref_timer(self) -> None:
        timer = self._timer
        if timer is not None:
            self._active_at = self._loop._now
            if not timer.active:
                timer.start(self._timeout_ms)

    def _on_timer(self) -> None:
        timer = self._timer
        if timer is None:
            return
        idle = self._loop._now - self._active_at
        if idle < self._timeout_ms:
            timer.start(self._timeout_ms - idle)  # Activity since: lazy refresh.
            return
        handle = self._handle
        if self._last_write_queue_size > 0 and handle is not None:
            size = handle.write_queue_size
            if size != self._last_write_queue_size:
                self._last_write_queue_size = size
                self._unref_timer()
                return
        self.emit("timeout")

    # -------------------------------------------------------------- names

    def _getpeername(self) -> NodeObject:
        handle = self._handle
        if handle is None or self.connecting:
            return self._peername or NodeObject()
        if self._peername is None:
            try:
                name = handle.getpeername()
            except OSError:
                return NodeObject()
            self._peername = _address_info(name, handle)
        return self._peername

    def _getsockname(self) -> NodeObject:
        handle = self._handle
        if handle is None:
            return NodeObject()
        if self._sockname is None:
            try:
                name = handle.getsockname()
            except OSError:
                return NodeObject()
            self._sockname = _address_info(name, handle)
        return self._sockname

    def address(self) -> NodeObject:
        """``{address, family, port}`` of the local end; ``{}`` without a handle."""
        return self._getsockname()

    @property
    def remoteAddress(self) -> str | None:
        return self._getpeername().get("address")

    @property
    def remoteFamily(self) -> str | None:
        return self._getpeername().get("family")

    @property
    def remotePort(self) -> int | None:
        return self._getpeername().get("port")

    @property
    def localAddress(self) -> str | None:
        return self._getsockname().get("address")

    @property
    def localPort(self) -> int | None:
        return self._getsockname().get("port")

    @property
    def localFamily(self) -> str | None:
        return self._getsockname().get("family")

    # -------------------------------------------------------------- state

    @property
    def pending(self) -> bool:
        return (self._handle is None and not self._handle_pending) or self.connecting

    @property
    def _connecting(self) -> bool:
        return self.connecting

    @property
    def readyState(self) -> str:
        if self.connecting:
            return "opening"
        readable, writable = self.readable, self.writable
        if readable and writable:
            return "open"
        if readable:
            return "readOnly"
        if writable:
            return "writeOnly"
        return "closed"

    @property
    def bufferSize(self) -> int | None:
        has_handle = self._handle is not None or self._handle_pending
        return self.writableLength if has_handle else None

    @property
    def bytesRead(self) -> int:
        return self._handle.bytes_read if self._handle is not None else self._bytes_read

    @property
    def bytesWritten(self) -> int | None:
        if not hasattr(self, "_w_buffered"):
            return None  # Node: undefined on the bare prototype.
        total = self._handle.bytes_written if self._handle is not None else self._bytes_written
        total += sum(len(chunk) for chunk, _, _ in self._w_buffered)
        data = self._pending_data
        if isinstance(data, list):
            total += sum(len(c) for c in data)
        elif data is not None:
            total += len(data)
        return total

    def __repr__(self) -> str:
        return f"<Socket {self.readyState} {self.remoteAddress}:{self.remotePort}>"


class _MultiConnect:
    """Node's ``internalConnectMultiple``: happy eyeballs over ``attempts``."""

    def __init__(self, sock: Socket, attempts: list[tuple[str, int]], port: int,
                 local_port: Any, timeout: int) -> None:
        self.sock = sock
        self.attempts = attempts
        self.port = port
        self.local_port = local_port
        self.timeout = timeout
        self.current = 0
        self.errors: list[BaseException] = []
        self.timer: Timer | None = None

    def next(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        sock = self.sock
        if self.current == len(self.attempts):
            if not self.errors:
                sock.destroy(errors.ERR_SOCKET_CONNECTION_TIMEOUT())
            else:
                sock.destroy(errors.AggregateError(self.errors))
            return
        index = self.current
        self.current += 1
        address, family = self.attempts[index]
        old = sock._handle
        if old is not None:
            old.onread = None
            old.close(None)
        handle = sock._wrap_handle(
            new_tcp(sock._loop, _socket.AF_INET if family == 4 else _socket.AF_INET6))
        sock._attach(handle)
        if sock._unref_pending:
            handle.unref()
        if self.local_port:
            try:
                handle._sock.bind(("0.0.0.0" if family == 4 else "::", int(self.local_port)))
            except OSError as exc:
                ex = errors.exception_with_host_port(exc.errno or _errno.EINVAL, "bind",
                                                     "0.0.0.0" if family == 4 else "::",
                                                     int(self.local_port))
                self.errors.append(ex)
                self.next()
                return
        sock.emit("connectionAttempt", address, self.port, family)
        if sock.blockList is not None and sock.blockList.check(address, f"ipv{family}"):
            sock.destroy(errors.ERR_IP_BLOCKED(address))
            return
        assert sock.autoSelectFamilyAttemptedAddresses is not None
        sock.autoSelectFamilyAttemptedAddresses.append(f"{address}:{self.port}")
        code = handle.connect((address, self.port),
                              lambda err: self._after(handle, index, err, address, family))
        if code:
            ex = sock._connect_error(code, address, self.port)
            self.errors.append(ex)
            sock.emit("connectionAttemptFailed", address, self.port, family, ex)
            self.next()
            return
        if index < len(self.attempts) - 1:
            self.timer = Timer(sock._loop, self._on_timeout, (handle, address, family),
                               self.timeout)
            self.timer.start()

    def _after(self, handle: StreamHandle, index: int, err: Exception | None, address: str,
               family: int) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        sock = self.sock
        if err is None and index != self.current - 1:
            handle.close(None)
            return
        if sock._destroyed or sock._handle is not handle:
            return
        if err is not None:
            code = getattr(err, "errno", None) or _errno.EIO
            ex = _connection_error(code, address, self.port, None, self.local_port)
            self.errors.append(ex)
            sock.emit("connectionAttemptFailed", address, self.port, family, ex)
            if sock.connecting:
                self.next()
            return
        sock._after_connect(handle, None, address, self.port, family, None, self.local_port)

    def _on_timeout(self, handle: StreamHandle, address: str, family: int) -> None:
        self.timer = None
        sock = self.sock
        sock.emit("connectionAttemptTimeout", address, self.port, family)
        self.errors.append(errors.exception_with_host_port(_errno.ETIMEDOUT, "connect",
                                                           address, self.port))
        if sock._handle is handle:
            handle.onread = None
            handle.close(None)
            sock._handle = None
            sock._handle_pending = True
        if sock.connecting:
            self.next()


def _validate_block_list(value: Any) -> BlockList | None:
    """Node 22's ``blockList`` option (Node 20 ignores it; adding it only adds)."""
    if value is None:
        return None
    if not isinstance(value, BlockList):
        raise invalid_arg_type("options.blockList", "net.BlockList", value)
    return value


def _truthy(value: Any) -> bool:
    """JavaScript's ``Boolean(value)``: ``{}`` and ``[]`` are true, NaN is false."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, (int, float)):
        return value == value and value != 0
    return True


def _connection_error(code: int, address: str, port: int | None, local_address: Any,
                      local_port: Any) -> errors.SystemError:
    """Node's ``createConnectionError``: the local end only when it was asked for."""
    details = f"{local_address}:{local_port}" if local_address and local_port else None
    ex = errors.exception_with_host_port(code, "connect", address, port, details)
    if details:
        ex.localAddress = local_address  # type: ignore[attr-defined]
        ex.localPort = local_port  # type: ignore[attr-defined]
    return ex


def _field(entry: Any, key: str) -> Any:
    if isinstance(entry, dict):
        return entry.get(key)
    return getattr(entry, key, None)


def _invalid_family(family: Any, options: dict[str, Any]) -> Exception:
    err = errors.ERR_INVALID_ADDRESS_FAMILY(
        f"{family} {options.get('host')}:{options.get('port')}")
    err.host = options.get("host")  # type: ignore[attr-defined]
    err.port = options.get("port")  # type: ignore[attr-defined]
    return err


def _address_info(name: Any, handle: StreamHandle) -> NodeObject:
    if handle.is_pipe or isinstance(name, (str, bytes)):
        return NodeObject()
    family = _FAMILY_NAME.get(_socket.AddressFamily(handle.family), "IPv4")
    return NodeObject(address=name[0], family=family, port=name[1])
