"""A ``net.Socket`` over any ``stream.Duplex`` (Node's ``JSStreamSocket``).

Theory of operation
-------------------
TLS (and anything else built on a stream *handle*) talks to a libuv-style
:class:`~pynet._handles.base.Stream`.  A plain ``stream.Duplex`` has none, so
``new tls.TLSSocket(duplex)``, ``tls.connect({socket: duplex})`` and
``tlsServer.emit('connection', duplex)`` wrap it first in a
:class:`JSStreamSocket`: a ``net.Socket`` whose handle is a
:class:`JSStreamHandle` that forwards to the Duplex, as Node's ``JSStream``
binding calls back into ``lib/internal/js_stream_socket.js``:

* ``read_start``/``read_stop`` are ``stream.resume()``/``stream.pause()``;
  each ``'data'`` chunk is ``onread(chunk, None)`` (``readBuffer``), ``'end'``
  is the EOF ``onread(None, None)`` (``emitEOF``).  A string chunk or an
  object-mode stream is ``ERR_STREAM_WRAP``.
* ``write``/``writev`` write each buffer to the Duplex inside ``cork()`` /
  ``uncork()``; the request completes in a ``setImmediate`` after the last
  write callback (``doWrite``/``finishWrite``), with the callback's error.
* ``shutdown`` is ``stream.end(cb)`` from a ``setImmediate``, after the
  writes in flight (``doShutdown``/``kPendingShutdownRequest``).
* ``close`` destroys the Duplex at once and, in a ``setImmediate``, cancels
  the unfinished writes and shutdown (``ECANCELED``) and calls back
  (``doClose``).
* The Duplex's ``'error'`` is the socket's ``'error'``; its ``'close'``
  destroys the socket.

Invariants
----------
* A write or shutdown callback runs once, never from inside the call that
  started it.
* After ``close`` no ``onread`` runs.

Discussion: Node's ``JSStream`` allows one write request at a time (the TLS
layer waits for each).  pynet's TLS handle queues records on its inner handle
without waiting, so this handle keeps a FIFO of requests; each finishes, in
order, when the Duplex has called back for all its buffers.

Node reference: ``lib/internal/js_stream_socket.js``, ``src/js_stream.cc``.
"""

from __future__ import annotations

import errno
from collections import deque
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import get_loop
from pynet._handles.base import Buffer, WriteCallback
from pynet._net.socket import Socket

__all__ = ["JSStreamHandle", "JSStreamSocket"]


class _WriteReq:
    def __init__(self, cb: WriteCallback | None, nbytes: int, pending: int) -> None:
        self.cb = cb
        self.nbytes = nbytes
        self.pending = pending
        self.done = False
        self.err: Exception | None = None


