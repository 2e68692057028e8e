"""Port of test/parallel/test-net-dns-custom-lookup.js (Node v20).

A custom ``lookup`` option is used for the connect ('lookup' event carries its answer, for IPv4
and IPv6); a lookup answering an undefined address gives 'error' ERR_INVALID_IP_ADDRESS.
"""

from __future__ import annotations

import pytest

from pynet import net, run
from pynet._net.address import NodeObject
from pynet.process import nextTick

pytestmark = pytest.mark.timeout(10)


def check(checker, address_type, cb=None):
    def on_connection(client):
        client.end()
        server.close()
        if cb:
            cb()

    server = net.createServer(on_connection)
    address = "127.0.0.1" if address_type == 4 else "::1"

    def lookup(host, dnsopts, callback):
        dnsopts["family"] = address_type
        ip = "127.0.0.1" if address_type == 4 else "::1"
        if dnsopts.get("all"):
            nextTick(callback, None, [NodeObject(address=ip, family=address_type)])
        else:
            nextTick(callback, None, ip, address_type)

    def on_lookup(err, ip, type_):
        assert err is None
        assert ip == address
        assert type_ == address_type

    def on_listening():
        net.connect({
            "port": server.address().port,
            "host": "localhost",
            "family": address_type,
            "lookup": lookup,
        }).on("lookup", checker.must_call(on_lookup))

    server.listen(0, address, checker.must_call(on_listening))


def test_custom_lookup_ipv4_then_ipv6(checker):
    check(checker, 4, lambda: check(checker, 6))
    run()


def test_bad_lookup_ip(checker):
    # Verify that bad lookup() IPs are handled.
    def lookup(host, dnsopts, cb):
        if dnsopts.get("all"):
            cb(None, [NodeObject(address=None, family=4)])
        else:
            cb(None, None, 4)

    def on_error(err):
        assert err.code == "ERR_INVALID_IP_ADDRESS"

    net.connect({"host": "localhost", "port": 80, "lookup": lookup}).on(
        "error", checker.must_call(on_error))
    run()
