"""The handle interfaces: what the layers above need from a libuv-style handle.

Theory of operation
-------------------
``net.Socket`` and ``net.Server`` never see a socket object: they drive a
*handle*, as Node's ``lib/net.js`` drives a ``TCPWrap``/``PipeWrap``.  The
handle does the syscalls and reports each completion through one callback;
it never emits events.  These :class:`typing.Protocol` classes name that
contract, so any implementation can slot in under a ``Socket``: the stream
handle of :mod:`pynet._handles.stream` (TCP and Unix sockets, pipes), and
later a TLS handle wrapping another stream handle with ``ssl.MemoryBIO``, or
a UDP handle for ``dgram`` (which would implement :class:`Handle` only).

* :class:`Handle` is ``uv_handle_t``: ``uv_close``, ``uv_ref``/``uv_unref``/
  ``uv_has_ref``, ``uv_fileno``, ``uv_is_closing``.
* :class:`Stream` is a connected ``uv_stream_t`` (``uv_tcp_t``/``uv_pipe_t``):
  ``uv_read_start``/``uv_read_stop`` (data through ``onread``),
  ``uv_write``/``uv_try_write`` (``write``/``writev``: a synchronous
  completion is reported by the return value, an asynchronous one by the
  callback), ``uv_shutdown``, ``uv_tcp_connect``/``uv_pipe_connect``,
  ``uv_tcp_bind``, ``uv_tcp_getsockname``/``uv_tcp_getpeername``,
  ``uv_tcp_nodelay``, ``uv_tcp_keepalive``, ``uv_tcp_close_reset``.
* :class:`Listener` is a listening ``uv_stream_t``: ``uv_listen`` and the
  ``onconnection`` callback (``uv_connection_cb`` + ``uv_accept``), which
  hands over each accepted connection as a :class:`Stream`.

Invariants every implementation keeps
-------------------------------------
* Callbacks run on the loop thread, from a loop phase, never from inside the
  call that started the request (except the synchronous write completion,
  reported by the return value instead of the callback).
* ``close(cb)`` is idempotent; ``cb`` runs in the loop's close phase, after
  the callbacks of unfinished writes.
* A handle holds a loop ref while it is ref'd and active, and — ref'd or
  not — while a request (connect, write, shutdown) is pending, as libuv
  counts active requests apart from handles.
* System errors are reported as Node-shaped exceptions (:mod:`pynet.errors`)
  or, for synchronous failures of ``connect``/``bind``/``listen``, as an
  errno; a handle never raises for an I/O error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from pynet._core.loop import Watcher
from pynet._js.mypyc import mypyc_attr

__all__ = ["Buffer", "CloseCallback", "Handle", "Listener", "ReadCallback", "Stream",
           "WriteCallback"]

Buffer = bytes | bytearray | memoryview
#: ``uv_write_cb``/``uv_shutdown_cb``/``uv_connect_cb``: ``None`` on success.
WriteCallback = Callable[[Exception | None], None]
#: ``uv_read_cb``: ``(chunk, None)``, ``(None, None)`` at EOF, ``(None, error)``.
ReadCallback = Callable[[bytes | None, Exception | None], None]
CloseCallback = Callable[[], None]


class Handle(Protocol):
    """``uv_handle_t``: what every handle has."""

    @property
    def closed(self) -> bool:
        """``uv_is_closing``: ``close`` has been called."""
        ...

    def fileno(self) -> int:
        """``uv_fileno``."""
        ...

    def ref(self) -> None:
        """``uv_ref``: an active handle keeps the loop alive."""
        ...

    def unref(self) -> None:
        """``uv_unref``."""
        ...

    def has_ref(self) -> bool:
        """``uv_has_ref``."""
        ...

    def close(self, cb: CloseCallback | None) -> None:
        """``uv_close``: now; ``cb`` runs in the close phase.  Idempotent."""
        ...


class Stream(Handle, Protocol):
    """A connected (or connecting) ``uv_stream_t``: what ``net.Socket`` sits on."""

    #: ``uv_read_cb``, set by the owner before ``read_start``.
    onread: ReadCallback | None
    #: Node's ``onread`` option: a buffer source, and ``(nread, buffer)`` reports.
    read_into: Callable[[], Any] | None
    onread_into: Callable[[int, Any], Any] | None

    @property
    def reading(self) -> bool:
        """Between ``read_start`` and ``read_stop`` (or EOF, an error, close)."""
        ...

    @property
    def is_pipe(self) -> bool:
        """A Unix socket or pipe (Node's ``PipeWrap``), not TCP."""
        ...

    @property
    def family(self) -> int:
        """The socket's address family (``AF_INET``, ``AF_INET6``, ``AF_UNIX``)."""
        ...

    @property
    def bytes_read(self) -> int: ...

    @property
    def bytes_written(self) -> int: ...

    @property
    def write_queue_size(self) -> int:
        """``uv_stream_get_write_queue_size``: bytes queued, not yet sent."""
        ...

    def read_start(self) -> None:
        """``uv_read_start``."""
        ...

    def read_stop(self) -> None:
        """``uv_read_stop``: the peer sees backpressure."""
        ...

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        """``uv_write``: ``(error, completed_synchronously)``; ``cb`` only when not."""
        ...

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        """``uv_write`` with several buffers; same contract as :meth:`write`."""
        ...

    def shutdown(self, cb: WriteCallback) -> None:
        """``uv_shutdown``: FIN once the write queue is empty."""
        ...

    def connect(self, address: Any, cb: WriteCallback) -> int:
        """``uv_tcp_connect``/``uv_pipe_connect``: 0, or an errno at once."""
        ...

    def bind(self, address: Any) -> int:
        """``uv_tcp_bind`` before connecting: 0 or an errno."""
        ...

    def getsockname(self) -> Any:
        """``uv_tcp_getsockname``; raises :class:`OSError`."""
        ...

    def getpeername(self) -> Any:
        """``uv_tcp_getpeername``; raises :class:`OSError`."""
        ...

    def set_no_delay(self, enable: bool) -> None:
        """``uv_tcp_nodelay`` (a no-op on pipes)."""
        ...

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        """``uv_tcp_keepalive`` (a no-op on pipes)."""
        ...

    def reset(self, cb: CloseCallback | None) -> None:
        """``uv_tcp_close_reset``: close with an RST."""
        ...


class Listener(Handle, Protocol):
    """A listening ``uv_stream_t``: what ``net.Server`` sits on."""

    #: ``uv_connection_cb`` + ``uv_accept``: ``(None, stream)`` or ``(error, None)``.
    onconnection: Callable[[Exception | None, Stream | None], None] | None

    @property
    def is_pipe(self) -> bool: ...

    @property
    def family(self) -> int: ...

    def listen(self, backlog: int) -> int:
        """``uv_listen``: 0 or an errno."""
        ...

    def getsockname(self) -> Any: ...


@mypyc_attr(allow_interpreted_subclasses=True)  # ipc.IpcPipe
class HandleCore(Watcher):
    """What every fd-owning handle shares (libuv's ``uv_handle_t`` fields):
    ``closed``, ``fileno``, ``ref``/``unref``/``has_ref``.

    A handle is its fd's watcher (the loop's :class:`Watcher`: ``watching``,
    ``on_readable``/``on_writable``/``on_hangup``) when it uses
    ``Loop.start_watch``.

    A subclass sets ``_closed``, ``_fd`` and ``_ref`` in its constructor and
    says in :meth:`_update_active` when it holds a loop reference
    (``uv__handle_start`` / ``uv__handle_stop``: while ref'd and active).
    """

    __slots__ = ("_closed", "_fd", "_ref")

    _closed: bool
    _fd: int
    _ref: bool

    @property
    def closed(self) -> bool:
        """``uv_is_closing``."""
        return self._closed

    def fileno(self) -> int:
        """``uv_fileno``."""
        return self._fd

    def ref(self) -> None:
        """``uv_ref``."""
        self._ref = True
        self._update_active()

    def unref(self) -> None:
        """``uv_unref``."""
        self._ref = False
        self._update_active()

    def has_ref(self) -> bool:
        """``uv_has_ref``."""
        return self._ref

    def _update_active(self) -> None:
        raise NotImplementedError
