"""Port of test/parallel/test-net-connect-reset-until-connected.js (Node v20).

Once both ends are connected, the client's resetAndDestroy() gives the server socket
'read ECONNRESET' and the client a 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def barrier(count, cb):
    remaining = [count]

    def arrive(*args):
        remaining[0] -= 1
        if remaining[0] == 0:
            cb()

    return arrive


def test_connect_reset_until_connected(checker):
    server = net.createServer()

    def on_listening():
        port = server.address().port
        conn = net.createConnection(port)
        connok = barrier(2, conn.resetAndDestroy)
        conn.on("close", checker.must_call())

        def on_server_error(err):
            assert isinstance(err, ConnectionResetError)
            assert err.code == "ECONNRESET"
            assert str(err) == "read ECONNRESET"

        def on_connection(socket):
            connok()
            socket.on("error", checker.must_call(on_server_error))
            server.close()

        server.on("connection", on_connection)
        conn.on("connect", connok)

    server.listen(0, checker.must_call(on_listening))
    run()
