"""Port of test/parallel/test-tls-invalid-pfx.js (Node v20).

A client whose pfx holds a certificate but no key: tls.connect throws 'Unable to load
private key from PFX data' (through Node's tls-connect fixture, which reports it).
"""

from __future__ import annotations

from tests.conformance._tls_fixtures import (  # noqa: F401
    agent1,
    certs,
    needs_openssl,
    pfx_certs,
    read_pfx,
    tls_connect,
)

pytestmark = needs_openssl


def test_invalid_pfx(checker, certs, pfx_certs):  # noqa: F811
    from pynet import run

    def on_pair(err, pair, cleanup):
        assert str(err) == "Unable to load private key from PFX data"
        cleanup()

    tls_connect(checker, {
        "client": {"pfx": read_pfx(pfx_certs, "cert-without-key.pfx"), "passphrase": "test",
                   "rejectUnauthorized": False},
        "server": agent1(certs),
    }, on_pair)
    run()
