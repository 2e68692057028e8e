"""Handles on the standard descriptors 0, 1 and 2 (libuv's ``uv_tty_init`` and
``uv_pipe_open`` as Node uses them for ``process.stdin``/``stdout``/``stderr``).

Theory of operation
-------------------
A stdio stream on a pipe, a socket or a TTY is a stream handle like any other
(:class:`~pynet._handles.stream.StreamHandle`), so it needs a non-blocking
descriptor.  ``O_NONBLOCK`` belongs to the *open file description*, which fd
1 shares with Python's ``sys.stdout`` and with the other processes on the
same pipe or terminal: setting it on fd 1 itself would make a ``print()``
into a full pipe raise ``BlockingIOError`` and could leave the parent
shell's terminal non-blocking.  So :func:`open_stdio` gives the handle a
descriptor of its own where it can, as libuv does for a TTY:

* a pipe or FIFO is reopened through ``/proc/self/fd/N`` (a new open file
  description of the same pipe, Linux), a TTY through its ``ttyname`` with
  ``O_NOCTTY`` (libuv's reopen in ``uv_tty_init``); the copy is made
  non-blocking and is the handle's to close;
* a socket cannot be reopened: it is used through a duplicate descriptor
  left in blocking mode, every call passing ``MSG_DONTWAIT``;
* a TTY for output needs nothing: Node writes to terminals synchronously
  (``setBlocking(true)``), so fd 1 or 2 is written in its own mode;
* when a reopen fails, the descriptor itself is made non-blocking and its
  flags are restored at exit (Node's ``ResetStdio``).

After ``end()`` (``uv_shutdown``) the handle refuses writes with ``EPIPE``,
as libuv clears ``UV_HANDLE_WRITABLE``; on a socket the shutdown is real.

Invariants
----------
* The descriptors 0, 1 and 2 are never closed here, and their flags are
  left as found (or restored at exit).
* A descriptor the handle owns is closed exactly once, by the handle's close.

Node/libuv reference: ``uv_guess_handle``, ``uv_tty_init``,
``uv_tty_get_winsize``, ``uv_pipe_open``, ``uv_stream_set_blocking``,
``uv_shutdown``; Node's ``ResetStdio`` (src/node.cc).
"""

from __future__ import annotations

import atexit
import errno
import os
import socket
import stat
from typing import Any

from pynet._core.loop import Loop
from pynet._handles.base import Buffer
from pynet._handles.pipe import FdPipe
from pynet._handles.stream import StreamHandle

__all__ = ["StdioFd", "StdioSocket", "open_stdio", "set_tty_raw", "window_size"]

#: Descriptors made non-blocking in place: fd -> their original flags.
_restore: dict[int, int] = {}


def _restore_flags() -> None:
    """Node's ``ResetStdio``: the descriptors made non-blocking get their flags back."""
    import fcntl
    for fd, flags in _restore.items():
        try:
            fcntl.fcntl(fd, fcntl.F_SETFL, flags)
        except OSError:
            pass
    _restore.clear()


def _nonblock_in_place(fd: int) -> None:
    import fcntl
    if not _restore:
        atexit.register(_restore_flags)
    if fd not in _restore:
        _restore[fd] = fcntl.fcntl(fd, fcntl.F_GETFL)
    os.set_blocking(fd, False)


class StdioFd(FdPipe):
    """A pipe or TTY descriptor under a stdio handle.

    ``owned``: the descriptor is a private reopened copy, closed with the
    handle; otherwise it is 0, 1 or 2 itself and is never closed.
    ``blocking``: writes stay blocking (a TTY for output); ``setblocking``
    leaves the mode alone.
    """

    __slots__ = ("_blocking", "_owned", "_shut")

    def __init__(self, fd: int, owned: bool, blocking: bool = False) -> None:
        super().__init__(fd)
        self._owned = owned
        self._blocking = blocking
        self._shut = False

    def setblocking(self, flag: bool) -> None:
        if self._blocking or flag:
            return
        if self._owned:
            os.set_blocking(self._fd, False)
        else:
            _nonblock_in_place(self._fd)

    def send(self, data: Buffer) -> int:
        if self._shut:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
        return os.write(self._fd, data)

    def sendmsg(self, buffers: list[memoryview]) -> int:
        if self._shut:
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
        return os.writev(self._fd, buffers)

    def shutdown(self, how: int) -> None:
        self._shut = True  # libuv clears UV_HANDLE_WRITABLE: later writes fail with EPIPE

    def close(self) -> None:
        if self._owned:
            super().close()
        else:
            self._fd = -1


