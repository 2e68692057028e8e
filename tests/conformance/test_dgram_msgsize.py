"""Port of test/parallel/test-dgram-msgsize.js (Node v20).

A 256 KiB datagram fails in the send callback with 'send EMSGSIZE 127.0.0.1:12345'.
"""

from __future__ import annotations

from pynet import dgram, run


def test_msgsize(checker) -> None:
    buf = bytes(256 * 1024)
    sock = dgram.createSocket("udp4")

    def cb(err) -> None:
        assert isinstance(err, Exception)
        assert err.code == "EMSGSIZE"
        assert err.address == "127.0.0.1"
        assert err.port == 12345
        assert str(err) == "send EMSGSIZE 127.0.0.1:12345"
        sock.close()

    sock.send(buf, 0, len(buf), 12345, "127.0.0.1", checker.must_call(cb))
    run()
