"""Port of test/parallel/test-net-connect-custom-lookup-non-string-address.mjs (Node v20).

A custom lookup that answers an array instead of an address string makes the socket emit ERR_INVALID_IP_ADDRESS.

The file is newer than Node 20: Node v20 aborts the whole process on this input (a
C++ assertion, ``args[1]->IsString()``, in TCPWrap::Connect), which is no behaviour
to port; this follows the fixed behaviour of the newer suite.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from tests.conformance.common import finish


def broken_custom_lookup(_hostname, options, callback) -> None:
    # Incorrectly answer a list of IPs instead of a string.
    callback(None, ["127.0.0.1"], options["family"])


@pytest.mark.parametrize("family", [4, 6])
def test_lookup_returning_non_string(checker, family) -> None:
    options = {
        "host": "example.com",
        "port": 80,
        "lookup": broken_custom_lookup,
        "family": family,
    }
    # net.connect(options, cb) is Socket(options).connect(options, cb); spelled out so
    # the socket can be closed even if connect() raises (the lookup answers synchronously).
    socket = net.Socket(options)

    def on_error(err) -> None:
        assert err.code == "ERR_INVALID_IP_ADDRESS"

    socket.on("error", checker.must_call(on_error))
    try:
        socket.connect(options, checker.must_not_call())
    except BaseException:
        checker._expectations.clear()
        socket.destroy()
        run()
        raise
    finish(checker, socket)
