"""Port of test/parallel/test-tls-passphrase.js (Node v20).

An encrypted key with its passphrase, and the same key unencrypted (where a passphrase is
ignored), as bytes, str, lists of them and key objects ({pem, passphrase}, whose own
passphrase wins) all connect to a server that requires the certificate; a missing or
wrong passphrase is "bad decrypt" (ERR_OSSL_BAD_DECRYPT, as Node v20 with OpenSSL 3.0
says for this key).  Node's rsa_private_encrypted.pem ('password') is enc-key.pem
('secret') here.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_passphrase(checker, certs):  # noqa: F811
    pass_key = certs["enc-key.pem"].encode()
    raw_key = subprocess.run(["openssl", "rsa", "-in", certs.path("enc-key.pem"), "-passin",
                              "pass:secret"], check=True, capture_output=True).stdout
    cert = certs["enc-cert.pem"].encode()
    server = tls.Server({"key": pass_key, "passphrase": "secret", "cert": cert, "ca": [cert],
                         "requestCert": True, "rejectUnauthorized": True})
    clients = [
        {"key": pass_key, "passphrase": "secret", "cert": cert},
        {"key": raw_key, "cert": cert},
        {"key": raw_key, "passphrase": "ignored", "cert": cert},
        {"key": [pass_key], "passphrase": "secret", "cert": [cert]},
        {"key": [raw_key], "cert": [cert]},
        {"key": [raw_key], "passphrase": "ignored", "cert": [cert]},
        {"key": pass_key.decode(), "passphrase": "secret", "cert": cert.decode()},
        {"key": raw_key.decode(), "cert": cert.decode()},
        {"key": raw_key.decode(), "passphrase": "ignored", "cert": cert.decode()},
        {"key": [pass_key.decode()], "passphrase": "secret", "cert": [cert.decode()]},
        {"key": [raw_key.decode()], "cert": [cert.decode()]},
        {"key": [raw_key.decode()], "passphrase": "ignored", "cert": [cert.decode()]},
        {"key": [{"pem": pass_key, "passphrase": "secret"}], "cert": cert},
        {"key": [{"pem": pass_key, "passphrase": "secret"}], "passphrase": "ignored",
         "cert": cert},
        {"key": [{"pem": pass_key}], "passphrase": "secret", "cert": cert},
        {"key": [{"pem": pass_key.decode(), "passphrase": "secret"}], "cert": cert},
        {"key": [{"pem": raw_key, "passphrase": "ignored"}], "cert": cert},
        {"key": [{"pem": raw_key.decode(), "passphrase": "ignored"}], "cert": cert},
        {"key": [{"pem": raw_key}], "passphrase": "ignored", "cert": cert},
        {"key": [{"pem": raw_key.decode()}], "passphrase": "ignored", "cert": cert},
        {"key": [{"pem": raw_key}], "cert": cert},
        {"key": [{"pem": raw_key.decode()}], "cert": cert},
    ]
    pending = [len(clients)]

    def on_listening():
        for options in clients:
            def make(options):
                def on_secure():
                    c.end()
                    pending[0] -= 1
                    if pending[0] == 0:
                        server.close()

                c = tls.connect({"port": server.address().port, "rejectUnauthorized": False,
                                 **options}, checker.must_call(on_secure))
                c.resume()

            make(options)

    server.listen(0, checker.must_call(on_listening))
    port = server.address().port
    for bad in ({"key": pass_key}, {"key": [pass_key]}, {"key": [{"pem": pass_key}]},
                {"key": pass_key, "passphrase": "invalid"},
                {"key": [pass_key], "passphrase": "invalid"},
                {"key": [{"pem": pass_key}], "passphrase": "invalid"},
                {"key": [{"pem": pass_key, "passphrase": "invalid"}],
                 "passphrase": "secret"}):
        with pytest.raises(Exception) as info:
            tls.connect({"port": port, "cert": cert, "rejectUnauthorized": False, **bad})
        assert re.search("bad decrypt", str(info.value))
        assert info.value.code == "ERR_OSSL_BAD_DECRYPT"
    run()
