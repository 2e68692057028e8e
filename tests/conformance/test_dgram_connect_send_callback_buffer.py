"""Port of test/parallel/test-dgram-connect-send-callback-buffer.js (Node v20).

send(buf, cb) on a connected socket: the callback gets (None, bytes sent).
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_callback_buffer(checker) -> None:
    client = dgram.createSocket("udp4")
    buf = b"x" * 256

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf)
        client.close()

    def on_bound() -> None:
        client.connect(client.address().port,
                       checker.must_call(lambda: client.send(buf, checker.must_call(on_sent))))

    client.bind(0, checker.must_call(on_bound))
    run()
