"""TCP handles: creating, binding and listening (libuv's ``tcp.c``).

Theory of operation
-------------------
A TCP handle is a :class:`~pynet._handles.stream.StreamHandle` on an
``AF_INET``/``AF_INET6`` ``SOCK_STREAM`` socket.  :func:`new_tcp` makes one
for connecting (``uv_tcp_init_ex``); :func:`tcp_listen` makes a listening one
the way Node's ``createServerHandle`` + ``listen`` do: ``SO_REUSEADDR``
always (libuv sets it on every TCP bind), ``SO_REUSEPORT`` on request,
``IPV6_V6ONLY`` as asked, then ``uv_listen``.

Invariants
----------
* A failure is returned as an errno and leaves no descriptor open.

Node/libuv reference: ``uv_tcp_init_ex``, ``uv_tcp_bind``, ``uv__tcp_bind``,
``uv_listen``; Node's ``TCPWrap::New``, ``createServerHandle`` (lib/net.js).
"""

from __future__ import annotations

import errno
import socket

from pynet._core.loop import Loop
from pynet._handles.stream import StreamHandle

__all__ = ["new_tcp", "tcp_listen"]


def new_tcp(loop: Loop, family: int) -> StreamHandle:
    """A fresh, unconnected TCP handle (``uv_tcp_init_ex``)."""
    return StreamHandle(loop, socket.socket(family, socket.SOCK_STREAM), False)


def tcp_listen(loop: Loop, address: str, port: int, family: int, backlog: int,
               ipv6_only: bool = False, reuse_port: bool = False) -> StreamHandle | int:
    """Bind and listen (Node's ``createServerHandle`` + ``listen``); an errno on failure."""
    try:
        sock = socket.socket(family, socket.SOCK_STREAM)
    except OSError as exc:
        return exc.errno or errno.EINVAL
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port and hasattr(socket, "SO_REUSEPORT"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, int(ipv6_only))
        sock.bind((address, port))
    except OSError as exc:
        sock.close()
        return exc.errno or errno.EINVAL
    handle = StreamHandle(loop, sock, False)
    code = handle.listen(backlog)
    if code:
        handle.close(None)
        return code
    return handle
