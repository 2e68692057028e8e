"""Port of test/parallel/test-tls-cert-chains-concat.js (Node v20).

A server certificate file holding the leaf and its intermediate: the client gets the
chain and completes it with the root it knows; getPeerCertificate(true) walks leaf →
intermediate → root (serials read with the openssl CLI; Node's agent6/ca3/ca1 are
agent10/ca4/ca2 here).  The server sees no client certificate: {} both ways.
"""

from __future__ import annotations

import subprocess

from pynet import run
from tests.conformance._tls_fixtures import chain_certs, needs_openssl, tls_connect  # noqa: F401

pytestmark = needs_openssl


def serial(path):
    out = subprocess.run(["openssl", "x509", "-in", path, "-noout", "-serial"], check=True,
                         capture_output=True, text=True).stdout
    return out.strip().split("=", 1)[1]


def test_cert_chains_concat(checker, chain_certs):  # noqa: F811
    def check(err, pair, cleanup):
        assert err is None, err
        peer = pair["client"]["conn"].getPeerCertificate()
        assert peer["subject"]["CN"] == "agent10.example.com"
        assert peer["issuer"]["CN"] == "ca4"
        assert peer["serialNumber"] == serial(chain_certs.path("agent10-single.pem"))
        nxt = pair["client"]["conn"].getPeerCertificate(True)["issuerCertificate"]
        root = nxt["issuerCertificate"]
        assert nxt["subject"]["CN"] == "ca4" and nxt["issuer"]["CN"] == "ca2"
        assert nxt["serialNumber"] == serial(chain_certs.path("ca4-cert.pem"))
        assert root["subject"]["CN"] == "ca2" and root["issuer"]["CN"] == "ca2"
        assert root["serialNumber"] == serial(chain_certs.path("ca2-cert.pem"))
        assert pair["server"]["conn"].getPeerCertificate() == {}
        assert pair["server"]["conn"].getPeerCertificate(True) == {}
        cleanup()

    tls_connect(checker, {
        "client": {"checkServerIdentity": lambda servername, cert: None,
                   "ca": chain_certs["ca2-cert.pem"]},
        "server": {"cert": chain_certs["agent10-cert.pem"],
                   "key": chain_certs["agent10-key.pem"]},
    }, check)
    run()
