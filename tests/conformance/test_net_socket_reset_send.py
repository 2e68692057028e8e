"""Port of test/parallel/test-net-socket-reset-send.js (Node v20).

resetAndDestroy() returns the socket; a later write() fails its callback; the peer sees ECONNRESET.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_after_reset(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        conn = net.createConnection(server.address().port)

        def on_connection(socket) -> None:
            def on_error(err) -> None:
                assert isinstance(err, ConnectionResetError)
                assert err.code == "ECONNRESET"
                assert str(err) == "read ECONNRESET"

            socket.on("error", checker.must_call(on_error))

        server.on("connection", on_connection)

        def on_connect() -> None:
            assert conn.resetAndDestroy().destroy() is conn
            conn.on("error", checker.must_not_call("'error' after resetAndDestroy"))

            def on_write(err) -> None:
                assert err.code == "ERR_STREAM_DESTROYED"
                assert str(err) == "Cannot call write after a stream was destroyed"

            conn.write(b"fzfzfzfzfz", checker.must_call(on_write))
            server.close()

        conn.on("connect", checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
