"""Port of test/parallel/test-net-remote-address.js (Node v20).

Right after connect() the socket is connecting and remoteAddress is None; at 'connect' it
is set.
"""

from __future__ import annotations

from pynet import net, run


def test_remote_address_is_set_at_connect(checker):
    server = net.createServer()

    def on_listening():
        socket = net.connect({"port": server.address().port})
        assert socket.connecting is True
        assert socket.remoteAddress is None

        def on_connect():
            assert socket.remoteAddress is not None
            socket.end()

        socket.on("connect", checker.must_call(on_connect))
        socket.on("end", checker.must_call(lambda: server.close()))

    server.listen(checker.must_call(on_listening))
    run()
