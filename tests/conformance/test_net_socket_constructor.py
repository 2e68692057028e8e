"""Port of test/parallel/test-net-socket-constructor.js (Node v20).

Bad `fd` options throw; sockets made bare, from a handle or from an fd are readable and writable.
"""

from __future__ import annotations

import socket as _socket

import pytest

from pynet import errors, net, run

pytestmark = pytest.mark.timeout(10)


def check(sock, readable: bool, writable: bool):
    """Node's ``test(sock, readable, writable)``: wraps non-Sockets in an unref'd Socket."""
    if not isinstance(sock, net.Socket):
        sock = net.Socket(sock)
        sock.unref()
    assert sock.readable is readable
    assert sock.writable is writable
    return sock


def test_invalid_fd() -> None:
    with pytest.raises(errors.ERR_OUT_OF_RANGE) as info:
        net.Socket({"fd": -1})
    assert info.value.code == "ERR_OUT_OF_RANGE"
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE) as info2:
        net.Socket({"fd": "foo"})
    assert info2.value.code == "ERR_INVALID_ARG_TYPE"


def test_readable_writable_of_bare_handle_and_connected_sockets(checker) -> None:
    # Node v20 (unlike older suites): every one of these is readable and writable.
    check(None, True, True)
    wrappers: list[net.Socket] = []

    def on_connection(socket) -> None:
        socket.unref()
        check(socket, True, True)
        wrappers.append(check({"handle": socket._handle}, True, True))
        wrappers.append(check({"handle": socket._handle, "readable": True, "writable": True},
                              True, True))
        server.close()
        # Node's process just exits with these unref'd; here they are closed for the leak check.
        socket.destroy()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        port = server.address().port

        def on_connect() -> None:
            check(client, True, True)
            client.end()

        client = net.connect(port, checker.must_call(on_connect))
        check(client, True, True)

    server.listen(checker.must_call(on_listening))
    run()


def test_readable_writable_of_fd_sockets() -> None:
    # Node's cluster worker gets fds 4-6 from stdio 'pipe's, which libuv makes with
    # socketpair(); the same is done here without a child process.
    made: list[net.Socket] = []
    peers: list[_socket.socket] = []
    try:
        for options in ("plain", {}, {"readable": True, "writable": True}):
            mine, peer = _socket.socketpair()
            peers.append(peer)
            fd = mine.detach()
            arg = fd if options == "plain" else {"fd": fd, **options}
            made.append(check(arg, True, True))
    finally:
        for sock in made:
            sock.destroy()
        run()
        for peer in peers:
            peer.close()
