"""Wrong positional arguments and unnarrowed results: each marked line must be an error."""

from __future__ import annotations

from pynet import net


def arguments(server: net.Server, sock: net.Socket) -> None:
    server.listen("80", "127.0.0.1", 511)  # E: a path takes no host
    server.listen(80, 511, "127.0.0.1")  # E: the host comes before the backlog
    server.listen(80.5, "127.0.0.1")  # E: a float is not a port
    net.connect(b"example.org")  # E: bytes are not a path or port
    net.connect(80, 443)  # E: the host is a string
    net.createServer(42)  # E: neither options nor a listener
    sock.connect(80, "127.0.0.1", 5)  # E: the listener must be callable
    net.Socket("fd")  # E: a Socket takes options or an fd number
    print(server.address().port)  # E: address() may be a path or None: narrow it first
    port: int = sock.remotePort  # E: remotePort is None before connecting
    host: str = sock.remoteAddress  # E: remoteAddress is None before connecting
    print(host, port)
