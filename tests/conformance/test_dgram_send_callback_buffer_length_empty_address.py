"""Port of test/parallel/test-dgram-send-callback-buffer-length-empty-address.js (Node v20).

send(buf, offset, length, port, cb) without an address reports length bytes.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_buffer_length_empty_address(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = b"x" * 256
    offset = 20
    length = len(buf) - offset

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes != len(buf)
        assert nbytes == len(buf) - offset
        client.close()

    client.bind(0, lambda: client.send(buf, offset, length, client.address().port,
                                       checker.must_call(on_sent)))
    run()
