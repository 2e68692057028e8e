"""Port of test/parallel/test-tls-ca-concat.js (Node v20).

A `ca` string that concatenates an unrelated (non-CA) certificate with the server chain's
root still finds the root (the server sends its leaf and intermediate).
"""

from __future__ import annotations

from pynet import run
from tests.conformance._tls_fixtures import (  # noqa: F401
    certs,
    chain_certs,
    needs_openssl,
    tls_connect,
)

pytestmark = needs_openssl


def test_ca_concat(checker, certs, chain_certs):  # noqa: F811
    def check(err, pair, cleanup):
        assert err is None, err
        cleanup()

    tls_connect(checker, {
        "client": {"checkServerIdentity": lambda servername, cert: None,
                   "ca": certs["server-cert.pem"] + "\n" + chain_certs["ca2-cert.pem"]},
        "server": {"cert": chain_certs["agent10-cert.pem"],
                   "key": chain_certs["agent10-key.pem"]},
    }, check)
    run()
