"""Port of test/parallel/test-net-listen-invalid-port.js (Node v20).

Port 4294967295 (-1 >>> 0) is rejected with a RangeError ERR_SOCKET_BAD_PORT by listen(opts),
listen(port) and listen(port, host).  (The ``_connectionKey`` check is internal and dropped.)
"""

from __future__ import annotations

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)

INVALID_PORT = 4294967295
MESSAGE = "options.port should be >= 0 and < 65536. Received type number (4294967295)."


def test_valid_listen(checker):
    server = net.Server()

    def on_listening():
        address = server.address()
        # Node checks this._connectionKey == `${family}:${address}:0`; only the public parts.
        assert address.family in ("IPv4", "IPv6")
        assert address.address in ("::", "0.0.0.0")
        server.close()

    server.listen(0, checker.must_call(on_listening))
    run()


@pytest.mark.parametrize("args", [
    ({"port": INVALID_PORT},),        # The first argument is a configuration object.
    (INVALID_PORT,),                  # The first argument is the port, no IP given.
    (INVALID_PORT, "0.0.0.0"),        # The first argument is the port, the second an IP.
], ids=["options", "port", "port-host"])
def test_invalid_port(checker, args):
    server = net.Server()
    with pytest.raises(ValueError) as info:  # RangeError
        server.listen(*args, checker.must_not_call())
    assert info.value.code == "ERR_SOCKET_BAD_PORT"
    assert str(info.value) == MESSAGE
    run()
