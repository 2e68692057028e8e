"""Port of test/parallel/test-dgram-connect-send-callback-buffer-length.js (Node v20).

send(buf, offset, length, cb) on a connected socket reports length bytes.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_callback_buffer_length(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = bytes(256)
    offset = 20
    length = len(buf) - offset

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes != len(buf)
        assert nbytes == len(buf) - offset
        client.close()

    def on_bound() -> None:
        client.connect(client.address().port, checker.must_call(
            lambda: client.send(buf, offset, length, checker.must_call(on_sent))))

    client.bind(0, checker.must_call(on_bound))
    run()
