"""Port of test/parallel/test-dgram-send-invalid-msg-type.js (Node v20).

send() and sendto() of a non-buffer raise TypeError without crashing.
"""

from __future__ import annotations

import pytest

from pynet import dgram, run


def test_send_invalid_msg_type() -> None:
    socket = dgram.createSocket("udp4")
    with pytest.raises(TypeError):
        socket.send(True, 0, 1, 1, "host")
    with pytest.raises(TypeError):
        socket.sendto(5, 0, 1, 1, "host")
    socket.close()
    run()
