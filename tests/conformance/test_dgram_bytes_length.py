"""Port of test/parallel/test-dgram-bytes-length.js (Node v20).

The send callback gets the number of bytes sent.
"""

from __future__ import annotations

from pynet import dgram, run


def test_bytes_length(checker) -> None:
    message = b"Some bytes"
    client = dgram.createSocket("udp4")

    def sent(err, nbytes) -> None:
        assert err is None
        assert nbytes == len(message)
        client.close()

    client.send(message, 0, len(message), 41234, "localhost", checker.must_call(sent))
    run()
