"""Port of test/parallel/test-net-socket-write-after-close.js (Node v20).

A write after the handle was closed under the socket: 'error' 'write EBADF', or
ERR_SOCKET_CLOSED once the handle is gone.

Node closes the internal ``_handle`` directly; there is no public API for that, so this port
does the same to pynet's handle (``_handle.close()``), the same internal step.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_on_closed_handle(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address().port

        def on_connect() -> None:
            def on_error(err) -> None:
                server.close()
                # Node: a plain Error (err.constructor === Error) from the failed write.
                assert isinstance(err, OSError)
                assert err.code == "EBADF"
                assert str(err) == "write EBADF"

            client.on("error", checker.must_call(on_error))
            client._handle.close(None)
            client.write("foo")

        client = net.connect({"port": port}, checker.must_call(on_connect))

    server.listen(checker.must_call(on_listening))
    run()


def test_write_without_handle(checker) -> None:
    server = net.createServer()

    def on_listening() -> None:
        port = server.address().port

        def on_connect() -> None:
            def on_error(err) -> None:
                server.close()
                assert err.code == "ERR_SOCKET_CLOSED"

            client.on("error", checker.must_call(on_error))
            client._handle.close(None)
            client._handle = None
            client.write("foo")

        client = net.connect({"port": port}, checker.must_call(on_connect))

    server.listen(checker.must_call(on_listening))
    run()