class JSStreamHandle:
    """The handle of a :class:`JSStreamSocket` (Node's ``JSStream`` binding)."""

    def __init__(self, stream: Any) -> None:
        self._loop = get_loop()
        self.stream = stream
        self.onread: Callable[[bytes | None, Exception | None], None] | None = None
        self.read_into: Any = None
        self.onread_into: Any = None
        self.reading = False
        self.closed = False
        self.bytes_read = 0
        self.bytes_written = 0
        self._ref = True
        self._writes: deque[_WriteReq] = deque()
        self._shutdown_cb: WriteCallback | None = None
        self._shutdown_pending = False  # Waits for the writes in flight.

    # -- what a stream handle has ------------------------------------------------------

    @property
    def is_pipe(self) -> bool:
        return False

    @property
    def family(self) -> int:
        return 0

    @property
    def write_queue_size(self) -> int:
        return sum(req.nbytes for req in self._writes)

    def fileno(self) -> int:
        return -1

    def ref(self) -> None:
        self._ref = True

    def unref(self) -> None:
        self._ref = False

    def has_ref(self) -> bool:
        return self._ref

    def getsockname(self) -> Any:
        return None

    def getpeername(self) -> Any:
        return None

    def set_no_delay(self, enable: bool) -> None:
        pass

    def set_keep_alive(self, enable: bool, delay_s: int) -> None:
        pass

    def connect(self, address: Any, cb: WriteCallback) -> int:
        return errno.ENOTSUP

    def bind(self, address: Any) -> int:
        return errno.ENOTSUP

    # -- reading (readStart/readStop, readBuffer/emitEOF) -------------------------------

    def read_start(self) -> None:
        if not self.closed:
            self.reading = True
            self.stream.resume()

    def read_stop(self) -> None:
        self.reading = False
        if not self.closed:
            self.stream.pause()

    def read_buffer(self, chunk: bytes) -> None:
        if self.closed or self.onread is None:
            return
        self.bytes_read += len(chunk)
        self.onread(chunk, None)

    def emit_eof(self) -> None:
        if not self.closed and self.onread is not None:
            self.onread(None, None)

    # -- writing (doWrite/finishWrite) ----------------------------------------------------

    def write(self, data: Buffer, cb: WriteCallback | None) -> tuple[Exception | None, bool]:
        return self.writev([data], cb)

    def writev(self, chunks: list[Buffer], cb: WriteCallback | None
               ) -> tuple[Exception | None, bool]:
        bufs = [bytes(c) for c in chunks]
        nbytes = sum(len(b) for b in bufs)
        req = _WriteReq(cb, nbytes, len(bufs))
        self._writes.append(req)
        self.bytes_written += nbytes
        stream = self.stream

        def done(*args: Any) -> None:
            err = args[0] if args else None
            if req.done or (not err and req.pending > 1):
                req.pending -= 1
                return
            req.pending = 0
            req.done = True
            req.err = _write_error(err) if err else None
            self._loop.set_immediate(self._finish_writes)

        stream.cork()
        for buf in bufs:
            stream.write(buf, done)
        stream.uncork()
        return None, False

    def _finish_writes(self, status: Exception | None = None) -> None:
        while self._writes and (self._writes[0].done or status is not None):
            req = self._writes.popleft()
            if req.cb is not None:
                req.cb(status if status is not None else req.err)
        if not self._writes and self._shutdown_pending:
            self._shutdown_pending = False
            self._start_shutdown()

    # -- shutdown (doShutdown/finishShutdown) -----------------------------------------------

    def shutdown(self, cb: WriteCallback) -> None:
        self._shutdown_cb = cb
        if self._writes:
            self._shutdown_pending = True
            return
        self._start_shutdown()

    def _start_shutdown(self) -> None:
        def end() -> None:
            if not self.closed:
                self.stream.end(lambda *a: self._finish_shutdown(None))

        self._loop.set_immediate(end)

    def _finish_shutdown(self, status: Exception | None) -> None:
        cb, self._shutdown_cb = self._shutdown_cb, None
        self._shutdown_pending = False
        if cb is not None:
            cb(status)

    # -- close (doClose) ------------------------------------------------------------------

    def close(self, cb: Callable[[], None] | None) -> None:
        if self.closed:
            return
        self.closed = True
        self.reading = False
        # Node: destroying the wrapped stream lets its peer see 'end' and 'close'.
        self.stream.destroy()

        def finish() -> None:
            cancelled = errors.errno_exception(errno.ECANCELED, "write")
            self._finish_writes(cancelled)
            if self._shutdown_cb is not None:
                self._finish_shutdown(errors.errno_exception(errno.ECANCELED, "shutdown"))
            if cb is not None:
                cb()

        self._loop.set_immediate(finish)

    def reset(self, cb: Callable[[], None] | None) -> None:
        self.close(cb)


def _write_error(err: Any) -> Exception:
    """A Duplex's write error as the request's status (Node: ``UV_<code>`` or ``EPIPE``)."""
    code = getattr(err, "code", None)
    number = getattr(errno, code, None) if isinstance(code, str) else None
    return errors.errno_exception(number or errno.EPIPE, "write")


class JSStreamSocket(Socket):
    """Node's ``JSStreamSocket``: a ``net.Socket`` whose handle reads and writes a Duplex."""

    def __init__(self, stream: Any) -> None:
        handle = JSStreamHandle(stream)
        self._js_handle = handle
        if not callable(getattr(stream, "pause", None)):
            # Node's first use of the stream here fails as a JS TypeError (issue #3655).
            raise TypeError("stream.pause is not a function")
        stream.pause()
        stream.on("error", lambda *a: self.emit("error", *a[:1]))

        def ondata(chunk: Any = None, *_: Any) -> None:
            if isinstance(chunk, str) or stream.readableObjectMode:
                stream.pause()
                stream.removeListener("data", ondata)
                self.emit("error", errors.ERR_STREAM_WRAP())
                return
            handle.read_buffer(bytes(chunk))

        stream.on("data", ondata)
        stream.once("end", lambda *a: handle.emit_eof())
        stream.once("close", lambda *a: self.destroy())
        super().__init__(handle=handle, manualStart=True)
        self.stream = stream
        self.readable = bool(stream.readable)
        self.writable = bool(stream.writable)
        self.read(0)
