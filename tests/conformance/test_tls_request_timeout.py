"""Port of test/parallel/test-tls-request-timeout.js (Node v20).

setTimeout on a server-side TLS socket returns the socket and emits 'timeout'.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_request_timeout(checker, certs):  # noqa: F811
    clients = []

    def on_secure(socket):
        s = socket.setTimeout(100)
        assert isinstance(s, tls.TLSSocket)

        def on_timeout():
            socket.end()
            server.close()

        socket.on("timeout", checker.must_call(on_timeout))

    server = tls.Server(agent1(certs), checker.must_call(on_secure))

    def on_listening():
        c = tls.connect({"port": server.address().port, "rejectUnauthorized": False})
        c.resume()
        clients.append(c)

    server.listen(0, on_listening)
    run()
