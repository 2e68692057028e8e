"""Port of test/sequential/test-net-better-error-messages-port.js (Node v20).

A refused connect(port) to localhost errors with ECONNREFUSED, the port and the address.
"""

from __future__ import annotations

import re

import pytest

from pynet import net, run

pytestmark = pytest.mark.timeout(10)


def test_refused_error_has_port_and_address(checker, ports) -> None:
    port = ports.refused()  # Node uses common.PORT, with nothing listening on it.
    c = net.createConnection(port)
    c.on("connect", checker.must_not_call("'connect' to a closed port"))

    def on_error(e) -> None:
        assert e.code == "ECONNREFUSED"
        assert e.port == port
        assert re.match(r"^127\.0\.0\.1$|^::1$", e.address)

    c.on("error", checker.must_call(on_error))
    run()
