"""Port of test/parallel/test-tls-secure-context-usage-order.js (Node v20).

server.addContext: the most recently added context matching the servername wins (a
second '*.example.com' context with the right CA makes the client authorized).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, agent2, certs, chain_certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_secure_context_usage_order(checker, certs, chain_certs):  # noqa: F811
    seen = []

    def on_secure(c):
        seen.append((c.servername, c.authorized))

    server = tls.createServer(agent2(certs, requestCert=True, rejectUnauthorized=False),
                              on_secure)
    server.addContext("*.example.com", agent1(certs, ca=[chain_certs["ca2-cert.pem"]]))

    def on_listening():
        # Node's client presents agent1; here the clientAuth certificate signed by the
        # same CA (agent1 here is a serverAuth-only certificate).
        options = {"key": certs["client-key.pem"], "cert": certs["client-cert.pem"],
                   "port": server.address().port, "ca": [certs["ca-cert.pem"]],
                   "servername": "a.example.com", "rejectUnauthorized": False}
        client = tls.connect(options, lambda: client.end())

        def on_close(*_):
            server.addContext("*.example.com", agent1(certs, ca=[certs["ca-cert.pem"]]))
            options["servername"] = "b.example.com"
            other = tls.connect(options, lambda: other.end())
            other.on("close", checker.must_call(lambda *a: server.close()))

        client.on("close", checker.must_call(on_close))

    server.listen(0, on_listening)
    run()
    assert seen == [("a.example.com", False), ("b.example.com", True)]
