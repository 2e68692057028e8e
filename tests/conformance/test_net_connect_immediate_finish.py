"""Port of test/parallel/test-net-connect-immediate-finish.js (Node v20).

end() while the lookup is still pending: the lookup error is delivered once, unchanged.

If the socket is still connecting when end() is called ('finish'), the write side waits
for 'connect'; here the lookup fails, and 'error' carries the lookup's error as is.
"""

from __future__ import annotations

from pynet import net, run
from tests.conformance.common import error_lookup_mock

INVALID_HOST = "something.invalid"



def test_end_while_lookup_pending(checker) -> None:
    client = net.connect({
        "host": INVALID_HOST,
        "port": 80,  # Doesn't matter: the host name is invalid.
        "lookup": checker.must_call(error_lookup_mock()),
    }, checker.must_not_call())

    def on_error(error) -> None:
        assert not hasattr(error, "port")
        assert not hasattr(error, "host")
        assert error.code == "ENOTFOUND"
        assert error.errno == "ENOTFOUND"
        assert error.syscall == "getaddrinfo"
        assert error.hostname == INVALID_HOST
        assert error.message == "getaddrinfo ENOTFOUND something.invalid"

    client.once("error", checker.must_call(on_error))
    client.end()
    run()
