"""Port of test/sequential/test-net-server-listen-ipv6-link-local.js (Node v20 part).

listen(port, host) passes a lookup error through as 'error'; a link-local fe80::1 fails to listen.

The newest suite mocks dns.lookup(host, options, cb) with {all: true} answers and expects
listen() to skip link-local addresses; that is post-v20 behaviour. Node v20 calls
dns.lookup(host, cb) and listens on the single address it gets, so only the first two cases
apply (checked against node v20 with the same mocks).
"""

from __future__ import annotations

import pytest

import pynet.dns
from pynet import net, run
from tests.conformance.common import has_ipv6

pytestmark = [
    pytest.mark.timeout(10),
    pytest.mark.skipif(not has_ipv6(), reason="IPv6 support is required for this test"),
]


def test_lookup_error_is_emitted(checker, monkeypatch, ports) -> None:
    def lookup(hostname, *args) -> None:
        args[-1](Exception("Mocked error"))

    monkeypatch.setattr(pynet.dns, "lookup", lookup)
    server = net.createServer()

    def on_error(e) -> None:
        assert str(e) == "Mocked error"

    server.on("error", checker.must_call(on_error))
    server.listen(ports.reserved(), "ipv6_link_local")  # Node: common.PORT + 2
    run()


def test_link_local_address_fails_to_listen(checker, monkeypatch, ports) -> None:
    def lookup(hostname, *args) -> None:
        assert hostname == "ipv6_link_local"
        args[-1](None, "fe80::1", 6)

    monkeypatch.setattr(pynet.dns, "lookup", lookup)
    server = net.createServer()

    def on_error(e) -> None:
        assert e.address == "fe80::1"
        assert e.syscall == "listen"

    server.on("error", checker.must_call(on_error))
    server.listen(ports.reserved(), "ipv6_link_local")  # Node: common.PORT + 2
    run()
