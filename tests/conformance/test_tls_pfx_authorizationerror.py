"""Port of test/parallel/test-tls-pfx-authorizationerror.js (Node v20).

Server and client both take their identity from one PKCS#12 file (passphrase
'sample') that carries the CA: the server, requesting a certificate without rejecting,
verifies the client's (authorizationError None) and reads its serial number; the
client's getCertificate() gives the same serial number call after call.  Node's fixed
serial is the regenerated certificate's here.
"""

from __future__ import annotations

import subprocess

from pynet import run, tls
from tests.conformance._tls_fixtures import needs_openssl, pfx_certs, read_pfx  # noqa: F401

pytestmark = needs_openssl


def test_pfx_authorizationerror(checker, pfx_certs):  # noqa: F811
    pfx = read_pfx(pfx_certs, "agent1.pfx")
    serial = subprocess.run(
        ["openssl", "x509", "-noout", "-serial", "-in", pfx_certs.path("agent1-single.pem")],
        check=True, capture_output=True, text=True).stdout.strip().split("=", 1)[1].upper()

    def on_secure_connection(c):
        assert c.getPeerCertificate()["serialNumber"] == serial
        assert c.authorizationError is None
        c.end()

    server = tls.createServer({"pfx": pfx, "passphrase": "sample", "requestCert": True,
                               "rejectUnauthorized": False},
                              checker.must_call(on_secure_connection))

    def on_listening():
        def on_secure():
            for _ in range(10):
                # Node: getCertificate() must not drop a reference to the X509 each call.
                assert client.getCertificate()["serialNumber"] == serial
            client.end()
            server.close()

        client = tls.connect({"port": server.address().port, "pfx": pfx,
                              "passphrase": "sample", "rejectUnauthorized": False}, on_secure)

    server.listen(0, on_listening)
    run()
