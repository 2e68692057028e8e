"""Port of test/parallel/test-dgram-connect-send-empty-buffer.js (Node v20).

send(empty, 0, 0, cb) on a connected socket: success, and an empty datagram arrives.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_empty_buffer(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_bound() -> None:
        def on_connect() -> None:
            client.send(b"", 0, 0, checker.must_call(lambda err: err is None))

        def on_message(buffer) -> None:
            assert len(buffer) == 0
            client.close()

        client.connect(client.address().port, checker.must_call(on_connect))
        client.on("message", checker.must_call(on_message))

    client.bind(0, checker.must_call(on_bound))
    run()
