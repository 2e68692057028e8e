"""Port of test/sequential/test-net-localport.js (Node v20).

The `localPort` connect option: client.localPort and the server-seen remotePort are that port.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_local_port_option(checker, ports) -> None:
    local_port = ports.reserved("127.0.0.1")  # Node uses common.PORT.

    def on_connection(socket) -> None:
        assert socket.remotePort == local_port
        socket.end()
        socket.on("close", lambda: server.close())

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        def on_connect() -> None:
            assert client.localPort == local_port

        client = net.connect({"host": "127.0.0.1", "port": server.address().port,
                              "localPort": local_port})
        client.on("connect", checker.must_call(on_connect))

    server.listen(0).on("listening", checker.must_call(on_listening))
    run()
