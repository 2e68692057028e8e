"""Port of test/parallel/test-dgram-send-callback-multi-buffer-empty-address.js (Node v20).

send([buf1, buf2], port, cb) without an address: one datagram to the default host.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_multi_buffer_empty_address(checker) -> None:
    client = dgram.createSocket("udp4")
    buf1, buf2 = b"x" * 256, b"y" * 256

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf1) + len(buf2)

    def on_message(buf) -> None:
        assert buf == buf1 + buf2
        client.close()

    client.on("listening", lambda: client.send([buf1, buf2], client.address().port,
                                               checker.must_call(on_sent)))
    client.on("message", checker.must_call(on_message))
    client.bind(0)
    run()
