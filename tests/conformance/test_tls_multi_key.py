"""Port of test/parallel/test-tls-multi-key.js (Node v20).

A server with an RSA and an EC key/certificate pair serves each client the certificate
its cipher needs; getCipher() names the cipher, its standard name and TLSv1.2.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_multi_key(checker, certs):  # noqa: F811
    options = {"key": [certs["server-key.pem"], certs["ecserver-key.pem"]],
               "cert": [certs["server-cert.pem"], certs["ecserver-cert.pem"]]}
    ciphers = []
    server = tls.createServer(options, lambda conn: conn.end("ok"))

    def on_listening():
        def on_ecdsa():
            ciphers.append(ecdsa.getCipher())

            def on_rsa():
                ciphers.append(rsa.getCipher())
                ecdsa.end()
                rsa.end()
                server.close()

            rsa = tls.connect(server.address().port, {
                "ciphers": "ECDHE-RSA-AES256-GCM-SHA384", "maxVersion": "TLSv1.2",
                "rejectUnauthorized": False}, checker.must_call(on_rsa))
            rsa.resume()

        ecdsa = tls.connect(server.address().port, {
            "ciphers": "ECDHE-ECDSA-AES256-GCM-SHA384", "maxVersion": "TLSv1.2",
            "rejectUnauthorized": False}, checker.must_call(on_ecdsa))
        ecdsa.resume()

    server.listen(0, on_listening)
    run()
    assert ciphers == [
        {"name": "ECDHE-ECDSA-AES256-GCM-SHA384",
         "standardName": "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "version": "TLSv1.2"},
        {"name": "ECDHE-RSA-AES256-GCM-SHA384",
         "standardName": "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "version": "TLSv1.2"},
    ]
