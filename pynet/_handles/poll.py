"""libuv's ``uv_poll_t``: readiness of a descriptor pynet does not own.

Theory of operation
-------------------
A :class:`PollHandle` watches one foreign descriptor (a serial port, an
inotify fd, a database driver's socket) for readability and/or writability
and calls ``callback(readable, writable)`` from the loop's poll phase while it
is started, level-triggered, as ``uv__poll_io`` does.  It never reads, writes
or closes the descriptor: the owner does.

Invariants
----------
* The descriptor is checked once, at construction, as ``uv__io_check_fd``
  does: it must be open (``EBADF``) and pollable (a regular file gives
  ``EPERM``), and no other handle of the loop may watch it (``EEXIST``).
* Started and ref'd means one loop reference (``uv__handle_start``); stopping,
  unref'ing or closing gives it back.
* :meth:`close` unwatches at once and runs its callback in the close phase.

libuv reference: ``uv_poll_init``, ``uv_poll_start``, ``uv_poll_stop``,
``uv__poll_io``, ``uv__io_check_fd`` (``src/unix/poll.c``, ``src/unix/linux.c``).
"""

from __future__ import annotations

import errno
import os
import select
from collections.abc import Callable

from pynet import errors
from pynet._core.loop import Loop

__all__ = ["PollHandle"]

PollCallback = Callable[[bool, bool], None]


def _check_fd(fd: int) -> None:
    """``uv__io_check_fd``: can epoll watch ``fd``?  Raises libuv's error if not."""
    try:
        os.fstat(fd)
    except OSError as exc:
        raise errors.errno_exception(exc.errno or errno.EBADF, "uv_poll_init") from None
    probe = select.epoll()
    try:
        probe.register(fd, select.EPOLLIN)
    except OSError as exc:
        raise errors.errno_exception(exc.errno or errno.EPERM, "uv_poll_init") from None
    finally:
        probe.close()


class PollHandle:
    """One ``uv_poll_t`` on ``loop`` for the descriptor ``fd``."""

    __slots__ = ("_active", "_callback", "_closed", "_fd", "_loop", "_readable",
                 "_ref", "_writable")

    def __init__(self, loop: Loop, fd: int) -> None:
        if not isinstance(fd, int) or isinstance(fd, bool) or fd < 0:
            raise errors.errno_exception(errno.EBADF, "uv_poll_init")
        _check_fd(fd)
        if loop.is_watched(fd):
            raise errors.errno_exception(errno.EEXIST, "uv_poll_init")
        self._loop = loop
        self._fd = fd
        self._callback: PollCallback | None = None
        self._readable = False
        self._writable = False
        self._active = False
        self._ref = True
        self._closed = False

    @property
    def fd(self) -> int:
        return self._fd

    @property
    def active(self) -> bool:
        return self._active

    def start(self, readable: bool, writable: bool, callback: PollCallback) -> None:
        """``uv_poll_start``: watch for the given events (replacing earlier ones)."""
        assert not self._closed
        self._callback = callback
        if readable and not self._readable:
            self._loop.watch_read(self._fd, self._on_readable)
        elif not readable and self._readable:
            self._loop.unwatch_read(self._fd)
        if writable and not self._writable:
            self._loop.watch_write(self._fd, self._on_writable)
        elif not writable and self._writable:
            self._loop.unwatch_write(self._fd)
        self._readable, self._writable = readable, writable
        self._set_active(readable or writable)

    def stop(self) -> None:
        """``uv_poll_stop``: stop watching; the handle can be started again."""
        if self._readable or self._writable:
            self._loop.unwatch(self._fd)
        self._readable = self._writable = False
        self._set_active(False)

    def ref(self) -> None:
        if not self._ref:
            self._ref = True
            if self._active:
                self._loop.add_ref()

    def unref(self) -> None:
        if self._ref:
            self._ref = False
            if self._active:
                self._loop.remove_ref()

    def has_ref(self) -> bool:
        return self._ref

    def close(self, cb: Callable[[], None] | None = None) -> None:
        """Stop for good; ``cb`` runs in the close phase.  Idempotent."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self._callback = None
        if cb is not None:
            self._loop.call_close(cb)

    def _set_active(self, active: bool) -> None:
        if active != self._active:
            self._active = active
            if self._ref:
                if active:
                    self._loop.add_ref()
                else:
                    self._loop.remove_ref()

    def _on_readable(self) -> None:
        if self._callback is not None:
            self._callback(True, False)

    def _on_writable(self) -> None:
        if self._callback is not None:
            self._callback(False, True)
