"""Port of test/parallel/test-net-write-slow.js (Node v20).

10 x 200 kB writes to a slow (pause/resume) reader: every callback runs, 2,000,000 bytes arrive.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet.timers import setTimeout

pytestmark = pytest.mark.timeout(10)

SIZE = 200_000
N = 10


def test_slow_reader(checker) -> None:
    buf = b"a" * SIZE
    flushed = 0
    received = 0

    def on_connection(socket) -> None:
        socket.setNoDelay()
        socket.setTimeout(9999)
        socket.on("timeout", checker.must_not_call(
            f"timeout; flushed: {flushed}, received: {received}/{SIZE * N}"))

        def on_flushed(*args) -> None:
            nonlocal flushed
            flushed += 1
            if flushed == N:
                socket.setTimeout(0)

        for _ in range(N):
            socket.write(buf, on_flushed)
        socket.end()

    server = net.createServer(on_connection)

    def on_listening() -> None:
        conn = net.connect(server.address().port)

        def on_data(data) -> None:
            nonlocal received
            received += len(data)
            conn.pause()
            setTimeout(lambda: conn.resume(), 20)

        conn.on("data", on_data)

        def on_end() -> None:
            server.close()
            assert received == SIZE * N

        conn.on("end", checker.must_call(on_end))

    server.listen(0, checker.must_call(on_listening))
    run()
    assert flushed == N
