"""Port of test/parallel/test-net-bytes-written-large.js (Node v20).

``bytesWritten`` counts a large write in full, synchronously: both the part written at once and the part queued.
"""

from __future__ import annotations

from pynet import net, run

N = 10_000_000


def _client(checker, server, expected: int) -> None:
    client = net.connect(server.address().port)
    client.resume()

    def on_close() -> None:
        assert client.bytesRead == expected
        server.close()

    client.on("close", checker.must_call(on_close))


def test_write_buffer(checker) -> None:
    def on_connection(socket) -> None:
        def on_done(*_args) -> None:
            assert socket.bytesWritten == N
        socket.end(bytes(N), checker.must_call(on_done))
        assert socket.bytesWritten == N

    server = net.createServer(checker.must_call(on_connection))
    server.listen(0, checker.must_call(lambda: _client(checker, server, N)))
    run()


def test_write_string(checker) -> None:
    def on_connection(socket) -> None:
        def on_done(*_args) -> None:
            assert socket.bytesWritten == N
        socket.end("a" * N, checker.must_call(on_done))
        assert socket.bytesWritten == N

    server = net.createServer(checker.must_call(on_connection))
    server.listen(0, checker.must_call(lambda: _client(checker, server, N)))
    run()


def test_writev_mixed(checker) -> None:
    def on_connection(socket) -> None:
        socket.cork()
        socket.write("a" * N)
        assert socket.bytesWritten == N
        socket.write(bytes(N))
        assert socket.bytesWritten == 2 * N

        def on_done(*_args) -> None:
            assert socket.bytesWritten == 2 * N

        socket.end("", checker.must_call(on_done))
        socket.uncork()

    server = net.createServer(checker.must_call(on_connection))
    server.listen(0, checker.must_call(lambda: _client(checker, server, 2 * N)))
    run()
