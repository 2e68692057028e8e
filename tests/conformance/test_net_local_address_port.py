"""Port of test/parallel/test-net-local-address-port.js (Node v20).

An accepted socket's localAddress, localPort and localFamily match the server's address().
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_local_address_port(checker):
    def on_connection(socket):
        assert socket.localAddress == "127.0.0.1"
        assert socket.localPort == server.address().port
        assert socket.localFamily == server.address().family
        assert socket.localFamily == "IPv4"
        socket.on("end", lambda: server.close())
        socket.resume()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening():
        client = net.createConnection(server.address().port, "127.0.0.1")
        client.on("connect", lambda: client.end())

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
