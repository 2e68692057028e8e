"""Stream handles: the machinery TCP, Unix-socket and pipe handles share (libuv's ``stream.c``).

Theory of operation
-------------------
A :class:`StreamHandle` owns one non-blocking :class:`socket.socket` (or a
pipe descriptor that looks like one, :class:`pynet._handles.pipe.FdPipe`) and
does the syscalls; it never emits events.  It implements the
:class:`~pynet._handles.base.Stream` and :class:`~pynet._handles.base.Listener`
interfaces; the constructors per handle type live in :mod:`pynet._handles.tcp`
and :mod:`pynet._handles.pipe`, descriptors are opened by
:mod:`pynet._handles.fd`.  It reports each completion through one
callback, as libuv does: ``onread(data, err)`` for reads (``data=None,
err=None`` at EOF), the callback given to :meth:`~StreamHandle.write`,
:meth:`~StreamHandle.shutdown` and :meth:`~StreamHandle.connect`, and
``onconnection(err, handle)`` for a listening handle.  The layer above
(``pynet._net``) turns these into Node's events.

Write path (libuv ``uv_write``/``uv__write``/``uv__drain``): when nothing is
queued, :meth:`write` sends at once and, if the kernel took everything,
reports a *synchronous* completion (``(None, True)``) — no callback is queued.
What the kernel did not take is queued as ``memoryview`` slices (never
copied) and the fd is watched for writability; the writable callback flushes
up to ``_IOV_MAX`` buffers per ``sendmsg`` call and calls each request's
callback as it completes (poll phase).  Writability is watched only while a
backlog exists.  A shutdown waits for the queue to drain.

Read path: ``read_start`` watches the fd; each readiness reads up to
``READ_SIZE`` (64 KiB) bytes, up to 32 times (libuv's ``uv__read`` count)
while reads come back full.
``read_stop`` unwatches, so TCP backpressure reaches the peer.

The handle is its own fd watcher (the loop's ``Watcher`` protocol:
``on_readable``, ``on_writable``, ``on_hangup``, the ``watching`` slot): an
idle connection's watch holds no bound methods and no record.  A connect's
writability arrives at ``on_writable`` while ``_connect_cb`` is set (no write
is queued before a connection completes).  A listening handle watches
through ``watch_read`` with its accept callback.

Invariants
----------
* ``write_queue_size`` is the number of bytes queued and not yet sent.
* A handle holds one loop ref while it is ref'd and active (reading or
  listening), as libuv counts active handles, and also — ref'd or not —
  while a request is pending (a write backlog, a connect, a shutdown), as
  libuv counts active requests.  ``close`` unwatches the fd *before* closing it (fds are
  reused) and runs the close callback in the loop's close phase, after the
  callbacks of unfinished writes (called with no error, as Node sees them on
  a destroyed stream).
* System errors are converted once, here, into Node-shaped exceptions
  (:mod:`pynet.errors`); a handle never raises for an I/O error.

Accept under fd exhaustion (libuv's ``uv__emfile_trick``): each loop with a
listening handle keeps one descriptor in reserve (on ``/dev/null``).  When
``accept`` fails with ``EMFILE``/``ENFILE``, the reserve is closed, every
connection waiting in the backlog is accepted with the freed slot and closed
at once (its client sees the connection closed), and the reserve is opened
again; nothing is reported, as under Node, so a server with no ``'error'``
listener survives, and the next wakeup comes from new clients only (no busy
loop).  Without a reserve (it could not be opened) the error is reported
(``'error'`` EMFILE, syscall ``accept``, on the server) and accepting pauses
for ``ACCEPT_RETRY_MS``, the clients waiting in the backlog.

Node/libuv reference: ``uv_tcp_t``/``uv_pipe_t``, ``uv_read_start``,
``uv__read``, ``uv_write``, ``uv__write``, ``uv_shutdown``, ``uv__drain``,
``uv_tcp_connect``, ``uv_listen``, ``uv__server_io``, ``uv_close``,
``uv_tcp_close_reset``; Node's ``TCPWrap``/``PipeWrap``, ``LibuvStreamWrap``.
"""

