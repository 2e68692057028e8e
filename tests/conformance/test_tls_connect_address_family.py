"""Port of test/parallel/test-tls-connect-address-family.js (Node v20).

A server on ::1; tls.connect to host 'localhost' with family 6 reaches it (remoteAddress
'::1'), so the family option is honoured.  Skipped where localhost is not ::1.
"""

from __future__ import annotations

import socket

import pytest

from pynet import nextTick, run, tls
from pynet._js.nodeobject import NodeObject
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401
from tests.conformance.common import has_ipv6


def _localhost_is_ipv6_loopback() -> bool:
    try:
        infos = socket.getaddrinfo("localhost", 0, socket.AF_INET6)
    except OSError:
        return False
    return any(info[4][0] == "::1" for info in infos)


pytestmark = [needs_openssl, pytest.mark.skipif(not has_ipv6(), reason="no IPv6")]


def _dual_stack_localhost(host, options, callback):
    """A 'localhost' that has both loopbacks, answering for the family asked, as
    dns.lookup does: family 6 gets ::1 only."""
    entries = [NodeObject(address="::1", family=6), NodeObject(address="127.0.0.1", family=4)]
    family = options.get("family")
    if family in (4, 6):
        entries = [e for e in entries if e["family"] == family]
    if options.get("all"):
        nextTick(callback, None, entries)
    else:
        nextTick(callback, None, entries[0]["address"], entries[0]["family"])


@pytest.mark.skipif(not _localhost_is_ipv6_loopback(), reason="localhost does not resolve to ::1")
def test_connect_address_family(checker, certs):  # noqa: F811
    _scenario(checker, certs, {})


def test_connect_address_family_dual_stack_lookup(checker, certs):  # noqa: F811
    # The same where the system's localhost has no ::1: a lookup like a dual-stack host's.
    _scenario(checker, certs, {"lookup": _dual_stack_localhost})


def _scenario(checker, certs, extra):  # noqa: F811
    server = tls.createServer(agent1(certs))
    server.on("connection", checker.must_call(lambda c: server.close()))

    def on_listening():
        client = tls.connect({"host": "localhost", "port": server.address().port,
                              "family": 6, "rejectUnauthorized": False, **extra})

        def on_secure():
            assert client.remoteAddress == "::1"
            client.destroy()

        client.once("secureConnect", checker.must_call(on_secure))

    server.listen(0, "::1", checker.must_call(on_listening))
    run()
