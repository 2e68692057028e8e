"""Port of test/parallel/test-net-binary.js (Node v20).

All 256 byte values survive a latin1/'binary' round trip through an echo server.
"""

from __future__ import annotations

from pynet import net, run


def test_latin1_binary_round_trip(checker) -> None:
    binary_string = "".join(chr(i) for i in range(255, -1, -1))
    assert all(ord(binary_string[255 - i]) == i for i in range(256))

    def on_connection(connection) -> None:
        connection.setEncoding("latin1")
        connection.on("data", lambda chunk: connection.write(chunk, "latin1"))
        connection.on("end", lambda: connection.end())

    echo_server = net.Server(on_connection)
    echo_server.listen(0)
    recv: list[str] = []

    def on_listening() -> None:
        j = 0
        c = net.createConnection({"port": echo_server.address().port})
        c.setEncoding("latin1")

        def on_data(chunk) -> None:
            nonlocal j
            assert isinstance(chunk, str)
            n = j + len(chunk)
            while j < n and j < 256:
                c.write(chr(j), "latin1")
                j += 1
            if j == 256:
                c.end()
            recv.append(chunk)

        c.on("data", on_data)
        c.on("connect", lambda: c.write(binary_string, "binary"))
        c.on("close", lambda: echo_server.close())

    echo_server.on("listening", checker.must_call(on_listening))
    run()

    received = "".join(recv)
    assert len(received) == 2 * 256
    first = received[:256][::-1]
    second = received[256:512]
    assert first == second