from __future__ import annotations

import _socket
import errno
import os
import socket
from collections import deque
from collections.abc import Callable
from itertools import islice
from typing import Any

from pynet import errors
from pynet._core.loop import EVENT_READ, EVENT_WRITE, Loop, Timer
from pynet._handles.base import Buffer, HandleCore, Stream, WriteCallback
from pynet._js.encoding import encode

__all__ = ["ACCEPT_RETRY_MS", "READ_SIZE", "StreamHandle"]

READ_SIZE = 65536
# Discussion: libuv's ``uv__read`` reads up to 32 times per wakeup while reads fill the
# buffer.  It matters for bulk echoes: the writes made from one wakeup's reads wait in
# the Writable behind the first (whose completion is deferred) and go out as one
# ``writev`` — with 4 reads, 4x as many sends and TLS flushes as Node for the same bytes.
_READS_PER_WAKEUP = 32
_ACCEPTS_PER_WAKEUP = 64
_IOV_MAX = 64
ACCEPT_RETRY_MS = 100

# Discussion: socket.socket.accept() is Python code that reads the listening
# socket's family and type through properties converting each to an enum
# (four more Python calls per connection) before making the socket object.
# The C-level accept and the socket object made with the listening socket's
# raw numbers do the same (the accepted socket is made non-blocking by
# StreamHandle, as accept() leaves it blocking), for a plain socket.socket.
_SocketFields: Any = _socket.socket  # The C type's fields: ints, not enums.
_family = _SocketFields.family.__get__
_type = _SocketFields.type.__get__
_proto = _SocketFields.proto.__get__


# The reserved descriptor of each loop with listening handles (libuv's
# ``loop->emfile_fd``): id(loop) -> [fd or -1, number of listening handles].
# Opened with the first listening handle and closed with the last, so a
# program (or a test) that closes its servers holds no extra descriptor.
_RESERVES: dict[int, list[int]] = {}


def _open_reserve() -> int:
    try:
        return os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return -1


def _acquire_reserve(loop: Loop) -> None:
    reserve = _RESERVES.get(id(loop))
    if reserve is None:
        _RESERVES[id(loop)] = [_open_reserve(), 1]
    else:
        reserve[1] += 1
        if reserve[0] < 0:
            reserve[0] = _open_reserve()


def _release_reserve(loop: Loop) -> None:
    reserve = _RESERVES.get(id(loop))
    if reserve is None:
        return
    reserve[1] -= 1
    if reserve[1] <= 0:
        del _RESERVES[id(loop)]
        if reserve[0] >= 0:
            os.close(reserve[0])