class StdioSocket:
    """A socket descriptor under a stdio handle: a duplicate, left blocking,
    used with ``MSG_DONTWAIT`` so the shared description's flags never change."""

    __slots__ = ("_sock", "family")

    def __init__(self, fd: int) -> None:
        self._sock = socket.socket(fileno=os.dup(fd))
        self.family = self._sock.family

    def setblocking(self, flag: bool) -> None:
        pass

    def fileno(self) -> int:
        return self._sock.fileno()

    def recv(self, size: int) -> bytes:
        return self._sock.recv(size, socket.MSG_DONTWAIT)

    def recv_into(self, buffer: Any) -> int:
        return self._sock.recv_into(buffer, 0, socket.MSG_DONTWAIT)

    def send(self, data: Buffer) -> int:
        return self._sock.send(data, socket.MSG_DONTWAIT | socket.MSG_NOSIGNAL)

    def sendmsg(self, buffers: list[memoryview]) -> int:
        return self._sock.sendmsg(buffers, [], socket.MSG_DONTWAIT | socket.MSG_NOSIGNAL)

    def shutdown(self, how: int) -> None:
        self._sock.shutdown(how)

    def getsockname(self) -> Any:
        return self._sock.getsockname()

    def getpeername(self) -> Any:
        return self._sock.getpeername()

    def setsockopt(self, *args: Any) -> None:
        self._sock.setsockopt(*args)

    def bind(self, address: Any) -> None:
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))

    def close(self) -> None:
        self._sock.close()


def _reopen(fd: int, path: str, flags: int) -> int | None:
    """A new open file description of what ``fd`` is, or None."""
    try:
        new = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError:
        return None
    try:
        before, after = os.fstat(fd), os.fstat(new)
    except OSError:
        os.close(new)
        return None
    if (before.st_dev, before.st_ino) != (after.st_dev, after.st_ino):
        os.close(new)  # not the same pipe or terminal: never read or write another
        return None
    return new


def open_stdio(loop: Loop, fd: int, kind: str, writing: bool) -> StreamHandle:
    """A stream handle on a stdio descriptor of ``kind`` (``'PIPE'``, ``'TCP'`` or
    ``'TTY'``), for output when ``writing``, else for input."""
    mode = os.fstat(fd).st_mode
    if stat.S_ISSOCK(mode):
        sock = StdioSocket(fd)
        return StreamHandle(loop, sock, sock.family == socket.AF_UNIX)  # type: ignore[arg-type]
    access = os.O_WRONLY if writing else os.O_RDONLY
    if kind == "TTY":
        if writing:
            return StreamHandle(loop, StdioFd(fd, False, blocking=True), True)  # type: ignore[arg-type]
        try:
            path: str | None = os.ttyname(fd)
        except OSError:
            path = None
    else:
        path = f"/proc/self/fd/{fd}"
    new = _reopen(fd, path, access) if path is not None else None
    pipe = StdioFd(fd, False) if new is None else StdioFd(new, True)
    return StreamHandle(loop, pipe, True)  # type: ignore[arg-type]


def window_size(fd: int) -> tuple[int, int] | None:
    """``uv_tty_get_winsize``: ``(columns, rows)``, or None if it is not known."""
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        return None
    return size.columns, size.lines


# The terminal modes set_tty_raw found before it first changed them (libuv's
# orig_termios), restored at exit as uv_tty_reset_mode does.
_ORIGINAL_MODES: dict[int, list[Any]] = {}


def set_tty_raw(fd: int, raw: bool) -> None:
    """``uv_tty_set_mode``: ``UV_TTY_MODE_RAW`` or back to ``UV_TTY_MODE_NORMAL``.

    Raw is libuv's: no ``BRKINT``, ``ICRNL``, ``INPCK``, ``ISTRIP``, ``IXON``;
    ``ONLCR`` kept; 8-bit characters; no ``ECHO``, ``ICANON``, ``IEXTEN``,
    ``ISIG``; reads return at each byte.  Raises ``OSError``.
    """
    import termios

    if fd not in _ORIGINAL_MODES:
        if not raw:
            return
        _ORIGINAL_MODES[fd] = termios.tcgetattr(fd)
        if len(_ORIGINAL_MODES) == 1:
            atexit.register(_reset_tty_modes)
    if not raw:
        termios.tcsetattr(fd, termios.TCSADRAIN, _ORIGINAL_MODES[fd])
        return
    mode = termios.tcgetattr(fd)
    mode[0] &= ~(termios.BRKINT | termios.ICRNL | termios.INPCK | termios.ISTRIP | termios.IXON)
    mode[1] |= termios.ONLCR
    mode[2] |= termios.CS8
    mode[3] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
    mode[6] = list(mode[6])
    mode[6][termios.VMIN] = 1
    mode[6][termios.VTIME] = 0
    termios.tcsetattr(fd, termios.TCSADRAIN, mode)


def _reset_tty_modes() -> None:
    import termios

    for fd, mode in _ORIGINAL_MODES.items():
        try:
            termios.tcsetattr(fd, termios.TCSANOW, mode)
        except OSError:
            pass
