"""Port of test/parallel/test-net-stream.js (Node v20).

The server writes 20 MB; the client pauses (pause() returns it) then destroys: server 'error', 'close'.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)

SIZE = 2_000_000
N = 10


def test_peer_destroy_while_writing(checker) -> None:
    buf = b"a" * SIZE

    def on_connection(socket) -> None:
        socket.setNoDelay()
        socket.on("error", checker.must_call(lambda err: socket.destroy()))
        socket.on("close", checker.must_call(lambda: server.close()))
        for _ in range(N):
            socket.write(buf, lambda *a: None)
        socket.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        conn = net.connect(server.address().port)

        def on_data(data) -> None:
            assert conn.pause() is conn
            setTimeout(lambda: conn.destroy(), 20)

        conn.on("data", on_data)

    server.listen(0, on_listening)
    run()
