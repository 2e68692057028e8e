"""Port of test/parallel/test-tls-connect-hints-option.js (Node v20).

tls.connect() passes its ``hints`` option to the lookup function, with ``all: True``.
"""

from __future__ import annotations

from pynet import dns, run, tls

HINTS = 512


def test_connect_hints_option(checker):
    for other in (dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.ADDRCONFIG | dns.V4MAPPED,
                  dns.ADDRCONFIG | dns.ALL, dns.V4MAPPED | dns.ALL,
                  dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL):
        assert HINTS != other

    def lookup(host, options, callback):
        assert host == "localhost"
        assert dict(options) == {"family": None, "hints": HINTS, "all": True}

    # The lookup runs inside tls.connect() and never calls back, as in Node; the
    # pending connection is destroyed so that the loop ends.
    client = tls.connect({"port": 42, "lookup": checker.must_call(lookup), "hints": HINTS})
    client.destroy()
    run()
