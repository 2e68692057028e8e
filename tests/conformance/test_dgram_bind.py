"""Port of test/parallel/test-dgram-bind.js (Node v20).

bind() returns the socket; a second bind() after 'listening' throws ERR_SOCKET_ALREADY_BOUND.
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run


def test_bind(checker) -> None:
    socket = dgram.createSocket("udp4")

    def on_listening() -> None:
        with pytest.raises(errors.ERR_SOCKET_ALREADY_BOUND, match=r"^Socket is already bound$"):
            socket.bind()
        socket.close()

    socket.on("listening", checker.must_call(on_listening))
    result = socket.bind()
    assert result is socket
    run()
