"""Opening an existing descriptor as a handle (libuv's ``uv_guess_handle``).

Theory of operation
-------------------
``new net.Socket({fd})`` and ``server.listen({fd})`` start from a descriptor
the program already has.  :func:`guess_handle_type` classifies it the way
Node's ``guessHandleType`` does (``fstat`` plus, for a socket, its type and
family); :func:`open_fd` wraps a TCP socket, a Unix socket or a pipe/FIFO in
a stream handle and refuses anything else with ``ERR_INVALID_FD_TYPE``.

Invariants
----------
* Probing a socket's type never closes or takes over the descriptor.

Node/libuv reference: ``uv_guess_handle``, ``uv_tcp_open``, ``uv_pipe_open``;
Node's ``guessHandleType`` and ``createHandle`` (lib/net.js).
"""

from __future__ import annotations

import os
import socket
import stat

from pynet import errors
from pynet._core.loop import Loop
from pynet._handles.pipe import open_pipe_fd
from pynet._handles.stream import StreamHandle

__all__ = ["guess_handle_type", "open_fd", "open_socket_fd"]


def guess_handle_type(fd: int) -> str:
    """Node's ``guessHandleType``: ``'TCP'``, ``'PIPE'``, ``'UDP'``, ``'TTY'``, ``'FILE'``…"""
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        return "UNKNOWN"
    if stat.S_ISSOCK(mode):
        probe = socket.socket(fileno=fd)
        try:
            kind, family = probe.type, probe.family
        finally:
            probe.detach()
        if kind == socket.SOCK_DGRAM:
            return "UDP"
        if kind != socket.SOCK_STREAM:
            return "UNKNOWN"
        return "PIPE" if family == socket.AF_UNIX else "TCP"
    if stat.S_ISFIFO(mode):
        return "PIPE"
    if stat.S_ISCHR(mode) and os.isatty(fd):
        return "TTY"
    if stat.S_ISREG(mode) or stat.S_ISCHR(mode):
        return "FILE"
    return "UNKNOWN"


def open_socket_fd(loop: Loop, fd: int) -> StreamHandle:
    """A handle on a stream socket descriptor (``uv_tcp_open``/``uv_pipe_open``)."""
    sock = socket.socket(fileno=fd)
    return StreamHandle(loop, sock, sock.family == socket.AF_UNIX)


def open_fd(loop: Loop, fd: int) -> StreamHandle:
    """Wrap an existing descriptor (``new net.Socket({fd})``); raises ``ERR_INVALID_FD_TYPE``."""
    kind = guess_handle_type(fd)
    if kind == "TCP" or (kind == "PIPE" and stat.S_ISSOCK(os.fstat(fd).st_mode)):
        return StreamHandle(loop, socket.socket(fileno=fd), kind == "PIPE")
    if kind == "PIPE":
        return open_pipe_fd(loop, fd)
    raise errors.ERR_INVALID_FD_TYPE(kind)
