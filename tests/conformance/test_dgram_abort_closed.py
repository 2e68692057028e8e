"""Port of test/parallel/test-dgram-abort-closed.js (Node v20).

Aborting the signal of a socket that is already closed does nothing (no throw).
"""

from __future__ import annotations

from pynet import dgram, run
from pynet.abort import AbortController


def test_abort_closed() -> None:
    controller = AbortController()
    socket = dgram.createSocket({"type": "udp4", "signal": controller.signal})
    socket.close()
    controller.abort()
    run()
