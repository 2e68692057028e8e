"""Port of test/parallel/test-net-keepalive.js (Node v20).

setKeepAlive(true, 50 ms) on the server side of a connection (timeouts disabled on both ends)
leaves both ends 'open' 100 ms later.
"""

from __future__ import annotations

import socket as _socket

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)


def test_keepalive(checker):
    conns = {}

    def on_connection(connection):
        conns["server"] = connection

        def check():
            # Make sure both connections are still open.
            assert conns["server"].readyState == "open"
            assert conns["client"].readyState == "open"
            conns["server"].end()
            conns["client"].end()
            echo_server.close()

        setTimeout(checker.must_call(check), 100)
        connection.setTimeout(0)
        assert connection.setKeepAlive is not None
        # Send a keepalive packet after 50 ms.
        assert connection.setKeepAlive(True, 50) is connection
        # Not in the original (it cannot see the handle): the option reached the socket.
        raw = connection._handle._sock
        assert raw.getsockopt(_socket.SOL_SOCKET, _socket.SO_KEEPALIVE) != 0
        connection.on("end", lambda: connection.end())

    echo_server = net.createServer(on_connection)
    echo_server.listen(0)

    def on_listening():
        conns["client"] = net.createConnection(echo_server.address().port)
        conns["client"].setTimeout(0)

    echo_server.on("listening", checker.must_call(on_listening))
    run()
