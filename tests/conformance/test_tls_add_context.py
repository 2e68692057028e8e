"""Port of test/parallel/test-tls-add-context.js (Node v20).

server.addContext with an options object and with a SecureContext: a client naming either
context is verified with that context's CA (authorized); one naming an unknown context gets
the server's own, whose CA does not know the client (not authorized).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def _run(checker, certs, names):  # noqa: F811
    connections = [0]

    def on_secure(c):
        connections[0] += 1
        if connections[0] == len(names):
            server.close()
        if c.servername == "unknowncontext":
            assert c.authorized is False
            return
        assert c.authorized is True

    # agent2 with ca2 (a CA that did not sign the client); the contexts: agent1 with ca1.
    server = tls.createServer({"key": certs["self-key.pem"], "cert": certs["self-cert.pem"],
                               "ca": [certs["other-ca-cert.pem"]], "requestCert": True,
                               "rejectUnauthorized": False}, checker.must_call(on_secure, len(names)))
    secure_context = {"key": certs["server-key.pem"], "cert": certs["server-cert.pem"],
                      "ca": [certs["ca-cert.pem"]]}
    server.addContext("context1", secure_context)
    server.addContext("context2", tls.createSecureContext(secure_context))
    base = {"key": certs["client-key.pem"], "cert": certs["client-cert.pem"],
            "ca": [certs["ca-cert.pem"]], "rejectUnauthorized": False}

    def on_listening():
        for name in names:
            client = tls.connect({**base, "port": server.address().port, "servername": name})
            client.on("secureConnect", checker.must_call(
                (lambda c: lambda: c.end())(client)))

    server.listen(0, checker.must_call(on_listening))
    run()


def test_add_context(checker, certs):  # noqa: F811
    _run(checker, certs, ("context1", "context2"))


def test_add_context_unknown(checker, certs):  # noqa: F811
    _run(checker, certs, ("unknowncontext",))
