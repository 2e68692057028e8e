"""Port of test/parallel/test-net-connect-buffer.js (Node v20).

Writes queued while connecting: pending/connecting/readyState, write() returns false, bytesWritten counts UTF-8 bytes once.
"""

from __future__ import annotations

from pynet import net, run


def test_write_while_connecting(checker) -> None:
    def on_connection(s) -> None:
        tcp.close()
        buf: list[str] = []
        s.setEncoding("utf8")
        s.on("data", buf.append)

        def on_end() -> None:
            assert "".join(buf) == "L'État, c'est moi"
            s.end()

        s.on("end", checker.must_call(on_end))

    tcp = net.Server(checker.must_call(on_connection))

    def on_listening() -> None:
        socket = net.Stream({"highWaterMark": 0})
        connected = False
        assert socket.pending is True

        def on_connect() -> None:
            nonlocal connected
            connected = True

        socket.connect(tcp.address().port, checker.must_call(on_connect))
        assert socket.pending is True
        assert socket.connecting is True
        assert socket.readyState == "opening"

        # A string with a multi-byte character: bytesWritten counts bytes, not characters.
        a = "L'État, c'est "
        b = "moi"

        def on_written(er) -> None:
            assert connected
            # Queued while connecting: not counted a second time when really written.
            assert socket.bytesWritten == len((a + b).encode())
            assert socket.pending is False

        r = socket.write(a, checker.must_call(on_written))

        def on_close() -> None:
            assert socket.pending is True

        socket.on("close", checker.must_call(on_close))
        assert socket.bytesWritten == len(a.encode())
        assert r is False
        socket.end(b)
        assert socket.readyState == "opening"

    tcp.listen(0, checker.must_call(on_listening))
    run()
