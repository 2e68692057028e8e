"""Port of test/parallel/test-net-connect-reset-before-connected.js (Node v20).

resetAndDestroy() then destroy() while still connecting: no 'connect', no 'error'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_connect_reset_before_connected(checker):
    server = net.createServer()
    server.listen(0)
    port = server.address().port
    socket = net.connect(port, "127.0.0.1", checker.must_not_call())
    socket.on("error", checker.must_not_call())
    server.close()
    socket.resetAndDestroy()
    # `reset` waits for the socket to connect to send the RST packet.
    socket.destroy()
    run()
