"""The typed API at run time: AddressInfo is what address() returns, and the
typing declarations add nothing to the classes (the hot path is untouched)."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from pynet import net, run
from pynet._core.loop import Loop
from pynet._js.nodeobject import NodeObject
from pynet.events import EventEmitter
from tests.helpers import CallChecker

EVENT_METHODS = ("on", "addListener", "once", "prependListener", "prependOnceListener", "off",
                 "removeListener", "emit")


def test_event_methods_are_the_emitters_own_at_run_time() -> None:
    # Socket and Server declare them for the type checkers only (under
    # TYPE_CHECKING): no attribute, no wrapper, the same functions as before.
    for cls in (net.Socket, net.Server):
        for name in EVENT_METHODS:
            assert name not in vars(cls), f"{cls.__name__}.{name} is redefined at run time"
    assert net.Server.on is EventEmitter.on
    assert net.Server.emit is EventEmitter.emit
    assert net.Socket.emit is EventEmitter.emit
    assert net.Socket.on is EventEmitter.on


def test_overloaded_functions_keep_their_runtime_signatures() -> None:
    assert typing.get_overloads(net.connect)
    assert typing.get_overloads(net.Server.listen)
    assert typing.get_overloads(net.Socket.connect)
    assert net.createConnection is net.connect


def test_server_address_is_an_address_info(loop: Loop, checker: CallChecker) -> None:
    server = net.createServer()
    server.listen(0, "127.0.0.1")
    addr = server.address()
    assert isinstance(addr, net.AddressInfo)
    assert isinstance(addr, NodeObject)
    assert addr.port == addr["port"] > 0
    assert addr == {"address": "127.0.0.1", "family": "IPv4", "port": addr.port}
    assert repr(addr) == f"{{ address: '127.0.0.1', family: 'IPv4', port: {addr.port} }}"
    log: list[Any] = []

    def on_connection(sock: net.Socket) -> None:
        local, remote = sock.address(), sock._getpeername()
        assert isinstance(local, net.AddressInfo) and isinstance(remote, net.AddressInfo)
        log.append((local.port, sock.remotePort == remote.port, sock.remoteAddress))
        sock.destroy()
        server.close()

    server.on("connection", checker.must_call(on_connection))
    client = net.connect(addr.port, "127.0.0.1")
    client.on("close", lambda: None)
    run()
    assert log == [(addr.port, True, "127.0.0.1")]


def test_no_address_before_connecting_is_not_an_address_info(loop: Loop) -> None:
    sock = net.Socket()
    assert sock.address() == {}
    assert not isinstance(sock.address(), net.AddressInfo)
    assert sock.remoteAddress is None and sock.remotePort is None


def test_a_pipe_server_address_is_its_path(loop: Loop, tmp_path: Path) -> None:
    server = net.createServer()
    path = str(tmp_path / "s.sock")
    server.listen(path)
    assert server.address() == path
    assert not isinstance(server.address(), net.AddressInfo)
    server.close()
    run()


def test_type_names_are_exported() -> None:
    for name in ("AddressInfo", "ServerOpts", "ListenOptions", "SocketConstructorOpts",
                 "TcpSocketConnectOpts", "IpcSocketConnectOpts", "TcpNetConnectOpts",
                 "IpcNetConnectOpts", "NetConnectOpts", "SocketConnectOpts", "ConnectOpts",
                 "OnReadOpts", "LookupFunction"):
        assert name in net.__all__ and hasattr(net, name)
    assert net.ServerOpts.__total__ is False
    assert net.TcpSocketConnectOpts.__required_keys__ == {"port"}
    assert net.IpcSocketConnectOpts.__required_keys__ == {"path"}
