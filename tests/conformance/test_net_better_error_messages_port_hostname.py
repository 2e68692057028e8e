"""Port of test/parallel/test-net-better-error-messages-port-hostname.js (Node v20).

A failed lookup's error reaches 'error' unchanged: no port/host added, its code, errno, message kept.
"""

from __future__ import annotations

from pynet import net, run
from tests.conformance.common import error_lookup_mock

INVALID_HOST = "something.invalid"


def test_lookup_error_passes_through(checker) -> None:
    # Port 0 because the host name is already invalid.
    c = net.createConnection({
        "port": 0,
        "host": INVALID_HOST,
        "lookup": checker.must_call(error_lookup_mock()),
    })
    c.on("connect", checker.must_not_call())

    def on_error(error) -> None:
        assert not hasattr(error, "port")
        assert not hasattr(error, "host")
        assert type(error) is Exception  # Node: name 'Error', the mock's own object
        assert error.errno == "ENOTFOUND"
        assert error.code == "ENOTFOUND"
        assert error.message == "getaddrinfo ENOTFOUND something.invalid"
        assert str(error) == "getaddrinfo ENOTFOUND something.invalid"
        assert error.hostname == INVALID_HOST
        assert error.syscall == "getaddrinfo"

    c.on("error", checker.must_call(on_error))
    run()
