"""Port of test/parallel/test-net-socket-timeout-unref.js (Node v20).

Unref'd sockets with pending idle timeouts (2-8 s) do not keep the loop alive.
"""

from __future__ import annotations

import time

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_unref_sockets_with_timeouts_do_not_hold_the_loop(checker) -> None:
    accepted: list[net.Socket] = []

    def on_connection(c) -> None:
        accepted.append(c)
        c.write("hello")
        c.unref()

    server = net.createServer(on_connection)
    server.listen(0)
    server.unref()

    connections = 0
    sockets: list[tuple[net.Socket, int]] = []
    delays = [8, 5, 3, 6, 2, 4]

    for T in delays:
        socket = net.createConnection(server.address().port, "localhost")

        def on_connect() -> None:
            nonlocal connections
            connections += 1
            if connections == len(delays):
                for s, timeout in sockets:
                    s.setTimeout(timeout, checker.must_not_call("socket timed out unexpectedly"))
                    s.unref()

        socket.on("connect", checker.must_call(on_connect))
        sockets.append((socket, T * 1000))

    started = time.monotonic()
    run()
    # The loop ran out of ref'd work well before the shortest (2 s) timeout.
    assert time.monotonic() - started < 2
    assert connections == len(delays)

    # Node's process exits here with all of them open; close them for the leak check.
    for s, _ in sockets:
        s.destroy()
    for c in accepted:
        c.destroy()
    server.close()
    run()
