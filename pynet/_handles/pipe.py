"""Pipe handles: Unix sockets and pipe descriptors (libuv's ``pipe.c``).

Theory of operation
-------------------
A pipe handle is a :class:`~pynet._handles.stream.StreamHandle` with
``is_pipe`` set, on an ``AF_UNIX`` ``SOCK_STREAM`` socket, or on a pipe/FIFO
descriptor wrapped in :class:`FdPipe` (``new net.Socket({fd})`` on a pipe:
``read(2)``/``write(2)`` instead of ``recv``/``send``).  :func:`pipe_listen`
binds a path (an abstract name when it starts with NUL), applies
``readableAll``/``writableAll`` (``uv_pipe_chmod``) and listens; the handle
removes the path when it closes, as libuv does.

Invariants
----------
* A failure is returned as an errno and leaves no descriptor open.
* A path bound here is unlinked at most once, by the handle's ``close``, and
  only while it is still the socket this handle bound (same device and
  inode): a server that has since taken the path over keeps it.
* Paths are encoded as Node encodes them (UTF-8, lone surrogates as U+FFFD).
  A path longer than ``sun_path`` is refused with ``EINVAL``; Node 20's libuv
  truncates it silently (see the porting guide).

Node/libuv reference: ``uv_pipe_init``, ``uv_pipe_bind``, ``uv_pipe_chmod``,
``uv_pipe_open``, ``uv_listen``; Node's ``PipeWrap``.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
from typing import Any

from pynet._core.loop import Loop
from pynet._handles.base import Buffer
from pynet._handles.stream import StreamHandle
from pynet._js.encoding import encode
from pynet._js.mypyc import mypyc_attr

__all__ = ["FdPipe", "new_pipe", "open_pipe_fd", "pipe_listen"]


@mypyc_attr(allow_interpreted_subclasses=True)  # _handles.stdio.StdioFd
class FdPipe:
    """A pipe or FIFO descriptor with the socket methods a handle uses.

    Node wraps such descriptors in a ``Pipe`` handle (``new net.Socket({fd})``):
    reads and writes are ``read(2)``/``write(2)``; there is no shutdown, so
    ``end()`` closes the write side when the handle closes.
    """

    __slots__ = ("_fd",)
    family = socket.AF_UNIX

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def setblocking(self, flag: bool) -> None:
        os.set_blocking(self._fd, flag)

    def fileno(self) -> int:
        return self._fd

    def recv(self, size: int) -> bytes:
        return os.read(self._fd, size)

    def recv_into(self, buffer: Any) -> int:
        return os.readv(self._fd, [buffer])

    def send(self, data: Buffer) -> int:
        return os.write(self._fd, data)

    def sendmsg(self, buffers: list[memoryview]) -> int:
        return os.writev(self._fd, buffers)

    def shutdown(self, how: int) -> None:
        raise OSError(errno.ENOTCONN, os.strerror(errno.ENOTCONN))

    def getsockname(self) -> Any:
        raise OSError(errno.ENOTSOCK, os.strerror(errno.ENOTSOCK))

    def getpeername(self) -> Any:  # a method, not an alias: the compiled build has no aliases
        raise OSError(errno.ENOTSOCK, os.strerror(errno.ENOTSOCK))

    def setsockopt(self, *args: Any) -> None:
        raise OSError(errno.ENOTSOCK, os.strerror(errno.ENOTSOCK))

    def bind(self, address: Any) -> None:
        raise OSError(errno.ENOTSOCK, os.strerror(errno.ENOTSOCK))

    def close(self) -> None:
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            os.close(fd)


def new_pipe(loop: Loop) -> StreamHandle:
    """A fresh, unconnected Unix-socket handle (``uv_pipe_init``)."""
    return StreamHandle(loop, socket.socket(socket.AF_UNIX, socket.SOCK_STREAM), True)


def open_pipe_fd(loop: Loop, fd: int) -> StreamHandle:
    """A handle on a pipe or FIFO descriptor that is not a socket (``uv_pipe_open``)."""
    return StreamHandle(loop, FdPipe(fd), True)  # type: ignore[arg-type]


def pipe_name(path: str | bytes) -> bytes:
    """A pipe path as the bytes libuv gets: Node's UTF-8 encoding of the string,
    where a lone surrogate becomes U+FFFD (never a ``UnicodeEncodeError``)."""
    return path if isinstance(path, bytes) else encode(path, "utf8")


def pipe_listen(loop: Loop, path: str, backlog: int, readable_all: bool = False,
                writable_all: bool = False) -> StreamHandle | int:
    """Bind and listen on a Unix socket path (abstract if it starts with NUL)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    name = pipe_name(path)
    identity: tuple[int, int] | None = None
    try:
        sock.bind(name)
        abstract = name.startswith(b"\0")
        if not abstract:
            st = os.stat(name)
            identity = (st.st_dev, st.st_ino)
    except OSError as exc:
        # 'AF_UNIX path too long' has no errno: libuv's EINVAL.
        sock.close()
        return exc.errno or errno.EINVAL
    handle = StreamHandle(loop, sock, True,
                          unlink_path=None if identity is None else (name, identity))
    if not abstract and (readable_all or writable_all):
        mode = os.stat(name).st_mode
        if readable_all:
            mode |= stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH
        if writable_all:
            mode |= stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        os.chmod(name, mode)
    code = handle.listen(backlog)
    if code:
        handle.close(None)
        return code
    return handle
