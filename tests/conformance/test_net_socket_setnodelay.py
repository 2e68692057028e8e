"""Port of test/parallel/test-net-socket-setnodelay.js (Node v20).

setNoDelay() defaults to True, coerces its argument, only reaches the OS when the state changes,
works on a handle without TCP_NODELAY (a pipe) and returns the socket.

Node spies on a fake handle's setNoDelay; here the real socket is watched instead: before each
call TCP_NODELAY is set (behind pynet's back) to the opposite of what the call asks for, so
reading it afterwards tells whether the call reached the OS, and with which value.
"""

from __future__ import annotations

import socket as _socket

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def raw_nodelay(sock: net.Socket) -> bool:
    return sock._handle._sock.getsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY) != 0


def force_nodelay(sock: net.Socket, value: bool) -> None:
    sock._handle._sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, int(value))


def os_calls(sock: net.Socket, values: list, js_truthy: list[bool]) -> list[bool]:
    """Call setNoDelay(v) for each value; return the values that reached the OS."""
    calls: list[bool] = []
    for value, truthy in zip(values, js_truthy, strict=True):
        force_nodelay(sock, not truthy)
        returned = sock.setNoDelay(value) if value is not _OMITTED else sock.setNoDelay()
        assert returned is sock
        if raw_nodelay(sock) == truthy:
            calls.append(truthy)
    return calls


_OMITTED = object()
TRUTHY = [True, 1, "true"]
FALSY = [False, 0, ""]


def with_connected_clients(count: int, body) -> None:
    """Run ``body(clients)`` once ``count`` TCP clients are connected, then close everything."""
    accepted: list[net.Socket] = []
    clients: list[net.Socket] = []
    server = net.createServer(lambda s: (accepted.append(s), s.resume()))

    def on_connect() -> None:
        if sum(1 for c in clients if not c.connecting) == count:
            try:
                body(clients)
            finally:
                for c in clients:
                    c.destroy()
                server.close()

    def on_listening() -> None:
        for _ in range(count):
            clients.append(net.connect(server.address().port, "127.0.0.1", on_connect))

    server.listen(0, "127.0.0.1", on_listening)
    run()


def test_setnodelay_tcp(checker) -> None:
    def body(clients: list[net.Socket]) -> None:
        default, truthy, falsy, mixed = clients
        # setNoDelay() with no argument means true.
        assert os_calls(default, [_OMITTED], [True]) == [True]
        # Truthy values: one call with true, then the state is already set.
        assert os_calls(truthy, TRUTHY, [True] * len(TRUTHY)) == [True]
        # Falsy values on a socket that never enabled it: no call at all.
        assert os_calls(falsy, FALSY, [False] * len(FALSY)) == []
        # truthy, falsy, truthy: a call at each change of state, 3 in all.
        values = TRUTHY + FALSY + TRUTHY
        truth = [True] * 3 + [False] * 3 + [True] * 3
        assert os_calls(mixed, values, truth) == [True, False, True]

    with_connected_clients(4, checker.must_call(body))


def test_setnodelay_js_truthy_objects(checker) -> None:
    values = [True, 1, "true", {}, []]
    states: list[bool] = []

    def body(clients: list[net.Socket]) -> None:
        (sock,) = clients
        for value in values:
            assert sock.setNoDelay(value) is sock
            states.append(raw_nodelay(sock))

    with_connected_clients(1, checker.must_call(body))
    # Node: the first value enables TCP_NODELAY and every later one is truthy too.
    assert states == [True] * len(values)


def test_setnodelay_without_tcp_nodelay(checker, tmp_path) -> None:
    # Node: a handle without setNoDelay (a pipe) is not called, and the socket is returned.
    path = str(tmp_path / "nodelay.sock")
    server = net.createServer(lambda s: s.end())

    def on_listening() -> None:
        client = net.connect(path)

        def on_connect() -> None:
            returned = client.setNoDelay(True)
            assert isinstance(returned, net.Socket)
            assert returned is client
            client.destroy()
            server.close()

        client.on("connect", checker.must_call(on_connect))

    server.listen(path, checker.must_call(on_listening))
    run()
