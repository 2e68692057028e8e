"""Port of test/parallel/test-dgram-custom-lookup.js (Node v20).

The 'lookup' option is called to resolve the bind address; without it,
dns.lookup is (looked up at call time); a non-function throws ERR_INVALID_ARG_TYPE.
"""

from __future__ import annotations

import math

import pytest

from pynet import dgram, dns, errors, run


def test_custom_lookup_called(checker) -> None:
    def lookup(host, family, callback) -> None:
        dns.lookup(host, family, callback)

    socket = dgram.createSocket({"type": "udp4", "lookup": checker.must_call(lookup)})
    socket.bind(checker.must_call(lambda: socket.close()))
    run()


def test_default_is_dns_lookup(checker, monkeypatch) -> None:
    original = dns.lookup

    def patched(host, family, callback) -> None:
        monkeypatch.setattr(dns, "lookup", original)
        original(host, family, callback)

    monkeypatch.setattr(dns, "lookup", checker.must_call(patched))
    socket = dgram.createSocket({"type": "udp4"})
    socket.bind(checker.must_call(lambda: socket.close()))
    run()


@pytest.mark.parametrize("value", [True, False, 0, 1, math.nan, "", "foo", {}])
def test_non_function_throws(value) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE,
                       match=r'^The "lookup" argument must be of type function\.') as info:
        dgram.createSocket({"type": "udp4", "lookup": value})
    assert isinstance(info.value, TypeError)
