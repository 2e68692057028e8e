"""Port of test/parallel/test-dgram-send-multi-buffer-copy.js (Node v20).

The list given to send() is copied: emptying it after the call changes nothing.
"""

from __future__ import annotations

from pynet import dgram, run


def test_send_multi_buffer_copy(checker) -> None:
    client = dgram.createSocket("udp4")
    buf1, buf2 = b"x" * 256, b"y" * 256

    def on_sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(buf1) + len(buf2)

    def on_listening() -> None:
        to_send = [buf1, buf2]
        client.send(to_send, client.address().port, "127.0.0.1", checker.must_call(on_sent))
        del to_send[0:2]

    def on_message(buf, info) -> None:
        assert buf == buf1 + buf2
        client.close()

    client.on("listening", checker.must_call(on_listening))
    client.on("message", checker.must_call(on_message))
    client.bind(0)
    run()
