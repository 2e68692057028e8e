"""Port of test/parallel/test-net-autoselectfamily-ipv4first.js (Node v20).

When the lookup lists the A record first, happy eyeballs connects over IPv4, not IPv6.

Node's test answers from a fake UDP DNS server; the lookup is mocked here with the
same answer order (``127.0.0.1`` then ``::1``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pynet import net, run
from pynet.process import nextTick


@pytest.fixture(autouse=True)
def _restore_default() -> Iterator[None]:
    before = net.getDefaultAutoSelectFamilyAttemptTimeout()
    # Node's test: platformTimeout(250) outside Windows.
    net.setDefaultAutoSelectFamilyAttemptTimeout(250)
    yield
    net.setDefaultAutoSelectFamilyAttemptTimeout(before)


def test_ipv6_not_reached_when_ipv4_sorted_first(checker) -> None:
    def lookup(hostname, options, cb) -> None:
        assert options.get("family") != 4
        hosts = [{"address": "127.0.0.1", "family": 4}, {"address": "::1", "family": 6}]
        if options.get("all") is True:
            nextTick(cb, None, hosts)
        else:
            nextTick(cb, None, hosts[0]["address"], hosts[0]["family"])

    def on_ipv4(socket) -> None:
        def on_data(_chunk) -> None:
            socket.write("response-ipv4")
            socket.end()
        socket.on("data", checker.must_call(on_data))

    def on_ipv6(socket) -> None:
        socket.on("data", checker.must_not_call())

    ipv4_server = net.createServer(on_ipv4)
    ipv6_server = net.createServer(on_ipv6)

    def on_ipv4_listening() -> None:
        port = ipv4_server.address().port

        def on_ipv6_listening() -> None:
            connection = net.createConnection({
                "host": "example.org",
                "port": port,
                "lookup": checker.must_call(lookup),
                "autoSelectFamily": True,
            })
            response = []
            connection.setEncoding("utf-8")
            connection.on("data", response.append)

            def on_end() -> None:
                assert "".join(response) == "response-ipv4"
                ipv4_server.close()
                ipv6_server.close()

            connection.on("end", checker.must_call(on_end))
            connection.write("request")

        ipv6_server.listen(port, "::1", checker.must_call(on_ipv6_listening))

    ipv4_server.listen(0, "127.0.0.1", checker.must_call(on_ipv4_listening))
    run()
