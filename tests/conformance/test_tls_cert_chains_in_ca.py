"""Port of test/parallel/test-tls-cert-chains-in-ca.js (Node v20).

The server's intermediate given as its `ca` (the certificate alone as `cert`): the server
sends the chain, and getPeerCertificate(true) walks leaf → intermediate → root.
"""

from __future__ import annotations

from pynet import run
from tests.conformance._tls_fixtures import chain_certs, needs_openssl, tls_connect  # noqa: F401
from tests.conformance.test_tls_cert_chains_concat import serial

pytestmark = needs_openssl


def test_cert_chains_in_ca(checker, chain_certs):  # noqa: F811
    def check(err, pair, cleanup):
        assert err is None, err
        peer = pair["client"]["conn"].getPeerCertificate()
        assert peer["serialNumber"] == serial(chain_certs.path("agent10-single.pem"))
        nxt = pair["client"]["conn"].getPeerCertificate(True)["issuerCertificate"]
        root = nxt["issuerCertificate"]
        assert nxt["serialNumber"] == serial(chain_certs.path("ca4-cert.pem"))
        assert root["serialNumber"] == serial(chain_certs.path("ca2-cert.pem"))
        cleanup()

    tls_connect(checker, {
        "client": {"checkServerIdentity": lambda servername, cert: None,
                   "ca": chain_certs["ca2-cert.pem"]},
        "server": {"cert": chain_certs["agent10-single.pem"],
                   "key": chain_certs["agent10-key.pem"],
                   "ca": chain_certs["agent10-subca.pem"]},
    }, check)
    run()
