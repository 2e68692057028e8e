"""Port of test/parallel/test-tls-no-rsa-key.js (Node v20).

A server with only an EC key and certificate (no RSA key): the client connects, sees
the peer certificate's subject, gets the data and 'end'.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import chain_certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_no_rsa_key(checker, chain_certs):  # noqa: F811
    options = {"key": chain_certs["ec10-key.pem"], "cert": chain_certs["ec10-cert.pem"]}
    server = tls.Server(options, lambda conn: conn.end("ok"))

    def on_listening():
        def on_connect():
            def on_end():
                c.end()
                server.close()

            c.on("end", checker.must_call(on_end))
            c.on("data", checker.must_call(lambda data: _check_data(data)))
            cert = c.getPeerCertificate()
            assert cert["subject"]["C"] == "US"

        c = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                        checker.must_call(on_connect))

    server.listen(0, checker.must_call(on_listening))
    run()


def _check_data(data):
    assert bytes(data) == b"ok"
