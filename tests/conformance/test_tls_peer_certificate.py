"""Port of test/parallel/test-tls-peer-certificate.js (Node v20).

getPeerCertificate() has no issuerCertificate; getPeerCertificate(true) has the chain
the server sent (its `ca` completes it), ending at the self-signed root, which is its own
issuer.  The serial number, exponent and fingerprint are the certificate's (read with the
openssl CLI, as Node's test has them written in); Node's emailAddress and infoAccess
checks need fields these certificates do not have.
"""

from __future__ import annotations

import subprocess

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def _openssl_x509(path, *args):
    out = subprocess.run(["openssl", "x509", "-in", path, "-noout", *args], check=True,
                         capture_output=True, text=True).stdout.strip()
    return out.split("=", 1)[1]


def test_peer_certificate(checker, certs):  # noqa: F811
    serial = _openssl_x509(certs.path("server-cert.pem"), "-serial")
    fingerprint = _openssl_x509(certs.path("server-cert.pem"), "-fingerprint", "-sha1")
    ca_serial = _openssl_x509(certs.path("ca-cert.pem"), "-serial")
    server = tls.createServer(agent1(certs, ca=[certs["ca-cert.pem"]]),
                              lambda c: (c.resume(), c.end("World")))  # reads: closes

    def on_listening():
        def on_secure():
            peer = socket.getPeerCertificate()
            assert "issuerCertificate" not in peer
            peer = socket.getPeerCertificate(True)
            assert peer["issuerCertificate"]
            assert peer["serialNumber"] == serial
            assert peer["exponent"] == "0x10001"
            assert peer["fingerprint"] == fingerprint
            issuer = peer["issuerCertificate"]
            assert issuer["issuerCertificate"] is issuer
            assert issuer["serialNumber"] == ca_serial
            server.close()

        socket = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             checker.must_call(on_secure))
        socket.end("Hello")
        socket.resume()

    server.listen(0, checker.must_call(on_listening))
    run()
