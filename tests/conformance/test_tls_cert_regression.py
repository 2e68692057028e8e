"""Port of test/parallel/test-tls-cert-regression.js (Node v20).

A server takes its key and certificate as strings, then as bytes, and listens and
closes with each.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent2, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_cert_regression(checker, certs):  # noqa: F811
    # Node's test embeds a self-signed certificate and its RSA key; agent2 is one.
    opts = agent2(certs)
    cert = opts["cert"].decode() if isinstance(opts["cert"], bytes) else opts["cert"]
    key = opts["key"].decode() if isinstance(opts["key"], bytes) else opts["key"]

    def test(cert, key, cb):
        server = tls.createServer({"cert": cert, "key": key})
        server.listen(0, lambda: server.close(cb))

    test(cert, key, checker.must_call(
        lambda: test(cert.encode(), key.encode(), checker.must_call())))
    run()
