"""Port of test/parallel/test-tls-getcipher.js (Node v20).

With honorCipherOrder and a TLS 1.2 cipher list, getCipher() names the server's first
choice, its standard name and the version.  Node's TLS 1.3 block picks
TLS_AES_128_CCM_8_SHA256 through a TLS 1.3 ``ciphers`` list, which Python's ``ssl``
cannot set (porting guide); the default TLS 1.3 suite is checked instead.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

CIPHERS = ["AES256-SHA256", "AES128-SHA256"]


def test_getcipher_tls12(checker, certs):  # noqa: F811
    # Node's agent2 is RSA; pynet's self-signed fixture is EC, so the CA-signed RSA one.
    server = tls.createServer({"key": certs["server-key.pem"], "cert": certs["server-cert.pem"],
                               "ciphers": ":".join(CIPHERS), "honorCipherOrder": True},
                              checker.must_call(lambda s: None))

    def on_listening():
        def on_secure():
            cipher = client.getCipher()
            assert cipher["name"] == CIPHERS[0]
            assert cipher["standardName"] == "TLS_RSA_WITH_AES_256_CBC_SHA256"
            assert cipher["version"] == "TLSv1.2"
            client.end()
            server.close()

        client = tls.connect({"host": "127.0.0.1", "port": server.address().port,
                              "ciphers": "AES128-SHA256:AES256-SHA256",
                              "maxVersion": "TLSv1.2", "rejectUnauthorized": False},
                             checker.must_call(on_secure))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()


def test_getcipher_tls13(checker, certs):  # noqa: F811
    server = tls.createServer({"key": certs["server-key.pem"], "cert": certs["server-cert.pem"]},
                              checker.must_call(lambda s: None))

    def on_listening():
        def on_secure():
            cipher = client.getCipher()
            assert cipher["name"] == "TLS_AES_256_GCM_SHA384"
            assert cipher["standardName"] == "TLS_AES_256_GCM_SHA384"
            assert cipher["version"] == "TLSv1.3"
            client.end()
            server.close()

        client = tls.connect({"host": "127.0.0.1", "port": server.address().port,
                              "rejectUnauthorized": False}, checker.must_call(on_secure))

    server.listen(0, "127.0.0.1", checker.must_call(on_listening))
    run()
