"""Port of test/parallel/test-net-socket-ready-without-cb.js (Node v20).

socket.connect(server.address()) works without a callback and emits 'ready'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_ready_without_callback(checker) -> None:
    def on_connection(conn) -> None:
        conn.end()
        server.close()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        client = net.Socket()
        client.on("ready", checker.must_call(lambda: client.end()))
        client.connect(server.address())

    server.listen(0, "localhost", checker.must_call(on_listening))
    run()
