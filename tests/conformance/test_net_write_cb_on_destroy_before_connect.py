"""Port of test/parallel/test-net-write-cb-on-destroy-before-connect.js (Node v20).

write() while connecting, then destroy(): the callback gets ERR_SOCKET_CLOSED_BEFORE_CONNECTION.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_cb_when_destroyed_while_connecting(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        socket = net.Socket()
        socket.on("connect", checker.must_not_call("'connect' after destroy()"))
        socket.connect({"port": server.address().port})
        assert socket.connecting

        def on_write(err) -> None:
            assert isinstance(err, Exception)
            assert err.code == "ERR_SOCKET_CLOSED_BEFORE_CONNECTION"
            assert str(err) == "Socket closed before the connection was established"

        socket.write("foo", checker.must_call(on_write))
        socket.destroy()
        server.close()

    server.listen(0, checker.must_call(on_listening))
    run()
