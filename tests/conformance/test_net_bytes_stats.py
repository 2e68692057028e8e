"""Port of test/parallel/test-net-bytes-stats.js (Node v20).

bytesRead/bytesWritten count per connection and restart when the same Socket reconnects.
"""

from __future__ import annotations

from pynet import net, run


def test_bytes_stats_reset_on_reconnect(checker) -> None:
    bytes_read = 0
    bytes_written = 0
    count = 0

    def on_connection(s) -> None:
        s.resume()  # Old (flowing) mode.

        def on_end() -> None:
            nonlocal bytes_read
            bytes_read += s.bytesRead

        s.on("end", checker.must_call(on_end))

    tcp = net.Server(checker.must_call(on_connection, 2))

    def on_listening() -> None:
        socket = net.createConnection(tcp.address().port)

        def on_connect() -> None:
            nonlocal count
            count += 1
            socket.write("foo", checker.must_call(lambda *_: socket.end("bar")))

        def on_finish() -> None:
            nonlocal bytes_written
            bytes_written += socket.bytesWritten

        def on_close() -> None:
            if count < 2:
                socket.connect(tcp.address().port)
            else:
                tcp.close()

        socket.on("connect", checker.must_call(on_connect, 2))
        socket.on("finish", checker.must_call(on_finish, 2))
        socket.on("close", checker.must_call(on_close, 2))

    tcp.listen(0, checker.must_call(on_listening))
    run()
    assert bytes_read == 12
    assert bytes_written == 12
