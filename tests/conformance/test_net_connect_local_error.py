"""Port of test/sequential/test-net-connect-local-error.js (Node v20).

A failed connect with localAddress/localPort says so: `connect CODE a:p - Local (la:lp)`.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from tests.conformance.common import has_ipv6

pytestmark = pytest.mark.timeout(10)

# EADDRINUSE is expected on FreeBSD (nodejs/node#13055).
EXPECTED_ERROR_CODES = ["ECONNREFUSED", "EADDRINUSE"]


def on_error(err, options) -> None:
    assert err.code in EXPECTED_ERROR_CODES
    assert err.syscall == "connect"
    assert err.localPort == options["localPort"]
    assert err.localAddress == options["localAddress"]
    assert str(err) == (f"connect {err.code} {err.address}:{err.port} "
                        f"- Local ({err.localAddress}:{err.localPort})")


def test_ipv4(checker, ports) -> None:
    # Node: common.PORT and common.PORT + 1
    port, local_port = ports.refused("127.0.0.1"), ports.reserved("127.0.0.1")
    options = {"port": port, "localPort": local_port, "localAddress": "127.0.0.1",
               "family": 4}
    client = net.connect(options)
    client.on("error", checker.must_call(lambda err: on_error(err, options)))
    run()


@pytest.mark.skipif(not has_ipv6(), reason="ipv6 part of test, no IPv6 support")
def test_ipv6(checker, ports) -> None:
    # Node: common.PORT + 2 and common.PORT + 3
    port, local_port = ports.refused("::1"), ports.reserved("::1")
    options = {"host": "::1", "port": port, "localPort": local_port, "localAddress": "::1",
               "family": 6}
    client = net.connect(options)
    client.on("error", checker.must_call(lambda err: on_error(err, options)))
    run()