class StreamHandle(HandleCore):
    """One stream socket (TCP or Unix) on the loop.

    ``unlink_path`` is a Unix socket path bound by this handle with the
    ``(st_dev, st_ino)`` it had then, removed when it closes (libuv's
    ``pipe_fname``) if it is still that socket.
    """

    # Discussion: libuv has one uv_stream_t with uv_tcp_t and uv_pipe_t on top;
    # here one class serves both, with ``is_pipe`` selecting the few
    # differences (TCP options, connect completion), because an accepted or
    # fd-opened handle's kind is only known at run time and the hot path
    # (read, write) is the same code for both.

    __slots__ = (
        "_connect_cb",
        "_counted",
        "_listening",
        "_loop",
        "_queue",
        "_retry_timer",
        "_shutdown_cb",
        "_sock",
        "_unlink_path",
        "bytes_read",
        "bytes_written",
        "is_pipe",
        "onconnection",
        "onread",
        "onread_into",
        "read_into",
        "reading",
        "write_queue_size",
    )

    def __init__(self, loop: Loop, sock: _socket.socket, is_pipe: bool,
                 unlink_path: tuple[bytes, tuple[int, int]] | None = None) -> None:
        sock.setblocking(False)
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self.is_pipe = is_pipe
        self.onread: Callable[[bytes | None, Exception | None], None] | None = None
        self.onconnection: Callable[[Exception | None, Stream | None], None] | None = None
        self.read_into: Callable[[], Any] | None = None  # Node's onread: buffer source
        self.onread_into: Callable[[int, Any], Any] | None = None
        self.reading = False
        self.watching = 0  # The loop's (Watcher): the events it watches for this fd.
        # [memoryview, callback | None] entries; made on first backlog.
        self._queue: deque[list[Any]] | None = None
        self.write_queue_size = 0
        self.bytes_read = 0
        self.bytes_written = 0
        self._ref = True
        self._closed = False
        self._shutdown_cb: WriteCallback | None = None
        self._connect_cb: Callable[[Exception | None], None] | None = None
        self._unlink_path = unlink_path
        self._retry_timer: Timer | None = None
        self._listening = False
        self._counted = False  # Whether this handle holds a loop ref now.

    # -- state -------------------------------------------------------------------

    def _update_active(self) -> None:
        """Hold a loop ref while ref'd and active, or while a request is pending.

        Active means reading or listening (libuv's ``uv__handle_start``): a
        connected socket that has stopped reading and has nothing to write
        does not keep the loop alive, as in Node.  A pending *request* — a
        connect, a queued write, a shutdown — keeps the loop alive whether
        or not the handle is ref'd: libuv counts active requests
        (``uv__req_register``) apart from handles, and ``uv__loop_alive``
        looks at both, so an ``unref()``'d socket still finishes connecting
        and flushing before ``run()`` returns.
        """
        # Discussion: one loop ref per handle stands for both of libuv's
        # counts; the loop only asks whether anything is alive.
        want = not self._closed and (
            (self._ref and (self.reading or self._listening))
            or bool(self._queue) or self._connect_cb is not None
            or self._shutdown_cb is not None)
        if want != self._counted:
            self._counted = want
            if want:
                self._loop.add_ref()
            else:
                self._loop.remove_ref()

    # -- reading -------------------------------------------------------------------

    def read_start(self) -> None:
        if not self.reading and not self._closed:
            self.reading = True
            self._loop.start_watch(self._fd, self, EVENT_READ)
            self._update_active()

    def read_stop(self) -> None:
        if self.reading:
            self.reading = False
            if not self._closed:
                self._loop.stop_watch(self._fd, EVENT_READ)
                self._update_active()

    def on_readable(self) -> bool:
        """Read up to 32 times; ``True`` if the last read was partial (libuv's
        ``UV_HANDLE_READ_PARTIAL``: nothing more to read this wakeup)."""
        if self.read_into is not None:
            return self._read_into_buffers()
        # Discussion: ``sock.recv(...)`` in the loop, not a ``recv`` bound
        # once: the method call is specialised and makes no bound-method
        # object, and nearly every wakeup reads once.
        sock = self._sock
        reads = _READS_PER_WAKEUP
        while True:
            try:
                data = sock.recv(READ_SIZE)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as exc:
                self._read_ended(exc)
                return False
            size = len(data)
            if not size:
                self._read_ended(None)
                return False
            self.bytes_read += size
            onread = self.onread
            if onread is not None:
                onread(data, None)
            if size < READ_SIZE:
                return True
            reads -= 1
            if not reads or not self.reading or self._closed:
                return False
            # Another read follows in this wakeup: each is its own callback in
            # Node, with its ticks and microtasks run before the next.
            self._loop.drain_ticks()
            if not self.reading or self._closed:
                return False

    def _read_into_buffers(self) -> bool:
        """Reads for Node's ``onread`` option: each read fills a buffer the
        owner supplies (``read_into()``) and reports ``onread_into(n, buf)``."""
        for i in range(_READS_PER_WAKEUP):
            if i:
                # As in on_readable: each read is its own callback in Node, with its
                # ticks and microtasks run before the next.
                self._loop.drain_ticks()
            if not self.reading or self._closed or self.read_into is None:
                return False
            buf = self.read_into()
            try:
                n = self._sock.recv_into(buf)
            except (BlockingIOError, InterruptedError):
                return False
            except OSError as exc:
                self._read_ended(exc)
                return False
            if n == 0:
                self._read_ended(None)
                return False
            self.bytes_read += n
            if self.onread_into is not None:
                self.onread_into(n, buf)
            if n < len(buf):
                return True
        return False

    def on_hangup(self) -> None:
        """A readable wakeup that also reported ``POLLHUP`` (both directions shut,
        or a reset): libuv's short circuit in ``uv__stream_io`` ends the stream
        after a partial read, without another ``read`` — which could return
        ``ECONNRESET`` for a reset that came behind the data, where Node reports
        ``'end'``."""
        if self.on_readable() and self.reading and not self._closed:
            # Node makes the data and the EOF two callbacks (two MakeCallback
            # scopes), each followed by its ticks and microtasks.
            self._loop.drain_ticks()
            if self.reading and not self._closed:
                self._read_ended(None)

    def _read_ended(self, exc: OSError | None) -> None:
        """EOF (``exc`` None) or a read error: stop reading and tell the owner."""
        self.read_stop()
        if self.onread is not None:
            err = errors.errno_exception(exc.errno or errno.EIO, "read") if exc else None
            self.onread(None, err)

    # -- writing -------------------------------------------------------------------

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        """Write ``data``; returns ``(error, completed_synchronously)``.

        On a synchronous completion (or a synchronous error) ``cb`` is not
        called: the caller completes the request itself, as Node's
        ``afterWriteDispatched`` does.
        """
        size = data.nbytes if type(data) is memoryview else len(data)
        self.bytes_written += size
        if self._queue:
            self._enqueue(memoryview(data).cast("B") if isinstance(data, memoryview) else
                          memoryview(data), cb)
            return None, False
        try:
            sent = self._sock.send(data)
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError as exc:
            return errors.errno_exception(exc.errno or errno.EIO, "write"), True
        if sent == size:
            return None, True
        view = memoryview(data)
        if view.format != "B" or view.ndim != 1:
            view = view.cast("B")
        self._enqueue(view[sent:], cb)
        return None, False

    def set_write_cb(self, cb: WriteCallback) -> None:
        """Give the write that :meth:`write` just queued (it returned
        ``(None, False)``) its completion callback ``cb``.

        Discussion: ``net.Socket`` writes with no callback and gives one only
        to a write that did not complete at once, so that a socket keeps no
        bound method for its completions (issue #16: 64 bytes per idle
        connection) and a write that completes at once makes none.
        """
        queue = self._queue
        if queue:
            queue[-1][1] = cb

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        """Write several buffers in one ``sendmsg``; same contract as :meth:`write`."""
        if len(chunks) == 1:
            return self.write(chunks[0], cb)
        views = [memoryview(c).cast("B") for c in chunks]
        total = sum(v.nbytes for v in views)
        self.bytes_written += total
        sent = 0
        if not self._queue:
            try:
                sent = self._sock.sendmsg(views[:_IOV_MAX])
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as exc:
                return errors.errno_exception(exc.errno or errno.EIO, "write"), True
            if sent == total:
                return None, True
        rest: list[memoryview] = []
        for view in views:
            if sent >= view.nbytes:
                sent -= view.nbytes
                continue
            rest.append(view[sent:])
            sent = 0
        if not rest:  # Only empty buffers were left: nothing to wait for.
            rest.append(memoryview(b""))
        for view in rest[:-1]:
            self._enqueue(view, None)
        self._enqueue(rest[-1], cb)
        return None, False

    def _enqueue(self, view: memoryview, cb: WriteCallback | None) -> None:
        if self._queue is None:
            self._queue = deque()
        if not self._queue and not self._closed:
            self._loop.start_watch(self._fd, self, EVENT_WRITE)
            self._queue.append([view, cb])
            self._update_active()
        else:
            self._queue.append([view, cb])
        self.write_queue_size += view.nbytes

    def on_writable(self) -> None:
        if self._connect_cb is not None:  # Writable while connecting: connected.
            self._on_connected()
            return
        queue = self._queue
        if queue is None:
            queue = self._queue = deque()
        done: list[WriteCallback] = []
        while queue:
            views = [entry[0] for entry in islice(queue, _IOV_MAX)]
            try:
                sent = self._sock.sendmsg(views) if len(views) > 1 else self._sock.send(views[0])
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._fail_writes(errors.errno_exception(exc.errno or errno.EIO, "write"), done)
                return
            self.write_queue_size -= sent
            while sent:
                entry = queue[0]
                size = entry[0].nbytes
                if sent >= size:
                    sent -= size
                    queue.popleft()
                    if entry[1] is not None:
                        done.append(entry[1])
                else:
                    entry[0] = entry[0][sent:]
                    sent = 0
            while queue and queue[0][0].nbytes == 0:  # Empty writes complete too.
                entry = queue.popleft()
                if entry[1] is not None:
                    done.append(entry[1])
            if len(views) < _IOV_MAX and queue:
                break  # The kernel took less than offered: wait for the next wakeup.
        if not queue and not self._closed:
            self._loop.stop_watch(self._fd, EVENT_WRITE)
            self._update_active()
        for cb in done:
            cb(None)
        if not queue and self._shutdown_cb is not None and not self._closed:
            self._do_shutdown()

    def _fail_writes(self, err: Exception, done: list[WriteCallback]) -> None:
        """A send failed: the request at the head fails as a whole (all its pieces)."""
        queue = self._queue
        assert queue is not None
        failed: WriteCallback | None = None
        while queue and failed is None:
            entry = queue.popleft()
            self.write_queue_size -= entry[0].nbytes
            failed = entry[1]
        # The socket is broken: stop watching; the owner destroys it, and
        # close() completes what is still queued.
        self._loop.stop_watch(self._fd, EVENT_WRITE)
        self._update_active()
        for cb in done:
            cb(None)
        if failed is not None:
            failed(err)

    # -- shutdown, connect ----------------------------------------------------------------

    def shutdown(self, cb: WriteCallback) -> None:
        """Send FIN once the write queue is empty; ``cb(err)`` runs later."""
        # Discussion: like libuv's uv_shutdown (uv__io_feed), the FIN goes out
        # from the loop's pending queue, not from inside this call, so events
        # queued now are seen by the peer in Node's order.
        self._shutdown_cb = cb
        self._update_active()
        if not self._queue and not self._closed:
            self._loop.call_pending(self._shutdown_if_drained)

    def _shutdown_if_drained(self) -> None:
        if not self._queue and not self._closed and self._shutdown_cb is not None:
            self._do_shutdown()

    def _do_shutdown(self) -> None:
        cb, self._shutdown_cb = self._shutdown_cb, None
        self._update_active()
        err: Exception | None = None
        try:
            self._sock.shutdown(socket.SHUT_WR)
        except OSError as exc:
            if exc.errno != errno.ENOTCONN:
                err = errors.errno_exception(exc.errno or errno.EIO, "shutdown")
        if cb is not None:
            cb(err)

    def connect(self, address: Any, cb: Callable[[Exception | None], None]) -> int:
        """Start connecting; returns 0 or an errno for a synchronous failure.

        ``cb(err)`` runs when the connection is made or has failed: from the
        pending phase when the kernel answered at once (Unix sockets), else
        from the poll phase.
        """
        self._connect_cb = cb
        self._update_active()
        if self.is_pipe and isinstance(address, str):
            address = encode(address, "utf8")  # Node's UTF-8 (lone surrogates: U+FFFD)
        try:
            code = self._sock.connect_ex(address)
        except OSError as exc:  # e.g. 'AF_UNIX path too long': no errno from Python.
            code = exc.errno or errno.EINVAL
        if code == 0 or (code in (errno.EINPROGRESS, errno.EAGAIN, errno.EWOULDBLOCK)
                         and not self.is_pipe):
            # Completion is reported when the socket turns writable (poll phase).
            self._loop.start_watch(self._fd, self, EVENT_WRITE)
            return 0
        if code in (errno.ECONNREFUSED, errno.ENOENT, errno.EAGAIN) or self.is_pipe:
            # libuv reports these from the pending queue (uv__io_feed).
            self._loop.call_pending(self._connect_done, code)
            return 0
        self._connect_cb = None
        self._update_active()
        return code

    def bind(self, address: Any) -> int:
        """``uv_tcp_bind`` (a local address before connecting): 0 or an errno.

        As libuv's ``uv__tcp_bind``, ``SO_REUSEADDR`` is set first, clients
        included, so a client can bind beside a port in ``TIME_WAIT`` or held
        by a socket that does not listen."""
        if not self.is_pipe:
            # libuv parses the address for the handle's family first
            # (uv_ip4_addr/uv_ip6_addr): an IPv6 address on an IPv4 socket, or
            # the reverse, is EINVAL — where Python's bind would resolve it and
            # fail with a resolver error (EAI_ADDRFAMILY).
            try:
                socket.inet_pton(self._sock.family, str(address[0]).split("%", 1)[0])
            except (OSError, ValueError):
                return errno.EINVAL
        try:
            if not self.is_pipe:
                self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._sock.bind(address)
        except socket.gaierror:
            return errno.EINVAL
        except (OSError, OverflowError, ValueError, UnicodeError) as exc:
            return getattr(exc, "errno", None) or errno.EINVAL
        return 0

    def _on_connected(self) -> None:
        self._loop.stop_watch(self._fd, EVENT_WRITE)
        code = self._sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        self._connect_done(code)

    def _connect_done(self, code: int) -> None:
        cb, self._connect_cb = self._connect_cb, None
        if cb is None or self._closed:
            return
        self._update_active()
        if code:
            cb(OSError(code, os.strerror(code)))
        else:
            cb(None)

    # -- listening --------------------------------------------------------------------

    def listen(self, backlog: int) -> int:
        try:
            self._sock.listen(backlog)
        except OSError as exc:
            return exc.errno or errno.EINVAL
        self._loop.watch_read(self._fd, self._on_acceptable)
        self._listening = True
        _acquire_reserve(self._loop)
        self._update_active()
        return 0

    def _on_acceptable(self) -> None:
        listener: Any = self._sock  # A socket.socket (the handle keeps a _socket.socket).
        # The C type's fields are ints; socket.socket's properties make enums
        # (about nine Python calls each), which nothing here needs.
        fields = ((_family(listener), _type(listener), _proto(listener))
                  if isinstance(listener, _SocketFields)
                  else (listener.family, listener.type, listener.proto))
        for _ in range(_ACCEPTS_PER_WAKEUP):
            if self._closed:
                return
            try:
                fd, _addr = listener._accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                code = exc.errno or errno.EIO
                if code in (errno.ECONNABORTED, errno.EPROTO):
                    continue
                if code in (errno.EMFILE, errno.ENFILE):
                    if self._emfile_trick():
                        return  # The waiting clients were turned away: no error.
                    self._pause_accepting()
                elif code in (errno.ENOBUFS, errno.ENOMEM):
                    self._pause_accepting()
                if self.onconnection is not None:
                    self.onconnection(errors.errno_exception(code, "accept"), None)
                return
            # Discussion: the accepted connection as a bare ``_socket.socket``
            # (48 bytes, not tracked by the GC) rather than ``socket.accept()``'s
            # ``socket.socket`` (88: its Python subclass adds ``__weakref__``,
            # ``_io_refs`` and ``_closed``, which nothing here uses): issue #16,
            # idle memory per connection.  Given the listener's family, type and
            # protocol, as ``accept()`` does, so no syscall asks for them.
            conn = _socket.socket(*fields, fd)
            handle = StreamHandle(self._loop, conn, self.is_pipe)
            if self.onconnection is not None:
                self.onconnection(None, handle)
            else:  # pragma: no cover - a listening handle always has one
                handle.close(None)

    def _emfile_trick(self) -> bool:
        """libuv's ``uv__emfile_trick``: out of descriptors, close the loop's
        reserved one, accept and close every waiting connection with it, then
        reserve it again.  True when the backlog was emptied (libuv then
        reports nothing); False when there was no reserve to use."""
        reserve = _RESERVES.get(id(self._loop))
        if reserve is None or reserve[0] < 0:
            return False
        os.close(reserve[0])
        reserve[0] = -1
        drained = False
        listener: Any = self._sock
        while True:
            try:
                conn, _addr = listener.accept()
            except (BlockingIOError, InterruptedError):
                drained = True
                break
            except OSError as exc:
                if exc.errno in (errno.ECONNABORTED, errno.EPROTO):
                    continue
                break
            conn.close()
        reserve[0] = _open_reserve()
        return drained

    def _pause_accepting(self) -> None:
        # Discussion: the fallback when no descriptor is reserved (libuv would
        # call back with EMFILE and retry at once, a busy loop): stop watching
        # and retry later; the queued clients wait in the kernel's backlog.
        self._loop.unwatch_read(self._fd)
        if self._retry_timer is None:
            self._retry_timer = Timer(self._loop, self._resume_accepting, (), ACCEPT_RETRY_MS)
            self._retry_timer.unref()
        self._retry_timer.start(ACCEPT_RETRY_MS)

    def _resume_accepting(self) -> None:
        if not self._closed:
            self._loop.watch_read(self._fd, self._on_acceptable)

    # -- names and options -------------------------------------------------------------

    def getsockname(self) -> Any:
        return self._sock.getsockname()

    def getpeername(self) -> Any:
        return self._sock.getpeername()

    @property
    def family(self) -> int:
        return self._sock.family

    def set_no_delay(self, enable: bool) -> None:
        if not self.is_pipe and not self._closed:
            try:
                self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, int(enable))
            except OSError:
                pass

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        if self.is_pipe or self._closed:
            return
        try:
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, int(enable))
            if enable:
                # libuv: the idle time, then probes every second, ten of them.
                if delay_s > 0 and hasattr(socket, "TCP_KEEPIDLE"):
                    self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, delay_s)
                if hasattr(socket, "TCP_KEEPINTVL"):
                    self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
                if hasattr(socket, "TCP_KEEPCNT"):
                    self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 10)
        except OSError:
            pass

    # -- closing ------------------------------------------------------------------------

    def close(self, cb: Callable[[], None] | None) -> None:
        """Close now; ``cb`` runs in the loop's close phase.  Idempotent."""
        if self._closed:
            return
        self._closed = True
        self.reading = False
        self._loop.unwatch(self._fd)
        if self._retry_timer is not None:
            self._retry_timer.stop()
        self._sock.close()
        if self._listening:
            _release_reserve(self._loop)
        if self._unlink_path is not None:
            # Only the socket this handle bound: another server may have
            # removed it and bound the same path since (compare dev/inode).
            path, identity = self._unlink_path
            try:
                st = os.lstat(path)
                if (st.st_dev, st.st_ino) == identity:
                    os.unlink(path)
            except OSError:
                pass
        self._update_active()
        pending = [entry[1] for entry in self._queue or () if entry[1] is not None]
        self._queue = None
        self.write_queue_size = 0
        self._connect_cb = None
        self._shutdown_cb = None
        self._loop.call_close(self._after_close, pending, cb)

    @staticmethod
    def _after_close(pending: list[WriteCallback], cb: Callable[[], None] | None) -> None:
        for write_cb in pending:
            write_cb(None)
        if cb is not None:
            cb()

    def reset(self, cb: Callable[[], None] | None) -> None:
        """Close with RST (``SO_LINGER`` 0): ``uv_tcp_close_reset``."""
        if not self._closed and not self.is_pipe:
            try:
                self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                      b"\x01\x00\x00\x00\x00\x00\x00\x00")
            except OSError:
                pass
        self.close(cb)
