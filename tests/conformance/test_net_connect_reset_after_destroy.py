"""Port of test/parallel/test-net-connect-reset-after-destroy.js (Node v20).

resetAndDestroy() returns the socket and sends an RST (peer: 'read ECONNRESET'); a later write
calls back with ERR_STREAM_DESTROYED and emits no 'error'.
"""

from __future__ import annotations

import pytest

from pynet import errors, net, run

pytestmark = pytest.mark.timeout(10)


def test_connect_reset_after_destroy(checker):
    server = net.createServer()

    def on_listening():
        port = server.address().port
        conn = net.createConnection(port)

        def on_server_error(err):
            assert isinstance(err, ConnectionResetError)
            assert err.code == "ECONNRESET"
            assert str(err) == "read ECONNRESET"

        server.on("connection",
                  lambda socket: socket.on("error", checker.must_call(on_server_error)))

        def on_write(err):
            assert isinstance(err, errors.ERR_STREAM_DESTROYED)
            assert not isinstance(err, (TypeError, ValueError))  # name 'Error'
            assert err.code == "ERR_STREAM_DESTROYED"
            assert str(err) == "Cannot call write after a stream was destroyed"

        def on_connect():
            assert conn.resetAndDestroy().destroy() is conn
            conn.on("error", checker.must_not_call())
            conn.write(b"fzfzfzfzfz", checker.must_call(on_write))
            server.close()

        conn.on("connect", checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
