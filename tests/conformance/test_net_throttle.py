"""Port of test/parallel/test-net-throttle.js (Node v20).

write() returns False once buffered; nothing is lost; a paused client gets no 'data'; >1 pause.
"""

from __future__ import annotations

import socket as _socket

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)

# Node writes until the kernel buffers are full: several MB on a loopback with large default
# buffers (4 MB and ~8 s here, for Node itself), read in 100 ms pauses. A small send buffer on
# the server socket keeps the same write-until-False loop to ~100 KB, so the test stays short.
SNDBUF = 16384


def test_throttle(checker) -> None:
    state = {"chars": 0, "npauses": 0, "total": 0}

    def on_connection(connection) -> None:
        connection._handle._sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_SNDBUF, SNDBUF)
        body = "C" * 1024
        n = 1
        while connection.write(body):
            n += 1
        # Now that we're throttled, do some more writes to make sure the data isn't lost.
        connection.write(body)
        connection.write(body)
        n += 2
        state["total"] = n * len(body)
        assert connection.bufferSize >= 0, f"bufferSize: {connection.bufferSize}"
        assert connection.writableLength <= state["total"], (
            f"writableLength: {connection.writableLength}, totalLength: {state['total']}")
        connection.end()

    server = net.createServer(checker.must_call_at_least(on_connection))

    def on_listening() -> None:
        paused = False
        client = net.createConnection(server.address().port)
        client.setEncoding("ascii")

        def on_data(d) -> None:
            nonlocal paused
            state["chars"] += len(d)
            if not paused:
                client.pause()
                state["npauses"] += 1
                paused = True
                x = state["chars"]

                def later() -> None:
                    nonlocal paused
                    assert state["chars"] == x
                    client.resume()
                    paused = False

                setTimeout(checker.must_call(later), 100)

        client.on("data", checker.must_call_at_least(on_data))

        def on_end() -> None:
            server.close()
            client.end()

        client.on("end", on_end)

    server.listen(0, checker.must_call(on_listening))
    run()
    assert state["chars"] == state["total"]
    assert state["npauses"] > 1, f"{state['npauses']} > 1"
