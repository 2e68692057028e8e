"""Port of test/parallel/test-net-server-reset.js (Node v20).

server.close() then resetAndDestroy() on both accepted sockets: each client gets
ECONNRESET, each socket and the server emit 'close' once.
"""

from __future__ import annotations

from pynet import net, run


def test_server_side_reset(checker):
    sockets = []

    def on_connection(c):
        c.on("close", checker.must_call(lambda: None))
        sockets.append(c)
        if len(sockets) == 2:
            assert server.close() is server
            for s in sockets:
                s.resetAndDestroy()

    server = net.createServer(on_connection)
    server.on("close", checker.must_call(lambda: None))

    def on_error(error):
        assert error.code == "ECONNRESET"

    def on_listening():
        net.createConnection(server.address().port).on("error", checker.must_call(on_error))
        net.createConnection(server.address().port).on("error", checker.must_call(on_error))

    assert server.listen(0, on_listening) is server
    run()
