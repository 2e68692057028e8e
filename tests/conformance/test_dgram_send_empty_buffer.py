"""Port of test/parallel/test-dgram-send-empty-buffer.js (Node v20).

An empty buffer is sent as an empty datagram and its callback succeeds.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_empty_buffer(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_bound() -> None:
        port = client.address().port

        def on_message(buffer) -> None:
            assert len(buffer) == 0
            client.close()

        client.on("message", checker.must_call(on_message))
        client.send(b"", port, "127.0.0.1", checker.must_call(lambda err: err is None))

    client.bind(0, checker.must_call(on_bound))
    run()
