"""Port of test/parallel/test-tls-server-connection-server.js (Node v20).

The raw socket of a tls.Server's 'connection' event has .server set to the server.
"""

from __future__ import annotations

from pynet import run, tls
from tests.conformance._tls_fixtures import agent1, certs, needs_openssl  # noqa: F401

pytestmark = needs_openssl


def test_server_connection_server(checker, certs):  # noqa: F811
    server = tls.createServer(agent1(certs), lambda s: s.end("hello"))

    def on_listening():
        def on_connection(socket):
            assert socket.server is server
            server.close()

        server.on("connection", checker.must_call(on_connection))
        client = tls.connect({"port": server.address().port, "rejectUnauthorized": False},
                             lambda: client.end())
        client.resume()

    server.listen(0, on_listening)
    run()
