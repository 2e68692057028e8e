"""Port of test/parallel/test-net-autoselectfamily-default.js (Node v20).

setDefaultAutoSelectFamily(true/false) turns the happy-eyeballs fallback to IPv4 on and off.

Node's test answers the lookup from a fake UDP DNS server; here the lookup is mocked
with the same answer (``::1`` then ``127.0.0.1``), which is what the test relies on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet import net, run
from pynet.process import nextTick
from tests.conformance.common import finish, track

# Node's test/common multiplies the default attempt timeout by 5 for slow CI machines.
ATTEMPT_TIMEOUT = 250 * 5


def make_lookup(checker):
    def lookup(hostname, options, cb) -> None:
        assert options.get("family") != 4
        hosts = [{"address": "::1", "family": 6}, {"address": "127.0.0.1", "family": 4}]
        if options.get("all") is True:
            nextTick(cb, None, hosts)
        else:
            nextTick(cb, None, hosts[0]["address"], hosts[0]["family"])
    return checker.must_call(lookup)


@pytest.fixture(autouse=True)
def _restore_default() -> Iterator[None]:
    before = net.getDefaultAutoSelectFamily()
    yield
    net.setDefaultAutoSelectFamily(before)


def ipv4_server(checker):
    def on_connection(socket) -> None:
        def on_data(_chunk) -> None:
            socket.write("response-ipv4")
            socket.end()
        socket.on("data", checker.must_call(on_data))
    return net.createServer(on_connection)


def test_ipv4_reached_when_default_enabled(checker) -> None:
    server = ipv4_server(checker)

    def on_listening() -> None:
        net.setDefaultAutoSelectFamily(True)
        connection = net.createConnection({
            "host": "example.org",
            "port": server.address().port,
            "lookup": make_lookup(checker),
            "autoSelectFamilyAttemptTimeout": ATTEMPT_TIMEOUT,
        })
        response = []
        connection.setEncoding("utf-8")
        connection.on("data", response.append)

        def on_end() -> None:
            assert "".join(response) == "response-ipv4"
            server.close()

        connection.on("end", checker.must_call(on_end))
        connection.write("request")

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()


def test_ipv4_not_reached_when_default_disabled(checker) -> None:
    server = net.createServer(checker.must_not_call())
    connections: list = []

    def on_listening() -> None:
        net.setDefaultAutoSelectFamily(False)
        port = server.address().port
        connection = track(connections, net.createConnection({
            "host": "example.org",
            "port": port,
            "lookup": make_lookup(checker),
        }))
        connection.on("ready", checker.must_not_call())

        def on_error(error) -> None:
            # ::1 exists on the test machines (common.hasIPv6).
            assert error.code == "ECONNREFUSED"
            assert error.message == f"connect ECONNREFUSED ::1:{port}"
            server.close()

        connection.on("error", checker.must_call(on_error))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    finish(checker, server, connections)
