"""Port of test/parallel/test-net-socket-no-halfopen-enforcer.js (Node v20).

net.Socket does not inherit Duplex's no-half-open enforcer: it has exactly one 'end' listener.
"""

from __future__ import annotations

from pynet import net


def test_single_end_listener() -> None:
    socket = net.Socket({"allowHalfOpen": False})
    assert socket.listenerCount("end") == 1
