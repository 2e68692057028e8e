"""``net.Socket``: Node's TCP/Unix stream socket (``lib/net.js`` v20).

A :class:`Socket` is a :class:`~pynet._streams.duplex.Duplex` around a
stream handle: anything that implements :class:`pynet._handles.base.Stream`
(today the :class:`~pynet._handles.stream.StreamHandle` of a TCP or Unix
socket or a pipe).  Argument normalisation lives in :mod:`pynet._net.normalize`, the
happy-eyeballs machinery and its defaults in :mod:`pynet._net.happy_eyeballs`.

Theory of operation
-------------------
* **Connect** (``Socket.connect`` → ``lookupAndConnect`` → ``internalConnect``
  → ``afterConnect``): an IP literal connects on the next tick; a host name is
  looked up first (:mod:`pynet.dns`, off the loop thread), emitting
  ``'lookup'``; with several addresses and ``autoSelectFamily`` the attempts
  are interleaved by family, each but the last with a timer
  (``internalConnectMultiple``, RFC 8305:
  :class:`~pynet._net.happy_eyeballs.MultiConnect`).  A Unix
  path connects inside ``connect()``.  ``'connect'`` and ``'ready'`` come from
  the completion.
* **Read**: the handle's ``onread`` pushes each chunk into the readable side
  (the flowing, empty-buffer case inline); when ``push`` says the buffer is
  full, the handle stops reading (TCP backpressure); EOF pushes ``None``.
  A paused socket's ``maybeReadMore_`` tick (once per chunk under ``async
  for``) sets the read state directly while the handle reads and ``read``/
  ``_read`` are the library's own (its ``read(0)`` would call a no-op ``_read``).
  A chunk for an ``async for`` that waits for it goes straight to the loop
  body when none of that chain could be observed (``_hand_to_iterator``).
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
* A socket a server accepted reports its destruction to the server through
  the callback the server gave it (Node's ``_server._connections--``), so
  neither reads the other's private state.
* A closed socket holds no reference to itself (its ``'end'`` listener holds
  it weakly; the write callbacks it caches are dropped when the handle has
  closed), so reference counting frees it, not the cycle collector.
"""

from __future__ import annotations

import errno as _errno
import socket as _socket
import types as _types
import weakref as _weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, overload

from pynet import dns as _dns
from pynet import errors
from pynet._core.calls import call, settle
from pynet._core.calls import callback as user_callback
from pynet._core.loop import Timer
from pynet._handles.base import Stream
from pynet._handles.fd import open_fd
from pynet._handles.pipe import new_pipe
from pynet._handles.stream import StreamHandle as _StreamHandle
from pynet._handles.tcp import new_tcp
from pynet._js import debuglog
from pynet._js.encoding import encode
from pynet._js.inspect import format_s
from pynet._js.nodeobject import NodeObject
from pynet._js.number import is_number, to_uint32
from pynet._js.validators import (
    get_timer_duration,
    invalid_arg_type,
    invalid_arg_value,
    validate_boolean,
    validate_function,
    validate_int32,
    validate_number,
    validate_port,
    validate_string,
)
from pynet._js.value import spread, truthy
from pynet._net.address import BlockList, isIP
from pynet._net.endpoint import address_info, connection_error, local_connect_error
from pynet._net.happy_eyeballs import (
    MultiConnect,
    getDefaultAutoSelectFamily,
    getDefaultAutoSelectFamilyAttemptTimeout,
)
from pynet._net.normalize import (
    field,
    invalid_family,
    invalid_ip,
    keep_alive_seconds,
    normalize_args,
    validate_block_list,
)
from pynet._streams.async_iterator import ITERATOR_WAKE
from pynet._streams.duplex import Duplex
from pynet._streams.legacy import RareField
from pynet._streams.utils import js_length
from pynet._streams.utils import nop as _nop
from pynet._streams.writable import _callback
from pynet.abort import AbortError, AbortSignal
from pynet.events import EventEmitter

if TYPE_CHECKING:
    from typing import Unpack

    from pynet._net.server import Server
    from pynet._net.types import (
        AcceptedSocketOpts,
        IpcSocketConnectOpts,
        NoArgListener,
        SocketConnectOpts,
        SocketConstructorOpts,
        SocketEmit,
        SocketListen,
        SocketRemove,
        TcpSocketConnectOpts,
    )

__all__ = ["Socket"]

# Marks a Socket._write call that carries a list of buffers (from _writev).
_WRITEV = "writev"
_PLAIN_EMIT = EventEmitter.emit  # See _on_stream_read.
_EMITTER_ON: Any = EventEmitter.on  # See __init__ (the constructor's 'end' listener).
_CoroutineType = _types.CoroutineType
_MethodType = _types.MethodType
# NODE_DEBUG=net (lib/net.js's debug()): tested before any argument is built.
_DEBUG = debuglog.enabled("net")
_STREAM_DEBUG = debuglog.enabled("stream")  # Readable's debug lines (maybeReadMore).
_debug = debuglog.debuglog("net")


class _SmallString(bytes):
    """An encoded string small enough for Node's stack-buffer try-write
    (``StreamBase::WriteString``): see :meth:`Socket._write`."""

    __slots__ = ()


#: ``StreamBase::WriteString``'s stack buffer: strings whose worst-case encoded
#: size fits are written from it.
_STACK_STORAGE = 16384


def _storage_size(units: int, encoding: str) -> int:
    """``StringBytes::StorageSize``: the most bytes ``units`` UTF-16 code units
    can take in ``encoding``."""
    if encoding == "utf8":
        return 3 * units
    if encoding == "utf16le":
        return 2 * units
    if encoding in ("base64", "base64url"):
        return 3 * units // 4 + 3
    if encoding == "hex":
        return units // 2
    return units


class _OnReadableStreamEnd(_weakref.ref):  # type: ignore[type-arg]
    """A socket's ``'end'`` listener, Node's ``onReadableStreamEnd``.

    It holds its socket weakly: a bound method in the socket's own listener
    table would make every socket a reference cycle that only the cycle
    collector frees (Node's listener is one shared function called with
    ``this``; there is no ``this`` here).
    """

    __slots__ = ()

    def __call__(self) -> None:
        socket = _weakref.ref.__call__(self)
        if socket is not None:
            Socket._on_readable_stream_end(socket)

    def __repr__(self) -> str:
        return "[Function: onReadableStreamEnd]"


