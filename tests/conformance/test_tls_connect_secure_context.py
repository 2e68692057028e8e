"""Port of test/parallel/test-tls-connect-secure-context.js (Node v20).

tls.connect with a secureContext holding the CA verifies the server (servername is the
certificate's name: 'localhost' here, 'agent1' in Node's fixtures).
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_connect_secure_context(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs), lambda c: c.end())

    def on_listening():
        secure_context = tls.createSecureContext({"ca": certs["ca-cert.pem"]})

        def on_secure():
            assert socket.authorized
            server.close()
            socket.end()

        socket = tls.connect({"secureContext": secure_context, "servername": "localhost",
                              "port": server.address().port}, checker.must_call(on_secure))

    server.listen(0, on_listening)
    run()
