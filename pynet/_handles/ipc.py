"""IPC pipe handles: a Unix socketpair end that carries descriptors (libuv's ``ipc`` pipes).

Theory of operation
-------------------
Node talks to a forked child over a ``uv_pipe_t`` opened with ``ipc=1``: a
Unix stream socket whose writes may carry one descriptor each as
``SCM_RIGHTS`` ancillary data, and whose reads queue the descriptors that
arrive (``uv_pipe_pending_count``/``uv_accept``).  :class:`IpcPipe` is that
handle: :meth:`~IpcPipe.write` sends bytes, with an optional descriptor
attached to their first byte; ``onread(data, err)`` reports bytes as a
stream handle does (``(None, None)`` at EOF); :meth:`~IpcPipe.take_fd` hands
over the oldest received descriptor, which the owner now closes.  Framing
(Node's JSON lines) is the channel's business, one layer up.

A descriptor travels with the first byte of its write, so by the time the
receiver has read the whole message that announced it, the descriptor is in
the queue: taking descriptors in message order is enough.

Invariants
----------
* A descriptor given to :meth:`~IpcPipe.write` is only *borrowed*: the
  caller keeps it open until the write's callback (the kernel duplicates it
  into the message when ``sendmsg`` takes the first byte).
* Received descriptors not taken by :meth:`~IpcPipe.take_fd` are closed
  with the handle; none leaks.
* The handle holds a loop ref while it is ref'd and reading or writing.

libuv reference: ``uv_pipe_init(loop, pipe, 1)``, ``uv_pipe_open``,
``uv_write2``, ``uv__stream_recv_cmsg``, ``uv_pipe_pending_count``,
``uv_accept`` on an IPC pipe (src/unix/stream.c, pipe.c).
"""

from __future__ import annotations

import array
import errno
import os
import socket
from collections import deque
from collections.abc import Callable
from typing import Any

from pynet import errors
from pynet._core.loop import Loop

__all__ = ["IpcPipe"]

_READ_SIZE = 65536
_MAX_FDS = 16


class IpcPipe:
    """One end of an IPC socketpair on the loop (``uv_pipe_t`` with ``ipc=1``)."""

    __slots__ = ("_closed", "_counted", "_fd", "_fds", "_loop", "_queue", "_ref", "_sock",
                 "onread", "reading")

    def __init__(self, loop: Loop, sock: socket.socket) -> None:
        sock.setblocking(False)
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self.onread: Callable[[bytes | None, Exception | None], None] | None = None
        self.reading = False
        self._fds: deque[int] = deque()
        # [bytes left to send, fd or -1, callback | None]
        self._queue: deque[list[Any]] = deque()
        self._ref = True
        self._closed = False
        self._counted = False

    # -- state --------------------------------------------------------------------

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
        want = self._ref and not self._closed and bool(self.reading or self._queue)
        if want != self._counted:
            self._counted = want
            if want:
                self._loop.add_ref()
            else:
                self._loop.remove_ref()

    @property
    def write_queue_size(self) -> int:
        """Bytes queued, not yet sent."""
        return sum(len(entry[0]) for entry in self._queue)

    # -- reading ------------------------------------------------------------------

    def read_start(self) -> None:
        """``uv_read_start``."""
        if not self.reading and not self._closed:
            self.reading = True
            self._loop.watch_read(self._fd, self._on_readable)
            self._update_active()

    def read_stop(self) -> None:
        """``uv_read_stop``."""
        if self.reading:
            self.reading = False
            if not self._closed:
                self._loop.unwatch_read(self._fd)
            self._update_active()

    def take_fd(self) -> int | None:
        """``uv_accept`` on an IPC pipe: the oldest received descriptor, now the caller's."""
        return self._fds.popleft() if self._fds else None

    def _on_readable(self) -> None:
        fds = array.array("i")
        try:
            data, ancdata, _flags, _addr = self._sock.recvmsg(
                _READ_SIZE, socket.CMSG_SPACE(_MAX_FDS * fds.itemsize))
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._read_ended(exc)
            return
        for level, kind, payload in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
        self._fds.extend(fds)
        if not data:
            self._read_ended(None)
            return
        if self.onread is not None:
            self.onread(data, None)

    def _read_ended(self, exc: OSError | None) -> None:
        self.read_stop()
        if self.onread is not None:
            err = errors.errno_exception(exc.errno or errno.EIO, "read") if exc else None
            self.onread(None, err)

    # -- writing ------------------------------------------------------------------

    def write(self, data: bytes, fd: int | None, cb: Callable[[Exception | None], None] | None
              ) -> None:
        """``uv_write2``: send ``data``, with ``fd`` attached to its first byte.

        ``cb(err)`` runs once everything is sent (or failed), never from
        inside this call.
        """
        if self._closed:
            if cb is not None:
                self._loop.call_pending(cb, errors.errno_exception(errno.EBADF, "write"))
            return
        self._queue.append([memoryview(data), -1 if fd is None else fd, cb])
        if len(self._queue) == 1:
            self._flush()
        if self._queue:
            self._loop.watch_write(self._fd, self._flush)
            self._update_active()

    def _flush(self) -> None:
        while self._queue:
            entry = self._queue[0]
            view, fd, cb = entry
            try:
                if fd >= 0:
                    ancillary = [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                  array.array("i", [fd]).tobytes())]
                    sent = self._sock.sendmsg([view], ancillary)
                    entry[1] = -1
                else:
                    sent = self._sock.send(view)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._fail_writes(errors.errno_exception(exc.errno or errno.EPIPE, "write"))
                return
            if sent < len(view):
                entry[0] = view[sent:]
                return
            self._queue.popleft()
            if cb is not None:
                self._loop.call_pending(cb, None)
        if not self._closed:
            self._loop.unwatch_write(self._fd)
        self._update_active()

    def _fail_writes(self, err: Exception) -> None:
        pending = list(self._queue)
        self._queue.clear()
        if not self._closed:
            self._loop.unwatch_write(self._fd)
        self._update_active()
        for _view, _fd, cb in pending:
            if cb is not None:
                self._loop.call_pending(cb, err)

    # -- closing ------------------------------------------------------------------

    def close(self, cb: Callable[[], None] | None) -> None:
        """``uv_close``: unsent writes fail with ``ECANCELED``; ``cb`` in the close phase."""
        if self._closed:
            return
        self._closed = True
        self.reading = False
        self._loop.unwatch(self._fd)
        self._sock.close()
        while self._fds:
            os.close(self._fds.popleft())
        pending = [entry[2] for entry in self._queue if entry[2] is not None]
        self._queue.clear()
        self._update_active()
        err = errors.errno_exception(errno.ECANCELED, "write")
        for write_cb in pending:
            self._loop.call_close(write_cb, err)
        if cb is not None:
            self._loop.call_close(cb)
