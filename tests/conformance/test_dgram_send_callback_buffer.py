"""Port of test/parallel/test-dgram-send-callback-buffer.js (Node v20).

send(buf, port, host, cb): the callback gets (None, bytes sent).
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_buffer(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = b"x" * 256

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf)
        client.close()

    client.bind(0, lambda: client.send(buf, client.address().port, "127.0.0.1",
                                       checker.must_call(on_sent)))
    run()
