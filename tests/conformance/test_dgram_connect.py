"""Port of test/parallel/test-dgram-connect.js (Node v20).

connect() / disconnect() / remoteAddress() state errors, reconnecting after a
disconnect, and the port checks of connect().
"""

from __future__ import annotations

import pytest

from pynet import dgram, errors, run

PORT = 12345


def test_connect(checker) -> None:
    client = dgram.createSocket("udp4")

    def on_connect() -> None:
        assert client.remoteAddress().port == PORT
        with pytest.raises(errors.ERR_SOCKET_DGRAM_IS_CONNECTED, match=r"^Already connected$"):
            client.connect(PORT, checker.must_not_call())
        client.disconnect()
        with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_CONNECTED, match=r"^Not connected$"):
            client.disconnect()
        with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_CONNECTED, match=r"^Not connected$"):
            client.remoteAddress()
        client.once("connect", checker.must_call(lambda: client.close()))
        client.connect(PORT)

    client.connect(PORT, checker.must_call(on_connect))
    with pytest.raises(errors.ERR_SOCKET_DGRAM_IS_CONNECTED, match=r"^Already connected$"):
        client.connect(PORT)
    with pytest.raises(errors.ERR_SOCKET_DGRAM_NOT_CONNECTED, match=r"^Not connected$"):
        client.disconnect()
    for port in (0, None, 78960):
        with pytest.raises(errors.ERR_SOCKET_BAD_PORT,
                           match=r"^Port should be > 0 and < 65536") as info:
            client.connect(port)
        assert isinstance(info.value, ValueError)
    with pytest.raises(errors.ERR_SOCKET_BAD_PORT, match="Received undefined"):
        client.connect()
    run()
