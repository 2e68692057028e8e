"""Port of test/parallel/test-dgram-setBroadcast.js (Node v20).

setBroadcast throws 'setBroadcast EBADF' before bind and works after.
"""

from __future__ import annotations

import pytest

from pynet import dgram, run


def test_set_broadcast(checker) -> None:
    unbound = dgram.createSocket("udp4")
    with pytest.raises(OSError, match=r"^setBroadcast EBADF$"):
        unbound.setBroadcast(True)
    socket = dgram.createSocket("udp4")

    def on_bound() -> None:
        socket.setBroadcast(True)
        socket.setBroadcast(False)
        socket.close()

    socket.bind(0, checker.must_call(on_bound))
    run()
