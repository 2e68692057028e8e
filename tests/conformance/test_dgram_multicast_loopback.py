"""Port of test/parallel/test-dgram-multicast-loopback.js (Node v20).

setMulticastLoopback throws 'EBADF' before bind and returns its argument after.
"""

from __future__ import annotations

import pytest

from pynet import dgram, run


def test_multicast_loopback(checker) -> None:
    unbound = dgram.createSocket("udp4")
    with pytest.raises(OSError, match=r"^setMulticastLoopback EBADF$"):
        unbound.setMulticastLoopback(16)
    socket = dgram.createSocket("udp4")
    socket.bind(0)

    def on_listening() -> None:
        assert socket.setMulticastLoopback(16) == 16
        assert socket.setMulticastLoopback(0) == 0
        socket.close()

    socket.on("listening", checker.must_call(on_listening))
    run()
