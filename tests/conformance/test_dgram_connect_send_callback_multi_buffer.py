"""Port of test/parallel/test-dgram-connect-send-callback-multi-buffer.js (Node v20).

send([buf1, buf2], cb) on a connected socket: one datagram, total size reported.
"""

from __future__ import annotations

from pynet import dgram, run


def test_connect_send_callback_multi_buffer(checker) -> None:
    client = dgram.createSocket("udp4")
    buf1, buf2 = b"x" * 256, b"y" * 256

    def on_sent(err, nbytes) -> None:
        assert nbytes == len(buf1) + len(buf2)

    def on_listening() -> None:
        client.connect(client.address().port, checker.must_call(
            lambda: client.send([buf1, buf2], checker.must_call(on_sent))))

    def on_message(buf, info) -> None:
        assert buf == buf1 + buf2
        client.close()

    client.on("listening", checker.must_call(on_listening))
    client.on("message", checker.must_call(on_message))
    client.bind(0)
    run()
