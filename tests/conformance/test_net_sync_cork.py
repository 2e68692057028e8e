"""Port of test/parallel/test-net-sync-cork.js (Node v20).

100 rounds of cork(); write(); write(); uncork(): every write() returns True and nothing errors.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

N = 100


def test_sync_cork_writes(checker) -> None:
    buf = b"aa"

    def handle(socket) -> None:
        socket.resume()
        socket.on("error", checker.must_not_call("server socket 'error'"))
        socket.on("close", checker.must_call(lambda: server.close()))

    server = net.createServer(handle)

    def on_listening() -> None:
        conn = net.connect(server.address().port)

        def on_connect() -> None:
            res = True
            i = 0
            while i < N and res:
                conn.cork()
                conn.write(buf)
                res = conn.write(buf)
                conn.uncork()
                i += 1
            assert i == N
            conn.end()

        conn.on("connect", checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()
