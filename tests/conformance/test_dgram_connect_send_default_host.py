"""Port of test/parallel/test-dgram-connect-send-default-host.js (Node v20).

connect(port) with no address connects to 127.0.0.1; every send form and buffer
type then arrives.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_default_host(checker) -> None:
    client = dgram.createSocket("udp4")
    server = dgram.createSocket("udp4")
    to_send = [b"x" * 256, b"y" * 256, b"z" * 256, "hello"]
    received: list[bytes] = []

    def on_connect(err) -> None:
        assert err is None
        client.send(to_send[0], 0, len(to_send[0]))
        client.send(to_send[1])
        client.send([to_send[2]])
        client.send(to_send[3], 0, len(to_send[3]))
        client.send(bytearray(to_send[0]), 0, len(to_send[0]))
        client.send(bytearray(to_send[1]))
        client.send([bytearray(to_send[2])])
        client.send(bytearray(to_send[3].encode()), 0, len(to_send[3]))

    def on_listening() -> None:
        client.connect(server.address().port, on_connect)

    def on_message(buf, info) -> None:
        received.append(buf)
        if len(received) == len(to_send) * 2:
            expected = [b if isinstance(b, bytes) else b.encode() for b in to_send * 2]
            assert sorted(received) == sorted(expected)
            client.close()
            server.close()

    server.on("listening", checker.must_call(on_listening))
    server.on("message", checker.must_call(on_message, len(to_send) * 2))
    server.bind(0)
    run()
