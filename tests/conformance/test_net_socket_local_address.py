"""Port of test/parallel/test-net-socket-local-address.js (Node v20).

A Socket reconnected from 'close': each time its localPort is the port the server saw.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_local_port_matches_server_remote_port(checker) -> None:
    conns = 0
    client_local_ports: list[int] = []
    server_remote_ports: list[int] = []
    client = net.Socket()

    def on_connection(socket) -> None:
        server_remote_ports.append(socket.remotePort)
        socket.end()

    server = net.createServer(on_connection)

    def on_server_close() -> None:
        assert client_local_ports == server_remote_ports, (
            "client and server should agree on the ports used")
        assert conns == 2

    server.on("close", checker.must_call(on_server_close))

    def connect() -> None:
        nonlocal conns
        if conns == 2:
            server.close()
            return
        conns += 1
        client.once("close", connect)
        returned = client.connect(server.address().port, "127.0.0.1",
                                  lambda: client_local_ports.append(client.localPort))
        assert returned is client

    server.listen(0, "127.0.0.1", connect)
    run()
