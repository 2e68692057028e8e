"""Port of test/parallel/test-net-persistent-keepalive.js (Node v20).

setKeepAlive(true, 400) before connect() returns the socket and is kept: both ends stay 'open'.
"""

from __future__ import annotations

import socket

from pynet import net, run
from pynet.timers import setTimeout


def test_keepalive_set_before_connect_persists(checker):
    conns = {}

    def on_connection(connection):
        conns["server"] = connection

        def later():
            # Both connections are still open 600 ms on.
            assert conns["server"].readyState == "open"
            assert conns["client"].readyState == "open"
            conns["server"].end()
            conns["client"].end()
            echo_server.close()

        setTimeout(checker.must_call(later), 600)
        connection.setTimeout(0)
        assert callable(connection.setKeepAlive)
        connection.on("end", checker.must_call(lambda: connection.end()))

    echo_server = net.createServer(checker.must_call(on_connection))
    echo_server.listen(0)

    def on_listening():
        client = conns["client"] = net.Socket()
        # Send a keepalive packet after 400 ms (0 whole seconds for the OS) and make
        # sure the setting persists until the handle exists.
        s = client.setKeepAlive(True, 400)
        assert isinstance(s, net.Socket)
        assert s is client
        client.connect(echo_server.address().port)
        client.setTimeout(0)

        def on_connect():
            # Node's spy-free check: the real socket has SO_KEEPALIVE on.
            raw = client._handle._sock
            assert raw.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1

        client.on("connect", checker.must_call(on_connect))

    echo_server.on("listening", checker.must_call(on_listening))
    run()
