"""Port of test/parallel/test-dgram-connect-send-empty-array.js (Node v20).

send([]) on a connected socket sends an empty datagram.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_empty_array(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_message(buf, info) -> None:
        assert buf == b""
        client.close()

    client.on("message", checker.must_call(on_message))
    client.on("listening", checker.must_call(lambda: client.connect(
        client.address().port, "127.0.0.1", checker.must_call(lambda: client.send([])))))
    client.bind(0)
    run()
