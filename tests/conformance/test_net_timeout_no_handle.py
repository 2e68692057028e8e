"""Port of test/parallel/test-net-timeout-no-handle.js (Node v20).

setTimeout() on a Socket that never connects still emits 'timeout' (without a handle).
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)


def test_timeout_without_handle(checker) -> None:
    socket = net.Socket()
    socket.setTimeout(50)

    def on_timeout() -> None:
        assert socket._handle is None
        assert socket.pending is True

    socket.on("timeout", checker.must_call(on_timeout))
    socket.on("connect", checker.must_not_call("'connect' without connect()"))

    # The socket's timer is unref'd: without this one the loop would end before it fires.
    setTimeout(lambda: None, 200)
    run()
    socket.destroy()  # Never connected: closed here so nothing is left for the leak check.
    run()
