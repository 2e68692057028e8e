"""Port of test/parallel/test-tls-honorcipherorder.js (Node v20).

TLS 1.2 cipher choice: the client's order by default, the server's with
honorCipherOrder, the only cipher the client offers, the server's first among Node's
default list, and tls.DEFAULT_CIPHERS (assigned) as the client's default.
Both ends use secureProtocol 'TLSv1_2_method'; Node's agent2 (RSA) is the CA-signed
server certificate.
"""

from __future__ import annotations

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl

SERVER_CIPHERS = "AES256-SHA256:AES128-GCM-SHA256:AES128-SHA256:ECDHE-RSA-AES128-GCM-SHA256"
CASES = [
    (False, "AES128-GCM-SHA256:AES256-SHA256:AES128-SHA256", "AES128-GCM-SHA256"),
    (True, "AES128-GCM-SHA256:AES256-SHA256:AES128-SHA256", "AES256-SHA256"),
    (True, "AES128-SHA256:AES128-GCM-SHA256", "AES128-GCM-SHA256"),
    (True, "AES128-SHA256", "AES128-SHA256"),
    (True, None, "AES256-SHA256"),
]


def _test(checker, certs, honor, client_cipher, expected):  # noqa: F811
    server = tls.createServer({"secureProtocol": "TLSv1_2_method", "key": certs["server-key.pem"],
                               "cert": certs["server-cert.pem"], "ciphers": SERVER_CIPHERS,
                               "honorCipherOrder": honor},
                              checker.must_call(lambda s: s.end()))

    def on_listening():
        options = {"rejectUnauthorized": False, "secureProtocol": "TLSv1_2_method"}
        if client_cipher:
            options["ciphers"] = client_cipher

        def on_secure():
            cipher = client.getCipher()
            client.end()
            server.close()
            assert cipher["name"] == expected

        client = tls.connect(server.address().port, "127.0.0.1", options,
                             checker.must_call(on_secure))

    server.listen(0, "127.0.0.1", on_listening)
    run()


@pytest.mark.parametrize(("honor", "client_cipher", "expected"), CASES)
def test_honorcipherorder(checker, certs, honor, client_cipher, expected):  # noqa: F811
    _test(checker, certs, honor, client_cipher, expected)


def test_default_ciphers_is_used(checker, certs):  # noqa: F811
    saved = tls.DEFAULT_CIPHERS
    tls.DEFAULT_CIPHERS = "ECDHE-RSA-AES128-GCM-SHA256"
    try:
        _test(checker, certs, True, None, "ECDHE-RSA-AES128-GCM-SHA256")
    finally:
        tls.DEFAULT_CIPHERS = saved
