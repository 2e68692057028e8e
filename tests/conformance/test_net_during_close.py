"""Port of test/parallel/test-net-during-close.js (Node v20).

Reading remoteAddress/remoteFamily/remotePort of a client still connecting (server already
closed) does not throw.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_during_close(checker):
    server = net.createServer(lambda socket: socket.end())

    def on_listening():
        client = net.createConnection(server.address().port)
        server.close()
        # The server 'connection' event has not fired yet; the client is still connecting.
        assert client.connecting is True
        # Node v20 gives undefined for all three here.
        assert client.remoteAddress is None
        assert client.remoteFamily is None
        assert client.remotePort is None
        # Node exits the process here (process.exit); drop the client instead.
        client.on("error", lambda err: None)
        client.destroy()

    server.listen(0, checker.must_call(on_listening))
    run()
