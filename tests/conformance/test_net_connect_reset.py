"""Port of test/parallel/test-net-connect-reset.js (Node v20).

resetAndDestroy() on a Socket that never connected emits 'error' ERR_SOCKET_CLOSED (async, so
a listener added after the call still sees it).
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_connect_reset(checker):
    socket = net.Socket()
    socket.resetAndDestroy()

    # Emit error if socket is not connecting/connected.
    def on_error(err):
        assert not isinstance(err, (TypeError, ValueError))  # name 'Error'
        assert err.code == "ERR_SOCKET_CLOSED"
        assert str(err) == "Socket is closed"

    socket.on("error", checker.must_call(on_error))
    run()
