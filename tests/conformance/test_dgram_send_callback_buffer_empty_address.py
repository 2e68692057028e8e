"""Port of test/parallel/test-dgram-send-callback-buffer-empty-address.js (Node v20).

send(buf, port, cb) without an address sends to the default host.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_buffer_empty_address(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = b"x" * 256

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf)
        client.close()

    client.bind(0, lambda: client.send(buf, client.address().port, checker.must_call(on_sent)))
    run()
