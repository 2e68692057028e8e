"""Port of test/parallel/test-tls-handshake-error.js (Node v20).

A client offering only a cipher the server does not have gets a handshake error (not
ECONNRESET), then 'close' with hadError.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_handshake_error(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs, rejectUnauthorized=True), lambda c: None)
    server.on("tlsClientError", lambda *a: None)

    def on_listening():
        # Node's 'RC4' no longer exists in OpenSSL 3; a TLS 1.2-only cipher the
        # server's RSA key cannot use has the same effect.
        c = tls.connect({"port": server.address().port, "ciphers": "ECDHE-ECDSA-AES128-SHA",
                         "maxVersion": "TLSv1.2"}, checker.must_not_call())
        c.on("error", checker.must_call(lambda err: _check(err)))
        c.on("close", checker.must_call(lambda had_error: (_ok(had_error), server.close())))

    server.listen(0, checker.must_call(on_listening))
    run()


def _check(err):
    assert err.code != "ECONNRESET"
    assert err.code.startswith("ERR_SSL_")


def _ok(had_error):
    assert had_error
