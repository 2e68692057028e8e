"""Port of test/parallel/test-net-write-connect-write.js (Node v20).

A write made while connecting is queued and flushed in order; the echo is 'before' + 'after'.
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_write_before_and_after_connect(checker) -> None:
    server = net.createServer(lambda socket: socket.pipe(socket))

    def on_listening() -> None:
        conn = net.connect(server.address().port)
        received = ""
        conn.setEncoding("utf8")
        conn.write("before")
        conn.on("connect", lambda: conn.write("after"))

        def on_data(buf) -> None:
            nonlocal received
            received += buf
            conn.end()

        conn.on("data", on_data)

        def on_end() -> None:
            server.close()
            assert received == "before" + "after"

        conn.on("end", checker.must_call(on_end))

    server.listen(0, checker.must_call(on_listening))
    run()
