"""Port of test/parallel/test-dgram-unref.js (Node v20).

An unref'd bound socket does not keep the loop alive (the unref'd 1 s timer
never fires).  Node's process then exits; here ``run()`` returns and the test
closes the socket.
"""

from __future__ import annotations

from pynet import dgram, run, setTimeout


def test_unref() -> None:
    closed = [False]
    s = dgram.createSocket("udp4")
    s.bind()
    s.unref()

    def later() -> None:
        closed[0] = True
        s.close()

    timer = setTimeout(later, 1000).unref()
    run()
    assert closed[0] is False, "Unrefd socket should not hold loop open"
    timer.close()
    s.close()
    run()
