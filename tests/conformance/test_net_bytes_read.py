"""Port of test/parallel/test-net-bytes-read.js (Node v20).

``bytesRead`` grows with every 'data' and equals the bytes sent (1 MiB) at 'end' and 'close'.
"""

from __future__ import annotations

from pynet import net, run

BIG = bytes(1024 * 1024)


def test_bytes_read(checker) -> None:
    def on_connection(socket) -> None:
        socket.end(BIG)
        server.close()

    server = net.createServer(checker.must_call(on_connection))

    def on_listening() -> None:
        prev = 0

        def check_raise(value: int) -> None:
            nonlocal prev
            assert value > prev
            prev = value

        def on_connect() -> None:
            socket.on("data", checker.must_call_at_least(lambda _chunk: check_raise(
                socket.bytesRead)))

            def on_end() -> None:
                assert socket.bytesRead == prev
                assert len(BIG) == prev

            def on_close() -> None:
                assert socket._handle is None
                assert socket.bytesRead == prev
                assert len(BIG) == prev

            socket.on("end", checker.must_call(on_end))
            socket.on("close", checker.must_call(on_close))

        socket = net.connect(server.address().port, checker.must_call(on_connect))
        socket.end()

    server.listen(0, checker.must_call(on_listening))
    run()
