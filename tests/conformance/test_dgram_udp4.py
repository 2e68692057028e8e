"""Port of test/parallel/test-dgram-udp4.js (Node v20).

An echo between two udp4 sockets: rinfo gives 127.0.0.1 and the sender's port.
"""

from __future__ import annotations

from pynet import dgram, run


def test_udp4(checker) -> None:
    message = "A message to send"
    server = dgram.createSocket("udp4")

    def on_server_message(msg, rinfo) -> None:
        assert rinfo.address == "127.0.0.1"
        assert msg.decode() == message
        server.send(msg, 0, len(msg), rinfo.port, rinfo.address)

    def on_listening() -> None:
        client = dgram.createSocket("udp4")
        port = server.address().port

        def on_client_message(msg, rinfo) -> None:
            assert rinfo.address == "127.0.0.1"
            assert rinfo.port == port
            assert msg.decode() == message
            client.close()
            server.close()

        client.on("message", checker.must_call(on_client_message))
        client.send(message, 0, len(message), port, "localhost")
        client.on("close", checker.must_call())

    server.on("message", checker.must_call(on_server_message))
    server.on("listening", checker.must_call(on_listening))
    server.on("close", checker.must_call())
    server.bind(0)
    run()
