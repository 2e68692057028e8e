"""Bare `selectors` echo loop: the pure-Python ceiling.

    python selectors_echo.py PORT

Non-blocking sockets, one shared recv_into() buffer, send() straight from it,
and a per-connection pending buffer only when a send() was partial.  While a
connection has a backlog it is registered for EVENT_WRITE only (no reading:
back-pressure); it goes back to EVENT_READ once the backlog is flushed.
Level-triggered epoll (selectors.DefaultSelector on Linux).
"""

from __future__ import annotations

import selectors
import socket

from _common import BACKLOG, HOST, port_from_argv, raise_nofile

BUFSIZE = 256 * 1024
EVENT_READ = selectors.EVENT_READ
EVENT_WRITE = selectors.EVENT_WRITE


def main() -> None:
    port = port_from_argv()
    raise_nofile()
    sel = selectors.DefaultSelector()
    lsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    lsock.bind((HOST, port))
    lsock.listen(BACKLOG)
    lsock.setblocking(False)

    buf = bytearray(BUFSIZE)
    view = memoryview(buf)
    pending: dict[socket.socket, memoryview] = {}
    modify = sel.modify
    register = sel.register
    unregister = sel.unregister
    IPPROTO_TCP = socket.IPPROTO_TCP
    TCP_NODELAY = socket.TCP_NODELAY

    def close(conn: socket.socket) -> None:
        pending.pop(conn, None)
        unregister(conn)
        conn.close()

    def on_accept(_: socket.socket) -> None:
        while True:
            try:
                conn, _addr = lsock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:  # EMFILE and friends: try again on the next event
                return
            conn.setblocking(False)
            conn.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
            register(conn, EVENT_READ, on_read)

    def on_read(conn: socket.socket) -> None:
        try:
            n = conn.recv_into(buf)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            close(conn)
            return
        if not n:
            close(conn)
            return
        try:
            sent = conn.send(view[:n])
        except (BlockingIOError, InterruptedError):
            sent = 0
        except OSError:
            close(conn)
            return
        if sent < n:
            pending[conn] = memoryview(bytes(view[sent:n]))
            modify(conn, EVENT_WRITE, on_write)

    def on_write(conn: socket.socket) -> None:
        data = pending[conn]
        try:
            sent = conn.send(data)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            close(conn)
            return
        if sent < len(data):
            pending[conn] = data[sent:]
        else:
            del pending[conn]
            modify(conn, EVENT_READ, on_read)

    register(lsock, EVENT_READ, on_accept)
    select = sel.select
    while True:
        for key, _mask in select():
            key.data(key.fileobj)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
