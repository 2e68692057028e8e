"""Port of test/parallel/test-dgram-createSocket-type.js (Node v20).

Anything but 'udp4'/'udp6' (or {type: ...}) throws ERR_SOCKET_BAD_TYPE; the
buffer-size options are applied at bind (Linux doubles them).
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run


@pytest.mark.parametrize("bad", ["test", ["udp4"], 1, {}, True, False, None])
def test_invalid_types(bad) -> None:
    with pytest.raises(errors.ERR_SOCKET_BAD_TYPE,
                       match=r"^Bad socket type specified\. Valid types are: udp4, udp6$") as info:
        dgram.createSocket(bad)
    assert isinstance(info.value, TypeError)


def test_undefined_type() -> None:
    with pytest.raises(errors.ERR_SOCKET_BAD_TYPE):
        dgram.createSocket()


def test_valid_types() -> None:
    for valid in ("udp4", "udp6", {"type": "udp4"}, {"type": "udp6"}):
        dgram.createSocket(valid).close()
    run()


def test_buffer_sizes(checker) -> None:
    socket = dgram.createSocket({"type": "udp4", "recvBufferSize": 10000,
                                 "sendBufferSize": 15000})

    def on_bound() -> None:
        assert socket.getRecvBufferSize() in (10000, 20000)
        assert socket.getSendBufferSize() in (15000, 30000)
        socket.close()

    socket.bind(checker.must_call(on_bound))
    run()
