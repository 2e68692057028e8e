"""Every createServer / listen / connect / Socket form, with Node's option keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, assert_type

from pynet import net
from pynet.abort import AbortController


def on_connection(sock: net.Socket) -> None: ...
def on_event() -> None: ...


def servers() -> None:
    assert_type(net.createServer(), net.Server)
    net.createServer(on_connection)
    net.createServer(lambda sock: sock.end())
    net.createServer({"allowHalfOpen": True, "pauseOnConnect": False}, on_connection)
    net.createServer({"noDelay": True, "keepAlive": True, "keepAliveInitialDelay": 1000})
    net.createServer(allowHalfOpen=True, highWaterMark=1024, blockList=net.BlockList())
    net.createServer(on_connection, allowHalfOpen=None)
    net.Server(on_connection, pauseOnConnect=True)
    net.Server({"allowHalfOpen": True})

    opts: net.ServerOpts = {"allowHalfOpen": True}
    opts["noDelay"] = True
    net.createServer(opts, on_connection)


def listening(server: net.Server) -> None:
    assert_type(server.listen(), net.Server)
    server.listen(0)
    server.listen(0, "127.0.0.1")
    server.listen(0, "127.0.0.1", 511)
    server.listen(0, "127.0.0.1", 511, on_event)
    server.listen(0, "127.0.0.1", on_event)
    server.listen(0, 511, on_event)
    server.listen(0, on_event)
    server.listen(None, "::1")
    server.listen(on_event)
    server.listen("/tmp/pynet.sock")
    server.listen("/tmp/pynet.sock", 16, on_event)
    server.listen("/tmp/pynet.sock", on_event)
    server.listen({"port": 0, "host": "127.0.0.1", "backlog": 10, "ipv6Only": False})
    server.listen({"path": "/tmp/pynet.sock", "readableAll": True, "writableAll": True},
                  on_event)
    server.listen({"fd": 3})
    server.listen(port=0, host="127.0.0.1", reusePort=True)
    server.listen(on_event, port=0, signal=AbortController().signal)
    server.listen(path="/tmp/pynet.sock")
    listen_opts: net.ListenOptions = {"port": 8000}
    server.listen(listen_opts, lambda: print(server.address()))


def connecting() -> None:
    assert_type(net.connect(80), net.Socket)
    net.connect(80, "example.org")
    net.connect(80, "example.org", on_event)
    net.connect(80, on_event)
    net.connect("/tmp/pynet.sock")
    net.connect("/tmp/pynet.sock", on_event)
    net.connect({"port": 80, "host": "example.org", "timeout": 500, "allowHalfOpen": True})
    net.connect({"port": 80, "family": 6, "autoSelectFamily": False, "localPort": 9000})
    net.connect({"path": "/tmp/pynet.sock"}, lambda: None)
    net.connect(port=80, host="example.org", noDelay=True, keepAlive=True)
    net.connect(on_event, port=80)
    net.connect(path="/tmp/pynet.sock", timeout=1000)
    net.createConnection(80, "127.0.0.1")
    net.createConnection({"port": 80, "onread": {"buffer": bytearray(16),
                                                 "callback": lambda n, buf: None}})
    def lookup(hostname: str, options: dict[str, Any], callback: Callable[..., None]) -> None:
        callback(None, "127.0.0.1", 4)
    net.createConnection(port=80, lookup=lookup)
    tcp: net.TcpNetConnectOpts = {"port": 80}
    net.connect(tcp)
    # Node's habit: the callback uses the socket being assigned (annotated for mypy).
    client: net.Socket = net.createConnection({"port": 8124}, lambda: client.write(b"hi\r\n"))
    client.on("data", lambda data: client.end())


def sockets() -> None:
    sock = net.Socket()
    net.Socket({"allowHalfOpen": True, "readable": True, "writable": True})
    net.Socket(allowHalfOpen=True, noDelay=True, signal=AbortController().signal)
    net.Socket(3)
    net.Socket({"fd": 3})
    net.Socket(onread={"buffer": lambda: bytearray(64), "callback": lambda n, buf: n > 0})
    assert_type(sock.connect(80), net.Socket)
    sock.connect(80, "127.0.0.1", on_event)
    sock.connect(80, on_event)
    sock.connect("/tmp/pynet.sock", on_event)
    sock.connect({"port": 80, "host": "127.0.0.1"}, on_event)
    sock.connect({"path": "/tmp/pynet.sock"})
    sock.connect(port=80, host="127.0.0.1", localAddress="127.0.0.1")
    sock.connect(on_event, path="/tmp/pynet.sock")
