"""Port of test/parallel/test-net-end-destroyed.js (Node v20).

The socket is not yet destroyed when it emits 'end'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_end_destroyed(checker):
    server = net.createServer()
    server.on("connection", checker.must_call())

    def on_listening():
        socket = net.createConnection({"port": server.address().port})

        def on_end():
            assert socket.destroyed is False
            server.close()

        def on_connect():
            socket.on("end", checker.must_call(on_end))
            socket.end()

        socket.on("connect", checker.must_call(on_connect))

    server.listen(checker.must_call(on_listening))
    run()
