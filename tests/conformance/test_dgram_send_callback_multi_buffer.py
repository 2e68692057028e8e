"""Port of test/parallel/test-dgram-send-callback-multi-buffer.js (Node v20).

A list of buffers is one datagram: the callback reports their total size and
the receiver gets them concatenated.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_callback_multi_buffer(checker) -> None:
    client = dgram.createSocket("udp4")
    buf1, buf2 = b"x" * 256, b"y" * 256

    def on_sent(err, nbytes) -> None:
        assert nbytes == len(buf1) + len(buf2)

    def on_message(buf, info) -> None:
        assert buf == buf1 + buf2
        client.close()

    client.on("listening", checker.must_call(
        lambda: client.send([buf1, buf2], client.address().port, "127.0.0.1",
                            checker.must_call(on_sent))))
    client.on("message", checker.must_call(on_message))
    client.bind(0)
    run()
