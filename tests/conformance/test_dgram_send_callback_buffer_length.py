"""Port of test/parallel/test-dgram-send-callback-buffer-length.js (Node v20).

send(buf, offset, length, port, host, cb) reports length bytes, not the buffer's size.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_buffer_length(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = bytes(256)
    offset = 20
    length = len(buf) - offset

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes != len(buf)
        assert nbytes == len(buf) - offset
        client.close()

    client.bind(0, lambda: client.send(buf, offset, length, client.address().port, "127.0.0.1",
                                       checker.must_call(on_sent)))
    run()