class Socket(Duplex):
    """Node's ``net.Socket``: a TCP or Unix stream socket.

    ``Socket(options)`` or ``Socket(**options)`` (Node's ``new net.Socket([options])``;
    an int is ``{'fd': n}``); the object and stream options (``objectMode``…) are
    refused with ``ERR_INVALID_ARG_VALUE``.  Connect with :meth:`connect`, or get
    one from a :class:`~pynet.net.Server`'s ``'connection'`` event.

    Attributes:
        ``connecting``: If ``True``, ``connect()`` was called and has not yet
            finished (``'connect'`` or a failure).
        ``server``: The :class:`~pynet.net.Server` that accepted this socket, or
            ``None`` for a client socket (undocumented in Node, but public).
        ``autoSelectFamilyAttemptedAddresses``: When family autoselection tried
            several addresses, the ``'ip:port'`` strings it attempted, in order;
            ``None`` otherwise (Node's ``undefined``: the property is absent).
        ``proxy``: pynet's own: on a socket accepted by a server with
            ``proxyProtocol``, the PROXY protocol header (``version``,
            ``command``, ``family``, ``sourceAddress``, ``sourcePort``,
            ``destinationAddress``, ``destinationPort``, v2 ``tlvs``, the raw
            ``header`` bytes); ``None`` otherwise.
        ``blockList``: The ``net.BlockList`` given as the ``blockList`` option (Node
            22; Node 20 ignores it), or ``None``: a connect to a blocked address
            fails with ``ERR_IP_BLOCKED``.
    """

    if TYPE_CHECKING:  # The event methods typed per event (pynet/_net/types.py).
        on: SocketListen[Socket]  # type: ignore[assignment]
        addListener: SocketListen[Socket]  # type: ignore[assignment]
        once: SocketListen[Socket]  # type: ignore[assignment]
        prependListener: SocketListen[Socket]  # type: ignore[assignment]
        prependOnceListener: SocketListen[Socket]  # type: ignore[assignment]
        off: SocketRemove[Socket]  # type: ignore[assignment]
        removeListener: SocketRemove[Socket]  # type: ignore[assignment]
        emit: SocketEmit  # type: ignore[assignment]

    # util.inspect (pynet/_js/inspect.py): Node's own properties of a
    # net.Socket in Node's order, and pynet's public attributes that are not.
    __node_properties__: ClassVar[tuple[str, ...]] = (
        "connecting", "allowHalfOpen", "server", "autoSelectFamilyAttemptedAddresses?",
        "timeout?")
    __node_hidden__: ClassVar[tuple[str, ...]] = ("blockList", "proxy")
    #: The shortcuts of _maybe_read_more_ and _hand_to_iterator may be taken
    #: (not with NODE_DEBUG, whose lines they would skip).  Each also checks,
    #: at every use, that the methods whose calls it saves are the library's
    #: own: on the instance, and on the class, which a program (or a subclass)
    #: may have replaced at any time.
    _pynet_plain_reads: ClassVar[bool] = not _DEBUG and not _STREAM_DEBUG

    # Discussion: the fields an idle connection never sets are RareFields
    # (below the slots: ``_bytes_uncounted``, the handling of errors and
    # resets, timeout, keep-alive, no-delay, onread...).
    __slots__ = (
        "_active_at",
        "_after_write_async",
        "_bytes_read",
        "_bytes_written",
        "_fin_received",
        "_handle",
        "_last_write_queue_size",
        "_on_destroyed",
        "_own_dict",
        "_peername",
        "_pending_data",
        "_timer",
        "_write_req_cb",
        "autoSelectFamilyAttemptedAddresses",
        "blockList",
        "connecting",
        "proxy",
        "server",
    )

    # Rarely set (pynet._streams.legacy.RareField): no slot of their own.
    _bytes_uncounted: RareField[int] = RareField(0)
    _close_after_handling_error: RareField[bool] = RareField(False)
    _hadError: RareField[bool] = RareField(False)
    _handle_pending: RareField[bool] = RareField(False)
    _host: RareField[str | None] = RareField(None)
    _keep_alive_delay: RareField[int] = RareField(0)
    _onread: RareField[Any] = RareField(None)
    _reset_and_closing: RareField[bool] = RareField(False)
    _set_keep_alive: RareField[bool] = RareField(False)
    _set_no_delay: RareField[bool] = RareField(False)
    _sockname: RareField[NodeObject | None] = RareField(None)
    _timeout_ms: RareField[float] = RareField(0.0)
    _timeout_value: RareField[Any] = RareField(None)
    _unref_pending: RareField[bool] = RareField(False)

    @overload
    def __init__(self, options: SocketConstructorOpts | int | None = None, /) -> None: ...
    @overload
    def __init__(self, /, **options: Unpack[SocketConstructorOpts]) -> None: ...
    @overload
    def __init__(self, /, *, _on_destroyed: Callable[[], None] | None = None,
                 **options: Unpack[AcceptedSocketOpts]) -> None: ...

    def __init__(self, options: Any = None, *,
                 _on_destroyed: Callable[[], None] | None = None, **kwargs: Any) -> None:
        # Discussion: ``_on_destroyed`` is how a Server hears that a socket it
        # accepted is gone (Node: ``this._server._connections--`` in _destroy).
        # A keyword-only parameter, not an option key: Node has no such
        # option, and the server reads no private field of the socket.
        if isinstance(options, int) and not isinstance(options, bool):
            options = {"fd": options}
        # Node: { ...options } (keyword arguments are a new dict already).
        opts: dict[str, Any] = {**spread(options), **kwargs} if options is not None else kwargs
        for key in ("objectMode", "readableObjectMode", "writableObjectMode"):
            if opts.get(key):
                raise invalid_arg_value(f"options.{key}", opts[key], "is not supported")
        keep_delay = opts.get("keepAliveInitialDelay")
        if keep_delay is not None:
            validate_number(keep_delay, "options.keepAliveInitialDelay")
            keep_delay = max(keep_delay, 0)
        # Node's net.Socket: the stream emits no 'close' of its own (the
        # socket emits it with hadError, from the handle's close callback),
        # and strings are not decoded by the stream, so they count by their
        # JavaScript length (_write_string below).
        half_open = opts.get("allowHalfOpen")
        super().__init__(
            allowHalfOpen=half_open if half_open.__class__ is bool else truthy(half_open),
            # Node 20 validates these in Duplex (highWaterMark first, named after
            # the readable/writable key), not in net.Socket.
            highWaterMark=opts.get("highWaterMark"),
            readableHighWaterMark=opts.get("readableHighWaterMark"),
            writableHighWaterMark=opts.get("writableHighWaterMark"),
            readable=opts.get("readable", True) is not False,
            writable=opts.get("writable", True) is not False,
            emitClose=False,
            autoDestroy=True,
            decodeStrings=False,
        )
        self.connecting = False
        self._handle: Stream | None = None
        self._peername: NodeObject | None = None
        self.server: Server | None = None
        self.proxy: NodeObject | None = None
        self.autoSelectFamilyAttemptedAddresses: list[str] | None = None
        self._on_destroyed = _on_destroyed
        self._bytes_read = 0
        self._bytes_written = 0
        self._timer: Timer | None = None
        self._active_at = 0.0
        self._pending_data: Any = None
        self._last_write_queue_size = 0
        self._write_req_cb: Callable[..., Any] | None = None
        self._fin_received = False
        onread = opts.get("onread")
        if onread is not None:
            self._onread = onread
            # Discussion: a hook rather than an override of read(), which every
            # socket would pay for on every read (three per chunk of an
            # ``async for``); only onread sockets have something to do there.
            self._r_read_hook = self._restart_onread
        self._after_write_async: Callable[..., None] | None = None  # Bound on first use.
        self._own_dict: dict[str, Any] | None = None  # self.__dict__, on first use.
        if type(self).on is _EMITTER_ON and "on" not in self.__dict__:
            # Node's this.on('end', onReadableStreamEnd) on the new emitter (no
            # listener yet, so none of 'newListener'): the listener stored as
            # itself, as events.py stores a slotted callable object.
            self._pynet_events["end"] = _OnReadableStreamEnd(self)
        else:
            self.on("end", _OnReadableStreamEnd(self))

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
        block_list = opts.get("blockList")
        self.blockList: BlockList | None = (
            None if block_list is None else validate_block_list(block_list))
        signal = opts.get("signal")
        if signal is not None:
            self._add_abort_signal(signal)
        keep_alive = opts.get("keepAlive")
        if keep_alive is not None and truthy(keep_alive):
            self.setKeepAlive(True, keep_delay or 0)
        no_delay = opts.get("noDelay")
        if no_delay is not None and truthy(no_delay):
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

    def _handle_from_fd(self, fd: Any) -> Stream:
        fd = validate_int32(fd, "fd", 0)
        return open_fd(self._loop, fd)

    def _wrap_handle(self, handle: Stream) -> Stream:
        """Hook: each handle a connect makes passes here (a TLSSocket wraps it)."""
        return handle

    def _attach(self, handle: Stream) -> None:
        self._handle = handle
        self._handle_pending = False
        handle.onread = self._on_stream_read if not _DEBUG else self._on_stream_read_debug
        if self._onread is not None:
            buf = field(self._onread, "buffer")
            handle.read_into = buf if callable(buf) else (lambda: buf)
            handle.onread_into = self._on_static_read

    # -------------------------------------------------------------- reading

    def _on_stream_read(self, data: bytes | None, err: Exception | None) -> None:
        """Node's ``onStreamRead``: a chunk, EOF (``None, None``) or an error."""
        if self._timer is not None:
            self._active_at = self._loop.now()
        if data is not None:
            if (self._r_flowing and not self._r_length and not self._r_sync
                    and self._r_decoder is None and not self._r_ended and not self._destroyed
                    and self._errored is None
                    and (listeners := self._pynet_events.get("data")) is not None):
                # Discussion: the hot path of push() -> addChunk() when the
                # stream flows with an empty buffer: 'data' at once, nothing
                # buffered, and a reading socket needs no maybeReadMore tick.
                # Anything else takes the full path below.
                self._r_reading = False
                if self._r_await_drain:
                    self._r_await_drain.clear()
                self._r_data_emitted = True
                # Discussion: emit('data', chunk) inline (one frame and an
                # *args tuple less per chunk) when emit is EventEmitter's own
                # (not overridden on the class or the instance) and no
                # captureRejections: the same loop, listeners and arity rule.
                if (type(self).emit is _PLAIN_EMIT and not self._pynet_capture
                        and "emit" not in (d if (d := self._own_dict) is not None
                                           else self._instance_dict())):
                    # One listener is stored as itself, several as a tuple
                    # (events.py); a listener refusing the argument count is
                    # called again fitted, by EventEmitter._pynet_misfit.
                    # ``listeners`` was read above: the state set since runs
                    # no code, so it is what emit would read now.
                    if type(listeners) is not tuple:  # (type(): one specialized call)
                        try:
                            result = listeners(data)
                        except TypeError:
                            fitted = self._pynet_misfit("data", listeners, (data,))
                            if fitted is None:
                                raise
                            result = listeners(*fitted)
                        if result is not None and result.__class__ is _CoroutineType:
                            settle(result)  # An async listener: start its coroutine.
                    else:
                        for listener in listeners:
                            try:
                                result = listener(data)
                            except TypeError:
                                fitted = self._pynet_misfit("data", listener, (data,))
                                if fitted is None:
                                    raise
                                result = listener(*fitted)
                            if result is not None and result.__class__ is _CoroutineType:
                                settle(result)
                else:
                    self.emit("data", data)
            elif not (type(wake := self._pynet_events.get("readable")) is _MethodType
                      and wake.__func__ is ITERATOR_WAKE
                      and self._hand_to_iterator(wake.__self__, data)):
                if not self._destroyed and not self.push(data) and self._handle is not None:
                    self._handle.read_stop()
            return
        if err is not None:
            self.destroy(err)
            return
        if not self._r_end_emitted:
            self.push(None)
            self.read(0)

    def _hand_to_iterator(self, iterator: Any, data: bytes) -> bool:
        """The chunk of an ``async for`` that waits for it, handed over directly
        when nothing can come between (the hot path of ``for await (const chunk
        of socket)``); False: push() as usual."""
        # Discussion: Node's chain for this chunk is push() (buffer it, queue
        # the emitReadable_ and maybeReadMore_ ticks), emitReadable_ (the
        # iterator's listener resolves its await: a microtask), maybeReadMore_
        # (read(0): _read, which a reading handle ignores), then that
        # microtask: read() takes the chunk back out and the loop body runs
        # (Readable's async iterator runs the generator's own two microtasks in
        # place, having nothing else queued).  When the iterator's listener is
        # the only 'readable' one, nothing listens to 'data', push, emit, read
        # and _read are the library's own (on the instance, and on the class,
        # looked up at every chunk: a program may replace them at any time),
        # the chunk is below the high water mark, nothing is queued, and the
        # handle is a plain StreamHandle (whose reader calls this as its
        # callback's last action, the drain right after), nothing can run
        # between these steps or see the stream between them: the state they
        # leave is set here, and the body runs now, as the first microtask of
        # that drain.  About 40% of an async echo's instructions
        # per request.  tests/interop/test_async_iter_order_node.py compares
        # the orders with node, on this path and off it.
        handle = self._handle
        if not (type(handle) is _StreamHandle and handle.reading
                and self._r_need_readable and not self._r_length
                and not (self._r_emitted_readable or self._r_reading_more
                         or self._r_flowing or self._r_ended or self._destroyed
                         or self._errored or self.connecting)
                and self._r_decoder is None and self._constructed
                and self._r_read_hook is None and self._pynet_plain_reads
                and (cls := type(self)).push is _READABLE_PUSH and cls.emit is _PLAIN_EMIT
                and cls.read is _READABLE_READ and cls._read is _SOCKET_READ
                and len(data) < self._r_hwm and "data" not in self._pynet_events
                and self._loop.nothing_queued() and iterator.stream is self
                and iterator.takes_chunk()):
            return False
        own = d if (d := self._own_dict) is not None else self._instance_dict()
        if "push" in own or "emit" in own or "read" in own or "_read" in own:
            return False
        # push() then read(): the chunk in and out of the buffer; the
        # maybeReadMore_ tick's read(0): reading again; 'data' with no listener.
        self._r_reading = True
        self._r_sync = False
        self._r_need_readable = True
        self._r_data_emitted = True
        if self._r_await_drain:
            self._r_await_drain.clear()
        iterator.take_chunk(data)
        return True

    def _instance_dict(self) -> dict[str, Any]:
        """``self.__dict__``, kept in a slot for the hot paths' override checks."""
        # Discussion: ``"emit" not in self.__dict__`` makes the ``__dict__``
        # descriptor call (an unspecialised attribute load) on every chunk;
        # the dict itself is read from a slot instead.  It is the same object
        # for the instance's whole life (CPython materialises an instance's
        # dict once and keeps it; ``__setstate__`` updates it in place), so an
        # override assigned to the instance at any time is in it.  Only
        # replacing ``__dict__`` itself (no Node equivalent) would go unseen.
        d = self._own_dict = self.__dict__
        return d

    def _on_stream_read_debug(self, data: bytes | None, err: Exception | None) -> None:
        """With NODE_DEBUG=net: every chunk through ``push()``, as Node's, so the
        ``_read`` line of its maybeReadMore tick shows (no hot path)."""
        if data is not None:
            if self._timer is not None:
                self._active_at = self._loop.now()
            if not self._destroyed and not self.push(data) and self._handle is not None:
                self._handle.read_stop()
            return
        self._on_stream_read(data, err)

    def _on_static_read(self, n: int, buf: Any) -> None:
        """A read into the ``onread`` buffer: ``callback(n, buf)``; False pauses."""
        if self._timer is not None:
            self._active_at = self._loop.now()
        if self._destroyed:
            return
        callback: Callable[..., Any] = field(self._onread, "callback")
        if callback(n, buf) is False and self._handle is not None:
            self._handle.read_stop()

    def _read(self, n: int) -> None:
        if _DEBUG:
            _debug("_read - n", n, "isConnecting?", bool(self.connecting),
                  "hasHandle?", self._handle is not None)
        if self.connecting or self._handle is None:
            if _DEBUG:
                _debug("_read wait for connection")
            self.once("connect", lambda: self._read(n))
        elif not self._handle.reading:
            if _DEBUG:
                _debug("Socket._handle.readStart")
            self._handle.read_start()

    def _maybe_read_more(self) -> None:
        # Discussion: Node schedules a tick after every chunk that asks _read
        # for more, which a socket that is already reading ignores.  Skipping
        # it in that case (the hot path) has the same effect.  With
        # NODE_DEBUG=net it is not skipped: Node's _read debug line shows it.
        handle = self._handle
        if handle is None or not handle.reading or _DEBUG:
            super()._maybe_read_more()

    def _maybe_read_more_(self) -> None:
        """Node's ``maybeReadMore_`` tick (queued by ``push()`` after a chunk that a
        paused socket buffers, once per chunk under ``async for``)."""
        # Discussion: when the loop would run (not reading, not ended, below the
        # high water mark) on a live, connected socket whose handle is reading,
        # its one read(0) sets ``reading``, calls _read, which does nothing, and
        # sets needReadable from the length; nothing is pushed, so the loop ends.
        # Those state changes are made here directly, unless read or _read is
        # overridden, on the class or the instance (their calls are then
        # observable), or NODE_DEBUG is set.
        handle = self._handle
        if (handle is not None and handle.reading
                and not (self._r_reading or self._r_ended or self._destroyed or self._errored
                         or self.connecting)
                and self._r_length < self._r_hwm and self._constructed
                and self._r_read_hook is None and self._pynet_plain_reads
                and (cls := type(self))._read is _SOCKET_READ and cls.read is _READABLE_READ
                and "_read" not in (own := d if (d := self._own_dict) is not None
                                    else self._instance_dict())
                and "read" not in own):
            self._r_reading = True
            self._r_sync = False
            self._r_need_readable = True  # length <= hwm
            self._r_reading_more = False
            return
        super()._maybe_read_more_()

    def _on_readable_stream_end(self) -> None:
        """Node's ``onReadableStreamEnd``: without allowHalfOpen, writes after
        the peer's FIN fail once this side has ended too (``writeAfterFIN``)."""
        if not self.allowHalfOpen:
            self._fin_received = True

    def write(self, chunk: Any, encoding: Any = None, cb: Any = None) -> bool:
        """Write ``chunk``; False once ``writableLength`` reaches the high water mark."""
        if self._fin_received and self._w_ending:
            return self._write_after_fin(encoding, cb)
        if type(chunk) is bytes and encoding is None:
            handle = self._handle
            if (cb is None and handle is not None and not self._w_writing
                    and not self._w_ending and not self._destroyed and not self._w_corked
                    and not self._errored and not self._w_buffered and self._constructed
                    and not self.connecting and type(self)._write is _SOCKET_WRITE
                    and "_write" not in (d if (d := self._own_dict) is not None
                                         else self._instance_dict())):
                # Discussion: the echo hot path.  Writable's writeOrBuffer ->
                # _write (Socket's _writeGeneric) -> the handle -> onwrite,
                # inline: the same state changes in the same order, for a
                # buffer with no callback written while nothing else is in
                # flight.  A write that does not complete at once, fails, or
                # leaves something owed ('drain', end(), a buffered write
                # that arrived meanwhile) hands over to the general onwrite.
                size = len(chunk)
                if type(handle) is _StreamHandle:
                    # Discussion: a StreamHandle's write runs no code of the
                    # user's and reads no stream state, so the state set
                    # around a write it completes at once (writing, sync,
                    # writecb, writelen, length, pendingcb: all restored by
                    # onwrite) cannot be seen: it is set only when the write
                    # did not complete, or completed owing a 'drain'.
                    self._pending_data = None
                    if self._timer is not None:
                        self._unref_timer()
                    err, done = handle.write(chunk, None)
                    if done and err is None and not self._w_need_drain:
                        length = self._w_length
                        if length < self._w_hwm or length == 0:
                            return True  # Not errored or destroyed: checked above.
                        self._w_need_drain = True
                        return False
                    self._w_pendingcb += 1
                    self._w_length += size
                    self._w_writelen = size
                    self._w_writecb = _nop
                    self._w_writing = True
                    self._w_sync = True
                    if err is not None or done:
                        (self._w_onwrite or self._bind_onwrite())(err)
                    else:
                        # Its callback, given only now (see StreamHandle.set_write_cb).
                        handle.set_write_cb(self._on_write_complete)
                        self._write_req_cb = self._w_onwrite or self._bind_onwrite()
                        self._last_write_queue_size = handle.write_queue_size
                    self._w_sync = False
                    length = self._w_length
                    if length < self._w_hwm or length == 0:
                        return not self._errored and not self._destroyed
                    self._w_need_drain = True
                    return False
                self._w_pendingcb += 1
                self._w_length += size
                self._w_writelen = size
                self._w_writecb = _nop
                self._w_writing = True
                self._w_sync = True
                self._pending_data = None
                if self._timer is not None:
                    self._unref_timer()
                err, done = handle.write(chunk, self._after_write_async
                                         or self._bind_after_write())
                if (done and err is None and self._w_writecb is _nop and not self._w_buffered
                        and not self._w_need_drain and not self._w_ending):
                    self._w_writing = False
                    self._w_writecb = None
                    self._w_length -= size
                    self._w_writelen = 0
                    self._w_pendingcb -= 1
                elif err is not None or done:
                    (self._w_onwrite or self._bind_onwrite())(err)
                else:
                    self._write_req_cb = self._w_onwrite or self._bind_onwrite()
                    self._last_write_queue_size = handle.write_queue_size
                self._w_sync = False
                length = self._w_length
                if length < self._w_hwm or length == 0:
                    return not self._errored and not self._destroyed
                self._w_need_drain = True
                return False
            return self._write_checked(chunk, "buffer", _nop if cb is None else _callback(cb),
                                       len(chunk)) is True
        return Duplex.write(self, chunk, encoding, cb)

    def _write_after_fin(self, encoding: Any, cb: Any) -> bool:
        if callable(encoding):
            cb = encoding
        err = errors.epipe_ended()
        cb = user_callback(cb)
        if cb is not None:
            self._loop.next_tick(cb, err)
        self.destroy(err)
        return False

    def pause(self) -> Socket:
        """Pauses the reading of data. That is, ``'data'`` events will not be emitted.

        With the ``onread`` option, also stops reading from the handle (Node's ``readStop``).
        """
        if (self._onread is not None and not self.connecting and self._handle is not None
                and self._handle.reading):
            self._handle.read_stop()
        super().pause()
        return self

    def resume(self) -> Socket:
        """Resumes reading after a call to :meth:`pause`."""
        if (self._onread is not None and not self.connecting and self._handle is not None
                and not self._handle.reading):
            self._handle.read_start()
        super().resume()
        return self

    def _restart_onread(self) -> None:
        """Node's ``Socket.prototype.read`` before the stream's ``read()``: an
        ``onread`` socket restarts its reads (then the stream machinery runs as
        usual: it still ends it).  Installed as the read hook of such sockets only."""
        handle = self._handle
        if (not self.connecting and handle is not None and not handle.reading
                and not self._r_ended and not self._r_paused):
            handle.read_start()

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
            if type(chunk) is _SmallString:
                # Node's StreamBase::WriteString tries a small string straight
                # from a stack buffer and counts only what the kernel took:
                # a write that fails at once adds nothing to bytesWritten
                # (a Buffer's, counted by StreamBase::Write, does).
                self._bytes_uncounted += len(chunk)
            cb(err)
        elif done:
            cb(None)
        else:
            self._write_req_cb = cb  # One write is in flight at a time (Writable).
            self._last_write_queue_size = handle.write_queue_size

    def _writev(self, chunks: list[Any], cb: Callable[..., Any]) -> None:
        """Node's ``writevGeneric``: several buffers in one ``sendmsg``."""
        self._write(chunks, _WRITEV, cb)

    def _write_string(self, chunk: str, encoding: str, cb: Callable[..., Any]
                      ) -> bool | Exception:
        # Discussion: Node's socket (decodeStrings: false) hands the string to
        # _write, which encodes it; writableLength counts its JavaScript
        # length meanwhile.  Encoding it here keeps the same count and lets
        # _write and _writev deal in buffers only (no check per chunk).
        if encoding == "buffer":
            # Node's handleWriteReq sends a string written with encoding
            # 'buffer' to the handle's writeBuffer, which throws.
            # Discussion: Node throws when the handle write happens (inside
            # the connect callback if the socket was still connecting); here
            # it is always at write(), as the string is encoded at once.
            raise errors.ERR_INVALID_ARG_TYPE("Second argument must be a buffer")
        units = js_length(chunk)
        data = encode(chunk, encoding)
        if _storage_size(units, encoding) <= _STACK_STORAGE:
            data = _SmallString(data)
        return self._write_checked(data, "buffer", cb, units)

    def _writev_chunks(self, items: list[tuple[Any, str, Any, int]]) -> list[Any]:
        # The buffers themselves (Node's writevGeneric takes them out of the
        # {chunk, encoding} list): one list, no object per chunk.
        return [chunk for chunk, _, _, _ in items]

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
            if _DEBUG:
                _debug("_final: not yet connected")
            self.once("connect", lambda: self._final(cb))
            return
        handle = self._handle
        if handle is None:
            cb()
            return
        if _DEBUG:
            _debug("_final: not ended, call shutdown()")
        handle.shutdown(lambda err: self._after_shutdown(cb, err))

    def _after_shutdown(self, cb: Callable[..., Any], err: Exception | None) -> None:
        if _DEBUG:
            _debug("afterShutdown destroyed=%j", self._destroyed)
        cb(err)

    def end(self, data: Any = None, encoding: Any = None, cb: Any = None) -> Socket:
        """Half-closes the socket, i.e. sends a FIN packet; the peer may still send data.

        ``end([data[, encoding]][, cb])``: an optional last write, then ``'finish'``
        once the shutdown completed; ``cb`` is called at ``'finish'`` (or with the error).
        """
        super().end(data, encoding, cb)
        return self

    def destroySoon(self) -> None:
        """Destroys the socket after all data is written.

        If ``'finish'`` was already emitted the socket is destroyed at once; if the
        socket is still writable, it calls :meth:`end` first.
        """
        if self.writable:
            self.end()
        if self._w_finished:
            self.destroy()
        else:
            self.once("finish", self.destroy)

    # -------------------------------------------------------------- destroy

    def _destroy(self, exception: BaseException | None,
                 cb: Callable[[BaseException | None], None]) -> None:
        if _DEBUG:
            _debug("destroy")
        self.connecting = False
        self._clear_timer()
        if _DEBUG:
            _debug("close")
        handle = self._handle
        if handle is not None or self._handle_pending:
            had_error = exception is not None
            if handle is not None:
                if _DEBUG:
                    _debug("close handle")
                self._bytes_read = handle.bytes_read
                self._bytes_written = handle.bytes_written - self._bytes_uncounted

                def on_close() -> None:
                    if _DEBUG:
                        _debug("emit close")
                    # Discussion: the write callbacks bound once and kept in
                    # slots (Writable's onwrite, Node's onWriteComplete) are
                    # the socket's only references to itself once its handle
                    # is closed; dropping them lets reference counting free a
                    # closed connection (they are bound again if it reconnects).
                    self._after_write_async = self._w_onwrite = None
                    self.emit("close", had_error)

                if self._reset_and_closing:
                    self._reset_and_closing = False
                    handle.reset(on_close)
                elif self._close_after_handling_error:
                    # Discussion: Node's _closeAfterHandlingError (set by a TLS
                    # socket whose handshake failed): the handle is closed in a
                    # microtask and dropped in its close callback, so the
                    # 'error' and 'tlsClientError' listeners, which run on the
                    # next tick, can still read remoteAddress and localPort.
                    def close_later(handle: Stream = handle) -> None:
                        def closed() -> None:
                            if self._handle is handle:
                                self._handle = None
                                self._sockname = None
                            on_close()

                        handle.close(closed)

                    self._loop.queue_microtask(close_later)
                else:
                    handle.close(on_close)
                handle.onread = None
            else:  # Destroyed during the lookup: Node's handle existed already.
                self._loop.call_close(self.emit, "close", had_error)
            if not self._close_after_handling_error or handle is None:
                self._handle = None
                self._sockname = None
            self._handle_pending = False
            cb(exception)
        else:
            cb(exception)
            self._loop.next_tick(self.emit, "close")
        on_destroyed = self._on_destroyed
        if on_destroyed is not None:
            if _DEBUG:
                _debug("has server")
            on_destroyed()

    def resetAndDestroy(self) -> Socket:
        """Close with a TCP RST; the peer sees ``ECONNRESET``."""
        if self._handle is not None or self._handle_pending:
            if self._handle is not None and self._handle.is_pipe:
                raise errors.ERR_INVALID_HANDLE_TYPE()
            if self.connecting:
                if _DEBUG:
                    _debug("reset wait for connection")
                self.once("connect", self._reset)
            else:
                self._reset()
        else:
            self.destroy(errors.ERR_SOCKET_CLOSED())
        return self

    def _reset(self) -> None:
        if _DEBUG:
            _debug("reset connection")
        self._reset_and_closing = True
        self.destroy()

    # -------------------------------------------------------------- connect

    @overload
    def connect(self, options: SocketConnectOpts,
                connectionListener: NoArgListener | None = None, /) -> Socket: ...
    @overload
    def connect(self, port: int, host: str | None = None,
                connectionListener: NoArgListener | None = None, /) -> Socket: ...
    @overload
    def connect(self, port: int, connectionListener: NoArgListener, /) -> Socket: ...
    @overload
    def connect(self, path: str, connectionListener: NoArgListener | None = None, /
                ) -> Socket: ...
    @overload
    def connect(self, connectionListener: NoArgListener | None = None, /,
                **options: Unpack[TcpSocketConnectOpts]) -> Socket: ...
    @overload
    def connect(self, connectionListener: NoArgListener | None = None, /,
                **options: Unpack[IpcSocketConnectOpts]) -> Socket: ...

    def connect(self, *args: Any, **kwargs: Any) -> Socket:
        """Connect: ``(options[, cb])``, ``(port[, host][, cb])`` or ``(path[, cb])``."""
        options, cb = normalize_args(args, kwargs)
        return self._connect(options, cb)

    def _connect(self, options: dict[str, Any], cb: Callable[..., Any] | None) -> Socket:
        if options.get("port") is None and options.get("path") is None:
            raise errors.ERR_MISSING_ARGS(
                'The "options" or "port" or "path" argument must be specified')
        self._fin_received = False  # Node restores socket.write on connect().
        self._bytes_read = self._bytes_written = 0  # Node's new handle counts from zero.
        self._bytes_uncounted = 0
        if self._destroyed:
            self._handle = None
            self._peername = None
            self._sockname = None
            self._undestroy()
        path = options.get("path")
        if _DEBUG:
            _debug("pipe", bool(path), path)
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
        host: Any = options.get("host")
        if not truthy(host):  # Node: ``options.host || 'localhost'`` (JS truthiness).
            host = "localhost"
        if truthy(local_address) and not isIP(local_address):
            raise errors.ERR_INVALID_IP_ADDRESS(format_s(local_address))
        if truthy(local_port):
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
            auto_select = getDefaultAutoSelectFamily()
        attempt_timeout = options.get("autoSelectFamilyAttemptTimeout")
        if attempt_timeout is not None:
            attempt_timeout = max(validate_int32(attempt_timeout,
                                                 "options.autoSelectFamilyAttemptTimeout", 1), 10)
        else:
            attempt_timeout = getDefaultAutoSelectFamilyAttemptTimeout()

        # Node 20 coerces a non-string host to text here and aborts in
        # TCPWrap::Connect when it looks like an IP (['1.2.3.4']); pynet sends
        # every non-string to dns.lookup, which refuses it as for other hosts.
        address_type = isIP(host) if isinstance(host, str) else 0
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
            # A host that is no string reaches dns.lookup, which refuses it with
            # Node 20's wording ('The "hostname" argument must be of type string').
            lookup = _dns.lookup
        family = options.get("family")
        family = {"IPv4": 4, "IPv6": 6}.get(family, family) if isinstance(family, str) else family
        hints = options.get("hints")
        # Node's socketToDnsFamily: no family option gives the lookup ``family: undefined``.
        dnsopts: dict[str, Any] = {"family": family,
                                   "hints": hints if truthy(hints) else 0}
        if dnsopts["family"] not in (4, 6) and dnsopts["hints"] == 0:
            dnsopts["hints"] = _dns.ADDRCONFIG
        if _DEBUG:
            _debug("connect: find host", host)
            _debug("connect: dns options", {"family": family, "hints": dnsopts["hints"]})
        self._host = host

        if dnsopts["family"] not in (4, 6) and not truthy(local_address) and auto_select:
            if _DEBUG:
                _debug("connect: autodetecting")
            dnsopts["all"] = True
            call(lookup, host, dnsopts, lambda err, addresses=None, *rest: self._after_lookup_all(
                err, addresses, host, options, port, local_port, attempt_timeout))
            return

        def emit_lookup(err: Any, ip: Any = None, ip_type: Any = None, *rest: Any) -> None:
            self.emit("lookup", err, ip, ip_type, host)
            if not self.connecting:
                return
            if err:
                self._loop.next_tick(self.destroy, err)
            elif not isinstance(ip, str) or not isIP(ip):
                self._loop.next_tick(self.destroy, invalid_ip(ip))
            elif ip_type not in (4, 6):
                self._loop.next_tick(self.destroy, invalid_family(ip_type, options))
            else:
                self._unref_timer()
                self._internal_connect(ip, port, ip_type, local_address, local_port)

        call(lookup, host, dnsopts, emit_lookup)

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
            ip, ip_type = field(entry, "address"), field(entry, "family")
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
                first_ip = field(addresses[0], "address")
                first_type = field(addresses[0], "family")
                if not isinstance(first_ip, str) or not isIP(first_ip):
                    self._loop.next_tick(self.destroy, invalid_ip(first_ip))
                else:
                    self._loop.next_tick(self.destroy, invalid_family(first_type, options))
            return
        attempts: list[tuple[str, int]] = []
        for i in range(max(len(groups[0]), len(groups[1]))):
            if i < len(groups[0]):
                attempts.append(groups[0][i])
            if i < len(groups[1]):
                attempts.append(groups[1][i])
        self._unref_timer()
        if len(attempts) == 1:
            if _DEBUG:
                _debug("connect/multiple: only one address found, switching back to single "
                      "connection")
            self._internal_connect(attempts[0][0], port, attempts[0][1], None, local_port)
            return
        self.autoSelectFamilyAttemptedAddresses = []
        if _DEBUG:
            _debug("connect/multiple: will try the following addresses",
                  [{"address": ip, "family": family} for ip, family in attempts])
        MultiConnect(self, self._loop, attempts, port, local_port, attempt_timeout,
                     new_handle=self._new_attempt_handle, current_handle=self._current_handle,
                     drop_handle=self._drop_attempt_handle,
                     after_connect=self._after_connect).next()

    def _new_attempt_handle(self, family: int) -> Stream | int:
        """A happy-eyeballs attempt: close the previous attempt's handle, attach a new one."""
        old = self._handle
        if old is not None:
            old.onread = None
            old.close(None)
        try:
            handle = self._wrap_handle(new_tcp(self._loop, family))
        except OSError as exc:  # EMFILE: libuv's socket(2) fails inside uv_tcp_connect.
            self._handle = None
            self._handle_pending = True
            return exc.errno or _errno.EMFILE
        self._attach(handle)
        if self._unref_pending:
            handle.unref()
        return handle

    def _current_handle(self) -> Stream | None:
        return self._handle

    def _drop_attempt_handle(self, handle: Stream) -> None:
        """A timed-out attempt: close its handle; the socket waits for the next one."""
        handle.onread = None
        handle.close(None)
        self._handle = None
        self._handle_pending = True

    def _internal_connect(self, address: str, port: int | None, address_type: int | None,
                          local_address: str | None = None, local_port: int | None = None
                          ) -> None:
        """Node's ``internalConnect``: one attempt on a fresh handle."""
        loop = self._loop
        family = {4: _socket.AF_INET, 6: _socket.AF_INET6}.get(address_type or 0, _socket.AF_UNIX)
        current = self._handle
        if current is not None and not current.closed and current.family == family:
            handle = current  # Node reuses the handle it has (e.g. new Socket({fd})).
        else:
            try:
                handle = self._wrap_handle(
                    new_pipe(loop) if family == _socket.AF_UNIX else new_tcp(loop, family))
            except OSError as exc:
                self._socket_failed(exc, address, port, address_type)
                return
        self._attach(handle)
        if self._unref_pending:
            handle.unref()
        if local_address or local_port:
            # Node: ``localAddress = localAddress || DEFAULT_IPV4_ADDR``, which the
            # connect request (and so its error message) then carries.
            bind_address = local_address = local_address or (
                "0.0.0.0" if address_type == 4 else "::")
            if _DEBUG:
                _debug("connect: binding to localAddress: %s and localPort: %d (addressType: %d)",
                      bind_address, local_port, address_type)
            # Node's TCPWrap::Bind reads the port with Int32Value and libuv keeps
            # its low 16 bits (htons); checkBindError then calls a bind that got
            # another port than asked (Infinity, 1.5, 65616) EADDRINUSE.
            code = handle.bind((bind_address, to_uint32(local_port or 0) & 0xFFFF))
            if not code and is_number(local_port) and local_port > 0:  # type: ignore[operator]
                try:
                    bound = handle.getsockname()[1]
                except OSError as exc:
                    code = exc.errno or _errno.EINVAL
                else:
                    if bound != local_port:
                        code = _errno.EADDRINUSE
            if code:
                self.destroy(errors.exception_with_host_port(
                    code, "bind", bind_address, local_port))
                return
        if _DEBUG:
            _debug("connect: attempting to connect to %s:%d (addressType: %d)",
                  address, port, address_type)
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

    def _socket_failed(self, exc: OSError, address: str, port: int | None,
                       address_type: int | None) -> None:
        """No descriptor for the connection (``EMFILE``): libuv creates the socket
        inside ``uv_tcp_connect``/``uv_pipe_connect``, so Node reports a connect
        error — ``connect EMFILE 127.0.0.1:80 - Local (undefined:undefined)``
        (its ``_getsockname()`` of the fd-less handle is ``{}``) — then 'close'."""
        self.emit("connectionAttempt", address, port, address_type)
        ex = errors.exception_with_host_port(exc.errno or _errno.EMFILE, "connect", address,
                                             port, "undefined:undefined")
        self.emit("connectionAttemptFailed", address, port, address_type, ex)
        self.destroy(ex)

    def _connect_error(self, code: int, address: str, port: int | None) -> errors.SystemError:
        return local_connect_error(code, address, port, self._getsockname())

    def _after_connect(self, handle: Stream, err: Exception | None, address: str,
                       port: int | None, address_type: int | None, local_address: Any,
                       local_port: Any) -> None:
        """Node's ``afterConnect``."""
        if self._destroyed or self._handle is not handle:
            return
        if _DEBUG:
            _debug("afterConnect")
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
            ex = connection_error(code, address, port, local_address, local_port)
            self.emit("connectionAttemptFailed", address, port, address_type, ex)
            self.destroy(ex)

    # -------------------------------------------------------------- options

    def setNoDelay(self, noDelay: bool | None = None) -> Socket:
        """Enable/disable the use of Nagle's algorithm (``setNoDelay()`` disables it).

        Remembered and applied on connect when the socket has no handle yet.
        """
        value = True if noDelay is None else truthy(noDelay)
        if self._handle is None:
            self._set_no_delay = value
            return self
        if value != self._set_no_delay:
            self._set_no_delay = value
            self._handle.set_no_delay(value)
        return self

    def setKeepAlive(self, enable: bool = False, initialDelay: float | None = 0) -> Socket:
        """Enable/disable keep-alive, and optionally set the initial delay (ms) before
        the first probe on an idle socket.

        The delay is kept in whole seconds (Node's ``~~(ms / 1000)``); remembered and
        applied on connect when the socket has no handle yet.
        """
        enable = truthy(enable)
        delay = keep_alive_seconds(initialDelay)
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
        """Opposite of :meth:`unref`: the socket keeps :func:`pynet.run` running again
        (the default).  Without a handle yet, takes effect at ``'connect'``.
        """
        if self._handle is None:
            self._unref_pending = False
            self.once("connect", self.ref)
            return self
        self._handle.ref()
        return self

    def unref(self) -> Socket:
        """Lets :func:`pynet.run` return if this is the only active socket left.

        Without a handle yet, takes effect at ``'connect'``, as in Node.
        """
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
            self._active_at = self._loop.now()
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
            self._active_at = self._loop.now()
            if not timer.active:
                timer.start(self._timeout_ms)

    def _on_timer(self) -> None:
        timer = self._timer
        if timer is None:
            return
        idle = self._loop.now() - self._active_at
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
        if _DEBUG:
            _debug("_onTimeout")
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
            self._peername = address_info(name, handle)
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
            self._sockname = address_info(name, handle)
        return self._sockname

    def address(self) -> NodeObject:
        """``{address, family, port}`` of the local end; ``{}`` without a handle."""
        return self._getsockname()

    @property
    def remoteAddress(self) -> str | None:
        """The string representation of the remote IP address (``'74.125.127.100'``,
        ``'2001:4860:a005::68'``); ``None`` (Node's ``undefined``) if unknown.

        After destroy it is the cached value if it had been read before, as in Node.
        """
        return self._getpeername().get("address")

    @property
    def remoteFamily(self) -> str | None:
        """The string representation of the remote IP family: ``'IPv4'`` or ``'IPv6'``
        (``None`` when unknown).
        """
        return self._getpeername().get("family")

    @property
    def remotePort(self) -> int | None:
        """The numeric representation of the remote port (``None`` when unknown)."""
        return self._getpeername().get("port")

    @property
    def localAddress(self) -> str | None:
        """The string representation of the local IP address the remote client is
        connecting on (``None`` before connecting and after destroy).
        """
        return self._getsockname().get("address")

    @property
    def localPort(self) -> int | None:
        """The numeric representation of the local port (``None`` when unknown)."""
        return self._getsockname().get("port")

    @property
    def localFamily(self) -> str | None:
        """The string representation of the local IP family: ``'IPv4'`` or ``'IPv6'``
        (``None`` when unknown).
        """
        return self._getsockname().get("family")

    # -------------------------------------------------------------- state

    @property
    def pending(self) -> bool:
        """``True`` if the socket is not connected yet, either because ``connect()`` has
        not been called yet or because it is still connecting.
        """
        return (self._handle is None and not self._handle_pending) or self.connecting

    @property
    def _connecting(self) -> bool:
        return self.connecting

    @property
    def readyState(self) -> str:
        """The state of the connection as a string: ``'opening'``, ``'open'``,
        ``'readOnly'``, ``'writeOnly'`` or ``'closed'``.
        """
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
        """Deprecated in Node (use ``writableLength``): the number of bytes buffered for
        writing; ``None`` (Node's ``undefined``) while the socket has no handle.
        """
        has_handle = self._handle is not None or self._handle_pending
        return self.writableLength if has_handle else None

    @property
    def bytesRead(self) -> int:
        """The amount of received bytes (kept after the socket is destroyed)."""
        return self._handle.bytes_read if self._handle is not None else self._bytes_read

    @property
    def bytesWritten(self) -> int | None:
        """The amount of bytes sent, counting those still queued (as Node counts them)."""
        if not hasattr(self, "_w_buffered"):
            return None  # Node: undefined on the bare prototype.
        handle = self._handle
        total = (handle.bytes_written - self._bytes_uncounted if handle is not None
                 else self._bytes_written)
        total += sum(len(chunk) for chunk, _, _, _ in self._w_buffered)
        data = self._pending_data
        if isinstance(data, list):
            total += sum(len(c) for c in data)
        elif data is not None:
            total += len(data)
        return total

    def __repr__(self) -> str:
        return f"<Socket {self.readyState} {self.remoteAddress}:{self.remotePort}>"


_SOCKET_WRITE = Socket._write  # See Socket.write: a subclass's own _write takes the general path.
_SOCKET_READ = Socket._read  # See Socket._maybe_read_more_.
_READABLE_READ = Duplex.read
_READABLE_PUSH = Duplex.push  # See Socket._hand_to_iterator.
