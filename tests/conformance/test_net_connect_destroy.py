"""Port of test/parallel/test-net-connect-destroy.js (Node v20).

destroy() on a Socket that never connected emits 'close' once.
"""

from __future__ import annotations

from pynet import net, run


def test_destroy_unconnected_socket(checker) -> None:
    socket = net.Socket()
    socket.on("close", checker.must_call())
    socket.destroy()
    run()
