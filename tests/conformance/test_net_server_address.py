"""Port of test/sequential/test-net-server-address.js (Node v20).

server.address() on 127.0.0.1, ::1, and with no host ('::' IPv6) for listen(port), (cb), (0, cb).
"""

from __future__ import annotations

import pytest

from pynet import net, run
from tests.conformance.common import has_ipv6

pytestmark = pytest.mark.timeout(10)


def fail(*args) -> None:
    raise AssertionError(f"unexpected 'error': {args!r}")


def test_ipv4_server(checker, ports) -> None:
    port = ports.reserved("127.0.0.1")  # Node: common.PORT + 1
    server_ipv4 = net.createServer()
    server_ipv4.on("error", fail)

    def on_listening() -> None:
        address_ipv4 = server_ipv4.address()
        assert address_ipv4.address == "127.0.0.1"
        assert address_ipv4.port == port
        assert address_ipv4.family == "IPv4"
        server_ipv4.close()

    server_ipv4.listen(port, "127.0.0.1", checker.must_call(on_listening))
    run()


pytest_ipv6 = pytest.mark.skipif(not has_ipv6(), reason="ipv6 part of test, no IPv6 support")


@pytest_ipv6
def test_ipv6_server(checker, ports) -> None:
    port = ports.reserved("::1")  # Node: common.PORT + 2
    server_ipv6 = net.createServer()
    server_ipv6.on("error", fail)

    def on_listening() -> None:
        address_ipv6 = server_ipv6.address()
        assert address_ipv6.address == "::1"
        assert address_ipv6.port == port
        assert address_ipv6.family == "IPv6"
        server_ipv6.close()

    server_ipv6.listen(port, "::1", checker.must_call(on_listening))
    run()


@pytest_ipv6
def test_no_host_with_port(checker, ports) -> None:
    port = ports.reserved()  # Node: common.PORT + 3
    server1 = net.createServer()
    server1.on("error", fail)

    def on_listening() -> None:
        address = server1.address()
        assert address.address == "::"
        assert address.port == port
        assert address.family == "IPv6"
        server1.close()

    server1.listen(port, checker.must_call(on_listening))
    run()


@pytest_ipv6
def test_no_host_no_port(checker) -> None:
    server2 = net.createServer()
    server2.on("error", fail)

    def on_listening() -> None:
        address = server2.address()
        assert address.address == "::"
        assert address.family == "IPv6"
        server2.close()

    server2.listen(checker.must_call(on_listening))
    run()


@pytest_ipv6
def test_no_host_falsy_port(checker) -> None:
    server3 = net.createServer()
    server3.on("error", fail)

    def on_listening() -> None:
        address = server3.address()
        assert address.address == "::"
        assert address.family == "IPv6"
        server3.close()

    server3.listen(0, checker.must_call(on_listening))
    run()
